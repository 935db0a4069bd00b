"""The embeddable widget in headless chromium: keyboard, streaming, citations, isolation, CORS."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

RED = "rgb(255, 0, 0)"
HOST_STYLES = """() => Object.fromEntries(
    ['host-title', 'host-text', 'host-button', 'host-link', 'host-box'].map((id) => {
        const s = getComputedStyle(document.getElementById(id));
        return [id, [s.fontSize, s.fontFamily, s.color, s.backgroundColor, s.padding,
                     s.borderRadius, s.boxSizing, s.lineHeight]];
    }))"""


def focus_ring(widget: Any, selector: str) -> str:
    """The computed outline style of a widget part (keyboard focus must show a ring)."""
    return str(widget.shadow_eval(
        "return getComputedStyle(root.querySelector(arg)).outlineStyle;", selector))


def stream_bodies(page: Any) -> list[dict[str, Any]]:
    """JSON bodies of every POST to /api/ask/stream seen so far, in order."""
    return [json.loads(body) for body in page.stream_posts]


@pytest.fixture()
def recorded(page: Any) -> Any:
    """`page` that also keeps the JSON body of each /api/ask/stream POST (page.stream_posts)."""
    page.stream_posts = []
    page.on("request", lambda req: page.stream_posts.append(req.post_data)
            if req.method == "POST" and req.url.endswith("/api/ask/stream") else None)
    return page


def test_keyboard_ask_streams_a_cited_answer_and_a_follow_up(
        recorded: Any, widget: Any, host_urls: Any, app_url: str) -> None:
    page = recorded
    widget.goto(host_urls.allowed)
    assert widget.part(".panel").is_hidden()
    widget.tab_to_bubble()
    assert focus_ring(widget, ".bubble") != "none"
    assert widget.part(".bubble").get_attribute("aria-label") == "Open Offer coach"
    page.keyboard.press("Enter")
    assert widget.part(".panel").is_visible()
    assert widget.focused() == "input"
    assert widget.part(".title").text_content() == "Offer coach"
    assert widget.part(".log").get_attribute("aria-live") == "polite"

    page.keyboard.type("Alibaba Seattle sign-on?")
    page.keyboard.press("Enter")
    answer = widget.part(".msg.bot").nth(1)
    answer.locator(".sources").wait_for()
    text = answer.inner_text()
    assert "$60K" in text and "Seattle" in text

    guide = f"{app_url}/api/guides/alibaba/ml-ai-engineer#"
    links = answer.locator("a.cite, a.source")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and all(h.startswith(guide) for h in hrefs), hrefs
    for i in range(links.count()):
        assert links.nth(i).get_attribute("target") == "_blank"
        assert links.nth(i).get_attribute("rel") == "noopener noreferrer"

    follow = widget.ask("And Beijing?")
    assert "Beijing" in follow.inner_text() and "Alibaba" in follow.inner_text()
    first, second = stream_bodies(page)
    assert first == {"question": "Alibaba Seattle sign-on?", "history": []}
    assert [m["role"] for m in second["history"]] == ["user", "assistant"]
    assert second["history"][0]["content"] == "Alibaba Seattle sign-on?"
    assert "$60K" in second["history"][1]["content"]

    page.keyboard.press("Tab")
    assert widget.focused() == "send" and focus_ring(widget, ".send") != "none"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert widget.focused().startswith("source")  # the last answer's last source link
    page.keyboard.press("Escape")
    assert widget.part(".panel").is_hidden()
    assert widget.focused() == "bubble" and focus_ring(widget, ".bubble") != "none"
    assert widget.part(".bubble").get_attribute("aria-expanded") == "false"
    assert not page.dialogs and not page.blocked


def test_host_css_stays_out_and_widget_css_stays_in(page: Any, widget: Any,
                                                    host_urls: Any) -> None:
    page.goto(host_urls.allowed + "?widget=0")
    baseline = page.evaluate(HOST_STYLES)
    assert baseline["host-text"][0] == "40px" and baseline["host-text"][2] == RED
    widget.goto(host_urls.allowed)
    widget.part(".bubble").click()
    widget.ask("Alibaba Seattle sign-on?")
    assert page.evaluate(HOST_STYLES) == baseline
    assert page.evaluate("document.querySelectorAll('style, link[rel=stylesheet]').length") == 1

    styles = widget.shadow_eval("""return Object.fromEntries(
        ['.title', '.msg.user', '.msg.bot .body', '.input', '.send', '.bubble'].map((sel) => {
            const s = getComputedStyle(root.querySelector(sel));
            return [sel, {size: s.fontSize, color: s.color, bg: s.backgroundColor,
                          family: s.fontFamily}];
        }));""")
    for selector, style in styles.items():
        assert style["size"] not in ("40px", ""), (selector, style)
        assert style["color"] != RED, (selector, style)
        assert "Courier" not in style["family"], (selector, style)
    assert styles[".msg.bot .body"]["size"] == "14px"
    assert styles[".send"]["bg"] != "rgb(0, 128, 0)"
    host = widget.shadow_eval("const s = getComputedStyle(root.host);"
                              "return [s.padding, s.borderStyle, s.fontSize];")
    assert host[0] in ("0px", "") and host[1] == "none"


def test_phone_width_panel_fills_the_viewport(mobile_widget: Any, host_urls: Any) -> None:
    page = mobile_widget.page
    mobile_widget.goto(host_urls.allowed)
    mobile_widget.part(".bubble").tap()
    mobile_widget.ask("Alibaba Seattle sign-on?")
    box = mobile_widget.part(".panel").bounding_box()
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    assert box["x"] >= 0 and box["y"] >= 0
    assert box["x"] + box["width"] <= width + 0.5 and box["width"] >= width - 2
    assert box["y"] + box["height"] <= height + 0.5 and box["height"] >= 0.9 * height
    for part in (".input", ".send", ".close"):
        inner = mobile_widget.part(part).bounding_box()
        assert 0 <= inner["x"] and inner["x"] + inner["width"] <= width, part
        assert 0 <= inner["y"] and inner["y"] + inner["height"] <= height, part
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, "the widget made the page scroll sideways"


def test_disallowed_origin_shows_an_error_and_no_answer(page: Any, widget: Any,
                                                         host_urls: Any) -> None:
    widget.goto(host_urls.blocked)
    widget.part(".bubble").click()
    reply = widget.ask("Alibaba Seattle sign-on?")
    assert "error" in (reply.get_attribute("class") or "")
    # the app signs embed tokens (EMBED_SECRET), so an unlisted site without one is told why
    assert "needs an embed token" in reply.inner_text()
    assert "$60K" not in widget.part(".log").inner_text()
    assert reply.locator("a").count() == 0


def test_suggestion_chip_asks_that_suggestion(widget: Any, host_urls: Any) -> None:
    widget.goto(host_urls.allowed)
    widget.part(".bubble").click()
    reply = widget.ask("Zyxcorp SWE base?")
    assert "Zyxcorp" in reply.inner_text()
    chip = reply.locator("button.chip").first
    suggestion = chip.text_content()
    assert suggestion
    chip.click()
    widget.page.wait_for_function(
        """() => { const root = document.querySelector('[data-offer-coach]').shadowRoot;
            return root.querySelectorAll('.msg.bot').length === 3
                   && !root.querySelector('.log[aria-busy]'); }""")
    assert widget.part(".msg.user").last.text_content() == suggestion
    assert widget.part(".msg.bot").last.locator("a.source").count() >= 1


def test_rate_limit_message_says_when_to_retry(page: Any, widget: Any, host_urls: Any,
                                               app_url: str) -> None:
    def too_many(route: Any) -> None:
        route.fulfill(status=429, json={"error": "Too many requests."}, headers={
            "Retry-After": "7", "Access-Control-Allow-Origin": "*",
            "Access-Control-Expose-Headers": "Retry-After"})

    page.route(f"{app_url}/api/ask/stream", too_many)
    widget.goto(host_urls.allowed)
    widget.part(".bubble").click()
    reply = widget.ask("Alibaba Seattle sign-on?")
    assert re.search(r"try again in 7 seconds", reply.inner_text())


def test_left_position_and_escape_from_any_control(widget: Any, host_urls: Any) -> None:
    widget.goto(host_urls.allowed + "?position=left")
    bubble = widget.part(".bubble").bounding_box()
    assert bubble["x"] < 100
    widget.part(".bubble").click()
    assert widget.part(".panel").bounding_box()["x"] < 100
    widget.part(".close").focus()
    widget.page.keyboard.press("Escape")
    assert widget.part(".panel").is_hidden() and widget.focused() == "bubble"


def test_deltas_show_as_they_arrive(page: Any, widget: Any, host_pages: Any,
                                    stub_stream: Any) -> None:
    widget.goto(host_pages.urls.allowed + "?stub=1")
    widget.part(".bubble").click()
    widget.part(".input").fill("Stub question")
    widget.part(".input").press("Enter")
    reply = widget.part(".msg.bot").nth(1)
    reply.get_by_text("first part").wait_for()
    assert "then the rest" not in reply.inner_text()
    assert widget.part(".log").get_attribute("aria-busy") == "true"
    assert widget.part(".send").is_disabled()
    stub_stream.release.set()
    reply.locator(".sources").wait_for()
    assert reply.locator("strong").first.text_content() == "Stub answer"
    cite = reply.locator("a.cite")
    assert cite.text_content() == "1"
    assert cite.get_attribute("href") == f"{host_pages.urls.allowed}api/guides/stub/guide#pay"
    # busy until the stream closes, which may come a moment after the done event rendered
    widget.part(".log:not([aria-busy])").wait_for(timeout=5000)
    assert not widget.part(".send").is_disabled()
    assert stub_stream.questions == ["Stub question"]


def test_error_event_mid_stream_replaces_the_partial_answer(widget: Any, host_pages: Any,
                                                            stub_stream: Any) -> None:
    widget.goto(host_pages.urls.allowed + "?stub=1")
    widget.part(".bubble").click()
    stub_stream.release.set()
    reply = widget.ask("fail")
    assert reply.inner_text() == "The index is being rebuilt; try again soon."
    assert reply.get_attribute("role") == "alert"
    follow = widget.ask("Again")
    assert "then the rest" in follow.inner_text()
    assert "error" not in (follow.get_attribute("class") or "")


def test_markdown_becomes_dom_nodes_never_html(widget: Any, host_pages: Any,
                                              stub_stream: Any) -> None:
    widget.goto(host_pages.urls.allowed + "?stub=1")
    widget.part(".bubble").click()
    reply = widget.ask("markdown")
    body = reply.locator(".body")
    assert body.locator("p.heading").text_content() == "Heading"
    assert body.locator("strong").first.text_content() == "Bold"
    assert body.locator("em").text_content() == "italic"
    assert body.locator("code").text_content() == "code"
    assert body.locator("a.cite").count() == 1 and "[9]" in body.inner_text()
    quote = body.locator("blockquote")
    assert quote.locator("p").text_content() == "quoted one"
    assert quote.locator("ul > li").all_text_contents() == ["first", "second"]
    assert body.locator("ol > li").all_text_contents() == ["one", "two"]
    links = {a.text_content(): a.get_attribute("href") for a in body.locator("a").all()}
    assert links["ok"] == "https://example.com/a"
    assert "bad" not in links and "rel" not in links
    assert body.locator("img").count() == 0 and "pic" not in links
    assert body.locator("p").last.text_content() == (
        "ok bad rel <img src=x onerror=alert(1)> pic")
    assert "<img src=x onerror=alert(1)>" in body.inner_text()
    assert "error" not in (reply.get_attribute("class") or "")
    assert "note" in (reply.get_attribute("class") or "")  # clarify answers look different
    assert reply.locator("button.chip").text_content() == "Acme <b>base</b>?"
    assert widget.page.dialogs == [] and widget.page.blocked == []
