"""Rank: the companies whose guides pay the most (or least) for one role in one place.

Example:
    >>> spanned = rank(resolve("Which companies pay the most base for data scientists in "
    ...                        "London?"), library, lexicon)
    >>> spanned.table.columns
    ('#', 'Company', 'Region / level', 'base band')

Over every guide of the role with a row at that place: one currency per ranking (the one most
of those rows use; rows in others are counted and left out, never converted), ranked by the
band's high end (by its low end for "lowest", by its midpoint when asked), ties sharing a
place. The caption says how many guides cover the role and place and what was ranked, so the
person sees the sum behind the order. A guide with several rows at the place (levels) enters
once, with its row at the ranked end.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from assistant.answer.evidence import Cell, Spanned, Table
from assistant.answer.library import Library
from assistant.answer.pick.rows import select_rows
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Band, Kind
from assistant.answer.write.cells import band_of, figure_cell, label, where
from assistant.corpus.model import COMPONENTS, CompRow, Guide
from assistant.places.lexicon import Lexicon

SHOWN = 10
MAX_SHOWN = 25
CHARTED = 10


@dataclass(frozen=True)
class Entry:
    """One guide's row in the ranking, with the number it is ranked by."""

    guide: Guide
    row: CompRow
    value: float
    unit: str


def rank(resolved: Resolved, library: Library, lexicon: Lexicon) -> Spanned:
    """The ranking table, or a clarify asking for the one role or place it needs."""
    vocab = library.vocabulary
    if not resolved.role:
        return Spanned(status="clarify",
                       message="Which role should the companies be ranked for? Pay differs by "
                               "role, and a ranking compares one role's bands, e.g. “Which "
                               "companies pay the most base for data scientists in London?”.")
    role = vocab.roles.get(resolved.role, resolved.role)
    if len(resolved.places) != 1:
        ask = "Which one place" if resolved.places else "Which place"
        return Spanned(status="clarify",
                       message=f"{ask} should {role} pay be ranked in? Bands differ by place "
                               "and currency, and a ranking never mixes them, e.g. “highest "
                               f"paying companies for {role} in London”.",
                       suggestions=tuple(f"Which companies pay the most for {role} in {p}?"
                                         for p in ("New York", "London", "Bangalore")))
    part = next((a for a in resolved.asks if a in COMPONENTS), "base")
    cues = resolved.cues
    end = "low end" if cues.lowest else ("midpoint" if cues.midpoint else "high end")
    covering, entries = _entries(resolved, library, lexicon, part, end)
    place = resolved.places[0].typed
    if not covering:
        return Spanned(status="no_guide",
                       message=f"No {role} guide in the library has figures for {place}, so "
                               "there is nothing to rank; other places' figures are not a "
                               "substitute.")
    if not entries:
        return Spanned(status="no_guide",
                       message=f"{covering} {role} guide{'s' if covering != 1 else ''} cover "
                               f"{place}, but none states a {label(part)} figure there.")
    unit = Counter(e.unit for e in entries).most_common(1)[0][0]
    ranked = sorted((e for e in entries if e.unit == unit), key=lambda e: e.value,
                    reverse=end != "low end")
    left_out = len(entries) - len(ranked)
    shown = _cut(ranked, min(MAX_SHOWN, cues.top) if cues.top is not None else SHOWN)
    return _spanned(shown, ranked, covering, left_out, role, place, part, end, unit)


def _entries(resolved: Resolved, library: Library, lexicon: Lexicon, part: str,
             end: str) -> tuple[int, list[Entry]]:
    """How many guides of the role cover the place, and each one's ranked row."""
    covering = 0
    entries: list[Entry] = []
    for held in library.vocabulary.guides_by_company.values():
        guide_id = held.get(resolved.role)
        guide = library.guide(guide_id) if guide_id else None
        if guide is None:
            continue
        rows = select_rows(guide, resolved.places, resolved.level_asked, lexicon,
                           library).rows
        covering += bool(rows)
        scored = [(v, r, f.unit) for r in rows if (f := r.figure(part)) is not None
                  and f.unit not in ("", "%") and (v := _value(f.low, f.high, end)) is not None]
        if scored:
            value, row, unit = (min if end == "low end" else max)(scored, key=lambda s: s[0])
            entries.append(Entry(guide, row, value, unit))
    return covering, entries


def _value(low: float | None, high: float | None, end: str) -> float | None:
    if low is None and high is None:
        return None
    low = high if low is None else low
    high = low if high is None else high
    assert low is not None and high is not None
    return {"high end": high, "low end": low}.get(end, (low + high) / 2)


def _cut(ranked: list[Entry], n: int) -> list[Entry]:
    """The first `n`, plus any entry tied with the last of them."""
    if len(ranked) <= n:
        return ranked
    last = ranked[n - 1].value
    return ranked[:n] + [e for e in ranked[n:] if e.value == last]


def _spanned(shown: list[Entry], ranked: list[Entry], covering: int, left_out: int, role: str,
             place: str, part: str, end: str, unit: str) -> Spanned:
    rows = []
    bands: list[Band] = []
    for entry in shown:
        position = 1 + sum(1 for e in ranked if _ahead(e.value, entry.value, end))
        tied = sum(1 for e in ranked if e.value == entry.value) > 1
        rows.append((Cell(f"{position}{'=' if tied else ''}"), Cell(entry.guide.company_display),
                     Cell(where(entry.row)), figure_cell(entry.guide, entry.row, part)))
    for entry in shown[:CHARTED]:
        band = band_of(entry.guide, entry.row, part, entry.guide.company_display)
        if band is not None:
            bands.append(band)
    how = {"high end": "the high end of each band, highest first",
           "low end": "the low end of each band, lowest first",
           "midpoint": "each band's midpoint, (low + high) ÷ 2, highest first"}[end]
    caption = (f"{covering} {role} guide{'s' if covering != 1 else ''} in the library "
               f"cover{'s' if covering == 1 else ''} {place}; {len(ranked)} state a "
               f"{label(part)} band in {unit}. Ranked by {how}; the top {len(shown)}:")
    if left_out:
        caption += (f" ({left_out} more state it in another currency and are not ranked: "
                    "currencies are not converted.)")
    table = Table(Kind.RANK, ("#", "Company", "Region / level", f"{label(part)} band"),
                  tuple(rows), caption=caption)
    return Spanned(table=table, bands=tuple(bands))


def _ahead(value: float, other: float, end: str) -> bool:
    return value < other if end == "low end" else value > other
