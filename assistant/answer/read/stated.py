"""The figures a person states about their own offer ("$190K base", "15% bonus", "₹38L").

Example:
    >>> [(f.component, f.value, f.unit) for f in stated_figures(
    ...     "Offer: $190K base and $250K RSUs over 4 years, plus a $30K sign-on")]
    [('base', 190000.0, 'USD'), ('stock', 250000.0, 'USD'), ('signing_bonus', 30000.0, 'USD')]

Each amount takes the pay word written next to it (after it, else before it); "over 4 years"
or "per year" after a stock grant says on which basis it is given. These are the person's
numbers, kept apart from the guides' figures: they are never cited as a guide's. The amounts
are read by the one reader (assistant/money/reader.py) in the guides' notation; a bare number
counts only when it is plainly money (`plain_money`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answer.read.phrases import TOPIC_PHRASES
from assistant.money.reader import Amount, is_count, read_amounts

PAY_PARTS = frozenset({"base", "stock", "bonus", "signing_bonus", "total_comp"})
_WORD = re.compile(r"[a-z][a-z/-]*")
_BASIS = re.compile(r"\b(?:over|across)\s+(\d)\s*(?:years?|yrs?)\b|(?:\bper|\ba|/)\s*"
                    r"(?:year|yr)\b", re.IGNORECASE)
NEAR_WORDS = 3
OFFER_PARTS = {"fixed": "base", "guaranteed": "base",  # beside an amount: "30 LPA fixed"
               "relocation": "relocation", "relo": "relocation", "moving": "relocation"}
NOT_BANDED = frozenset({"relocation"})  # parts of an offer no guide's band holds
INDIAN_SCALES = frozenset({1e5, 1e7})  # lakh ("LPA", "38L") and crore: rupees wherever written
# an amount's text up to its number and scale ("HK$500K", "₹2.75 lakh"): what follows is
# a word said after it ("50 LPA CTC")
_AFTER_DIGITS = re.compile(r"^.*?\d[\d.,'’ ]*(?:\s?(?:lakhs?|crores?|cr|bn|[KkMmL万萬])\b)?")
_MONTHLY = re.compile(r"^\W*(?:per\s+month|a\s+month|mo(?:nth)?|monthly|p\.?m\.?)\b",
                      re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_SEPARATOR = re.compile(r"[,;+]|\band\b|\bplus\b", re.IGNORECASE)
LINKING_WORDS = frozenset("of is at was about around roughly".split())
PLAIN_BARE_MIN = 10_000  # a bare number this large is money ("190,000"); smaller is a count


@dataclass(frozen=True)
class StatedFigure:
    """One figure of the person's offer, with the character span it was written in."""

    component: str  # "base", "stock", ... or "" when no pay word stands beside it
    value: float
    unit: str  # ISO code, "%", or "" when the question gives no currency
    text: str
    start: int
    end: int
    basis: str = ""  # "4yr" or "yr" for stock stated over a grant or per year; "mo" a month
    company: str = ""  # whose offer it is, where a message names several (story.py)


def stated_figures(question: str) -> tuple[StatedFigure, ...]:
    """The person's own figures in `question`, in order."""
    figures = []
    amounts = plain_money(question)
    for k, amount in enumerate(amounts):
        stop = amounts[k + 1].start if k + 1 < len(amounts) else len(question)
        begin = amounts[k - 1].end if k else 0
        # words the amount's own text ends with count as after it ("50 LPA CTC"; never its
        # currency's letters before the number, "HK$500K in RSUs"); a pay word
        # after a comma or "and" is the next amount's ("Base is $165,000, RSUs $200,000")
        tail = question[amount.end:stop]
        after = _AFTER_DIGITS.sub("", amount.text) + " " + (
            "" if _SEPARATOR.match(tail.lstrip()) else tail)
        # a pay word before a comma or "and" is the previous amount's ("$180K base, $170K"),
        # and one in an earlier sentence is that sentence's ("plus RSUs. Where does 50k ...")
        before = _SEPARATOR.split(_SENTENCE_END.split(question[begin:amount.start])[-1])[-1]
        component = _nearest(_words(after)[:NEAR_WORDS], _words(before)[-NEAR_WORDS:][::-1])
        basis = _basis(after)
        unit = amount.unit or ("INR" if amount.multiplier in INDIAN_SCALES else "")
        figures.append(StatedFigure(component, amount.value, unit, amount.text,
                                    amount.start, amount.end, basis))
    return tuple(_named_once(figures))


def _named_once(figures: list[StatedFigure]) -> list[StatedFigure]:
    """A figure said again without its pay word is the part it was said as ("32 LPA base ...
    where does 32 LPA land?"); else "38 LPA" alone is total comp, lakhs per annum being how
    CTC is written."""
    out = []
    for figure in figures:
        if not figure.component:
            said = next((f.component for f in figures if f.component and f.value == figure.value
                         and (f.unit == figure.unit or not f.unit or not figure.unit)), "")
            if said or figure.text.upper().endswith("LPA"):
                figure = replace(figure, component=said or "total_comp")
        out.append(figure)
    return out


def plain_money(question: str) -> list[Amount]:
    """The money and percentages of a question, in order.

    A bare number counts when it is plainly money: a K/M/L suffix ("190k") or five digits
    and more ("190,000"); years, counts and levels ("4 years", "L5", "15,000 options") do
    not, but an amount in a currency is money whatever follows it ("£100,000 options").
    """
    return [amount for amount in read_amounts(question)
            if (amount.unit or amount.has_suffix or amount.value >= PLAIN_BARE_MIN)
            and not (is_count(question[amount.end:]) and not amount.unit)]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _nearest(after: list[str], before: list[str]) -> str:
    """The pay part named nearest the amount; after it wins a tie ("$190K base"), unless a
    linking word joins the amount to what precedes it ("base of ₹38L")."""
    a, b = _part(after), _part(before, reverse=True)
    linked = bool(before) and before[0] in LINKING_WORDS
    if a[0] and (not b[0] or a[1] < b[1] or (a[1] == b[1] and not linked)):
        return a[0]
    return b[0]


def _part(words: list[str], reverse: bool = False) -> tuple[str, int]:
    """The first pay part the words name ("base", "RSUs", "sign-on"), and how far it is."""
    for i in range(len(words)):
        for n in (3, 2, 1):
            span = words[i:i + n] if not reverse else words[i:i + n][::-1]
            phrase = " ".join(span)
            for form in (phrase, phrase.removesuffix("s")):
                part = TOPIC_PHRASES.get(form, "") or OFFER_PARTS.get(form, "")
                if part in PAY_PARTS or part in NOT_BANDED:
                    return part, i
    return "", NEAR_WORDS


def _basis(after: str) -> str:
    if _MONTHLY.match(after):  # "SEK 70,000 per month", "₹2.75 lakh a month", "50k/mo"
        return "mo"
    found = _BASIS.search(after)
    if not found:
        return ""
    return f"{found.group(1)}yr" if found.group(1) else "yr"
