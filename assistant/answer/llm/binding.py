"""Each figure of an LLM sentence bound to the region and pay component it is written with, and
checked against the cited rows: a true figure tied to the wrong place or part is refused.

Example:
    >>> misbound("In London the base is $165K–$235K.", rows)   # that is Seattle's band
    ['$165K–$235K (written for London base)']

A sentence names regions by the rows' own region names (or their first word: "Seattle" of
"Seattle (US)") and components by their words ("base", "RSUs", "sign-on", "bonus", "total
comp"). Each money figure of a sentence that names a region or a component must be an end of
a row figure of a named component (any, when none is named) in a named region (any, when
none is named). A figure for base, stock or total comp must be a row's; a sign-on or bonus
figure the rows do not hold (a script's "$60K sign-on") and sentences that name neither are
left to the value check in guard.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

from assistant.answer.llm.guard import Verdict, amounts, unsupported, without_markers
from assistant.corpus.model import CompRow, Figure
from assistant.money.reader import Amount

_COMPONENT_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("signing_bonus", re.compile(r"\bsign(?:ing)?[- ]?on\b|\bsigning bonus\b|\bjoining bonus\b",
                                 re.IGNORECASE)),
    ("total_comp", re.compile(r"\btotal comp\w*\b|\bTC\b|\ball[- ]in\b", re.IGNORECASE)),
    ("stock", re.compile(r"\bstock\b|\bRSUs?\b|\bequity\b|\bshares\b", re.IGNORECASE)),
    ("base", re.compile(r"\bbase\b|\bsalary\b", re.IGNORECASE)),
    ("bonus", re.compile(r"\bbonus\b", re.IGNORECASE)),
)
# Parts whose figures only the pay rows give: "the base is $1M" must be a row's base band,
# even when a passage's text (a hostile guide, a script's ask) writes "$1M".
ROW_ONLY = frozenset({"base", "stock", "total_comp"})
_REPLACED = "_The language model's answer was replaced by the guide's own figures because it "
_UNHELD = _REPLACED + "contained a figure the guides do not hold: "
_TIED = _REPLACED + "tied a figure to the wrong region or pay component: "
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+(?:[.!?]+|$)")  # "1.5M" ends no sentence


def bound(verdict: Verdict, text: str, rows: Sequence[CompRow]) -> Verdict:
    """The guard's verdict, refused when a figure is tied to the wrong region or component."""
    tied = misbound(without_markers(text), rows) if verdict.ok else []
    return Verdict(False, _TIED + ", ".join(tied) + "._") if tied else verdict


def sentence_problem(sentence: str, passages: Mapping[int, str],
                     rows: Sequence[CompRow] = ()) -> str:
    """The note saying why one streamed sentence must not be shown, or "" when it may: a
    figure no passage holds, or one tied to the wrong region or component."""
    bare = without_markers(sentence)
    if missing := unsupported(bare, passages.values()):
        return _UNHELD + ", ".join(missing) + "._"
    if tied := misbound(bare, rows):
        return _TIED + ", ".join(tied) + "._"
    return ""


def misbound(text: str, rows: Sequence[CompRow]) -> list[str]:
    """Figures of `text` written for a region or component whose cited row lacks them."""
    if not rows:
        return []
    problems: list[str] = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        regions = [r for r in rows if _names_region(sentence, r.region.raw)]
        parts = _components(sentence)
        if not regions and not parts:
            continue
        candidates = regions or list(rows)
        for amount in amounts(sentence):
            if not amount.units or amount.units & {"%", "x", "years", "months"}:
                continue
            held = [f for r in rows for f in r.figures if _is_end(amount, f)]
            if not held and not parts & ROW_ONLY:
                continue  # a script's "$60K sign-on": guard.py's value check decides
            if not any(_is_end(amount, f) and (not parts or f.component in parts)
                       for r in candidates for f in r.figures):
                where = " ".join([*(r.region.raw for r in regions), *sorted(parts)])
                problems.append(f"{amount.text} (written for {where})")
    return list(dict.fromkeys(problems))


def _names_region(sentence: str, region: str) -> bool:
    name = region.split("(")[0].strip()
    names = {name, name.split(",")[0].strip(), name.split("/")[0].strip()}
    return any(len(n) >= 2 and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", sentence,
                                         re.IGNORECASE) for n in names if n)


def _components(sentence: str) -> set[str]:
    found: set[str] = set()
    rest = sentence
    for component, pattern in _COMPONENT_WORDS:
        if pattern.search(rest):
            found.add(component)
            rest = pattern.sub(" ", rest)  # "sign-on bonus" is not also "bonus"
    return found


def _is_end(amount: Amount, figure: Figure) -> bool:
    """The amount is the low or high end of the figure, in its currency."""
    if figure.unit not in amount.units:
        return False
    value = amount.value
    return any(end is not None and math.isclose(value, end, rel_tol=1e-9, abs_tol=0.005)
               for end in (figure.low, figure.high))
