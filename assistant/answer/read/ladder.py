"""A guide's own ladder: the levels it states for itself, and the rows of its level tables.

Example:
    >>> ladder = ladder_of(library.guide("atlassian/software-engineer"))
    >>> ladder.statements, ladder.cells[:2]
    (('Atlassian P2 SWE',), ('P1 (Associate)', 'P2 (Mid)'))
    >>> names("VP", "Senior Software Engineer (VP)"), names("MTS", "MTS II (L4)")
    (True, False)

A guide states its levels in its title ("Software Engineer (E3/E4)"), on its own side of its
level mapping ("Apple ICT4 = Google L5"), and in the own columns of its level tables: the first
column, and any other column headed as a level or title ("Asana Internal Level", "Title"), never
a column of another company's equivalents ("Goldman Sachs Equivalent"). Nothing here knows a
company's ladder by hand: every level name is read from the guide. The pay rows' labels are
read by levels.py; this module only reads text, so answers cache its `Ladder` per guide.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.model import Guide

_STATEMENTS = re.compile(r"(?<!\s)\s*[|;]\s*")  # "Apple ICT2 = ... | Apple ICT3 = ..."
_OWN_SIDE = re.compile(r"(?<!\s)\s*(?:=|≈|\bmaps to\b|\bis equivalent to\b)\s*", re.IGNORECASE)
_LEVEL_FIRST = re.compile(r"^[A-Z]{1,4}-?\d")  # "E3 maps to Google L3"
_OWN_HEADER = re.compile(r"\b(?:level|title)s?\b", re.IGNORECASE)
_OTHERS_HEADER = re.compile(r"\b(?:equivalent|industry|peer)\b|@", re.IGNORECASE)
_QUALIFIERS = frozenset({"internal", "public", "external", "job", "career", "official", "level",
                         "levels", "title", "titles"})
_WORD = re.compile(r"[\w.&*]+")
_PARENS = re.compile(r"\(([^()]*)\)")
_PARTS = re.compile(r"(?<!\s)\s*(?:/|,|;|\bor\b)\s*")
_CONNECTORS = frozenset({"of", "and", "the", "&"})


@dataclass(frozen=True)
class TableRow:
    """One row of a level table: every cell, and the cells of the guide's own columns."""

    cells: tuple[str, ...]
    own: tuple[str, ...]


@dataclass(frozen=True)
class Ladder:
    """The levels one guide states as its own, as written, and its level tables' rows."""

    statements: tuple[str, ...] = ()  # the own side of its level mapping ("Apple ICT4")
    rows: tuple[TableRow, ...] = ()

    @property
    def cells(self) -> tuple[str, ...]:
        """The own cells of its level tables ("P1 (Associate)", "MTS (L3)"), in order."""
        return tuple(dict.fromkeys(cell for row in self.rows for cell in row.own if cell))

    @property
    def own(self) -> tuple[str, ...]:
        """Every own level as written: its mapping statements, then its level tables'."""
        return (*self.statements, *self.cells)

    def texts(self, guide: Guide) -> tuple[str, ...]:
        """Every text of the guide that names one of its own levels, its title first."""
        return (guide.role_display, guide.title, *self.own)


def ladder_of(guide: Guide) -> Ladder:
    """The guide's ladder, read from its level mapping and its level tables."""
    return Ladder(statements=tuple(own_levels(guide)), rows=tuple(level_table_rows(guide)))


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


def level_table_rows(guide: Guide) -> list[TableRow]:
    """The body rows of the tables in the guide's level sections, with their own cells."""
    found = []
    for section in guide.sections:
        if "level" not in section.title.casefold():
            continue
        own_columns: list[int] = [0]
        header = True
        for line in (line.strip() for line in section.text.splitlines()):
            if not line.startswith("|"):
                header = True  # the next table starts with its own header
                continue
            cells = tuple(c.strip().replace("**", "") for c in line.strip("|").split("|"))
            if set(line) <= set("|-: "):
                continue
            if header:
                own_columns, header = _own_columns(cells, guide), False
                continue
            found.append(TableRow(cells, tuple(cells[i] for i in own_columns if i < len(cells))))
    return found


def _own_columns(header: tuple[str, ...], guide: Guide) -> list[int]:
    """The first column, and every later one headed as the guide's own level or title
    ("Asana Internal Level", "Title"), not another company's ("Google Level")."""
    company = {w for w in _WORD.findall((guide.company_display or guide.company).casefold())
               if len(w) >= 3}
    own = [0]
    for i, name in enumerate(header[1:], start=1):
        words = set(_WORD.findall(name.casefold()))
        if _OWN_HEADER.search(name) and not _OTHERS_HEADER.search(name) \
                and words <= _QUALIFIERS | company:
            own.append(i)
    return own


def names(title: str, text: str, company: str = "", bare: bool = True) -> bool:
    """True when `text` states `title` as a level's name: in parentheses ("(VP)", "(SMTS/L5)"),
    or (when `bare`, for a ladder's own text rather than a role's title) as the whole text or
    a part of it between slashes ("LMTS / Senior", after the company's name); a part may
    spell it by its initials ("Member of Technical Staff" is MTS); never inside a longer
    name ("MTS II", "LMTS")."""
    parts = [p for group in _PARENS.findall(text) for p in _PARTS.split(group.strip())]
    if bare:
        rest = _PARENS.sub(" ", text).strip()
        if company and rest.casefold().startswith(company.casefold()):
            rest = rest[len(company):].strip()
        parts += _PARTS.split(rest)
    return any(part == title or _spells(title, part) for part in parts)


def _spells(title: str, part: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z]+", part) if w.casefold() not in _CONNECTORS]
    return len(title) >= 2 and len(words) == len(title) \
        and all(w[0].isupper() for w in words) and "".join(w[0] for w in words) == title
