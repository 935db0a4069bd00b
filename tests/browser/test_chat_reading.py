"""Reading an answer on the chat page, on a desktop and a phone, light and dark: the copy button
gives plain text with the sources, screen readers hear plain text, a long answer opens at its
start, the freshness badge is readable in both themes, and on a phone the pay bands sit in
their answer. Each test leaves screenshots of its states in test-artifacts/ui-states/."""

from __future__ import annotations

import re
from typing import Any

import pytest
from chat_support import (
    BOT,
    CHAT,
    DESKTOP,
    DESKTOP_DARK,
    LOOKS,
    PHONE,
    PHONE_DARK,
    Look,
    ask,
    assert_safe,
    contrast,
    open_chat,
    shoot,
    wait_top_in_view,
)

pytestmark = pytest.mark.browser

LONG = "Alibaba ML engineer pay in every region"  # ~1,200 px tall: longer than the chat box
WCAG_AA = 4.5


def named(look: Look) -> str:
    return look.name


@pytest.mark.parametrize("look", [DESKTOP, PHONE_DARK], ids=named)
def test_copy_gives_plain_text_with_the_sources(make_page: Any, app_url: str,
                                                look: Look) -> None:
    page = make_page(look)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_url)
    open_chat(page, app_url)
    ask(page, "Alibaba ML engineer base")
    page.locator(f"{CHAT} .message-buttons button").last.click()  # the answer's copy button
    page.wait_for_function("() => navigator.clipboard.readText().then((t) => t.length > 0)")
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert not re.search(r"</?[a-z]+[ >]|&[a-z]+;|href=", text), text  # no HTML at all
    paragraphs = text.split("\n\n")  # paragraphs stay apart, as on screen
    assert paragraphs[0].startswith("Alibaba ML/AI Engineer — Bay Area")
    assert paragraphs[0].endswith("$170K–$240K [1]")
    assert paragraphs[1].startswith("Alibaba ML/AI Engineer — Seattle (US)")
    assert "SGD 130K–SGD 200K [1]" in text and "Freshness: this guide" in text
    assert paragraphs[-2] == "Sources"
    assert re.fullmatch(r"- \[1\] .*Alibaba.* — Compensation — guides/alibaba/ml-ai-engineer\.md",
                        paragraphs[-1]), paragraphs[-1]
    assert "Pay bands in" not in text  # the chart in the message is not text to paste
    assert page.locator(f"{CHAT} .message-buttons button.oc-copied").count() == 1  # feedback
    shoot(page, f"chat-copied-{look.name}")
    assert_safe(page)


def test_screen_readers_hear_plain_text_and_the_question_box_is_named(
        page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    ask(page, "Alibaba Seattle sign-on?")
    labels = page.eval_on_selector_all(f"{CHAT} [data-testid='user'], {BOT}",
                                       "els => els.map((e) => e.getAttribute('aria-label'))")
    assert labels[0] == "Your question: Alibaba Seattle sign-on?"
    assert labels[1].startswith("Answer: Alibaba ML/AI Engineer — Seattle (US) (USD): No "
                                "sign-on bonus figure")
    assert "$60K sign-on bonus" in labels[1]
    assert "guides/alibaba/ml-ai-engineer.md" in labels[1]  # the sources are heard too
    assert not [la for la in labels if re.search(r"[<>]|&[a-z]+;|href", la)], labels
    box = page.get_by_role("textbox", name="Your question")
    assert box.count() == 1 and box.is_visible()
    assert page.get_by_role("textbox", name="Comment on the answer (optional)").count() == 1
    assert page.get_by_role("button", name="Clear conversation").is_visible()
    assert_safe(page)


@pytest.mark.parametrize("look", LOOKS, ids=named)
def test_a_long_answer_opens_at_its_start(make_page: Any, app_url: str, look: Look) -> None:
    page = make_page(look)
    open_chat(page, app_url)
    ask(page, "Alibaba Seattle sign-on?")
    answer = ask(page, LONG)
    assert answer.bounding_box()["height"] > page.locator(CHAT).bounding_box()["height"]
    wait_top_in_view(answer, CHAT)  # not its Sources at the bottom
    assert "Bay Area" in answer.inner_text().split("\n")[0]
    shoot(page, f"chat-long-answer-{look.name}")
    assert_safe(page)


@pytest.mark.parametrize(("look", "query"), [
    (DESKTOP, ""), (DESKTOP_DARK, ""), (DESKTOP, "?__theme=dark"), (PHONE_DARK, ""),
], ids=["light", "prefers-dark", "gradio-dark", "phone-dark"])
def test_the_freshness_badge_is_readable_in_both_themes(make_page: Any, app_url: str,
                                                         look: Look, query: str) -> None:
    page = make_page(look, shot=f"{look.name}{query.replace('?__theme=', '-theme-')}")
    page.goto(f"{app_url}/{query}")
    page.locator("#oc-question textarea").wait_for()
    dark = look.scheme == "dark" or "dark" in query
    assert page.evaluate("document.body.classList.contains('dark')") is dark  # Gradio's .dark
    answer = ask(page, "Alibaba Seattle sign-on?")
    badge = page.locator("#oc-freshness .freshness")
    assert "review overdue" in badge.inner_text()
    readings = {}
    for state in ("overdue", "fresh"):  # the sample guide is overdue; fresh is the same badge
        badge.evaluate("(el, s) => { el.className = 'freshness ' + s; }", state)
        for part in ("freshness-guide", "freshness-dates"):
            readings[f"{state} {part}"] = contrast(badge.locator(f".{part}"))
    readings["note"] = contrast(answer.locator("em", has_text="Freshness:"))
    assert all(ratio >= WCAG_AA for ratio in readings.values()), readings
    badge.evaluate("(el) => { el.className = 'freshness overdue'; }")
    badge.scroll_into_view_if_needed()
    shoot(page, f"chat-freshness-{look.name}{query.replace('?__theme=', '-theme-')}")


@pytest.mark.parametrize("look", [PHONE, PHONE_DARK], ids=named)
def test_at_phone_width_the_chart_sits_in_its_answer(make_page: Any, app_url: str,
                                                     look: Look) -> None:
    page = make_page(look)
    open_chat(page, app_url)
    answer = ask(page, "Alibaba ML engineer base")
    charts = answer.locator("figure.msg-chart")
    assert charts.locator("figcaption").all_inner_texts() == [
        "Pay bands in USD", "Pay bands in CNY", "Pay bands in SGD — Singapore"]
    text_bottom = answer.locator("p", has_text="Freshness:").bounding_box()
    chart = charts.first.bounding_box()
    assert 0 <= chart["y"] - (text_bottom["y"] + text_bottom["height"]) <= 100
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= look.width
    assert "$165K–$235K" in charts.first.inner_text()
    assert page.locator("#oc-chart").is_hidden()  # no second copy far below
    bar = charts.first.locator(".band-bar").first.bounding_box()
    assert bar["width"] > 10 and bar["x"] + bar["width"] <= chart["x"] + chart["width"]
    charts.first.scroll_into_view_if_needed()
    shoot(page, f"chat-phone-chart-{look.name}")
    assert_safe(page)
