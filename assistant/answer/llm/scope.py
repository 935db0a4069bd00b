"""What an LLM answer may write figures for: the cited rows' places, the guide's company and
the levels its figures are given for, read against the library's own vocabulary.

Example:
    >>> scope = Scope(rows, lexicon, guide, library.vocabulary)
    >>> [r.region.raw for r in scope.rows_at(london)]   # a place the rows do not cover
    []

A named place is a row's when it is the row's own place, lies in it or holds it ("US" holds
Seattle's row), by the place ids the lexicon gives the row labels (places/rows.py); with no
lexicon, when it is written as the row's label is. A level is the guide's when the cited rows'
level labels hold it, else the guide's title, else its own ladder (read/levels.py, ladder.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from assistant.answer.read.ladder import ladder_of
from assistant.answer.read.levels import Level, holds, levels_in, row_label
from assistant.answer.read.places import AskedPlace
from assistant.answer.write.cells import stock_basis
from assistant.corpus.model import CompRow, Guide
from assistant.corpus.words.normal import norm
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.places.lexicon import Lexicon, Place
from assistant.places.rows import row_place_ids


@dataclass(frozen=True)
class Scope:
    """The cited rows and the guide they are from, with the readers' data: the place lexicon
    and the library's vocabulary (without one, only the rows' own names are read, as
    `of_rows` does for bare rows)."""

    rows: tuple[CompRow, ...]
    lexicon: Lexicon
    guide: Guide | None = None
    vocabulary: Vocabulary | None = None

    @classmethod
    def of_rows(cls, rows: Sequence[CompRow]) -> Scope:
        """A scope of bare rows: places are read only as the rows' labels write them (an
        empty lexicon, which no place reading reaches without a vocabulary)."""
        from assistant.places.fake import FakeLexicon

        return cls(tuple(rows), FakeLexicon(places=(), words=()))

    @cached_property
    def row_places(self) -> dict[str, tuple[Place, ...]]:
        """Each row's region name -> its places."""
        if self.vocabulary is None or not self.rows:
            return {}
        ids = row_place_ids(((r.region.name, r.region.raw, r.currency) for r in self.rows),
                            self.lexicon)
        return {name: self.lexicon.places(found) for name, found in ids.items()}

    def row_names(self, row: CompRow) -> set[str]:
        """The names a row's label writes ("Seattle (US)": "Seattle"; "Bay Area / Sunnyvale":
        "Bay Area")."""
        name = row.region.raw.split("(")[0].strip()
        names = {name, name.split(",")[0].strip(), name.split("/")[0].strip(), row.region.name}
        return {n for n in names if len(n) >= 2}

    def rows_at(self, place: AskedPlace | None, typed: str) -> list[CompRow]:
        """The cited rows a named place is: the row's own place, one inside it, or one that
        holds it."""
        return [r for r in self.rows if self._is_at(r, place, typed)]

    def _is_at(self, row: CompRow, place: AskedPlace | None, typed: str) -> bool:
        if norm(typed) in {norm(n) for n in self.row_names(row)} or norm(typed) in norm(
                row.region.raw).split():
            return True
        if place is None:
            return False
        if place.library and norm(place.library) in {norm(row.region.name),
                                                     norm(row.region.raw)}:
            return True
        own = self.row_places.get(row.region.name, ())
        return any(c.id == p.id or c.within(p) or p.within(c)
                   for c in place.candidates for p in own)

    def is_own_company(self, slug: str) -> bool:
        """Whether a company slug is the cited guide's."""
        return self.guide is not None and slug == self.guide.company

    @cached_property
    def level_texts(self) -> tuple[str, ...]:
        """Where the figures' levels are written: the cited rows' level labels, else the
        guide's title when it names one, else the guide's own ladder."""
        labels = tuple(row_label(r) for r in self.rows if r.level)
        if labels or self.guide is None:
            return labels
        if levels_in(self.guide.role_display):
            return (self.guide.role_display,)
        return ladder_of(self.guide).own

    def holds_level(self, level: Level) -> bool:
        """Whether the cited figures are given for `level`."""
        return any(holds(level, text) for text in self.level_texts)

    def rows_of_level(self, level: Level) -> list[CompRow]:
        """The cited rows labelled with `level` (all of them when no row has a label)."""
        if not any(r.level for r in self.rows):
            return list(self.rows)
        return [r for r in self.rows if r.level and holds(level, row_label(r))]

    def stock_years(self, rows: Sequence[CompRow]) -> int:
        """The years a stock grant of these rows vests over, as their tables state it (0 when
        none says, 1 for a grant stated per year)."""
        if self.guide is None:
            return 0
        for row in rows:
            basis = stock_basis(self.guide, row)
            if basis:
                return 1 if basis == "yr" else int(basis.removesuffix("yr"))
        return 0
