"""What every answer across guides builds with: figure cells, chart bands, labels.

Example:
    >>> figure_cell(guide, row, "base")
    Cell(text='£75K–£135K', guide=Guide(...), anchor='...', value=135000.0)

A figure cell carries the guide and section it quotes, so compose.py cites it where it is
written; a line (types.Line) is a run of such cells, so a sentence quoting three guides cites
all three.
"""

from __future__ import annotations

import re

from assistant.answer.evidence import NOT_IN_GUIDE, Cell
from assistant.answer.types import Band
from assistant.corpus.model import COMPONENT_LABELS, CompRow, Guide
from assistant.corpus.words.wording import guide_label

_STOCK_HEADER = re.compile(r"stock|rsu|equity|option", re.IGNORECASE)
_OVER_GRANT = re.compile(r"\b(\d)\s*-?\s*(?:yr|year)s?\b", re.IGNORECASE)
_PER_YEAR = re.compile(r"/\s*yr\b|per year|annual", re.IGNORECASE)


def figure_cell(guide: Guide, row: CompRow, component: str) -> Cell:
    """The row's figure for a component as the guide writes it, cited; else "not in the guide"."""
    fig = row.figure(component)
    if fig is None:  # cited too: the table that was read and lacks it
        return Cell(NOT_IN_GUIDE, guide, row.section_anchor)
    return Cell(with_basis(fig.text, guide, row, component), guide, row.section_anchor,
                value=fig.high)


def with_basis(text: str, guide: Guide, row: CompRow, component: str) -> str:
    """A stock figure with the basis its table states: "$168K–$298K (over 4 years)"."""
    basis = stock_basis(guide, row) if component == "stock" else ""
    return f"{text} ({basis_words(basis)})" if basis else text


def band_of(guide: Guide, row: CompRow, component: str, label: str,
            marker: float | None = None) -> Band | None:
    """The chart band of one row's component, labelled `label`; None when it is no money."""
    fig = row.figure(component)
    if fig is None or fig.low is None or fig.unit in ("", "%"):
        return None
    return Band(guide=guide.id, region=label, component=component, low=fig.low,
                high=fig.high if fig.high is not None else fig.low, currency=fig.unit,
                level=row.level, marker=marker)


def where(row: CompRow) -> str:
    """"London" or "London, Senior (L5)": a row's place and level as the guide writes them."""
    return ", ".join(p for p in (row.region.raw, row.level) if p)  # a level-only row: its level


def side_label(guide: Guide, row: CompRow | None = None) -> str:
    """"Google Software Engineer (L3-L4) — London"."""
    return guide_label(guide) + (f" — {where(row)}" if row is not None else "")


def label(component: str) -> str:
    """"sign-on bonus" for "signing_bonus"."""
    return COMPONENT_LABELS.get(component, component.replace("_", " "))


def and_list(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def stock_basis(guide: Guide, row: CompRow) -> str:
    """"4yr" or "yr", as the header of the row's table states its stock column; "" unknown."""
    section = guide.section(row.section_anchor) if row.section_anchor else None
    for line in (section.text if section else "").splitlines():
        if not line.strip().startswith("|"):
            continue
        for cell in line.strip("| ").split("|"):
            if _STOCK_HEADER.search(cell):
                grant = _OVER_GRANT.search(cell)
                if grant:
                    return f"{grant.group(1)}yr"
                if _PER_YEAR.search(cell):
                    return "yr"
        return ""  # only the header line names the columns
    return ""


def basis_words(basis: str) -> str:
    """"over 4 years" or "per year"."""
    return "per year" if basis == "yr" else f"over {basis.removesuffix('yr')} years"
