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

Numbers spelled out in the other languages text2num reads ("trescientos mil") and multiples
written as words ("twice the base", "three times") are turned into digits too, so a figure in
any spelling is a figure. A text is judged in segments (`segments`): a run of sentences up to
and including one with [n] markers, checked against the passages that segment cites; the
streamed and the whole answer are judged by the same segments (binding.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from assistant.money.reader import PROSE, Amount, read_amounts, reconcile

# Numbers spelled out ("three hundred thousand dollars"), turned into digits by text2num.
_NUMBER_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)")
_SPELLED = re.compile(rf"(?<![\d.,]\s)(?<![\d.,])\b{_NUMBER_WORD}(?:[\s-]+(?:and[\s-]+)?"
                      rf"{_NUMBER_WORD})*\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")
# The languages besides English whose spelled-out numbers text2num reads.
OTHER_NUMBER_LANGUAGES = ("es", "fr", "de", "pt", "it")
_TWICE = re.compile(r"\b(?:twice|double|doubled)\b", re.IGNORECASE)
_TIMES = re.compile(r"\b([A-Za-z]+|\d+(?:\.\d+)?)\s+times\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])*(?=\s)|\n")
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
    text = as_digits(text)
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
    """Judge an LLM answer against its numbered context passages, segment by segment: each
    segment's figures must be in the passages it cites (binding.py then checks each figure
    against the rows of the place, company, level and part it is written with)."""
    if not text.strip():
        return Verdict(False, "_The language model returned an empty answer, so this is the "
                              "guide's own answer._")
    cited = cited_numbers(text)
    if not cited:
        return Verdict(False, "_The language model's answer was replaced by the guide's own "
                              "because it cited none of the guide's passages._")
    for segment in segments(text):
        if note := value_problem(text[segment.start:segment.end], segment.cited, passages):
            return Verdict(False, note)
    return Verdict(True, cited=tuple(cited))


def value_problem(segment: str, cited: Sequence[int], passages: Mapping[int, str]) -> str:
    """Why one segment fails the value check ("" when it passes): a marker of no passage, or
    a figure none of the passages it cites holds."""
    unknown = [n for n in cited_numbers(segment) if n not in passages]
    if unknown:
        markers = ", ".join(f"[{n}]" for n in unknown)
        return ("_The language model's answer was replaced by the guide's own because it "
                f"cited passages that do not exist: {markers}._")
    missing = unsupported(segment, (passages[n] for n in cited if n in passages))
    if missing:
        return ("_The language model's answer was replaced by the guide's own figures because "
                f"it contained a figure the guides do not hold: {', '.join(missing)}._")
    return ""


@dataclass(frozen=True)
class Segment:
    """Sentences up to and including one that cites passages, and the passages it cites; a
    last run of sentences without markers takes the citations of the segment before it."""

    start: int
    end: int
    cited: tuple[int, ...]


def sentence_ends(text: str) -> list[int]:
    """Where each finished sentence of `text` ends (after its full stop and its markers)."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def segments(text: str, finished: bool = True) -> list[Segment]:
    """The segments of `text`; of a text still being written (`finished` off), only those
    that end in a marked sentence that is followed by more text (a marker may follow)."""
    found: list[Segment] = []
    start = 0
    ends = sentence_ends(text)
    for end in ends:
        cited = tuple(cited_numbers(text[start:end]))
        settled = finished or re.match(r"\s*[^\s\[]", text[end:]) is not None
        if cited and settled:
            found.append(Segment(start, end, cited))
            start = end
    if finished and text[start:].strip():
        cited = tuple(cited_numbers(text[start:])) or (found[-1].cited if found else ())
        found.append(Segment(start, len(text), cited))
    return found


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


def as_digits(text: str) -> str:
    """`text` with numbers and multiples written as words in digits: English first, then
    another language's where that gives a figure English did not ("trescientos mil")."""
    text = _TWICE.sub("2x", _TIMES.sub(_times, spelled_as_digits(text)))
    return _WORD_RUN.sub(_other_language, text) if re.search(r"[^\W\d_]{3}", text) else text


# A run of words with no digit before it ("$1.2 million" is English's, read already).
_WORD_RUN = re.compile(r"(?<![\d.,]\s)(?<![\d.,])\b[^\W\d_]+(?:[\s-]+[^\W\d_]+)*")


def _other_language(match: re.Match[str]) -> str:
    """A run of words as the first other language reads it to a figure, else as written."""
    from text_to_num import alpha2digit

    words = match.group(0)
    for language in OTHER_NUMBER_LANGUAGES:
        other = alpha2digit(words, language)
        if other != words and any(float(n) >= CHECKED_BARE_MIN
                                  for n in re.findall(r"\d+(?:\.\d+)?", other)):
            return other
    return words


def _times(match: re.Match[str]) -> str:
    """"3 times" and "three times" as "3x"; other words stay."""
    from text_to_num import text2num

    word = match.group(1)
    try:
        number = word if word[0].isdigit() else str(text2num(word.casefold(), "en"))
    except ValueError:
        return match.group(0)
    return f"{number}x"


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
