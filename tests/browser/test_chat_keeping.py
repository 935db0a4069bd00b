"""What the chat page keeps, on a desktop and a phone, light and dark: a rating, until its
Delete button removes it; the conversation, across a reload, until Clear empties it. Each test
leaves a screenshot of every state it passes through in test-artifacts/ui-states/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from chat_support import BOT, CHAT, LOOKS, Look, ask, assert_safe, open_chat, shoot

from assistant.web.feedback import FeedbackStore, feedback_path

pytestmark = pytest.mark.browser


def named(look: Look) -> str:
    return look.name


def transcript(page: Any) -> list[str]:
    """Every message's text, in order."""
    return [m.inner_text() for m in page.locator(
        f"{CHAT} [data-testid='user'], {BOT}").all()]


def questions_sent(page: Any) -> int:
    """How many times the page ran something on the server (each question is one)."""
    return len([u for u in page.requests_seen if "/gradio_api/queue/join" in u])


@pytest.mark.parametrize("look", LOOKS, ids=named)
def test_a_rating_is_removed_with_its_delete_button(make_page: Any, app_url: str,
                                                    browser_index: Path, look: Look) -> None:
    store = FeedbackStore(feedback_path(browser_index.parent / "data"))  # the app's own file
    page = make_page(look)
    open_chat(page, app_url)
    shoot(page, f"chat-empty-{look.name}")
    ask(page, "Alibaba Seattle sign-on?")
    shoot(page, f"chat-answered-{look.name}")
    before = store.count()
    page.locator("#oc-comment textarea").fill("Clear, thanks.")
    page.locator("#oc-up").click()
    status = page.locator("#oc-feedback-status")
    status.get_by_text("Thanks — your rating is saved").wait_for()
    said = status.inner_text()
    assert "Press “Delete my rating” to remove it" in said
    assert not [word for word in ("DELETE", "token", "/api/") if word in said], said
    assert store.count() == before + 1 and store.recent(1)[0].comment == "Clear, thanks."
    delete = page.get_by_role("button", name="Delete my rating")
    delete.scroll_into_view_if_needed()
    assert delete.is_visible()
    shoot(page, f"chat-rated-{look.name}")
    delete.click()
    status.get_by_text("Your rating is deleted").wait_for()
    assert delete.is_hidden() and store.count() == before
    shoot(page, f"chat-rating-deleted-{look.name}")
    assert_safe(page)


@pytest.mark.parametrize("look", LOOKS, ids=named)
def test_the_conversation_survives_a_reload_until_cleared(make_page: Any, app_url: str,
                                                          look: Look) -> None:
    page = make_page(look)
    open_chat(page, app_url)
    ask(page, "Alibaba Seattle sign-on?")
    ask(page, "And Beijing?")
    before = transcript(page)
    assert len(before) == 4

    page.reload()
    page.locator(BOT).nth(1).wait_for()
    assert transcript(page) == before
    assert "Reviewed 2026-02" in page.locator("#oc-freshness").inner_text()
    shoot(page, f"chat-restored-{look.name}")
    follow = ask(page, "And Singapore?")  # the kept conversation is the follow-up's context
    assert "Alibaba" in follow.inner_text() and "Singapore" in follow.inner_text()
    assert questions_sent(page) == 3  # saving and restoring ran in the browser only

    page.get_by_role("button", name="Clear conversation").click()
    page.wait_for_function("(sel) => document.querySelectorAll(sel).length === 0", arg=BOT)
    assert page.locator("#oc-freshness").inner_text().strip() == ""
    assert "Pay bands appear here" in page.locator("#oc-chart").inner_text() or look.phone
    shoot(page, f"chat-cleared-{look.name}")
    page.reload()
    page.locator("#oc-question textarea").wait_for()
    page.wait_for_timeout(1000)  # the time a kept conversation takes to come back
    assert page.locator(f"{CHAT} [data-testid='user']").count() == 0
    assert_safe(page)
