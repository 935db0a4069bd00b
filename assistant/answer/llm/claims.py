"""An LLM sentence read as a question is read: each figure with what is written near it.

Example:
    >>> [c.places[0].typed for c in claims("In London the base is $195K.", "", scope)]
    ['London']

The names come from the readers of questions and the library's own vocabulary: places from
`read/places.py` over the lexicon (any city, state, country or region, and the library's
region names), companies from the vocabulary's names, nicknames and tickers (`read/phrases.py`),
levels from `read/levels.py`, pay parts from the question's pay words (`TOPIC_PHRASES`). A
figure is bound to the nearest place, company and level written before it in its sentence
(names joined by "and", "or", "/" or a comma count as one), else the nearest after it, else
to all those the sentence before names ("London is dearer. There the base is ..."). Its part
is the pay word right after it ("$60K sign-on") or the nearest before it; its period the
nearest period word ("per month", "every two weeks", "annual") with no other figure between;
it is relative when a comparison is written right beside it ("15% above", "2x the base").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answer.llm.guard import amounts, is_figure
from assistant.answer.llm.scope import Scope
from assistant.answer.read.levels import Level, levels_in
from assistant.answer.read.phrases import TOPIC_PHRASES, WEAK_TOTAL, lookup
from assistant.answer.read.places import AskedPlace, find_places
from assistant.corpus.model import COMPONENTS
from assistant.money.reader import Amount

MAX_NAME_WORDS = 4
NEAR_WORDS = 3  # how far after a figure its pay word or comparison may stand
_PARTS = {phrase: part for phrase, part in TOPIC_PHRASES.items()
          if part in COMPONENTS and phrase not in WEAK_TOTAL}
_PART_WORDS = re.compile(r"(?<![\w-])(?:" + "|".join(
    re.escape(p).replace(r"\ ", r"[\s-]") for p in sorted(_PARTS, key=len, reverse=True))
    + r")s?(?![\w-])", re.IGNORECASE)
_UNITS = r"(?:hour|day|week|fortnight|month|quarter|year|annum)"
_PERIOD = re.compile(rf"\b(?:per|a|an|each|every|/)\s*(?:(?:two|2|other)\s+)?{_UNITS}s?\b"
                     rf"|/\s*(?:hr|mo|wk|yr)\b|\b(?:hourly|daily|weekly|bi-?weekly|fortnightly|"
                     rf"monthly|quarterly|yearly|annual(?:ly)?)\b", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")
_AFTER_STOP = re.compile(r"[,;:.\d]|\b(?:and|or|but|while|with|plus)\b", re.IGNORECASE)
_GROUP_GAP = re.compile(r"^[\s,/&()]*(?:and|or)?[\s,/&()]*$")
_WORD = re.compile(r"[^\s,]+,?")


@dataclass(frozen=True)
class Mention:
    """A name written in a sentence: what kind, its value (a place's typed name, a company
    slug, a level as written) and where it stands."""

    kind: str  # "place", "company" or "level"
    value: str
    typed: str
    start: int
    end: int
    level: Level | None = field(default=None, compare=False)
    place: AskedPlace | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Claim:
    """One figure and what it is written for."""

    amount: Amount
    places: tuple[Mention, ...] = ()
    companies: tuple[Mention, ...] = ()
    levels: tuple[Mention, ...] = ()
    parts: frozenset[str] = frozenset()
    period: str = ""  # "", or the period word as written ("per month")
    relative: bool = False


def claims(sentence: str, before: str, scope: Scope) -> list[Claim]:
    """The figures of `sentence` with their bindings; `before` is the sentence before it in
    its paragraph (names it carries over), "" for none."""
    found = [a for a in amounts(sentence) if is_figure(a)]
    if not found:
        return []
    named = mentions(sentence, scope)
    carried = mentions(before, scope) if before.strip() else []
    periods = [(m.start(), m.end(), m.group(0)) for m in _PERIOD.finditer(sentence)]
    parts = [(m.start(), m.end(), _PARTS[_part_key(m.group(0))])
             for m in _PART_WORDS.finditer(sentence)]
    out = []
    spans = _range_spans(found, sentence)
    for amount in found:
        span = spans[id(amount)]
        near = {kind: _nearest([m for m in named if m.kind == kind], span, sentence)
                or tuple(m for m in carried if m.kind == kind)
                for kind in ("place", "company", "level")}
        out.append(Claim(amount, near["place"], near["company"], near["level"],
                         _part(parts, span, sentence), _period(periods, span, spans),
                         amount.unit == "x" or _relative(span, sentence)))
    return out


def _range_spans(found: list[Amount], sentence: str) -> dict[int, tuple[int, int]]:
    """Each figure's span, a range's ends sharing the whole range's ("$165K–$235K")."""
    spans = {id(a): (a.start, a.end) for a in found}
    for low, high in zip(found, found[1:], strict=False):
        if _RANGE_GAP.match(sentence[low.end:high.start]):
            spans[id(low)] = spans[id(high)] = (spans[id(low)][0], high.end)
    return spans


def mentions(text: str, scope: Scope) -> list[Mention]:
    """The places, companies and levels `text` names, in order."""
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(_plain(text))]
    words = [w for w in words if w[2].strip(",")]
    typed = [text[s:e] for s, e, _ in words]
    lower = [w.casefold().replace(",", "").strip(".?!'") for _, _, w in words]
    used = [False] * len(words)
    found: list[Mention] = []
    if scope.vocabulary is not None:
        for place in find_places(lower, typed, used, scope.vocabulary, scope.lexicon):
            found.append(Mention("place", place.typed, place.typed, words[place.start][0],
                                 words[place.end - 1][1], place=place))
    else:  # no lexicon: the cited rows' own names only
        found += _row_names(text, scope)
    found += _companies(text, words, lower, used, scope)
    for level in levels_in(text):
        at = text.find(level.typed)
        if at >= 0 and not _not_a_level(text, at, level):
            found.append(Mention("level", level.typed, level.typed, at, at + len(level.typed),
                                 level))
    return sorted(found, key=lambda m: m.start)


def _plain(text: str) -> str:
    """`text` with the characters no name holds blanked, one for one (offsets stay)."""
    return re.sub(r"[^\w&/.+',-]", " ", text.replace("’", "'"))


def _row_names(text: str, scope: Scope) -> list[Mention]:
    found = []
    for row in scope.rows:
        for name in scope.row_names(row):
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
                found.append(Mention("place", m.group(0), m.group(0), m.start(), m.end()))
    return found


def _companies(text: str, words: list[tuple[int, int, str]], lower: list[str],
               used: list[bool], scope: Scope) -> list[Mention]:
    """Company names of the library (its names, nicknames, tickers) among the free words."""
    vocab = scope.vocabulary
    if vocab is None:
        return []
    found = []
    ordinary = scope.lexicon.ordinary(lower)
    for n in range(min(MAX_NAME_WORDS, vocab.max_phrase_words), 0, -1):
        for i in range(len(words) - n + 1):
            if any(used[i:i + n]):
                continue
            phrase = " ".join(lower[i:i + n])
            kind, slug = lookup(phrase, vocab, text, frozenset(ordinary))
            if kind in ("company", "company_by_part"):
                used[i:i + n] = [True] * n
                start, end = words[i][0], words[i + n - 1][1]
                found.append(Mention("company", slug, text[start:end], start, end))
    return found


def _not_a_level(text: str, at: int, level: Level) -> bool:
    """"mid-point", "the senior band's top": a level word used as an ordinary word."""
    after = text[at + len(level.typed):at + len(level.typed) + 1]
    return bool(level.word) and after == "-"


def _nearest(named: list[Mention], span: tuple[int, int], sentence: str
             ) -> tuple[Mention, ...]:
    """The group of names nearest before the figure, else nearest after it."""
    groups: list[list[Mention]] = []
    for mention in named:
        last = groups[-1][-1] if groups else None
        if last is not None and _GROUP_GAP.match(sentence[last.end:mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    before = [g for g in groups if g[-1].end <= span[0]]
    after = [g for g in groups if g[0].start >= span[1]]
    if before:
        return tuple(before[-1])
    return tuple(after[0]) if after else ()


def _part_key(written: str) -> str:
    key = re.sub(r"[\s-]+", " ", written.casefold())
    return key if key in _PARTS else key.removesuffix("s") if key.removesuffix("s") in _PARTS \
        else key.replace(" ", "-")


def _part(parts: list[tuple[int, int, str]], span: tuple[int, int],
          sentence: str) -> frozenset[str]:
    """The pay word right after the figure ("$60K sign-on", "$90K in RSUs"), else the nearest
    before it; none when the sentence names none."""
    for start, _end, part in parts:
        gap = sentence[span[1]:start]
        if start >= span[1] and len(gap.split()) <= NEAR_WORDS and not _AFTER_STOP.search(gap):
            return frozenset({part})
    before = [p for s, _e, p in parts if s < span[0]]
    return frozenset(before[-1:])


def _period(periods: list[tuple[int, int, str]], span: tuple[int, int],
            spans: dict[int, tuple[int, int]]) -> str:
    """The nearest period word with no other figure between it and the figure."""
    best: tuple[int, str] | None = None
    for start, end, written in periods:
        lo, hi = (end, span[0]) if end <= span[0] else (span[1], start)
        if any(lo <= other[0] < hi for other in spans.values() if other != span):
            continue
        if best is None or hi - lo < best[0]:
            best = (hi - lo, written)
    return best[1] if best else ""


def _relative(span: tuple[int, int], sentence: str) -> bool:
    """A comparison word right after the figure ("15% above", "$20K more than") or right
    before it ("a raise of 15%")."""
    after = " ".join(sentence[span[1]:].split()[:NEAR_WORDS])
    before = " ".join(sentence[:span[0]].split()[-2:])
    return bool(_COMPARE.search(after)) or bool(_COMPARE_BEFORE.search(before))


_COMPARE = re.compile(r"^\W*(?:\w+\s+)?(?:above|below|under|beyond|more|less|higher|lower|"
                      r"over\s+(?:the|your|their|its|what)|on\s+top|raise|increase|premium|"
                      r"bump|hike|discount|cut)\b", re.IGNORECASE)
_COMPARE_BEFORE = re.compile(r"\b(?:raise|increase|premium|bump|hike|discount|cut|by)\b",
                             re.IGNORECASE)
