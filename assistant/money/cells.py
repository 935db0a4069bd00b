"""Parse one compensation table cell ("$165K–$235K", "₹38.5L / $46K", "15–30%") into numbers.

Example:
    >>> parse_amount_range("CNY 780K–CNY 1.6M")
    ParsedCell(low=780000.0, high=1600000.0, unit='CNY', text='CNY 780K–CNY 1.6M', ...)

The amounts come from the one reader (reader.py, guide notation); what is the table's own is
here: a range's two ends, a ceiling ("< $240K"), a period ("/mo"), a second currency after
" / " or " (", and two currencies interleaved ("£109K / $137K - £148K / $186K").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.money.reader import Amount, is_count, read_amounts, reconcile

_SEPARATOR_RE = re.compile(r"^\s*(?:-|–|—|to)\s*$")
_ALT_GAP_RE = re.compile(r"^\s*(?:/\s*\d*\s?(?:mo|month|yr|year)\b\s*)?(?:/|\(|/\s*\()\s*$", re.I)
_PAIR_GAP_RE = re.compile(r"^\s*/\s*$")
_OK_LEAD_RE = re.compile(r"^\s*(?:(?:~|≈|approx\.?|about|<|≤|below|under|up to)\s*)?$", re.I)
_CEILING_LEAD_RE = re.compile(r"(?:<|≤|below|under|up to)", re.I)
_PERIOD_RE = re.compile(r"^\s*(?:/|per\s)\s*(\d*)\s?(mo|month|yr|year)", re.I)
_MARKUP_RE = re.compile(r"\*\*|__|`|\[\^\w+\]|[†‡]")


@dataclass(frozen=True)
class ParsedCell:
    """A cell's range or single value: `unit` is an ISO code or "%"; `text` is the cell as written.

    `alt` holds a second currency when the cell gives two ("₹38.5L / $46K"); `period` is "mo",
    "yr" or "4yr" when the cell says "/mo" etc.; `mixed_units` flags "$175K–C$322K" typos.
    """

    low: float | None
    high: float | None
    unit: str
    text: str
    alt: ParsedCell | None = None
    period: str = ""
    mixed_units: bool = False


def clean_cell(text: str) -> str:
    """The cell without Markdown emphasis, code ticks or footnote marks, whitespace collapsed."""
    return " ".join(_MARKUP_RE.sub("", text).split())


def _gap(text: str, left: Amount, right: Amount) -> str:
    return text[left.end : right.start]


def _take(text: str, tokens: list[Amount], i: int) -> tuple[Amount, Amount, int]:
    """The range or single value starting at token i, and the index after it."""
    first = tokens[i]
    if i + 1 < len(tokens) and _SEPARATOR_RE.match(_gap(text, first, tokens[i + 1])):
        low, high = reconcile(first, tokens[i + 1])
        return low, high, i + 2
    return first, first, i + 1


def _cell(low: Amount, high: Amount, unit: str, text: str, lead: str) -> ParsedCell:
    period_match = _PERIOD_RE.match(text[high.end :])
    period = ""
    if period_match:
        count, word = period_match.groups()
        period = count + ("mo" if word.lower().startswith("mo") else "yr")
    low_value: float | None = low.value
    if low is high and _CEILING_LEAD_RE.search(lead):
        low_value = None  # "< $240,000", "Up to 7%": a ceiling, not a point
    mixed = bool(low.unit and high.unit and low.unit != high.unit)
    return ParsedCell(low_value, high.value, unit, text, period=period, mixed_units=mixed)


def _paired(text: str, tokens: list[Amount]) -> tuple[ParsedCell, ParsedCell] | None:
    """Two currencies interleaved in one range: "£109K / $137K - £148K / $186K"."""
    if len(tokens) < 4:
        return None
    a, b, c, d = tokens[:4]
    gaps_ok = (
        _PAIR_GAP_RE.match(_gap(text, a, b))
        and _SEPARATOR_RE.match(_gap(text, b, c))
        and _PAIR_GAP_RE.match(_gap(text, c, d))
    )
    if not gaps_ok or not a.unit or not b.unit or a.unit == b.unit:
        return None
    if c.unit not in ("", a.unit) or d.unit not in ("", b.unit):
        return None
    low, high = reconcile(a, c)
    alt_low, alt_high = reconcile(b, d)
    return _cell(low, high, a.unit, text, ""), _cell(alt_low, alt_high, b.unit, text, "")


def parse_amount_range(text: str, default_currency: str = "") -> ParsedCell | None:
    """Parse a cell into a range or single value; None when the cell holds no money or percent.

    Bare numbers take `default_currency` (a column's "(GBP)" hint); without one they are not
    money, so "15,000 – 30,000 options" or "0-2" never pass for currency.
    """
    clean = clean_cell(text)
    tokens = read_amounts(clean, default_currency=default_currency)
    if not tokens or not _OK_LEAD_RE.match(clean[: tokens[0].start]):
        return None
    paired = _paired(clean, tokens)
    if paired:
        return replace(paired[0], alt=paired[1])
    low, high, after = _take(clean, tokens, 0)
    if is_count(clean[high.end :]):
        return None
    unit = low.unit or high.unit or default_currency
    if not unit:
        return None
    primary = _cell(low, high, unit, clean, clean[: tokens[0].start])
    alt = _alternative(clean, tokens, after, unit)
    return replace(primary, alt=alt) if alt else primary


def _alternative(text: str, tokens: list[Amount], i: int, unit: str) -> ParsedCell | None:
    """The second-currency figure after " / " or " (", when its currency differs."""
    if i >= len(tokens) or not _ALT_GAP_RE.match(_gap(text, tokens[i - 1], tokens[i])):
        return None
    low, high, _ = _take(text, tokens, i)
    alt_unit = low.unit or high.unit
    if not alt_unit or alt_unit in (unit, "%"):
        return None
    return _cell(low, high, alt_unit, text, "")
