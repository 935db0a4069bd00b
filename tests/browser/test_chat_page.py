"""The chat page at "/" in headless chromium: streaming answers with citation links into the
source viewer, follow-ups, chart beside the answer, chips, feedback, and the hostile guide."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from chat_support import BOT, CHAT, FINAL_LINK, ask, assert_safe, open_chat, wait_answer

pytestmark = pytest.mark.browser


def test_page_title_description_and_examples(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    assert page.title() == "Offer coach — salary negotiation guides"
    header = page.locator("#oc-header").inner_text()
    assert "Offer coach — salary negotiation guides" in header
    assert "only from the guide library" in header and "citations" in header
    for example in ("Alibaba Seattle sign-on?", "Alibaba ML engineer levels?",
                    "Can a sign-on bonus be clawed back?"):
        assert page.get_by_role("button", name=example).is_visible()
    assert_safe(page)


def test_answer_citation_opens_source_viewer_and_follow_up(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    answer = ask(page, "Alibaba Seattle sign-on?")
    assert "$60K" in answer.inner_text()
    assert "guides/alibaba/ml-ai-engineer.md" in answer.inner_text()  # the sources list
    badge = page.locator("#oc-freshness").inner_text()
    assert "Reviewed 2026-02" in badge

    link = answer.locator(FINAL_LINK).first
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    href = link.get_attribute("href") or ""
    assert href.startswith("/api/guides/alibaba/ml-ai-engineer#")
    with page.expect_popup() as popup_info:
        link.click()
    viewer = popup_info.value
    viewer.wait_for_load_state()
    anchor = unquote(urlsplit(viewer.url).fragment)
    assert anchor and anchor == unquote(href.split("#", 1)[1])
    assert viewer.locator(f"[id='{anchor}']").count() == 1
    assert "Alibaba" in viewer.title()
    viewer.close()

    follow = ask(page, "And Beijing?")
    text = follow.inner_text()
    assert "Beijing" in text and "CNY" in text and "Seattle" not in text
    assert page.locator(BOT).count() == 2
    assert_safe(page)


def test_chart_beside_the_answer_one_per_currency(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    answer = ask(page, "Alibaba ML engineer base")
    charts = page.locator("#oc-chart svg")
    assert [charts.nth(i).get_attribute("data-currency") for i in range(charts.count())] == [
        "USD", "CNY", "SGD"]
    assert "$165K–$235K" in page.locator("#oc-chart").inner_text()
    chat_box, chart_box = page.locator(CHAT).bounding_box(), charts.first.bounding_box()
    assert chart_box["x"] >= chat_box["x"] + chat_box["width"] - 1  # beside, not below
    assert chart_box["y"] < chat_box["y"] + chat_box["height"]
    assert "SGD 130K–SGD 200K" in answer.inner_text()
    assert answer.locator("figure.msg-chart").count() == 3  # in the message for phones only
    assert answer.locator("figure.msg-chart").first.is_hidden()
    assert_safe(page)


def test_example_button_and_suggestion_chip(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    page.get_by_role("button", name="Alibaba ML engineer levels?").click()
    assert "Level Mapping" in wait_answer(page, 0).inner_text()

    ask_chip = page.locator(f"{CHAT} .option")
    before = page.locator(BOT).count()
    box = page.locator("#oc-question textarea")
    box.fill("Alibaba software engineer pay?")
    box.press("Enter")
    wait_answer(page, before, final_link=False)
    assert ask_chip.first.inner_text() == "Alibaba ML/AI Engineer pay?"
    before = page.locator(BOT).count()
    ask_chip.first.click()
    assert "Alibaba ML/AI Engineer — Seattle" in wait_answer(page, before).inner_text()
    assert page.locator("#oc-chart svg").count() >= 1
    assert_safe(page)


def test_feedback_with_comment(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    page.locator("#oc-down").click()
    status = page.locator("#oc-feedback-status")
    status.get_by_text("Ask a question first").wait_for()
    ask(page, "Can a sign-on bonus be clawed back?")
    page.locator("#oc-comment textarea").fill("Wanted the exact repayment rule.")
    page.locator("#oc-up").click()
    status.get_by_text("Thanks — your rating is saved").wait_for()
    assert page.locator("#oc-comment textarea").input_value() == ""
    assert_safe(page)


def test_hostile_guide_renders_as_text(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    answer = ask(page, "Evilcorp software engineer pay?")
    text = answer.inner_text()
    assert "Evilcorp" in text and "€90K–€130K" in text
    assert "<script>alert(1)</script>" in text  # the title shows as text, never runs
    assert "alert(1)" in page.locator("#oc-freshness").inner_text()
    assert page.locator("#oc-chart svg").count() == 2  # EUR and USD apart
    ask(page, "Evilcorp negotiation levers and sources")
    page.wait_for_timeout(500)  # give any injected handler or resource a chance to fire
    assert_safe(page)


def test_phone_layout_stacks(mobile_page: Any, app_url: str) -> None:
    open_chat(mobile_page, app_url)
    ask(mobile_page, "Alibaba ML engineer base")
    chat_box = mobile_page.locator(CHAT).bounding_box()
    badge_box = mobile_page.locator("#oc-freshness").bounding_box()
    assert badge_box["y"] >= chat_box["y"] + chat_box["height"] - 1  # below on a phone
    assert badge_box["x"] + badge_box["width"] <= 375
    assert mobile_page.locator(f"{BOT} figure.msg-chart").first.is_visible()  # the chart: inside
    assert_safe(mobile_page)


def test_over_the_rate_limit_the_chat_says_when_and_keeps_the_conversation(
        page: Any, browser_index: Path, tmp_path: Path) -> None:
    from assistant.settings import Settings
    from assistant.web.server import create_app, serve_in_background

    settings = Settings.load(overrides={"index": browser_index, "embedder": "hash",
                                        "data_dir": tmp_path, "rate_limit": 2},
                             environ={}, config_file=tmp_path / "none.toml")
    with serve_in_background(create_app(settings)) as url:
        open_chat(page, url)
        ask(page, "Alibaba Seattle sign-on?")
        ask(page, "Alibaba Beijing base?")
        before = page.locator(BOT).count()
        box = page.locator("#oc-question textarea")
        box.fill("Alibaba levels?")
        box.press("Enter")
        limited = wait_answer(page, before, final_link=False)
        assert re.fullmatch(r"Too many requests: the limit is 2 per minute\. Try again in "
                            r"\d+ s\.", limited.inner_text().strip())
        assert page.locator(f"{CHAT} [data-testid='user']").last.inner_text() == \
            "Alibaba levels?"
        first = page.locator(BOT).first
        assert first.is_visible() and "Seattle" in first.inner_text()  # nothing covered
        assert page.get_by_text("Error", exact=True).count() == 0
        page.locator("#oc-up").click()  # a rating is a counted request too
        page.locator("#oc-feedback-status").get_by_text("Too many requests").wait_for()
        page.screenshot(path=str(tmp_path / "rate-limited.png"))
