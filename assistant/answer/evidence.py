"""What retrieval hands the writer: the evidence for one question, in the shape its kind needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answer.read.stated import StatedFigure
from assistant.answer.types import Band, Hit, Line, Status, Table
from assistant.corpus.model import CompRow, Guide


@dataclass
class Spanned:
    """The answer of a question spanning guides, before it is written (across/)."""

    status: Status = "answered"
    table: Table | None = None
    before: list[Line] = field(default_factory=list)  # sentences above the table
    after: list[Line] = field(default_factory=list)  # sentences under it
    bands: list[Band] = field(default_factory=list)
    message: str = ""  # what to say instead, for clarify and no_guide
    suggestions: tuple[str, ...] = ()
    guide: str = ""  # the main guide, when one is


@dataclass
class Retrieved:
    """What the retrieval step hands the answerer: a routing decision plus the evidence."""

    question: str
    status: Status
    guide: Guide | None = None
    rows: list[CompRow] = field(default_factory=list)
    passages: list[Hit] = field(default_factory=list)
    asks: tuple[str, ...] = ()
    region: str = ""  # the first place asked for, as the user typed it
    region_missing: bool = False  # no asked place has a row in the guide
    missing_places: tuple[str, ...] = ()  # asked places (as typed) without a row
    inside: dict[str, tuple[str, ...]] = field(default_factory=dict)  # missing -> rows within
    level_missing: str = ""  # the asked level (as typed) when no row or title holds it
    stated: tuple[StatedFigure, ...] = ()  # the person's own figures, to place in the bands
    free_text: bool = False  # the question says more than entities and pay words
    message: str = ""  # for clarify / no_guide: what to tell the user
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    intent: str = ""  # what kind of question (intents.py)
    spanned: Spanned | None = None  # the table answer of a question that spans guides
