"""Where the person's own figures sit in the guide's band, with the arithmetic shown.

Example:
    >>> placement_line(StatedFigure("base", 190_000, "USD", "$190K", 0, 5), row, guide, "[1]")
    '**Your base of $190K** is 26% of the way through the guide's New York band of
     $178K–$225K [1]: ($190K − $178K) ÷ ($225K − $178K) = $12K ÷ $47K = 26%.'

A band is a range, not a distribution: the answer says how far through it a figure sits, or by
how much it falls below or above it, never a percentile. Each part of an offer is placed on
its own against the same part of the same row, in the row's currency only (nothing is
converted); stock is compared on the basis the guide's table states, and the line says which.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from assistant.answer.read.stated import NOT_BANDED, StatedFigure
from assistant.answer.types import Band
from assistant.answer.write.cells import basis_words as _basis_words
from assistant.answer.write.cells import stock_basis
from assistant.answer.write.citations import Citations
from assistant.corpus.model import COMPONENT_LABELS, CompRow, Figure, Guide
from assistant.money.format import format_amount

MINUS, DIVIDE = "−", "÷"
MONTHLY = re.compile(r"/\s*mo\b|month", re.IGNORECASE)  # a band stated a month ("62K–82K/mo")


def placement_line(stated: StatedFigure, row: CompRow, guide: Guide, mark: str) -> str:
    """One sentence placing a stated figure in the row's band of the same part, or ""."""
    band = row.figure(stated.component)
    label = COMPONENT_LABELS.get(stated.component, stated.component)
    if band is None or band.low is None:
        return ""
    unit = stated.unit or band.unit
    if unit != band.unit:
        return (f"**Your {label} of {stated.text}** is in {stated.unit}, the guide's band in "
                f"{band.unit}; currencies are not converted, so it is not placed {mark}.")
    if stated.component == "stock":
        basis = stock_basis(guide, row)
        if stated.basis and basis and stated.basis != basis:
            return (f"**Your stock of {stated.text}** is {_basis_words(stated.basis)}, the "
                    f"guide's band {_basis_words(basis)}; they are not placed against each "
                    f"other {mark}.")
    where = ", ".join(p for p in (row.region.raw, row.level) if p)
    text = f"**Your {label} of {stated.text}**"
    if not stated.unit:
        text += f" (taken as {unit}, the band's currency)"
    value = stated.value
    if stated.basis == "mo" and stated.component != "stock" and not MONTHLY.search(band.text):
        value = stated.value * 12  # a month's pay against a year's band: the year, shown
        text += (f" a month is {_amount(value, unit)} a year ({_amount(stated.value, unit)} "
                 f"× 12 = {_amount(value, unit)}), which")
    text += " " + _where_in(value, band, unit, where, mark)
    if stated.component == "stock" and stock_basis(guide, row):
        text += f" Compared as the guide states stock: {_basis_words(stock_basis(guide, row))}."
    return text


def _where_in(value: float, band: Figure, unit: str, where: str, mark: str) -> str:
    low = band.low if band.low is not None else 0.0
    high = band.high if band.high is not None else low
    show = lambda v: _amount(v, unit)  # noqa: E731 - one renderer for every number here
    if value < low:
        return (f"is below the low end of the guide's {where} band of {band.text} {mark} by "
                f"{show(low - value)}: {show(low)} {MINUS} {show(value)} = {show(low - value)}.")
    if value > high:
        return (f"is above the high end of the guide's {where} band of {band.text} {mark} by "
                f"{show(value - high)}: {show(value)} {MINUS} {show(high)} = "
                f"{show(value - high)}.")
    if high == low:
        return f"equals the guide's {where} figure of {band.text} {mark}."
    share = _percent(value - low, high - low)
    return (f"is {share}% of the way through the guide's {where} band of {band.text} {mark}: "
            f"({show(value)} {MINUS} {show(low)}) {DIVIDE} ({show(high)} {MINUS} {show(low)}) = "
            f"{show(value - low)} {DIVIDE} {show(high - low)} = {share}%.")


def where_short(stated: StatedFigure, row: CompRow) -> str:
    """A table cell placing a stated figure in the row's band of its part, with the sum:
    "26% of the way: ($190K − $178K) ÷ ($225K − $178K) = 26%"; "" when it cannot be placed."""
    band = row.figure(stated.component)
    if band is None or band.low is None or (stated.unit or band.unit) != band.unit:
        return ""
    unit, low = band.unit, band.low
    high = band.high if band.high is not None else low
    value, show = stated.value, (lambda v: _amount(v, unit))
    if value < low:
        return f"below by {show(low - value)}: {show(low)} {MINUS} {show(value)}"
    if value > high:
        return f"above by {show(value - high)}: {show(value)} {MINUS} {show(high)}"
    if high == low:
        return "equal to the guide's figure"
    share = _percent(value - low, high - low)
    return (f"{share}% of the way: ({show(value)} {MINUS} {show(low)}) {DIVIDE} "
            f"({show(high)} {MINUS} {show(low)}) = {share}%")


def _amount(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:g}%"
    return format_amount(round(value, 2), unit)


def placements(stated: tuple[StatedFigure, ...], rows: list[CompRow], guide: Guide,
               cites: Citations) -> list[str]:
    """The person's figures placed in the one row shown for their part, arithmetic shown."""
    lines = []
    placed: dict[tuple[str, float], str] = {}  # (part, value) placed -> its currency
    for figure in stated:
        unit = placed.get((figure.component, figure.value))
        if unit is not None and (unit == figure.unit or not unit or not figure.unit):
            continue  # said twice ("$140,000 base ... is $140k base low?"): placed once
        placed[(figure.component, figure.value)] = figure.unit
        if not figure.component and len(rows) == 1:
            if not _all_cash(rows[0]):
                lines.append(_which_part(figure, rows[0]))
                continue
            figure = replace(figure, component="base")
            lines.append(f"You did not say which part of the offer {figure.text} is; this "
                         "row's base and total-comp bands are the same (all cash), so it is "
                         "read as base.")
        held = [row for row in rows if figure.component
                and row.figure(figure.component) is not None]
        label = COMPONENT_LABELS.get(figure.component, figure.component)
        if figure.component in NOT_BANDED:  # said, never dropped: no band to place it in
            lines.append(f"Your {label} of {figure.text} is not placed: the guide's bands hold "
                         f"no {label} figure.")
        elif len(held) == 1:
            line = placement_line(figure, held[0], guide,
                                  cites.mark(guide, held[0].section_anchor))
            lines += [line] if line else []
        elif len(held) > 1:
            lines.append(f"To place your {label} of {figure.text}, name the region or level: "
                         f"the guide has {len(held)} {label} bands.")
    return lines


def mark_stated(stated: tuple[StatedFigure, ...], bands: list[Band]) -> list[Band]:
    """The bands with each stated figure put on the one band of its part (the chart marker)."""
    marked = list(bands)
    for figure in stated:
        same = [i for i, b in enumerate(marked) if b.component == figure.component
                and (not figure.unit or figure.unit == b.currency)]
        if len(same) == 1:
            marked[same[0]] = replace(marked[same[0]], marker=figure.value)
    return marked


def _all_cash(row: CompRow) -> bool:
    """The row's base and total-comp bands are the same: an offer figure with no pay word
    ("came in at $240K") is then its base."""
    base, total = row.figure("base"), row.figure("total_comp")
    return base is not None and total is not None and (base.low, base.high, base.unit) == (
        total.low, total.high, total.unit)


def _which_part(stated: StatedFigure, row: CompRow) -> str:
    """An offer figure with no pay word, where parts differ: ask which part it is."""
    held = [COMPONENT_LABELS.get(f.component, f.component) for f in row.figures
            if f.unit and f.unit != "%"]
    return (f"Say which part of the offer {stated.text} is ({', '.join(held) or 'base'}) to "
            "have it placed in its band: parts are placed one by one, never summed.")


def _percent(part: float, whole: float) -> int:
    """`part` of `whole` in whole percent, a half rounded up (62.5% is 63%, as 37.5% is 38%;
    Python's round() takes halves to the even number)."""
    return math.floor(100 * part / whole + 0.5 + 1e-9)
