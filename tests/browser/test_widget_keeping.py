"""The widget, on a desktop and a phone, light and dark: it keeps the conversation in the
host page's browser across a reload until its Clear button empties it, opens a long answer at
its start, and names its controls in plain text. (It has no copy button and no ratings.)
Screenshots of every state land in test-artifacts/ui-states/."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from chat_support import DESKTOP, LOOKS, Look, shoot, wait_top_in_view

pytestmark = pytest.mark.browser

LONG = "Alibaba ML engineer pay in every region"


def named(look: Look) -> str:
    return look.name


def messages(widget: Any) -> list[str]:
    return [m.inner_text() for m in widget.part(".msg").all()]


def stream_posts(page: Any) -> list[dict[str, Any]]:
    """Collects the JSON body of every question the page sends from now on."""
    posts: list[dict[str, Any]] = []
    page.on("request", lambda req: posts.append(json.loads(req.post_data or "{}"))
            if req.method == "POST" and req.url.endswith("/api/ask/stream") else None)
    return posts


@pytest.mark.parametrize("look", LOOKS, ids=named)
def test_the_widget_keeps_the_conversation_until_cleared(make_page: Any, widget_on: Any,
                                                         host_urls: Any, look: Look) -> None:
    page = make_page(look)
    widget = widget_on(page).goto(host_urls.allowed)
    widget.part(".bubble").click()
    assert widget.part(".clear").is_hidden()  # nothing to clear yet
    shoot(page, f"widget-open-{look.name}")
    widget.ask("Alibaba Seattle sign-on?")
    answer = widget.ask(LONG)
    assert answer.bounding_box()["height"] > widget.part(".log").bounding_box()["height"]
    wait_top_in_view(answer, ".log")  # a long answer opens at its start
    shoot(page, f"widget-long-answer-{look.name}")
    before = messages(widget)

    posts = stream_posts(page)
    page.reload()
    widget.part(".bubble").click()
    assert messages(widget) == before
    restored = widget.part(".msg.bot").last
    wait_top_in_view(restored, ".log")
    assert restored.locator("a.source").first.get_attribute("href").endswith(
        "/api/guides/alibaba/ml-ai-engineer#compensation")
    shoot(page, f"widget-restored-{look.name}")
    widget.ask("And Singapore?")
    assert [m["content"] for m in posts[0]["history"] if m["role"] == "user"] == [
        "Alibaba Seattle sign-on?", LONG]  # the kept turns are the follow-up's context

    widget.part(".clear").click()
    assert len(messages(widget)) == 1 and "Hi!" in messages(widget)[0]
    assert widget.focused() == "input" and widget.part(".clear").is_hidden()
    assert page.evaluate("() => Object.keys(localStorage)") == []
    shoot(page, f"widget-cleared-{look.name}")
    page.reload()
    widget.part(".bubble").click()
    assert len(messages(widget)) == 1
    assert not page.dialogs and not page.blocked


def test_the_widget_can_be_told_to_keep_nothing(make_page: Any, widget_on: Any,
                                                host_urls: Any) -> None:
    page = make_page(DESKTOP)
    widget = widget_on(page).goto(host_urls.allowed + "?remember=off")
    widget.part(".bubble").click()
    widget.ask("Alibaba Seattle sign-on?")
    assert page.evaluate("() => Object.keys(localStorage)") == []
    page.reload()
    widget.part(".bubble").click()
    assert len(messages(widget)) == 1


def test_the_widget_names_its_controls_in_plain_text(page: Any, widget: Any,
                                                     host_urls: Any) -> None:
    widget.goto(host_urls.allowed)
    widget.part(".bubble").click()
    widget.ask("Alibaba Seattle sign-on?")
    assert page.get_by_role("textbox", name="Your question").count() == 1
    assert page.get_by_role("button", name="Clear conversation").is_visible()
    labels = widget.shadow_eval(
        "return [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute("
        "'aria-label'));")
    assert labels and not [la for la in labels if re.search(r"[<>]|&[a-z]+;", la)], labels
    assert widget.part(".msg.bot").last.get_attribute("aria-label") is None  # read as its text
