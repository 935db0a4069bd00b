"""Markdown to safe HTML, and the standalone guide page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from web_support import assert_inert_html

from assistant.corpus.model import CompRow, Figure, Guide, Region, Section
from assistant.corpus.reader import read_corpus
from assistant.web.render import guide_page, is_safe_url, markdown_to_html, pay_table, text_html

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hostile() -> Guide:
    """The Evilcorp fixture guide."""
    result = read_corpus([ROOT / "tests" / "fixtures" / "hostile"], progress=False)
    (guide,) = result.guides
    return guide


@pytest.fixture(scope="module")
def alibaba() -> Guide:
    """The sample Alibaba guide."""
    result = read_corpus([ROOT / "corpus"], progress=False)
    return next(g for g in result.guides if g.id == "alibaba/ml-ai-engineer")


@pytest.mark.parametrize("markdown", [
    "<script>alert(1)</script>",
    "text <script>alert(1)</script> more",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=alert('quoted')>",
    "[link](javascript:alert(1))",
    "[link](JaVaScRiPt:alert(1))",
    "[link]( javascript:alert(1))",
    "[link](jav&#x61;script:alert(1))",
    "[link](data:text/html;base64,PHNjcmlwdD4=)",
    "[link](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
    "![pixel](http://203.0.113.9/track.png)",
    "![pixel](https://203.0.113.9/track.png \"t\")",
    "<iframe src=\"http://203.0.113.9/\"></iframe>",
    "<a href=\"javascript:alert(1)\" onclick=\"alert(2)\">x</a>",
    "<div onmouseover=\"alert(1)\" style=\"background:url(http://203.0.113.9/x)\">x</div>",
    "<svg onload=alert(1)>",
    "<object data=\"http://203.0.113.9/x\"></object>",
    "<style>body{background:url(http://203.0.113.9/x)}</style>",
    "<form action=\"http://203.0.113.9/\"><input></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
])
def test_hostile_markdown_renders_inert(markdown: str) -> None:
    assert_inert_html(markdown_to_html(markdown))


def test_markdown_keeps_formatting_and_safe_links() -> None:
    html = markdown_to_html("**Base** _range_ [1](/api/guides/a/b#pay) [site](https://x.org)\n\n"
                            "- one\n- two\n\n> quote\n\n| a | b |\n|--:|---|\n| 1 | 2 |")
    assert "<strong>Base</strong>" in html and "<em>range</em>" in html
    assert '<a href="/api/guides/a/b#pay" rel="noopener noreferrer">1</a>' in html
    assert '<a href="https://x.org" rel="noopener noreferrer">site</a>' in html
    assert "<li>one</li>" in html and "<blockquote>" in html
    assert '<td style="text-align:right">1</td>' in html


def test_unsafe_link_keeps_its_text_only() -> None:
    assert markdown_to_html("see [docs](javascript:alert(1))") == (
        '<p>see <a rel="noopener noreferrer">docs</a></p>\n')


def test_image_becomes_alt_text() -> None:
    assert markdown_to_html("![a chart](/x.png)") == "<p>a chart</p>\n"


@pytest.mark.parametrize("url, safe", [
    ("/api/guides/a#b", True), ("#b", True), ("https://x.org", True), ("mailto:a@b.c", True),
    ("javascript:alert(1)", False), (" JAVASCRIPT:x", False), ("java\tscript:x", False),
    ("data:text/html,x", False), ("//evil.example/x", False), ("file:///etc/passwd", False),
])
def test_is_safe_url(url: str, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_text_html_drops_tags_and_escapes() -> None:
    assert text_html("New York <script>alert(1)</script> & <b>Co</b> < 5") == \
        "New York &amp; Co &lt; 5"


def test_pay_table_escapes_cells() -> None:
    row = CompRow(region=Region(raw="Paris <img src=x onerror=alert(1)>", name="Paris"),
                  currency="EUR", figures=(Figure("base", 1.0, 2.0, "EUR", "€1–€2 <b>", "table"),))
    html = pay_table([row])
    assert "<td>Paris</td>" in html and "€1–€2" in html
    assert_inert_html(html)


def test_guide_page_is_complete_and_anchored(alibaba: Guide) -> None:
    page = guide_page(alibaba, today=date(2026, 3, 1))
    assert page.startswith("<!doctype html>") and page.rstrip().endswith("</html>")
    assert "<title>ML/AI Engineer | Alibaba Global Negotiation Guide</title>" in page
    for section in alibaba.sections:
        assert f'<section id="{section.anchor}">' in page
    assert "<td>Seattle (US)</td><td>$165K–$235K</td>" in page
    assert "Last updated 2026-02-23 · salary data 2025-Q4 · next review due 2026-05-23" in page
    assert "review overdue" not in page
    assert "http://" not in page and "https://" not in page  # nothing external to load
    assert_inert_html(page)


def test_guide_page_says_review_overdue(alibaba: Guide) -> None:
    page = guide_page(alibaba, today=date(2026, 6, 1))
    assert "next review due 2026-05-23 (review overdue)" in page
    assert 'class="fresh overdue"' in page


def test_hostile_guide_page_is_inert(hostile: Guide) -> None:
    page = guide_page(hostile, today=date(2026, 1, 1))
    assert_inert_html(page)
    assert "<td>Berlin</td><td>€90K–€130K</td>" in page
    assert "careers page</a>" in page  # the harmless link survives
    assert "hover me" in page  # text inside stripped tags is kept


def test_section_without_text_still_has_its_anchor() -> None:
    guide = Guide(id="x/y", path="x/y.md", kind="guide", title="T",
                  sections=(Section("T", "t", ""), Section("Pay", "pay", "Body.")))
    page = guide_page(guide)
    assert '<section id="t"></section>' in page and '<section id="pay">' in page
