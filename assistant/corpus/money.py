"""Parse one compensation table cell ("$165K–$235K", "₹38.5L / $46K", "15–30%") into numbers.

Example:
    >>> parse_amount_range("CNY 780K–CNY 1.6M")
    ParsedCell(low=780000.0, high=1600000.0, unit='CNY', text='CNY 780K–CNY 1.6M', ...)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Prefix symbols, longest first so "HK$" wins over "$". "¥" and "kr" are ambiguous: see
# currency_symbol_to_code.
SYMBOL_CODES: dict[str, str] = {
    "US$": "USD",
    "HK$": "HKD",
    "NT$": "TWD",
    "NZ$": "NZD",
    "MX$": "MXN",
    "AU$": "AUD",
    "CA$": "CAD",
    "S$": "SGD",
    "A$": "AUD",
    "C$": "CAD",
    "R$": "BRL",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "₪": "ILS",
    "₩": "KRW",
    "¥": "JPY",
    "kr": "SEK",
    "zł": "PLN",
}
CODE_ALIASES: dict[str, str] = {"RMB": "CNY", "NIS": "ILS"}
ISO_CODES: frozenset[str] = frozenset(
    "USD GBP EUR INR SGD CNY JPY AUD CAD HKD CHF DKK SEK NOK ISK KRW PLN AED SAR QAR ILS BRL UYU "
    "ARS MXN COP CLP PEN IDR VND TWD NZD ZAR CZK HUF RON TRY PHP MYR THB NGN KES EGP".split()
)
# Symbols that name more than one currency, with the codes they may stand for.
AMBIGUOUS_SYMBOLS: dict[str, frozenset[str]] = {
    "¥": frozenset({"JPY", "CNY"}),
    "kr": frozenset({"SEK", "DKK", "NOK", "ISK"}),
}
# Suffixes that scale a number ("165K", "38.5L", "1.2 crore"), lower-cased.
MULTIPLIERS: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "l": 1e5,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lpa": 1e5,
    "cr": 1e7,
    "crore": 1e7,
    "crores": 1e7,
}

_SYMBOLS_RE = "|".join(re.escape(s) for s in sorted(SYMBOL_CODES, key=len, reverse=True))
_AMOUNT_RE = re.compile(
    rf"(?<![\w.$])(?:(?P<pre>{_SYMBOLS_RE}|[A-Z]{{3}})\.?\s?)?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s?(?P<suf>LPA|[Ll]akhs?|[Cc]rores?|Cr|bn|[KkMBL]))?(?![A-Za-z\d])"
    r"(?P<pct>\s?%)?"
    r"(?:\s(?P<post>[A-Z]{3})(?![A-Za-z]))?"
)
_SEPARATOR_RE = re.compile(r"^\s*(?:-|–|—|to)\s*$")
_ALT_GAP_RE = re.compile(r"^\s*(?:/\s*\d*\s?(?:mo|month|yr|year)\b)?\s*(?:/|\(|/\s*\()\s*$", re.I)
_PAIR_GAP_RE = re.compile(r"^\s*/\s*$")
_OK_LEAD_RE = re.compile(r"^\s*(?:~|≈|approx\.?|about|<|≤|below|under|up to)?\s*$", re.I)
_CEILING_LEAD_RE = re.compile(r"(?:<|≤|below|under|up to)", re.I)
_NOT_MONEY_TAIL_RE = re.compile(r"^\s*(?:options?|shares?|units?|x\b|years?|months?)", re.I)
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


@dataclass(frozen=True)
class _Token:
    number: float  # as written, before the multiplier
    multiplier: float
    has_suffix: bool
    unit: str  # ISO code, "%" or ""
    start: int
    end: int

    @property
    def value(self) -> float:
        return round(self.number * self.multiplier, 2)  # 33.3 * 1e5 -> 3330000.0, not ...99.99


def currency_symbol_to_code(symbol: str, default: str = "") -> str:
    """ISO code for a symbol or code ("S$" -> "SGD", "RMB" -> "CNY"); "" when unknown.

    "¥" and "kr" resolve to `default` when it is one of their currencies (JPY/CNY, SEK/DKK/NOK).
    """
    sym = symbol.strip().rstrip(".")
    if sym in AMBIGUOUS_SYMBOLS and default in AMBIGUOUS_SYMBOLS[sym]:
        return default
    if sym in SYMBOL_CODES:
        return SYMBOL_CODES[sym]
    upper = sym.upper()
    if upper in CODE_ALIASES:
        return CODE_ALIASES[upper]
    return upper if upper in ISO_CODES else ""


def clean_cell(text: str) -> str:
    """The cell without Markdown emphasis, code ticks or footnote marks, whitespace collapsed."""
    return " ".join(_MARKUP_RE.sub("", text).split())


def _tokens(text: str, default_currency: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _AMOUNT_RE.finditer(text):
        unit = ""
        for group in ("pre", "post"):
            code = m.group(group)
            if code:
                unit = unit or currency_symbol_to_code(code, default_currency)
        if m.group("pre") and not currency_symbol_to_code(m.group("pre"), default_currency):
            continue  # "RSU 4": a capitalised word that is not a currency code
        if m.group("pct"):
            unit = "%"
        suffix = (m.group("suf") or "").lower()
        number = float(m.group("num").replace(",", ""))
        multiplier = MULTIPLIERS.get(suffix, 1.0)
        tokens.append(_Token(number, multiplier, bool(suffix), unit, m.start(), m.end()))
    return tokens


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _reconcile(low: _Token, high: _Token) -> tuple[_Token, _Token]:
    """Let each end borrow what the other states: "PLN 430K–570K", "$0-$15K", "₹18-28 LPA"."""
    if not low.unit and high.unit:
        low = replace(low, unit=high.unit)
    if not high.unit and low.unit:
        high = replace(high, unit=low.unit)
    if not low.has_suffix and high.has_suffix and low.number < 1000:
        low = replace(low, multiplier=high.multiplier, has_suffix=True)
    return low, high


def _take(text: str, tokens: list[_Token], i: int) -> tuple[_Token, _Token, int]:
    """The range or single value starting at token i, and the index after it."""
    first = tokens[i]
    if i + 1 < len(tokens) and _SEPARATOR_RE.match(_gap(text, first, tokens[i + 1])):
        low, high = _reconcile(first, tokens[i + 1])
        return low, high, i + 2
    return first, first, i + 1


def _cell(low: _Token, high: _Token, unit: str, text: str, lead: str) -> ParsedCell:
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


def _paired(text: str, tokens: list[_Token]) -> tuple[ParsedCell, ParsedCell] | None:
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
    low, high = _reconcile(a, c)
    alt_low, alt_high = _reconcile(b, d)
    return _cell(low, high, a.unit, text, ""), _cell(alt_low, alt_high, b.unit, text, "")


def parse_amount_range(text: str, default_currency: str = "") -> ParsedCell | None:
    """Parse a cell into a range or single value; None when the cell holds no money or percent.

    Bare numbers take `default_currency` (a column's "(GBP)" hint); without one they are not
    money, so "15,000 – 30,000 options" or "0-2" never pass for currency.
    """
    clean = clean_cell(text)
    tokens = _tokens(clean, default_currency)
    if not tokens or not _OK_LEAD_RE.match(clean[: tokens[0].start]):
        return None
    paired = _paired(clean, tokens)
    if paired:
        return replace(paired[0], alt=paired[1])
    low, high, after = _take(clean, tokens, 0)
    if _NOT_MONEY_TAIL_RE.match(clean[high.end :]):
        return None
    unit = low.unit or high.unit or default_currency
    if not unit:
        return None
    primary = _cell(low, high, unit, clean, clean[: tokens[0].start])
    alt = _alternative(clean, tokens, after, unit)
    return replace(primary, alt=alt) if alt else primary


def _alternative(text: str, tokens: list[_Token], i: int, unit: str) -> ParsedCell | None:
    """The second-currency figure after " / " or " (", when its currency differs."""
    if i >= len(tokens) or not _ALT_GAP_RE.match(_gap(text, tokens[i - 1], tokens[i])):
        return None
    low, high, _ = _take(text, tokens, i)
    alt_unit = low.unit or high.unit
    if not alt_unit or alt_unit in (unit, "%"):
        return None
    return _cell(low, high, alt_unit, text, "")


@dataclass(frozen=True)
class Amount:
    """One amount written in running text ("$190K", "190k", "£85K", "₹38L", "15%")."""

    value: float
    unit: str  # ISO code, "%", or "" for a bare "190k" whose currency the text does not say
    text: str
    start: int
    end: int


def amounts_in(text: str) -> list[Amount]:
    """The money and percentages of a sentence, in order.

    A bare number counts when it is plainly money: a K/M/L suffix ("190k") or five digits
    and more ("190,000"); years, counts and levels ("4 years", "L5") do not.
    """
    found = []
    for token in _tokens(text, ""):
        written = text[token.start:token.end].strip()
        if not token.unit and not token.has_suffix and token.value < 10_000:
            continue
        if _NOT_MONEY_TAIL_RE.match(text[token.end:]):
            continue
        found.append(Amount(token.value, token.unit, written, token.start, token.end))
    return found
