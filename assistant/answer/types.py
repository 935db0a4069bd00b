"""The values at the answer boundary: Hit (what retrieval found) and Answer (what users get)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.corpus.model import CompRow, Guide, Section

Status = Literal["answered", "clarify", "no_guide"]


@dataclass(frozen=True)
class Hit:
    """One retrieved piece: a pay row or a section passage of one guide, with its score."""

    guide: Guide
    text: str
    score: float
    anchor: str
    chunk_id: str = ""
    row: CompRow | None = None
    section: Section | None = None


@dataclass(frozen=True)
class Citation:
    """Where a fact came from: guide id, file relative to the corpus root, section anchor."""

    n: int
    guide: str
    source: str
    section: str
    title: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of `ask --json` and the API."""
        return {"n": self.n, "guide": self.guide, "source": self.source,
                "section": self.section, "title": self.title}


@dataclass(frozen=True)
class Band:
    """One pay range for charts: region (and level), component, numbers and currency."""

    guide: str
    region: str
    component: str
    low: float
    high: float
    currency: str
    level: str = ""


@dataclass(frozen=True)
class Answer:
    """A Markdown answer with [n] markers tied to citations; status says what kind it is."""

    question: str
    status: Status
    text: str
    citations: tuple[Citation, ...] = ()
    suggestions: tuple[str, ...] = ()
    bands: tuple[Band, ...] = ()
    guide: str = ""  # the main guide answered from, if any
    freshness: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The object `ask --json` prints and POST /api/ask returns."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.text,
            "citations": [c.as_dict() for c in self.citations],
            "suggestions": list(self.suggestions),
        }


@dataclass
class Retrieved:
    """What the retrieval step hands the answerer: a routing decision plus the evidence."""

    question: str
    status: Status
    guide: Guide | None = None
    rows: list[CompRow] = field(default_factory=list)
    passages: list[Hit] = field(default_factory=list)
    asks: tuple[str, ...] = ()
    region: str = ""  # region asked for, as the user typed it
    region_missing: bool = False  # asked region not in the guide
    free_text: bool = False  # the question says more than entities and pay words
    message: str = ""  # for clarify / no_guide: what to tell the user
    suggestions: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
