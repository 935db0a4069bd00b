"""The LLM guard: an answer passes only if its figures and [n] markers come from its context.

Example:
    >>> check("Seattle base is $165,000–$235K [1].", {1: "base $165K–$235K"}).ok
    True
    >>> check("Seattle base is $300K [1].", {1: "base $165K–$235K"}).note
    "_The language model's answer was replaced by ... the guides do not hold: $300K._"

Figures are money amounts ("$165K", "£72,000", "CNY 500K", "₹38.5L", "1.6M"), percentages
("15%") and bare numbers of 1000 or more. They are compared as values with units, so "$165K"
equals "$165,000"; both ends of a range count ("165K–235K", "$165–235K", "15–30%").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from assistant.corpus.money import (
    AMBIGUOUS_SYMBOLS,
    MULTIPLIERS,
    SYMBOL_CODES,
    currency_symbol_to_code,
)

# Free text also writes the scale as a word ("2 million", "300 grand").
_MULTIPLIERS = MULTIPLIERS | {"thousand": 1e3, "grand": 1e3, "mn": 1e6, "million": 1e6,
                              "billion": 1e9}
_CURRENCY_WORDS = {"dollars": "USD", "pounds": "GBP", "euros": "EUR", "rupees": "INR",
                   "yuan": "CNY"}
_SYMBOLS = "|".join(re.escape(s) for s in sorted(SYMBOL_CODES, key=len, reverse=True))
_AMOUNT = re.compile(
    rf"(?<![\w.$£€₹¥])(?:(?P<pre>{_SYMBOLS}|[A-Z]{{3}})\.?\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<suf>LPA|Cr|bn|mn|[KkMBL])(?![A-Za-z\d])"
    r"|\s(?P<word>thousand|grand|million|billion|lakhs?|crores?)\b)?"
    r"(?P<pct>\s?%|\s?per ?cent\b)?"
    r"(?P<times>\s?(?:x|×)(?![A-Za-z\d]))?"
    r"(?P<span>[\s-]?(?:years?|months?|yrs?)\b)?"
    r"(?:\s(?P<post>[A-Z]{3})(?![A-Za-z])|\s(?P<cword>dollars|pounds|euros|rupees|yuan)\b)?"
)
# Numbers spelled out ("three hundred thousand dollars"), turned into digits by text2num.
_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)")
_SPELLED = re.compile(rf"(?<![\d.,]\s)(?<![\d.,])\b{_NUMBER_WORD}(?:[\s-]+(?:and[\s-]+)?"
                      rf"{_NUMBER_WORD})*\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")
_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
CHECKED_BARE_MIN = 1000  # bare numbers below this (levels, months, "2/12") are not figures


@dataclass(frozen=True)
class Amount:
    """One figure in text: its value, the currencies it may be in ("%" for percent), as written."""

    value: float
    units: frozenset[str]  # empty: no currency stated
    text: str
    multiplier: float = 1.0  # from a K/M/L/Cr suffix or a word such as "million"
    start: int = 0
    end: int = 0

    @property
    def has_suffix(self) -> bool:
        """Whether a suffix scaled the number ("165K", "1.6M", "38.5L")."""
        return self.multiplier != 1.0

    @property
    def is_figure(self) -> bool:
        """Whether the guard checks it: money, percent, a multiple, a span of years or months,
        a K/M/L suffix, or a number >= 1000."""
        return bool(self.units) or self.has_suffix or self.value >= CHECKED_BARE_MIN

    def matches(self, other: Amount) -> bool:
        """Same value and the same kind: a currency the other may be in, percent with percent,
        a multiple with a multiple, a span with a span; a figure without a currency matches
        only one without a currency ("165K" is not "$165K": the unit is part of the claim)."""
        if not math.isclose(self.value, other.value, rel_tol=1e-9, abs_tol=0.005):
            return False
        if not self.units or not other.units:
            return not self.units and not other.units
        return bool(self.units & other.units)


@dataclass(frozen=True)
class Verdict:
    """The guard's judgement: ok, or a one-line Markdown note saying why not; the [n] cited."""

    ok: bool
    note: str = ""
    cited: tuple[int, ...] = ()


def amounts(text: str) -> list[Amount]:
    """Every number in `text` with units, range ends borrowing suffix and unit from each other.

    Numbers spelled out are read as digits first; "1.5x" is a multiple (unit "x"), "3 years"
    a span (unit "years"), both checked like money.
    """
    text = spelled_as_digits(text)
    found = [_amount(m) for m in _AMOUNT.finditer(text)]
    for i in range(len(found) - 1):
        low, high = found[i], found[i + 1]
        if _RANGE_GAP.match(text[low.end:high.start]):
            found[i], found[i + 1] = _reconcile(low, high)
    return found


def cited_numbers(text: str) -> list[int]:
    """The [n] marker numbers in order of first use ("[1][2]", "[1, 3]" both count)."""
    seen: dict[int, None] = {}
    for match in _MARKER.finditer(text):
        for part in re.split(r"[,;]", match.group(1)):
            seen.setdefault(int(part), None)
    return list(seen)


def check(text: str, passages: Mapping[int, str]) -> Verdict:
    """Judge an LLM answer against its numbered context passages (binding.py then checks
    each figure against the rows of the region and component it is written with)."""
    if not text.strip():
        return Verdict(False, "_The language model returned an empty answer, so this is the "
                              "guide's own answer._")
    cited = cited_numbers(text)
    unknown = [n for n in cited if n not in passages]
    if unknown:
        markers = ", ".join(f"[{n}]" for n in unknown)
        return Verdict(False, "_The language model's answer was replaced by the guide's own "
                              f"because it cited passages that do not exist: {markers}._")
    if not cited:
        return Verdict(False, "_The language model's answer was replaced by the guide's own "
                              "because it cited none of the guide's passages._")
    missing = unsupported(text, (passages[n] for n in cited))
    if missing:
        return Verdict(False, "_The language model's answer was replaced by the guide's own "
                              "figures because it contained a figure the guides do not hold: "
                              f"{', '.join(missing)}._")
    return Verdict(True, cited=tuple(cited))


def without_markers(text: str) -> str:
    """`text` with its [n] citation markers blanked (their digits are no figures)."""
    return _MARKER.sub(" ", text)


def unsupported(text: str, sources: Iterable[str]) -> list[str]:
    """The figures of `text` (as written) that none of `sources` holds."""
    held = [a for source in sources for a in amounts(source)]
    bare = without_markers(text)
    missing: dict[str, None] = {}
    for amount in amounts(bare):
        if amount.is_figure and not any(amount.matches(h) for h in held):
            missing.setdefault(amount.text, None)
    return list(missing)


def spelled_as_digits(text: str) -> str:
    """`text` with spelled-out numbers of two words or more, or one scale word such as
    "hundred", in digits ("three hundred thousand" -> "300000"); "one of" stays."""
    from text_to_num import alpha2digit

    def digits(match: re.Match[str]) -> str:
        words = match.group(0)
        if " " not in words.strip() and "-" not in words and not re.search(
                r"hundred|thousand|million|billion", words, re.IGNORECASE):
            return words  # a lone "three" is not a figure
        return str(alpha2digit(words, "en"))

    return _SPELLED.sub(digits, text)


def _amount(m: re.Match[str]) -> Amount:
    units: frozenset[str] = frozenset()
    for group in ("pre", "post"):
        symbol = m.group(group)
        if symbol and not units:
            units = _units(symbol)
    if m.group("cword") and not units:
        units = frozenset({_CURRENCY_WORDS[m.group("cword").lower()]})
    if m.group("pct"):
        units = frozenset({"%"})
    if m.group("times"):
        units = frozenset({"x"})
    if m.group("span"):
        units = frozenset({"months" if m.group("span").strip().startswith("m") else "years"})
    suffix = (m.group("suf") or m.group("word") or "").lower()
    multiplier = _MULTIPLIERS.get(suffix, 1.0)
    value = round(float(m.group("num").replace(",", "")) * multiplier, 2)
    start = m.start("pre") if units and m.group("pre") else m.start("num")
    return Amount(value, units, m.group(0)[start - m.start():].strip(), multiplier, start,
                  m.end())


def _units(symbol: str) -> frozenset[str]:
    sym = symbol.strip().rstrip(".")
    if sym in AMBIGUOUS_SYMBOLS:
        return AMBIGUOUS_SYMBOLS[sym]
    code = currency_symbol_to_code(sym)
    return frozenset({code}) if code else frozenset()


def _reconcile(low: Amount, high: Amount) -> tuple[Amount, Amount]:
    """Let range ends borrow what the other states: "$165–235K", "15–30%", "CNY 500K–950K"."""
    if not low.units and high.units:
        low = replace(low, units=high.units)
    if not high.units and low.units:
        high = replace(high, units=low.units)
    if not low.has_suffix and high.has_suffix and low.value < 1000:
        low = replace(low, value=round(low.value * high.multiplier, 2),
                      multiplier=high.multiplier)
    return low, high
