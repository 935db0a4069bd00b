"""Each figure of an LLM sentence bound to what is written near it (claims.py) and checked
against the cited rows (scope.py): a true figure said of the wrong place, company, level, pay
part or period, or made a comparison, is refused.

Example:
    >>> misbound("In London the base is $165K–$235K.", scope)   # no cited row is London's
    ['$165K–$235K (written for London)']

A figure must be the low or high end of a figure of the cited rows that its place, level and
part name (any row, level or part when none is named); a place, company or level the cited rows
do not cover is refused outright, unless a sentence of the cited passages writes that figure
with that name (a guide may quote another firm's offer). A period other than a year ("per
month", "every two weeks") or a comparison ("15% above the band", "2x the base") needs a
passage sentence writing the figure that way; a stock grant over several years is no
"annual" figure. A base, stock or total comp figure must be a row's; a sign-on or bonus figure
the rows do not hold (a script's "$60K sign-on") is left to the value check in guard.py.

`problem` judges one segment (guard.segments); the streamed answer and the whole one are
judged by it, segment by segment, so the stream never shows what the final check refuses.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial

from assistant.answer.llm.claims import Claim, Mention, claims
from assistant.answer.llm.guard import amounts, segments, value_problem, without_markers
from assistant.answer.llm.scope import Scope
from assistant.corpus.model import CompRow, Figure
from assistant.money.reader import Amount

# Parts whose figures only the pay rows give: "the base is $1M" must be a row's base band,
# even when a passage's text (a hostile guide, a script's ask) writes "$1M".
ROW_ONLY = frozenset({"base", "stock", "total_comp"})
NOT_MONEY = frozenset({"x", "years", "months"})
_REPLACED = "_The language model's answer was replaced by the guide's own figures because it "
_TIED = _REPLACED + "tied a figure to the wrong region, company, level, pay component or period: "
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+(?:[.!?]+|$)")  # "1.5M" ends no sentence
_YEARLY = re.compile(r"year|annum|annual|yr", re.IGNORECASE)
_PERIOD_UNIT = re.compile(r"hour|hr|day|week|wk|fortnight|month|mo|quarter|year|yr|annum|annual",
                          re.IGNORECASE)
_COMPARISON = re.compile(r"\b(?:above|below|under|beyond|more|less|higher|lower|over|on top|"
                         r"raise|increase|premium|bump|hike|discount|cut|times|twice|double)\b",
                         re.IGNORECASE)


def problem(segment: str, before: str, cited: Sequence[int], passages: Mapping[int, str],
            scope: Scope) -> str:
    """Why one segment must not be shown ("" when it may): a marker of no passage, a figure
    the passages it cites do not hold, or one tied to the wrong place, company, level, part
    or period. `before` is the text written before it (the names it carries over)."""
    if note := value_problem(segment, cited, passages):
        return note
    texts = [passages[n] for n in cited if n in passages]
    if tied := misbound(segment, scope, before, texts):
        return _TIED + ", ".join(tied) + "._"
    return ""


def first_problem(text: str, passages: Mapping[int, str], scope: Scope) -> str:
    """The first segment's problem in a whole answer ("" when every segment passes)."""
    for segment in segments(text):
        note = problem(text[segment.start:segment.end], text[:segment.start], segment.cited,
                       passages, scope)
        if note:
            return note
    return ""


def sentence_problem(sentence: str, passages: Mapping[int, str],
                     rows: Sequence[CompRow] | Scope = ()) -> str:
    """One sentence judged against the passages it cites (every passage when it cites none)."""
    scope = rows if isinstance(rows, Scope) else Scope.of_rows(rows)
    cited = [n for s in segments(sentence) for n in s.cited] or list(passages)
    return problem(sentence, "", cited, passages, scope)


def misbound(text: str, rows: Sequence[CompRow] | Scope, before: str = "",
             sources: Sequence[str] = ()) -> list[str]:
    """Figures of `text` written for a place, company, level, part or period the cited rows
    (and `sources`, the cited passages' texts) do not give them for."""
    scope = rows if isinstance(rows, Scope) else Scope.of_rows(rows)
    if not scope.rows:
        return []
    held = _sentences(" ".join(without_markers(s) for s in sources))
    problems: list[str] = []
    bare = without_markers(text)
    previous, last_end = _last_sentence(without_markers(before)), 0
    for match in _SENTENCE.finditer(bare):
        sentence = match.group(0)
        if "\n\n" in bare[last_end:match.start()]:
            previous = ""  # a new paragraph carries no names over
        for claim in claims(sentence, previous, scope):
            if written_for := _misplaced(claim, scope, held):
                problems.append(f"{claim.amount.text} (written for {written_for})")
        previous, last_end = sentence, match.end()
    return list(dict.fromkeys(problems))


def _misplaced(claim: Claim, scope: Scope, held: list[tuple[str, list[Amount]]]) -> str:
    """What the figure is wrongly written for, or ""."""
    amount = claim.amount

    def quoted(test: Callable[[str], bool]) -> bool:
        return any(test(text) for text, found in held
                   if any(amount.matches(a) for a in found))

    if claim.relative and not quoted(lambda t: bool(_COMPARISON.search(t))):
        return "a comparison the passages do not make"
    for m in (*claim.companies, *claim.places, *claim.levels):
        if _outside(m, scope) and not quoted(partial(_names, typed=m.typed)):
            return m.typed
    rows = _rows_for(claim, scope)
    if claim.period and not _period_holds(claim, scope, rows, quoted):
        return f"{_parts_words(claim)} {claim.period}".strip()
    if not (claim.places or claim.parts or claim.levels) or amount.units & NOT_MONEY \
            or not amount.units:
        return ""
    if not any(_is_end(amount, f) for r in scope.rows for f in r.figures) \
            and not claim.parts & ROW_ONLY:
        return ""  # a script's "$60K sign-on": guard.py's value check decides
    if not any(_is_end(amount, f) and (not claim.parts or f.component in claim.parts)
               for r in rows for f in r.figures):
        return " ".join([*(m.typed for m in (*claim.places, *claim.levels)),
                         *sorted(claim.parts)])
    return ""


def _outside(mention: Mention, scope: Scope) -> bool:
    """A company, place or level the cited rows are not for."""
    if mention.kind == "company":
        return not scope.is_own_company(mention.value)
    if mention.kind == "level":
        return mention.level is not None and not scope.holds_level(mention.level)
    return not scope.rows_at(mention.place, mention.typed)


def _rows_for(claim: Claim, scope: Scope) -> list[CompRow]:
    rows = list(scope.rows)
    if claim.places:
        at = {id(r) for m in claim.places for r in scope.rows_at(m.place, m.typed)}
        rows = [r for r in rows if id(r) in at]
    for m in claim.levels:
        if m.level is not None:
            of_level = {id(r) for r in scope.rows_of_level(m.level)}
            rows = [r for r in rows if id(r) in of_level]
    return rows


def _period_holds(claim: Claim, scope: Scope, rows: list[CompRow],
                  quoted: Callable[[Callable[[str], bool]], bool]) -> bool:
    """A yearly figure is a row's (a stock grant only when stated per year); any other
    period needs a passage writing the figure with that period."""
    unit = _PERIOD_UNIT.search(claim.period)
    if _YEARLY.search(claim.period):
        stock = "stock" in claim.parts or not claim.parts and any(
            _is_end(claim.amount, f) for r in rows for f in r.figures if f.component == "stock")
        return not stock or scope.stock_years(rows or scope.rows) <= 1 or quoted(
            lambda t: bool(_YEARLY.search(t)))
    word = unit.group(0).casefold()[:2] if unit else ""
    return bool(word) and quoted(lambda t: any(
        w.group(0).casefold()[:2] == word for w in _PERIOD_UNIT.finditer(t)))


def _parts_words(claim: Claim) -> str:
    return " ".join(sorted(claim.parts))


def _names(text: str, typed: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(typed)}(?!\w)", text, re.IGNORECASE) is not None


def _sentences(text: str) -> list[tuple[str, list[Amount]]]:
    return [(m.group(0), amounts(m.group(0))) for m in _SENTENCE.finditer(text)]


def _last_sentence(text: str) -> str:
    """The sentence `text` ends with, when no blank line follows it."""
    if not text.strip() or text.rstrip(" ").endswith("\n\n"):
        return ""
    found = [m.group(0) for m in _SENTENCE.finditer(text.split("\n\n")[-1])]
    return found[-1] if found else ""


def _is_end(amount: Amount, figure: Figure) -> bool:
    """The amount is the low or high end of the figure, in its currency."""
    if figure.unit not in amount.units:
        return False
    value = amount.value
    return any(end is not None and math.isclose(value, end, rel_tol=1e-9, abs_tol=0.005)
               for end in (figure.low, figure.high))
