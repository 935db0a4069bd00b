"""What the chat-page browser tests share: selectors, asking through the textbox, waiting for
a complete answer, and the safety checks every page must pass."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

EMBED_SECRET = "browser-test-embed-secret"  # the app under test signs embed tokens with this
CHAT = "#oc-chat"
BOT = f"{CHAT} [data-testid='bot']"
FINAL_LINK = "a[href^='/api/guides/']"  # markers are linked only once the answer is complete


def is_loopback(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname in ("127.0.0.1",
                                                                          "localhost", "::1")


def open_chat(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}/")
    page.locator("#oc-question textarea").wait_for(state="visible")


def ask(page: Any, question: str) -> Any:
    """Ask through the textbox and wait for the complete answer; return its locator."""
    before = page.locator(BOT).count()
    box = page.locator("#oc-question textarea")
    box.fill(question)
    box.press("Enter")
    return wait_answer(page, before)


def wait_answer(page: Any, before: int, final_link: bool = True) -> Any:
    """Wait until a new bot message is complete (it carries citation links when expected)."""
    page.wait_for_function(
        """([sel, n, link]) => { const bots = document.querySelectorAll(sel);
               if (bots.length <= n) return false;
               const last = bots[bots.length - 1];
               return !last.textContent.includes('Looking in the guides')
                      && (!link || last.querySelector(link) !== null); }""",
        arg=[BOT, before, FINAL_LINK if final_link else ""])
    return page.locator(BOT).last


def assert_safe(page: Any) -> None:
    """No dialogs, no event-handler attributes or active elements, nothing off loopback."""
    assert page.dialogs == []
    found = page.evaluate(
        """() => [...document.querySelectorAll('#oc-chat *, #oc-chart *, #oc-freshness *')]
            .filter(e => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'IMG'].includes(e.tagName)
                      || [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
            .map(e => e.outerHTML.slice(0, 120))""")
    assert found == []
    hrefs = page.eval_on_selector_all(f"{CHAT} a[href]", "links => links.map(a => a.href)")
    assert all(h.startswith(("http:", "https:", "mailto:")) for h in hrefs), hrefs
    assert page.blocked == [] and page.console_errors == []
    assert [u for u in page.requests_seen if not is_loopback(u)] == []
