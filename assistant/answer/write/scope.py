"""Cutting a quoted passage to what was asked: a sentence whose figures belong to a place,
level or currency of the guide that the question did not ask about is left out.

Example:
    >>> scope = scope_of(guide, asked_rows)      # Goldman Sachs data engineer, Bengaluru
    >>> within("Anchor at the New York range ($273K TC). Ask for more.", scope)
    'Ask for more.'

A guide's script and levers are written for its main market and name other rows' figures
("Your walk-away floor should be $228K TC for New York, £178K TC for London"). When an
answer shows some of the guide's rows, a quoted sentence with a figure is kept only when it
names none of the other rows' places or levels, repeats none of their figures, and states
its money in the asked rows' currency. Sentences without figures are advice and stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.corpus.model import CompRow, Guide
from assistant.money.reader import Amount, read_amounts
from assistant.places.aliases import REGION_ALIASES

_SENTENCE = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“'(\[A-Z$£€₹])")
_PLACE_PART = re.compile(r"[^/(),;&+]+")
_LIST_ITEM = re.compile(r",\s+(?:and\s+)?|;\s+|\s+and\s+(?=[$£€₹A-Z]{1,3}\s?\d|[$£€₹]\d)")
_LEVEL_CODE = re.compile(r"\b[A-Z]{1,4}-?\d{1,2}[a-z]?\b")
_NOT_PLACES = frozenset({"hq", "us", "remote", "r&d", "us r&d", "other", "global", "tier",
                         "all", "usd", "eur", "gbp", "inr"})
_NOT_MONEY = frozenset({"", "%", "x", "years", "months"})
COMPANY_SCALE = 50e6  # "$11B+ creator payouts", "$1T in payments": facts about the company, not pay


def _short_names() -> dict[str, set[str]]:
    """A region's short names in capitals, from the alias table ("sf" -> San Francisco:
    "SF")."""
    names: dict[str, set[str]] = {}
    for alias, region in REGION_ALIASES.items():
        if len(alias) <= 3 and alias.isalpha():
            names.setdefault(region, set()).add(alias.upper())
    return names


_SHORT_NAMES = _short_names()


@dataclass(frozen=True)
class Scope:
    """What an answer shows of a guide, as the words and figures of the rows it does not."""

    places: tuple[str, ...]
    levels: frozenset[str]
    figures: frozenset[str]
    units: frozenset[str]

    def foreign(self, sentence: str) -> bool:
        """True when the sentence's figures belong to a row the answer was not asked for."""
        money = [a for a in _money(sentence) if a.value < COMPANY_SCALE]
        if not money:
            return False
        if self.units and any(a.unit not in self.units for a in money):
            return True
        if any(f in sentence for f in self.figures):
            return True
        if set(_LEVEL_CODE.findall(sentence)) & self.levels:
            return True
        return any(re.search(rf"\b{re.escape(p)}\b", sentence) for p in self.places)


# An article quoted beside a company's answer: its figures are other companies' (an
# article's example, "the top-of-band sign-on ... at Facebook is $100,000"), so a sentence
# with money in it is left out and its advice stays.
NO_FIGURES = Scope(places=(), levels=frozenset(), figures=frozenset(), units=frozenset({"-"}))


def scope_of(guide: Guide, asked: Sequence[CompRow]) -> Scope | None:
    """The scope of an answer showing `asked` of the guide's rows (None: all or none)."""
    shown = {id(r) for r in asked}
    others = [r for r in guide.rows if id(r) not in shown]
    return _against(others, asked) if asked and others else None


def unplaced(guide: Guide) -> Scope | None:
    """The scope of an answer that shows none of the guide's rows and asks no place (advice):
    a sentence tying money to one of its places, levels or row figures is left out ("Anchor
    at $240K base (SF) or $245K (NY)"); money said of no place stays ("a $40K sign-on")."""
    return _against(guide.rows, ()) if guide.rows else None


def _against(others: Sequence[CompRow], asked: Sequence[CompRow]) -> Scope:
    """The words and figures of the `others` rows that the `asked` rows do not share, and the
    asked rows' currencies (none asked: any currency)."""
    mine = {p.casefold() for r in asked for p in _place_names(r)}
    places = sorted({p for r in others for p in _place_names(r) if p.casefold() not in mine},
                    key=len, reverse=True)
    my_levels = {c for r in asked for c in _LEVEL_CODE.findall(r.level)}
    levels = {c for r in others for c in _LEVEL_CODE.findall(r.level)} - my_levels
    mine_figures = {f.text for r in asked for f in r.figures}
    figures = {f.text for r in others for f in r.figures if len(f.text) > 3} - mine_figures
    units = {r.currency for r in asked if r.currency} | {
        f.unit for r in asked for f in r.figures if f.unit not in _NOT_MONEY}
    return Scope(tuple(places), frozenset(levels), frozenset(figures), frozenset(units))


def within(text: str, scope: Scope | None) -> str:
    """`text` without the sentences that are about rows outside `scope` ("" when none stay)."""
    if scope is None:
        return text
    kept_lines = []
    for line in text.splitlines():
        sentences = _SENTENCE.split(line)
        kept = [k for s in sentences if (k := _cut(s, scope))]
        if kept or not line.strip():
            kept_lines.append(line if kept == sentences else " ".join(kept))
    return "\n".join(kept_lines).strip()


def _cut(sentence: str, scope: Scope) -> str:
    """The sentence, or what of it is about the asked rows, or "".

    A list of places' figures keeps its lead-in and the asked place's item ("Your walk-away
    floor should be $228K TC for New York, £178K TC for London, and ₹62L TC for Bengaluru."
    -> "Your walk-away floor should be ₹62L TC for Bengaluru."); "a (SF) / b (Portland)"
    keeps its leading parts about the asked rows."""
    if not scope.foreign(sentence):
        return sentence
    items = [p.strip() for p in _LIST_ITEM.split(sentence.rstrip(". "))]
    if len(items) > 1 and all(_money(p) for p in items):  # "(2)" numbers an item: no money
        first = _money(items[0])[0]
        lead = items[0][:first.start]
        kept = [p for p in items if not scope.foreign(p)]
        kept = [p[len(lead):] if p.startswith(lead) else p for p in kept]
        if kept and lead.strip():
            return f"{lead}{' and '.join(kept)}."
    clauses = sentence.rstrip(". ").split("; ")  # "For Toronto, open at C$145,000 base; for
    # London, open at £85,000 base.": the asked place's clause
    mine = [c for c in clauses if not scope.foreign(c)]
    if len(clauses) > 1 and mine:
        said = "; ".join(mine)
        return said[:1].upper() + said[1:] + "."
    parts = sentence.split(" / ")
    kept = []
    for part in parts[:-1] if len(parts) > 1 else []:
        if scope.foreign(part):
            break
        kept.append(part)
    return " / ".join(kept).rstrip(" ,;") + "." if kept else ""


def _money(text: str) -> list[Amount]:
    """The amounts of money in `text` (not bare numbers, shares or durations)."""
    return [a for a in read_amounts(text) if a.unit not in _NOT_MONEY]


def _place_names(row: CompRow) -> set[str]:
    """The names a row's region goes by: its normalized name and the parts of its label."""
    names = {row.region.name} if row.region.name else set()
    for part in _PLACE_PART.findall(row.region.raw):
        part = part.strip(" -–—")
        if len(part) >= 3 and part.casefold() not in _NOT_PLACES and part[0].isupper():
            names.add(part)
    names |= _SHORT_NAMES.get(row.region.name, set())  # "SF", "NY": how scripts write them
    return {n for n in names if n.casefold() not in _NOT_PLACES}
