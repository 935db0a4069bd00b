"""The one reader of amounts in text: "$165K", "₹38.5L", "CNY 1.6M", "15%", "300 grand".

Example:
    >>> [(a.value, a.unit, a.text) for a in read_amounts("Offer: $190K base, 15% bonus")]
    [(190000.0, 'USD', '$190K'), (15.0, '%', '15%')]

Every figure in text is read here: a guide's table cell (cells.py joins the amounts into
ranges and second currencies), a person's question (answer/read/stated.py adds the pay words
beside each), a language model's answer (answer/llm/guard.py first turns spelled-out numbers
into digits). The symbol and code before a number, its digits, its scale, a percent sign and
a code after it are one pattern, turned into one `Amount` the same way for every caller.

Guide tables and questions write amounts in one notation (GUIDE), a model's prose in another
(PROSE). `Notation` holds each difference as a named field, and the two values below say why
each is kept: reading either text the other's way would change what it reads.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace

from assistant.money.currency import (
    CURRENCY_WORDS,
    MULTIPLIERS,
    SYMBOL_CODES,
    currency_symbol_to_code,
    currency_units,
)

_BOUNDARY = r"(?![A-Za-z\d])"
_SYMBOLS = "|".join(re.escape(s) for s in sorted(SYMBOL_CODES, key=len, reverse=True))
_KINDS = r"(?P<times>\s?(?:x|×)(?![A-Za-z\d]))?(?P<span>[\s-]?(?:years?|months?|yrs?)\b)?"
# groups of three after dots, apostrophes or spaces, as Europe writes thousands
_GROUPED = re.compile(r"[1-9]\d{0,2}([.'’\u00a0\u202f ])\d{3}(?:\1\d{3})*")
_RANGE_ON = re.compile(r"\s?[-–—]\s?\d")
_COUNT_TAIL = re.compile(r"^\s*(?:options?|shares?|units?|x\b|years?|months?)", re.I)


@dataclass(frozen=True)
class Amount:
    """One amount in text, with where it stands: `text` is as written, `start`/`end` its span.

    `unit` is an ISO code, "%", "x" (a multiple), "years" or "months" (a span), or "" when the
    text states none; `units` holds every unit it may be in ("¥": JPY or CNY), empty exactly
    when `unit` is. `number` is the digits as written, `multiplier` what a suffix or scale
    word ("K", "L", "million") multiplies them by.
    """

    value: float
    unit: str
    text: str
    start: int
    end: int
    units: frozenset[str]
    multiplier: float
    number: float

    @property
    def has_suffix(self) -> bool:
        """Whether a suffix or scale word scaled the number ("165K", "1.6M", "38.5L")."""
        return self.multiplier != 1.0

    def matches(self, other: Amount) -> bool:
        """Same value and the same kind: a currency the other may be in, percent with percent,
        a multiple with a multiple, a span with a span; a figure without a currency matches
        only one without a currency ("165K" is not "$165K": the unit is part of the claim)."""
        if not math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=0.005):
            return False
        if not self.units or not other.units:
            return not self.units and not other.units
        return bool(self.units & other.units)


def _pattern(notation: Notation) -> str:
    """The reader's one pattern, with the pieces `notation` writes differently filled in."""
    words = rf"|\s(?P<word>{notation.scale_words})\b" if notation.scale_words else ""
    currency = "|".join(CURRENCY_WORDS)
    after = rf"|\s(?P<cword>{currency})\b" if notation.currency_words else ""
    return (
        rf"(?<![A-Za-z\d_.{notation.not_after}])(?:(?P<pre>{_SYMBOLS}|[A-Z]{{3}})\.?\s?)?"
        rf"(?P<num>{notation.number})"
        rf"(?:\s?(?P<suf>{notation.suffixes}){_BOUNDARY}{words})?"
        + ("" if notation.glued else _BOUNDARY)
        + rf"(?P<pct>{notation.percent})?"
        + (_KINDS if notation.kinds else "")
        + rf"(?:\s(?P<post>[A-Z]{{3}})(?![A-Za-z]){after})?"
    )


@dataclass(frozen=True)
class Notation:
    """How one kind of text writes amounts: pieces of the reader's one pattern (regular
    expressions, "" for none) and switches. GUIDE and PROSE below are the two in use."""

    not_after: str  # characters a number may not directly follow, besides letters, digits, "."
    number: str  # the digits
    suffixes: str  # scales written on the number or after one space ("165K", "38.5 L")
    scale_words: str  # scales written as a word after a space ("2 million")
    glued: bool  # a number without a suffix may run straight into letters ("4yr", "1.5x")
    percent: str  # how a percent follows the number
    kinds: bool  # "1.5x" reads as a multiple (unit "x"), "3 years" as a span (unit "years")
    currency_words: bool  # "300 thousand dollars": a currency written as a word after it
    keeps_unknown_prefix: bool  # "TCV 300K": 300K without a currency, or nothing at all
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(_pattern(self)))


# The guides' tables and a person's question. Commas stand anywhere in the digits, so lakh
# grouping reads whole ("₹12,34,567"), and a comma after the digits is the sentence's
# ("Base is $165,000, RSUs ..."); dots, apostrophes or spaces between groups of three digits,
# as Europe and Brazil write thousands, read whole too ("140.000 CHF", "CHF 140'000",
# "110 000 €", "R$ 600.000"; never "3 100K"), and "万" is a scale
# ("55万", written straight after a Chinese word: only a Latin letter or digit before a
# number stops it); "Lakh(s)" and "Crore(s)" are suffixes, capitalised or
# not, on the number or after a space; a number must end at a word's end, and a capitalised
# word before it must be a currency code, so "RSU/4yr" and "RSU 4" in a cell are no amounts
# at all (cells.py and stated.py also refuse a number followed by "options" or "years":
# see `is_count`).
GUIDE = Notation(
    not_after="$",
    number=r"[1-9]\d{0,2}(?P<sep>[.'’\u00a0\u202f ])\d{3}(?:(?P=sep)\d{3})*(?![\d,.])"
           r"(?!\s?(?:[KkMmBL]\b|lakh|crore|[Cc]r\b|bn\b|[万萬]))|\d(?:[\d,]*\d)?(?:\.\d+)?",
    suffixes=r"LPA|[Ll]akhs?|[Cc]rores?|[Cc]r|bn|[KkMBL]|[万萬]",
    scale_words="",
    glued=False,
    percent=r"\s?%",
    kinds=False,
    currency_words=False,
    keeps_unknown_prefix=False,
)
# A language model's sentences, which the guard must read in whatever spelling they use:
# scale words ("300 grand", "2 million", "5 lakh" after a space), "2mn", "per cent", currency
# words, multiples ("1.5x") and spans ("3 years", "4yr", which is why a number may run into
# letters), and a figure after an unknown capitalised word ("TCV 300K") still counts. Digits
# group in threes only, so "2,3" reads as two numbers and "$165,000," ends before its comma;
# a number right after "£€₹¥" that the symbol's own match left alone stays unread. Indian
# scales are read in lower case too ("38 lpa", "1.2 cr"), and Chinese ones ("30万").
PROSE = Notation(
    not_after="$£€₹¥",
    number=r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    suffixes=r"LPA|lpa|Cr|cr|bn|mn|[KkMBL]|[万萬亿億]",
    scale_words=r"thousand|grand|million|billion|lakhs?|crores?",
    glued=True,
    percent=r"\s?%|\s?per ?cent\b",
    kinds=True,
    currency_words=True,
    keeps_unknown_prefix=True,
)


def read_amounts(text: str, notation: Notation = GUIDE,
                 default_currency: str = "") -> list[Amount]:
    """Every amount of `text` in order, as `notation` writes them; no ranges are joined.

    `notation` is the one place the callers' readings differ: GUIDE for table cells and a
    person's question, PROSE for a language model's answer. Each field of `Notation` is a
    difference kept on purpose, because reading the same way would change what one of them
    reads (see GUIDE and PROSE). `default_currency` settles "¥" and "kr" (a table column's
    "(CNY)" hint); a bare number keeps unit "" (the caller decides what a bare number is).
    """
    found = []
    for match in notation.pattern.finditer(text):
        pre = match.group("pre")
        if pre and not notation.keeps_unknown_prefix \
                and not currency_symbol_to_code(pre, default_currency):
            continue  # "RSU 4": a capitalised word that is not a currency code
        found.append(_amount(text, match, default_currency))
    return found


def _amount(text: str, match: re.Match[str], default_currency: str) -> Amount:
    groups = match.groupdict()
    unit, units = _unit(groups, default_currency)
    suffix = (groups["suf"] or groups.get("word") or "").lower()
    multiplier = MULTIPLIERS.get(suffix, 1.0)
    digits = groups["num"]
    if not suffix and _GROUPED.fullmatch(digits) and not _RANGE_ON.match(text, match.end()):
        # "140.000 CHF", "R$ 600.000": thousands; the low end of "1.125–1.5M" takes the
        # high end's scale (reconcile)
        digits = re.sub(r"[.'’\u00a0\u202f ]", "", digits)
    number = float(digits.replace(",", ""))
    start = match.start("pre") if units and groups["pre"] else match.start("num")
    return Amount(value=round(number * multiplier, 2), unit=unit,
                  text=text[start:match.end()].strip(), start=start, end=match.end(),
                  units=units, multiplier=multiplier, number=number)


def _unit(groups: dict[str, str | None], default: str) -> tuple[str, frozenset[str]]:
    """The unit and every unit it may be: a symbol or code before or after, a currency word,
    then what overrides them: a percent, a multiple, a span."""
    unit, units = "", frozenset[str]()
    for symbol in (groups["pre"], groups["post"]):
        if symbol and not units:
            unit = currency_symbol_to_code(symbol, default)
            units = currency_units(symbol, default)
    if groups.get("cword") and not units:
        unit = CURRENCY_WORDS[(groups["cword"] or "").lower()]
        units = frozenset({unit})
    span = groups.get("span")  # "-months" reads as years, as the guard always read it
    for kind, written in (("%", groups["pct"]), ("x", groups.get("times")),
                          ("months" if (span or "").strip().startswith("m") else "years", span)):
        if written:
            unit, units = kind, frozenset({kind})
    return unit, units


def reconcile(low: Amount, high: Amount) -> tuple[Amount, Amount]:
    """Let the ends of a range borrow what the other states: "PLN 430K–570K", "$165–235K",
    "15–30%", "₹18-28 LPA" (a low end under 1000 takes the high end's suffix)."""
    if not low.units and high.units:
        low = replace(low, unit=high.unit, units=high.units)
    if not high.units and low.units:
        high = replace(high, unit=low.unit, units=low.units)
    if not low.has_suffix and high.has_suffix and low.number < 1000:
        low = replace(low, value=round(low.number * high.multiplier, 2),
                      multiplier=high.multiplier)
    return low, high


def is_count(after: str) -> bool:
    """Whether the words right after a number say it counts things ("options", "years")."""
    return bool(_COUNT_TAIL.match(after))
