"""Hostile guide content (tests/fixtures/hostile) stays inert in the widget and the viewer."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

GUIDE = "evilcorp/software-engineer"
# Everything content could smuggle in: scripts, frames, images, event handlers, odd URL schemes.
INERT_CHECK = """(root) => {
    const all = [...root.querySelectorAll('*')];
    return {
        scripts: all.filter((e) => e.tagName === 'SCRIPT' && /alert/.test(e.textContent)).length,
        embeds: all.filter((e) => ['IFRAME', 'OBJECT', 'EMBED', 'IMG', 'SVG'].includes(
            e.tagName.toUpperCase()) && (e.getAttribute('src') || e.getAttribute('data'))).length,
        handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name))
            .map((a) => e.tagName + '.' + a.name)),
        styles: all.filter((e) => /url\\(/i.test(e.getAttribute('style') || '')).length,
        badLinks: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href'))
            .filter((h) => !/^(https?:|#|\\/|mailto:)/i.test(h.trim())),
    };
}"""


def assert_inert(page: Any, found: dict[str, Any]) -> None:
    """No executable or loading content, no dialogs, no request off this machine."""
    assert found == {"scripts": 0, "embeds": 0, "handlers": [], "styles": 0, "badLinks": []}
    assert page.dialogs == []
    assert page.blocked == [], f"requests off loopback: {page.blocked}"
    hosts = {url.split("/")[2].rsplit(":", 1)[0] for url in page.requests_seen
             if url.startswith("http")}
    assert hosts <= {"127.0.0.1", "localhost"}, hosts


def test_evilcorp_answer_in_the_widget_is_plain_text(page: Any, widget: Any,
                                                     host_urls: Any, app_url: str) -> None:
    widget.goto(host_urls.allowed)
    widget.part(".bubble").click()
    reply = widget.ask("Evilcorp negotiation DNA")
    text = reply.inner_text()
    assert "Evilcorp" in text and "<script>" in text  # shown as text, never parsed
    links = reply.locator("a")
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert any(h.startswith(f"{app_url}/api/guides/{GUIDE}#") for h in hrefs), hrefs
    assert_inert(page, widget.shadow_eval("return (" + INERT_CHECK + ")(root);"))
    assert_inert(page, page.evaluate(f"({INERT_CHECK})(document)"))

    with page.context.expect_page() as popup_info:
        reply.locator("a.source").first.click()
    guide = popup_info.value
    guide.wait_for_load_state("load")
    assert guide.url.startswith(f"{app_url}/api/guides/{GUIDE}")
    assert "Evilcorp" in guide.locator("body").inner_text()
    assert_inert(page, guide.evaluate(f"({INERT_CHECK})(document)"))


def test_evilcorp_guide_page_is_sanitized(page: Any, app_url: str) -> None:
    response = page.goto(f"{app_url}/api/guides/{GUIDE}#negotiation-dna")
    assert response is not None and response.status == 200
    assert "text/html" in response.headers["content-type"]
    page.wait_for_load_state("load")
    body = page.locator("body").inner_text()
    assert "Evilcorp" in body and "€90K" in body
    assert page.locator("section#negotiation-dna").count() == 1
    assert page.locator("script").count() == 0
    hover = page.get_by_text("hover me")
    if hover.count():
        hover.first.hover()  # a stripped onmouseover must not fire
    assert_inert(page, page.evaluate(f"({INERT_CHECK})(document)"))
    for link in page.locator("a[href^='http']").all():
        if not (link.get_attribute("href") or "").startswith(app_url):
            assert link.get_attribute("rel") == "noopener noreferrer"
