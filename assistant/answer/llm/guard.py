"""The LLM guard: an answer passes only if its figures and [n] markers come from its context.

Example:
    >>> check("Seattle base is $165,000–$235K [1].", {1: "base $165K–$235K"}).ok
    True
    >>> check("Seattle base is $300K [1].", {1: "base $165K–$235K"}).note
    "_The language model's answer was replaced by ... the guides do not hold: $300K._"

Figures are money amounts ("$165K", "£72,000", "CNY 500K", "₹38.5L", "1.6M"), percentages
("15%") and bare numbers of 1000 or more. They are compared as values with units, so "$165K"
equals "$165,000"; both ends of a range count ("165K–235K", "$165–235K", "15–30%"). They are
read by the one reader of amounts (assistant/money/reader.py) in its PROSE notation; what is
the guard's own is here: spelled-out numbers turned into digits first, ranges joined by "and"
as well as a dash or "to", and which amounts count as figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assistant.money.reader import PROSE, Amount, read_amounts, reconcile

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
    found = read_amounts(text, PROSE)
    for i in range(len(found) - 1):
        low, high = found[i], found[i + 1]
        if _RANGE_GAP.match(text[low.end:high.start]):
            found[i], found[i + 1] = reconcile(low, high)
    return found


def is_figure(amount: Amount) -> bool:
    """Whether the guard checks it: money, percent, a multiple, a span of years or months,
    a K/M/L suffix, or a number >= 1000."""
    return bool(amount.units) or amount.has_suffix or amount.value >= CHECKED_BARE_MIN


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
        if is_figure(amount) and not any(amount.matches(h) for h in held):
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
