"""What the browser tests share: the looks pages open in (screen size, colour scheme),
screenshots of states, the chat page's selectors, asking through its textbox, waiting for a
complete answer, a WCAG contrast reading, and the safety checks every page must pass."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

STATES = Path(__file__).resolve().parents[2] / "test-artifacts" / "ui-states"

EMBED_SECRET = "browser-test-embed-secret"  # the app under test signs embed tokens with this
CHAT = "#oc-chat"
BOT = f"{CHAT} [data-testid='bot']"
FINAL_LINK = "a[href^='/api/guides/']"  # markers are linked only once the answer is complete


@dataclass(frozen=True)
class Look:
    """A screen and colour scheme to open pages in."""

    name: str
    width: int
    height: int
    scheme: str = "light"  # prefers-color-scheme

    @property
    def phone(self) -> bool:
        """True at phone width."""
        return self.width < 600

    def context_args(self) -> dict[str, Any]:
        """Playwright new_context arguments for this look."""
        phone = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}
        return {"viewport": {"width": self.width, "height": self.height},
                "color_scheme": self.scheme, **(phone if self.phone else {})}


DESKTOP, PHONE = Look("desktop-light", 1280, 900), Look("phone-light", 390, 844)
DESKTOP_DARK = Look("desktop-dark", 1280, 900, "dark")
PHONE_DARK = Look("phone-dark", 390, 844, "dark")
LOOKS = (DESKTOP, DESKTOP_DARK, PHONE, PHONE_DARK)


def shoot(page: Any, name: str) -> None:
    """Save a screenshot of the page as it is now: test-artifacts/ui-states/<name>.png."""
    STATES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(STATES / f"{name}.png"))


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


# An element's text colour against the backgrounds painted under it (each ancestor's, composited
# from the page down, opacity included), as computed styles give them; a 1x1 canvas turns any
# CSS colour syntax into RGBA numbers.
CONTRAST_JS = """(el) => {
    const ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
    const rgba = (css) => {
        ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = css;
        ctx.fillRect(0, 0, 1, 1);
        const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
        return [r, g, b, a / 255];
    };
    const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3]))
        .concat([1]);
    const chain = [];
    for (let node = el; node; node = node.parentElement) chain.unshift(node);
    let bg = [255, 255, 255, 1], opacity = 1;
    for (const node of chain) {
        const style = getComputedStyle(node);
        bg = over(rgba(style.backgroundColor), bg);
        opacity *= Number(style.opacity);
    }
    const text = rgba(getComputedStyle(el).color);
    const fg = over([text[0], text[1], text[2], text[3] * opacity], bg);
    const lum = (c) => c.slice(0, 3).map((v) => { v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
}"""


def contrast(locator: Any) -> float:
    """WCAG contrast ratio of the element's text against the background it sits on."""
    return float(locator.evaluate(CONTRAST_JS))


def wait_top_in_view(locator: Any, scroller: str) -> None:
    """Wait (the page scrolls on its next frame) until the element's first line shows."""
    handle = locator.element_handle()
    locator.page.wait_for_function(
        """([el, sel]) => { const top = el.getBoundingClientRect().top;
               const box = el.closest(sel).getBoundingClientRect();
               return top >= box.top - 1 && top + 20 <= Math.min(box.bottom, innerHeight)
                      && top >= -1; }""", arg=[handle, scroller], timeout=5000)
