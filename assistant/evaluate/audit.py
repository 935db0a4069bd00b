"""What no answer may do, checked on every answer `make eval` scores: hold a pay figure of a
guide row it does not show, or show a row twice.

Example:
    >>> unshown_figures(answer, library.guide)
    ['$228K–$300K']                      # New York's band quoted in a Bengaluru answer
    >>> repeated_rows("| A | $1K |\\n| A | $1K |")
    ['| A | $1K |']

A row is shown when the answer writes its place (and level) where the answerer writes rows:
a row line "**Guide — London** (GBP): ..." or a table cell "| London |". A figure of another
row of a cited guide, as that guide writes it, is then one the person did not ask for: it came
in with a quoted passage. The rows are the guides' own parse (corpus/tables.py), not the
answerer's choice of rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answer.types import Answer
from assistant.corpus.model import CompRow, Guide

_MARK = re.compile(r"\s*\[\d+\]")
_SEPARATOR = re.compile(r"^\|[\s|:-]+\|$")
MIN_FIGURE = 6  # "$1K" and "15%" are too common to say whose they are


def unshown_figures(answer: Answer, guide_of: Callable[[str], Guide | None]) -> list[str]:
    """Figures of rows of the answer's cited guides that the answer quotes but never shows."""
    text = answer.text
    guides = [g for gid in dict.fromkeys(c.guide for c in answer.citations)
              if (g := guide_of(gid)) is not None and g.kind != "article"]
    rows = [r for g in guides for r in g.rows]
    shown = [_shown(r, text) for r in rows]
    # a shown row's own figure, or part of one ("£260K - £370K / $325K - $465K")
    mine = {f.text for r, s in zip(rows, shown, strict=True) if s for f in r.figures}
    found: list[str] = []
    for row, seen in zip(rows, shown, strict=True):
        found += [] if seen else [f.text for f in row.figures if len(f.text) >= MIN_FIGURE
                                  and f.text in text and f.text not in found
                                  and not any(f.text in m for m in mine)]
    return found


def _shown(row: CompRow, text: str) -> bool:
    label = row.region.raw or row.level
    return bool(label) and (f"— {label}" in text or f"| {label}" in text
                            or f"{label} band" in text)


FIGURE_LINE = 30  # a line this long with a digit in it is a statement of figures


def repeated_rows(text: str) -> list[str]:
    """Table rows, row lines and lines with a figure (a placement) the answer writes more
    than once (citation marks aside)."""
    seen: set[str] = set()
    twice: list[str] = []
    for line in text.splitlines():
        line = _MARK.sub("", line.strip())
        figured = len(line) >= FIGURE_LINE and any(c.isdigit() for c in line) \
            and not line.startswith(">")  # a quote may repeat a sentence of its own
        if not (line.startswith("|") or line.startswith("**") or figured) \
                or _SEPARATOR.match(line):
            continue
        if line in seen and line not in twice:
            twice.append(line)
        seen.add(line)
    return twice
