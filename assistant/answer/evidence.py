"""What gathering hands the writer: the evidence for one question, in the shape its kind needs.

Example:
    >>> evidence = Retriever(library, lexicon, search).retrieve(resolved)
    >>> isinstance(evidence, FromGuide), [row.region.raw for row in evidence.rows]
    (True, ['Seattle (US)'])

Four shapes, each frozen: `Said` (a message instead of evidence: clarify, no_guide, or a
listing of the library's own guides), `FromGuide` (one guide's rows and sections),
`AcrossGuides` (a table spanning guides, before it is written) and `FromArticles` (passages
of the general articles). Every shape carries what the question asked (`Asked`), so the writer
never reads the question again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from assistant.answer.read.stated import StatedFigure
from assistant.answer.types import AnswerTable, Band, Hit, Kind, Status, TableCell
from assistant.corpus.model import CompRow, Guide

NOT_IN_GUIDE = "not in the guide"


@dataclass(frozen=True)
class Cell:
    """One table cell: text, and the guide section it quotes (none for labels and gaps)."""

    text: str
    guide: Guide | None = None
    anchor: str = ""
    value: float | None = None  # the number a ranking sorted by, when it is one


Line = tuple[Cell, ...]  # a sentence as a run of cells, each quoted one cited after its text


@dataclass(frozen=True)
class Table:
    """A grid of cells for comparisons, rankings and the like, of one kind of answer."""

    kind: Kind
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""

    def __post_init__(self) -> None:
        # a row once: a guide's frontmatter and its body table may hold the same band
        seen: set[tuple[str, ...]] = set()
        rows = []
        for row in self.rows:
            key = tuple(cell.text for cell in row)
            if key not in seen:
                seen.add(key)
                rows.append(row)
        object.__setattr__(self, "rows", tuple(rows))

    def written(self, mark: Callable[[Guide, str], str]) -> AnswerTable:
        """The table as the answer carries it; `mark` gives a quoted cell's "[n]" marker
        (Citations.mark), so cells are numbered as the text cites them."""
        return AnswerTable(self.kind, self.caption, self.columns, tuple(
            tuple(TableCell(cell.text, cell.guide.id if cell.guide is not None else "",
                            int(mark(cell.guide, cell.anchor).strip("[]"))
                            if cell.guide is not None else None, cell.value) for cell in row)
            for row in self.rows))


@dataclass(frozen=True)
class Spanned:
    """The answer of a question spanning guides, before it is written (kinds/)."""

    status: Status = "answered"
    table: Table | None = None
    before: tuple[Line, ...] = ()  # sentences above the table
    after: tuple[Line, ...] = ()  # sentences under it
    bands: tuple[Band, ...] = ()
    message: str = ""  # what to say instead, for clarify and no_guide
    suggestions: tuple[str, ...] = ()
    guide: str = ""  # the main guide, when one is


@dataclass(frozen=True, kw_only=True)
class Asked:
    """What every shape of evidence carries: the question, its kind and what the route said."""

    question: str
    status: Status
    kind: Kind
    asks: tuple[str, ...] = ()
    stated: tuple[StatedFigure, ...] = ()  # the person's own figures, to place in the bands
    notes: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    message: str = ""  # for clarify / no_guide / a listing: what to tell the user


@dataclass(frozen=True, kw_only=True)
class Said(Asked):
    """No evidence to quote: the route's message is the answer."""


@dataclass(frozen=True, kw_only=True)
class FromGuide(Asked):
    """One guide's pay rows for the asked places and level, and its sections that answer."""

    guide: Guide
    rows: tuple[CompRow, ...] = ()
    passages: tuple[Hit, ...] = ()
    region: str = ""  # the first place asked for, as the user typed it
    region_missing: bool = False  # no asked place has a row in the guide
    missing_places: tuple[str, ...] = ()  # asked places (as typed) without a row
    inside: tuple[tuple[str, tuple[str, ...]], ...] = ()  # missing place -> rows within it
    level_missing: str = ""  # the asked level (as typed) when no row or title holds it
    free_text: bool = False  # the question says more than entities and pay words


@dataclass(frozen=True, kw_only=True)
class AcrossGuides(Asked):
    """A question answered across guides: its table and sentences, before they are written."""

    spanned: Spanned


@dataclass(frozen=True, kw_only=True)
class FromArticles(Asked):
    """Passages of the general articles (and guide sections) that answer a general question."""

    passages: tuple[Hit, ...] = ()


Retrieved = Said | FromGuide | AcrossGuides | FromArticles


def asked_fields(asked: Asked) -> dict[str, Any]:
    """The fields every shape shares, to build another shape from them."""
    return {f.name: getattr(asked, f.name) for f in fields(Asked)}


def guide_of(evidence: Retrieved) -> Guide | None:
    """The one guide the evidence comes from, if it is one guide's."""
    return evidence.guide if isinstance(evidence, FromGuide) else None


def rows_of(evidence: Retrieved) -> tuple[CompRow, ...]:
    """The pay rows the evidence quotes (only one guide's evidence has rows)."""
    return evidence.rows if isinstance(evidence, FromGuide) else ()


def passages_of(evidence: Retrieved) -> tuple[Hit, ...]:
    """The passages the evidence quotes (a guide's sections or the articles')."""
    return evidence.passages if isinstance(evidence, (FromGuide, FromArticles)) else ()
