"""Merge frontmatter compensation rows with the body's table rows into CompRows.

Rows pair up by normalized region (table rows that carry a level stay rows of their own, but
the one table row of a frontmatter row's label pairs with it, level and all).
A paired figure keeps the table cell's text (the guide's own words) and the frontmatter's
numbers; where frontmatter is null the table supplies both. When the two currencies differ
the table wins and `frontmatter_currency` keeps what frontmatter said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.corpus.fields import FrontRow, Problem
from assistant.corpus.model import COMPONENTS, CompRow, Figure, Region
from assistant.corpus.regions import normalize_region
from assistant.corpus.tables import TableRow
from assistant.money.cells import ParsedCell
from assistant.money.format import format_range

TOLERANCE = 0.005  # relative gap below which two numbers are the same figure


@dataclass
class _Band:
    """Table cells gathered for one (region, level), first cell per component wins."""

    region: Region
    level: str
    line_no: int
    cells: dict[str, ParsedCell] = field(default_factory=dict)


def merge_rows(
    front: Sequence[FrontRow], table: Sequence[TableRow], anchor_of: dict[int, str]
) -> tuple[list[CompRow], list[Problem]]:
    """CompRows for a guide plus W402/W403 problems; `anchor_of` maps table line -> anchor."""
    bands = _bands(table)
    problems: list[Problem] = []
    rows: list[CompRow] = []
    used: set[tuple[str, str]] = set()
    for fm_row in front:
        region = normalize_region(fm_row.region_raw)
        key = (region.key, "")
        if key not in bands:  # a table whose rows name a level beside the frontmatter's
            # label ("| 62 | Engineering Manager |" for region "Engineering Manager")
            levelled = [k for k in bands if k not in used and (
                k[0] == region.key or not k[0] and _title(k[1]) == region.raw.casefold())]
            if len(levelled) > 1:  # two levels at the place: the one with the same base
                levelled = [k for k in levelled if _same_base(fm_row, bands[k])]
            key = levelled[0] if len(levelled) == 1 else key
        band = bands.get(key)
        if band is not None:
            used.add(key)
        row = _merged(fm_row, band.region if band and key[1] else region, band, anchor_of,
                      problems)
        if row.figures:
            rows.append(row)
    for key, band in bands.items():
        if key not in used:
            rows.append(_table_only(band, anchor_of.get(band.line_no, "")))
    return rows, problems


def _title(level: str) -> str:
    """A level label without its code: "Engineering Manager (62)" -> "engineering manager"."""
    return re.sub(r"\s*\([^)]*\)$", "", level).casefold()


def _same_base(fm_row: FrontRow, band: _Band) -> bool:
    """True when the frontmatter row's base is the band's base cell, end for end."""
    numbers, cell = fm_row.figures.get("base"), band.cells.get("base")
    return numbers is not None and cell is not None and cell.low is not None \
        and _same(numbers[0], cell.low) and _same(numbers[1], cell.high)


def _bands(table: Sequence[TableRow]) -> dict[tuple[str, str], _Band]:
    """Table rows grouped by (region key, level), in order of first appearance."""
    bands: dict[tuple[str, str], _Band] = {}
    for row in table:
        if not row.figures:
            continue
        region = normalize_region(row.region_raw)
        band = bands.setdefault(
            (region.key, row.level), _Band(region, row.level, row.line_no)
        )
        for component, cell in row.figures.items():
            band.cells.setdefault(component, cell)
    return bands


def _merged(
    fm_row: FrontRow,
    region: Region,
    band: _Band | None,
    anchor_of: dict[int, str],
    problems: list[Problem],
) -> CompRow:
    """One frontmatter row joined with its table band (when there is one)."""
    cells = band.cells if band else {}
    table_currency = _currency_of(cells)
    currency = table_currency or fm_row.currency
    fm_currency = ""
    if table_currency and fm_row.currency and table_currency != fm_row.currency:
        fm_currency = fm_row.currency
        problems.append((
            "W402",
            f"{region.raw}: frontmatter says {fm_row.currency}, table says {table_currency}",
        ))
    figures = []
    for component in COMPONENTS:
        fig = _figure(component, fm_row, cells.get(component), currency, region, problems)
        if fig is not None:
            figures.append(fig)
    anchor = anchor_of.get(band.line_no, "") if band else ""
    return CompRow(region, currency, tuple(figures), band.level if band else "", anchor,
                   fm_currency)


def _figure(
    component: str,
    fm_row: FrontRow,
    cell: ParsedCell | None,
    currency: str,
    region: Region,
    problems: list[Problem],
) -> Figure | None:
    """The merged figure for one component, or None when neither side has it."""
    numbers = fm_row.figures.get(component)
    if cell is None:
        if numbers is None:
            return None
        low, high, unit = numbers
        unit = currency if unit != "%" else "%"
        return Figure(component, low, high, unit, format_range(low, high, unit), "frontmatter")
    unit = cell.unit or currency
    if numbers is None or cell.low is None and cell.high is None:
        return Figure(component, cell.low, cell.high, unit, cell.text, "table")
    low, high, fm_unit = numbers
    if (fm_unit == "%") != (cell.unit == "%") or _within(low, high, cell):
        return Figure(component, cell.low, cell.high, unit, cell.text, "table")
    if not (_same(low, cell.low) and _same(high, cell.high)):
        problems.append(("W403", f"{region.raw} {component}: frontmatter says "
                         f"{format_range(low, high, unit)}, table says {cell.text}"))
    return Figure(component, low, high, unit, cell.text, "frontmatter")


def _table_only(band: _Band, anchor: str) -> CompRow:
    """A row that only the table has (plain guides, level tables)."""
    currency = _currency_of(band.cells)
    figures = tuple(
        Figure(c, cell.low, cell.high, cell.unit or currency, cell.text, "table")
        for c in COMPONENTS
        if (cell := band.cells.get(c)) is not None
    )
    return CompRow(band.region, currency, figures, band.level, anchor)


def _currency_of(cells: dict[str, ParsedCell]) -> str:
    """The first currency code among the cells (percentages and bare numbers have none)."""
    for component in ("base", "total_comp", "stock", "signing_bonus", "bonus"):
        cell = cells.get(component)
        if cell is not None and cell.unit not in ("", "%"):
            return cell.unit
    return ""


def _within(low: float | None, high: float | None, cell: ParsedCell) -> bool:
    """True when frontmatter holds one point (e.g. bonus_pct 15) inside the table's range
    ("15–30%"): the table is then the richer figure and no disagreement."""
    if low is None or low != high or cell.low is None or cell.high is None:
        return False
    return cell.low != cell.high and cell.low - 1e-9 <= low <= cell.high + 1e-9


def _same(a: float | None, b: float | None) -> bool:
    """Equal within TOLERANCE (a missing side never disagrees)."""
    if a is None or b is None:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1.0)
