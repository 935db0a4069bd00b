"""Everything from guides and answers that becomes HTML passes through here.

Example:
    >>> markdown_to_html("**Base** $165K <script>alert(1)</script>[docs](javascript:alert(1))")
    '<p><strong>Base</strong> $165K <a rel="noopener noreferrer">docs</a></p>\n'

Two layers: markdown-it-py renders (images become their alt text, links with a scheme other
than http, https or mailto lose their href), then nh3 cleans the result against a small
allow-list, dropping scripts with their content and every other tag or attribute not listed.
Plain-text fields (titles, table cells) go through `text_html`, which keeps no tags at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from html import escape
from typing import Any
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt

from assistant.corpus.model import COMPONENT_LABELS, COMPONENTS, CompRow, Guide, Section

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "blockquote", "a",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "h1", "h2", "h3", "h4", "h5", "h6",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
URL_SCHEMES = {"http", "https", "mailto"}
GUIDE_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"

_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
    link_rel="noopener noreferrer", strip_comments=True, filter_style_properties={"text-align"},
)
_TEXT_CLEANER = nh3.Cleaner(tags=set(), attributes={}, strip_comments=True)
_ESCAPED_TAG = re.compile(r"&lt;/?[a-z][^<>]*?&gt;", re.IGNORECASE)
_HOSTILE_ATTR = re.compile(r"\bon[a-z]+\s*=|javascript:|\b(?:src|href|style)\s*=", re.IGNORECASE)


def is_safe_url(url: str) -> bool:
    """True for relative URLs and http(s)/mailto ones (what links may point at)."""
    cleaned = "".join(ch for ch in url if ch > " ").lower()
    try:
        scheme = urlsplit(cleaned).scheme
    except ValueError:
        return False
    return scheme in URL_SCHEMES or (scheme == "" and not cleaned.startswith("//"))


def _link_open(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    if not is_safe_url(str(token.attrGet("href") or "")):
        token.attrs.pop("href", None)
        if token.markup == "autolink" and idx + 1 < len(tokens):
            tokens[idx + 1].content = ""  # an autolink's text is the unsafe URL itself
    return str(renderer.renderToken(tokens, idx, options, env))


def _image_as_alt_text(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    """Images never load (remote ones would track readers): show their alt text instead."""
    token = tokens[idx]
    return escape("".join(child.content for child in token.children or []))


def _make_renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # _link_open decides
    md.add_render_rule("link_open", _link_open)
    md.add_render_rule("image", _image_as_alt_text)
    return md


_MD = _make_renderer()


def _drop_escaped_tag(match: re.Match[str]) -> str:
    return "" if _HOSTILE_ATTR.search(match.group(0)) else match.group(0)


def sanitize_html(html: str) -> str:
    """Clean an HTML fragment against the allow-list (no scripts, handlers, frames, images)."""
    return str(_CLEANER.clean(html))


def markdown_to_html(text: str) -> str:
    """Render Markdown (guide sections, answers) to a sanitized HTML fragment."""
    # Malformed tags (e.g. `<img src=x onerror=alert('x')>`) reach the HTML as escaped text;
    # harmless here, but dropped so no later renderer can revive them.
    return sanitize_html(_ESCAPED_TAG.sub(_drop_escaped_tag, _MD.render(text or "")))


def text_html(text: str) -> str:
    """A plain-text field as HTML text: tags dropped (scripts with their content), rest escaped."""
    return " ".join(str(_TEXT_CLEANER.clean(text or "")).split())


def freshness_line(guide: Guide, today: date | None = None) -> str:
    """Plain-text freshness of a guide: updated, data quarter, review due (and overdue)."""
    parts = []
    if guide.last_updated:
        parts.append(f"Last updated {guide.last_updated}")
    if guide.salary_data_quarter:
        parts.append(f"salary data {guide.salary_data_quarter}")
    if guide.next_review_due:
        overdue = is_review_overdue(guide, today)
        parts.append(f"next review due {guide.next_review_due}"
                     + (" (review overdue)" if overdue else ""))
    return " · ".join(parts)


def is_review_overdue(guide: Guide, today: date | None = None) -> bool:
    """True when the guide's next review date has passed."""
    due = guide.next_review_due
    return bool(due and due < (today or date.today()))


def pay_table(rows: Sequence[CompRow]) -> str:
    """An HTML table of the guide's pay rows (every cell escaped)."""
    if not rows:
        return "<p>This guide has no pay table.</p>"
    components = [c for c in COMPONENTS if any(r.figure(c) for r in rows)]
    with_level = any(r.level for r in rows)
    head = ["Region"] + (["Level"] if with_level else []) + \
        [COMPONENT_LABELS[c].capitalize() for c in components] + ["Currency"]
    lines = ["<table class=\"pay\"><thead><tr>"
             + "".join(f"<th scope=\"col\">{h}</th>" for h in head)
             + "</tr></thead><tbody>"]
    for row in rows:
        cells = [row.region.raw] + ([row.level] if with_level else [])
        cells += [_figure_text(row, c) for c in components]
        cells.append(row.currency)
        lines.append("<tr>" + "".join(f"<td>{text_html(c)}</td>" for c in cells) + "</tr>")
    lines.append("</tbody></table>")
    return "".join(lines)


def _figure_text(row: CompRow, component: str) -> str:
    figure = row.figure(component)
    return figure.text if figure else "—"


def _section_html(section: Section, top_depth: int) -> str:
    anchor = escape(section.anchor, quote=True)
    if not section.text.strip():
        return f"<section id=\"{anchor}\"></section>"
    level = min(6, 2 + max(0, section.depth - top_depth))
    return (f"<section id=\"{anchor}\"><h{level}><a class=\"self\" href=\"#{anchor}\">"
            f"{text_html(section.title)}</a></h{level}>{markdown_to_html(section.text)}</section>")


def guide_page(guide: Guide, today: date | None = None) -> str:
    """The source viewer: a standalone HTML page for one guide, sections anchored by id."""
    top_depth = min((s.depth for s in guide.sections), default=2)
    subtitle = " · ".join(x for x in (guide.company_display, guide.role_display) if x)
    overdue = is_review_overdue(guide, today)
    sources = ", ".join(x for x in (text_html(s.name) for s in guide.data_sources) if x)
    body = [
        "<header>",
        f"<p class=\"kicker\">{text_html(subtitle)}</p>" if subtitle else "",
        f"<h1>{text_html(guide.title)}</h1>",
        f"<p class=\"fresh{' overdue' if overdue else ''}\">{escape(freshness_line(guide, today))}"
        "</p>" if freshness_line(guide, today) else "",
        f"<p class=\"file\">Source file: <code>{escape(guide.path)}</code>"
        + (f" · data sources: {sources}" if sources else "") + "</p>",
        "</header>",
        f"<section id=\"_pay-table\"><h2>Pay bands</h2>{pay_table(guide.rows)}</section>"
        if guide.rows else "",
        *(_section_html(s, top_depth) for s in guide.sections),
    ]
    return PAGE.format(title=text_html(guide.title), css=CSS, body="\n".join(b for b in body if b))


PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""

CSS = """
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0;
  --bg: #ffffff; --tint: #f6f8fa; --accent: #0a5bd3; --warn: #9a3412; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1;
  --line: #3d444d; --bg: #0d1117; --tint: #151b23; --accent: #4493f8; --warn: #f0883e; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 .5rem; }
h2, h3, h4 { line-height: 1.3; margin: 2rem 0 .5rem; }
a { color: var(--accent); }
a:not([href]) { color: inherit; text-decoration: none; }
a.self { color: inherit; text-decoration: none; }
.kicker { margin: 0; color: var(--muted); font-size: .9rem; text-transform: uppercase;
  letter-spacing: .04em; }
.fresh, .file { margin: .25rem 0; color: var(--muted); font-size: .9rem; }
.fresh.overdue { color: var(--warn); font-weight: 600; }
section { scroll-margin-top: 1rem; }
section:target { background: var(--tint); outline: 2px solid var(--accent);
  outline-offset: .5rem; border-radius: 2px; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem;
  display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left;
  vertical-align: top; }
th { background: var(--tint); }
blockquote { margin: 1rem 0; padding: .25rem 1rem; border-left: 4px solid var(--line);
  color: var(--muted); }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; }
"""
