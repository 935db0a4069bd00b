"""The values at the answer boundary: Hit (what retrieval found), Answer (what users get), and
Asker (what every edge asks: the local Assistant or a running app over HTTP)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, cast

from assistant.answer.stated import StatedFigure
from assistant.corpus.model import CompRow, Guide, Section

Status = Literal["answered", "clarify", "no_guide"]
STATUSES: tuple[Status, ...] = ("answered", "clarify", "no_guide")
Message = dict[str, Any]  # {"role": "user" | "assistant", "content": str}


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

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Citation:
        """A citation from its JSON shape (KeyError/ValueError when it is not one)."""
        return cls(n=int(data["n"]), guide=str(data["guide"]), source=str(data["source"]),
                   section=str(data["section"]), title=str(data["title"]))


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
    """A Markdown answer with [n] markers tied to citations; status says what kind it is.

    `text` is the whole Markdown shown to the person. `notes` (typo readings, fallbacks) and
    `freshness_note` are also kept as fields, so later steps (the LLM answerer) reuse them
    without searching the text for them.
    """

    question: str
    status: Status
    text: str
    citations: tuple[Citation, ...] = ()
    suggestions: tuple[str, ...] = ()
    bands: tuple[Band, ...] = ()
    guide: str = ""  # the main guide answered from, if any
    freshness: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # Markdown lines above the body (typo readings, fallbacks)
    freshness_note: str = ""  # the Markdown line under the body when the review is overdue

    def as_dict(self) -> dict[str, Any]:
        """The object `ask --json` prints and POST /api/ask returns."""
        return {
            "question": self.question,
            "status": self.status,
            "answer": self.text,
            "citations": [c.as_dict() for c in self.citations],
            "suggestions": list(self.suggestions),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Answer:
        """An Answer from the `as_dict` object (e.g. a running app's reply).

        The JSON contract carries question, status, text, citations and suggestions; the other
        fields stay empty. ValueError when `data` is not such an object.
        """
        try:
            status = str(data["status"])
            if status not in STATUSES:
                raise ValueError(f"unknown status {status!r}")
            return cls(question=str(data["question"]), status=cast(Status, status),
                       text=str(data["answer"]),
                       citations=tuple(Citation.from_dict(c) for c in data["citations"]),
                       suggestions=tuple(str(x) for x in data["suggestions"]))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not an answer object: {exc!r}") from None


class Asker(Protocol):
    """What the edges (CLI, web) ask: the local Assistant, or RemoteAssistant over HTTP."""

    def ask(self, question: str, history: Sequence[Message] = ()) -> Answer:
        """Answer one question, optionally as a follow-up to `history`."""
        ...


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
