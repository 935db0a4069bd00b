"""Levels: read the one a question names, and find the guide and rows that hold it.

Example:
    >>> level = read_level("Microsoft level 62 software engineer base?")
    >>> level.typed, level.number
    ('level 62', 62)
    >>> holds(level, "Senior SWE (High) (62)"), holds(level, "Principal SWE (63)")
    (True, False)

Guides write levels as codes with ranges ("Mid (L3-L4)", "(SDE III / L6)", "(E3/E4)"),
company numbers ("SWE II (60)"), ladder rungs ("L4 SDE I", "SWE II") and words ("Senior",
"New Grad"). A level selects the sibling guide whose title or rows hold it (Microsoft 62 is in
its senior guide, Amazon L7 in its staff guide) and the rows that hold it; when no row or
title does, the answer says the guide lacks that level and names the levels it has, instead
of showing every level's figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.corpus.model import CompRow, Guide
from assistant.corpus.words.vocabulary import is_levelish

_CODE = r"(?:ICT|IC|SE|L|E|P|M|T)"
_ASKED_CODE = re.compile(rf"\b({_CODE})\s?(\d{{1,2}})\b")
_ASKED_NUMBER = re.compile(r"\b(?:level|lvl)\s*(\d{2})\b", re.IGNORECASE)
# "a 62 data scientist", "as a 63": a company number standing where a level does
_BARE_NUMBER = re.compile(r"\b(?:an?|as|at)\s+([5-8]\d)\b(?![.,]\d|\s*(?:k\b|%|years?|yrs?|"
                          r"months?|weeks?|days?|hours?|people|engineers\b))", re.IGNORECASE)
_RUNG = re.compile(r"\b(SDE|SWE|SE|Engineer)\s+(IV|I{1,3}|[1-4])\b", re.IGNORECASE)
_WORDS = re.compile(r"\b(new grad|intern|junior|mid|senior|staff|principal|distinguished|"
                    r"partner|fellow)\b", re.IGNORECASE)
_ROW_CODE = re.compile(rf"\b({_CODE})\s?(\d{{1,2}})(?:\s?[-–/]\s?(?:{_CODE})?\s?(\d{{1,2}}))?\b")
_ROW_NUMBER = re.compile(r"\b(\d{2})(?:\s?[-–]\s?(\d{2}))?\b")
_BETWEEN = re.compile(r"\s+(?:vs\.?|versus|v\.?s\.|or|and|against|to)\s+|,\s*|\s+/\s+",
                      re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_STATEMENTS = re.compile(r"\s*[|;]\s*")  # "Apple ICT2 = ... | Apple ICT3 = ..."
_OWN_SIDE = re.compile(r"\s*(?:=|≈|\bmaps to\b|\bis equivalent to\b)\s*", re.IGNORECASE)
_LEVEL_FIRST = re.compile(r"^[A-Z]{1,4}-?\d")  # "E3 maps to Google L3"


@dataclass(frozen=True)
class Level:
    """One level as asked: a code ("L", 5), a company number (62), a rung or a word."""

    typed: str
    code: str = ""  # "L", "E", "IC", ... for coded levels; "SDE"/"SWE" for rungs
    number: int | None = None
    word: str = ""  # "senior", "new grad", ...
    rung: bool = False  # a ladder rung written with a space ("SDE II", "SE 2"), not "SE5"


def read_level(question: str) -> Level | None:
    """The level a question names, most specific form first; None when it names none."""
    if found := _ASKED_NUMBER.search(question) or _BARE_NUMBER.search(question):
        return Level(found.group(1) if found.re is _BARE_NUMBER else found.group(0),
                     number=int(found.group(1)))
    if found := _RUNG.search(question):
        return Level(found.group(0), code=found.group(1).upper(),
                     number=_ROMAN[found.group(2).casefold()], rung=True)
    if found := _ASKED_CODE.search(question):
        return Level(found.group(0), code=found.group(1).upper(), number=int(found.group(2)))
    if found := _WORDS.search(question):
        return Level(found.group(0), word=found.group(1).casefold())
    return None


def read_levels(question: str) -> tuple[Level, ...]:
    """Two or more levels set against each other ("L4 SDE I vs L5 SDE II"), one per part of
    the question between "vs", "or", "and" or commas; () when fewer than two are named."""
    levels = [read_level(part) for part in _BETWEEN.split(question)]
    found = tuple(dict.fromkeys(level for level in levels if level is not None))
    return found if len(found) >= 2 else ()


def title_level(unmatched: Sequence[str]) -> Level | None:
    """A title typed where a level stands ("Salesforce PMTS", "Goldman Sachs VP"): the first
    capitalised word of `unmatched` (as typed, words no company, role or place took), matched
    as a word or, typed in capitals, by its initials."""
    for typed in unmatched:
        if typed[:1].isupper() and len(typed) >= 2 and typed.isalpha():
            return Level(typed, word=typed.casefold())
    return None


def holds(level: Level, text: str) -> bool:
    """True when a title or row label holds `level` ("Mid (L3-L4)" holds L4)."""
    if level.word:
        return re.search(rf"\b{re.escape(level.word)}\b", text, re.IGNORECASE) is not None \
            or (level.typed.isupper() and _initials(level.typed, text))
    if level.rung:
        return any(_ROMAN.get(m.group(2).casefold()) == level.number
                   for m in _RUNG.finditer(text) if m.group(1).upper() == level.code)
    if level.code:
        return any(_in_range(level.number, m.group(2), m.group(3))
                   for m in _ROW_CODE.finditer(text) if m.group(1).upper() == level.code)
    return any(_in_range(level.number, m.group(1), m.group(2))
               for m in _ROW_NUMBER.finditer(text))


def _initials(letters: str, text: str) -> bool:
    """True when capitalised words in a row of `text` start with `letters` ("VP" in "Vice
    President (Engineering)")."""
    words = re.findall(r"\b[A-Z][a-z]+", text)
    n = len(letters)
    return any("".join(w[0] for w in words[i:i + n]) == letters
               for i in range(len(words) - n + 1))


def _in_range(number: int | None, low: str, high: str | None) -> bool:
    return number is not None and int(low) <= number <= int(high or low)


def row_label(row: CompRow) -> str:
    """The level a row is for: its level column, or a level written where a region belongs."""
    if row.level:
        return row.level
    return row.region.raw if is_levelish(row.region.raw) else ""


def rows_at(guide: Guide, rows: Sequence[CompRow], level: Level) -> list[CompRow]:
    """The rows for `level`; every row when the guide's own title is that level."""
    labelled = [r for r in rows if row_label(r)]
    matched = [r for r in labelled if holds(level, row_label(r))]
    if matched:
        return matched
    if holds(level, guide.role_display) or holds(level, guide.title) \
            or any(holds(level, text) for text in own_levels(guide)):
        return [r for r in rows if not row_label(r)] or list(rows)
    return []


def rows_by_mapping(guide: Guide, rows: Sequence[CompRow], level: Level
                    ) -> tuple[list[CompRow], str]:
    """Rows for a level the pay table does not write but the guide's level table maps.

    "Software Engineer II" at Okta: its level table's row "| Software Engineer II | L4 | ..."
    puts it at L4, which the "Mid (L3-L4)" row holds. The other cells of the level-table row
    that names the asked level are tried in order; the note says which one was used.
    """
    for cells in _mapping_rows(guide):
        if not any(holds(level, c) for c in cells):
            continue
        for cell in cells:
            for other in _levels_in(cell):
                if holds(other, level.typed) and holds(level, other.typed):
                    continue  # the asked level itself
                found = [r for r in rows if row_label(r) and holds(other, row_label(r))]
                if found:
                    return found, (f"The guide's level table puts {level.typed} beside {cell}; "
                                   f"these are its figures for {other.typed}.")
    return [], ""


def _levels_in(cell: str) -> list[Level]:
    """Every level a level-table cell writes ("L4 (SWE II)" -> L4 and SWE II)."""
    found = [Level(m.group(0), code=m.group(1).upper(), number=int(m.group(2)))
             for m in _ASKED_CODE.finditer(cell)]
    found += [Level(m.group(0), code=m.group(1).upper(), number=_ROMAN[m.group(2).casefold()],
                    rung=True) for m in _RUNG.finditer(cell)]
    found += [Level(m.group(0), word=m.group(1).casefold()) for m in _WORDS.finditer(cell)]
    return found


def _mapping_rows(guide: Guide) -> list[list[str]]:
    """Rows of the tables in the guide's level-mapping sections."""
    rows = []
    for section in guide.sections:
        if "level" not in section.title.casefold():
            continue
        for line in section.text.splitlines():
            line = line.strip()
            if line.startswith("|") and not set(line) <= set("|-: "):
                rows.append([c.strip().replace("**", "") for c in line.strip("|").split("|")])
    return rows


def levels_of(guide: Guide) -> list[str]:
    """The levels a guide's rows are given for, in order (its title's when rows name none)."""
    labels = list(dict.fromkeys(row_label(r) for r in guide.rows if row_label(r)))
    if labels:
        return labels
    title = re.search(r"\(([^)]*)\)", guide.role_display)
    return [title.group(1)] if title else []


def own_levels(guide: Guide) -> list[str]:
    """The guide's own side of its level mapping, one text per statement: what is written
    before "=" or "maps to" ("Apple ICT2 = Google L3 | Apple ICT3 = ..." -> ["Apple ICT2",
    "Apple ICT3"]), kept only where it names the guide's company or starts with a level."""
    company = (guide.company_display or guide.company).casefold()
    own = []
    for statement in _STATEMENTS.split(guide.level_mapping.raw):
        side = _OWN_SIDE.split(statement, maxsplit=1)
        text = side[0].strip(" \"'*")
        if len(side) == 2 and (text.casefold().startswith(company) or _LEVEL_FIRST.match(text)):
            own.append(text)
    return own


def pick_guide(guides: Sequence[Guide], level: Level) -> Guide | None:
    """The sibling guide that holds `level`: in its title first, then on its own side of its
    level mapping ("Apple ICT4 = Google L5"), else in its rows."""
    for guide in guides:
        if holds(level, guide.role_display):
            return guide
    for guide in guides:
        if any(holds(level, text) for text in own_levels(guide)):
            return guide
    for guide in guides:
        if any(holds(level, row_label(r)) for r in guide.rows if row_label(r)):
            return guide
    return None
