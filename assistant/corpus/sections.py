"""Split a guide body into named sections with stable anchors.

A section starts at a Markdown heading (# to ####), a bold-only title line ("**Global Levers**"),
a known inline bold label ("**Level Mapping:** text" -> section "Level Mapping" holding the
text) or the "> **Negotiate Up Strategy:**" blockquote. Bodies without any Markdown structure
(plain-text articles) are split into paragraphs by `assistant.corpus.paragraphs`.

Example:
    >>> [s.anchor for s in split_sections("## Pay\\n\\ntext\\n\\n**Global Levers**\\n1. ask")]
    ['pay', 'global-levers']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.model import Section
from assistant.corpus.paragraphs import paragraph_spans
from assistant.corpus.slugs import SectionSpan, Slugger, clean_title

_HEADING = re.compile(r"^(#{1,4})\s+(.+?)\s*#*\s*$")
_BOLD_ONLY = re.compile(r"^\*\*([^*]+?)\*\*\s*:?\s*$")
# Only these inline labels open a section; "**Script:** ..." and the like stay prose.
_LABELS = ("Level Mapping", "Negotiation DNA", "Evidence & Sources")
_INLINE = re.compile(
    r"^\*\*(" + "|".join(re.escape(label) for label in _LABELS) + r")(?::\*\*|\*\*:)\s*(\S.*)$"
)
_STRATEGY = re.compile(r"^>\s*\*\*Negotiate Up Strategy(?::\*\*|\*\*:?)\s*(.*)$")
STRATEGY_TITLE = "Negotiate Up Strategy"
TABLE_TITLE = "Compensation"


@dataclass
class _Open:
    """A section being collected."""

    title: str
    depth: int
    start: int
    lines: list[str]
    kind: str = "heading"  # "heading", "label" or "quote"


def split_sections(body: str) -> list[Section]:
    """The sections of `body`, in order, with unique anchors."""
    return [span.section for span in section_spans(body)]


def section_spans(body: str) -> list[SectionSpan]:
    """The sections of `body` with the line each starts on (for locating tables)."""
    lines = body.replace("\r\n", "\n").split("\n")
    if not any(_start_of(line) for line in lines):
        return paragraph_spans(lines)
    slugger = Slugger()
    opened = _collect(lines)
    spans: list[SectionSpan] = []
    for part in opened:
        text = _tidy(part.lines)
        section = Section(part.title, slugger.anchor(part.title), text, part.depth)
        spans.append(SectionSpan(section, part.start))
    return spans


def anchor_at(spans: list[SectionSpan], line: int) -> str:
    """The anchor of the section containing 0-based body line `line` ("" when none)."""
    anchor = ""
    for span in spans:
        if span.start_line > line:
            break
        anchor = span.section.anchor
    return anchor


def _collect(lines: list[str]) -> list[_Open]:
    """Walk the lines, opening a section at each start and appending the rest."""
    parts: list[_Open] = []
    current: _Open | None = None
    for no, line in enumerate(lines):
        started = _start_of(line, no)
        if started is None and current is not None:
            started = _continuation(current, line, no)
        if started is not None:
            current = started
            parts.append(current)
        elif current is not None:
            current.lines.append(_unquote(line) if current.kind == "quote" else line)
        elif line.strip():
            current = _Open("Overview", 2, no, [line])
            parts.append(current)
    return parts


def _continuation(current: _Open, line: str, no: int) -> _Open | None:
    """A section opened by leaving an inline-label paragraph, else None (keep `current`)."""
    if current.kind == "label" and line.lstrip().startswith("|"):
        return _Open(TABLE_TITLE, 3, no, [line])
    if current.kind == "quote" and line.strip() and not line.lstrip().startswith(">"):
        current.kind = "heading"  # prose after the quote stays in the strategy section
    return None


def _unquote(line: str) -> str:
    """A blockquote line without its '>' marker."""
    return re.sub(r"^\s*>\s?", "", line)


def _start_of(line: str, no: int = 0) -> _Open | None:
    """A new section when `line` opens one, else None."""
    match = _HEADING.match(line)
    if match:
        return _Open(clean_title(match.group(2)), len(match.group(1)), no, [])
    match = _STRATEGY.match(line)
    if match:
        return _Open(STRATEGY_TITLE, 3, no, [match.group(1)], kind="quote")
    match = _INLINE.match(line)
    if match:
        return _Open(match.group(1), 3, no, [match.group(2)], kind="label")
    match = _BOLD_ONLY.match(line)
    if match and clean_title(match.group(1)):
        return _Open(clean_title(match.group(1)), 3, no, [])
    return None


def _tidy(lines: list[str]) -> str:
    """Section text without surrounding blank lines or horizontal rules."""
    kept = list(lines)
    while kept and _is_filler(kept[-1]):
        kept.pop()
    while kept and _is_filler(kept[0]):
        kept.pop(0)
    return "\n".join(kept).strip()


def _is_filler(line: str) -> bool:
    """Blank lines and Markdown rules carry no content."""
    stripped = line.strip()
    return not stripped or bool(re.fullmatch(r"[-*_]{3,}", stripped))
