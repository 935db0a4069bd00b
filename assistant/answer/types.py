"""The values at the answer boundary: Hit (what retrieval found), Answer (what users get), and
Asker (what every edge asks: the local Assistant or a running app over HTTP)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol, cast

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
    marker: float | None = None  # the person's own figure on this band, when they stated one

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of a band (the widget draws its chart from these)."""
        data: dict[str, Any] = {"guide": self.guide, "label": self.region,
                                "component": self.component, "low": self.low,
                                "high": self.high, "currency": self.currency,
                                "level": self.level}
        if self.marker is not None:
            data["marker"] = self.marker
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Band:
        """A band from its JSON shape (KeyError/ValueError when it is not one)."""
        marker = data.get("marker")
        return cls(guide=str(data["guide"]), region=str(data["label"]),
                   component=str(data["component"]), low=float(data["low"]),
                   high=float(data["high"]), currency=str(data["currency"]),
                   level=str(data.get("level") or ""),
                   marker=float(marker) if marker is not None else None)


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
    intent: str = ""  # what kind of question it was (intents.py), e.g. "compare", "rank"
    table: dict[str, Any] | None = None  # the comparison / ranking / placement table
    index_version: str = ""  # the index version the answer was read from ("" without one)

    def as_dict(self) -> dict[str, Any]:
        """The object `ask --json` prints and POST /api/ask returns."""
        data: dict[str, Any] = {
            "question": self.question,
            "status": self.status,
            "intent": self.intent,
            "answer": self.text,
            "citations": [c.as_dict() for c in self.citations],
            "suggestions": list(self.suggestions),
            "bands": [b.as_dict() for b in self.bands],
            "index_version": self.index_version,
        }
        if self.table is not None:
            data["table"] = self.table
        return data

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
            table = data.get("table")
            return cls(question=str(data["question"]), status=cast(Status, status),
                       text=str(data["answer"]),
                       citations=tuple(Citation.from_dict(c) for c in data["citations"]),
                       suggestions=tuple(str(x) for x in data["suggestions"]),
                       bands=tuple(Band.from_dict(b) for b in data.get("bands") or ()),
                       intent=str(data.get("intent") or ""),
                       table=dict(table) if isinstance(table, Mapping) else None,
                       index_version=str(data.get("index_version") or ""))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not an answer object: {exc!r}") from None


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
    """A grid of cells for comparisons, rankings and the like; `kind` is the intent."""

    kind: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""

    def as_dict(self, mark: Callable[[Guide, str], str]) -> dict[str, Any]:
        """{"kind", "caption", "columns", "rows": [[{"text", "guide"?, "cite"?}, ...], ...]}.

        `mark` gives a quoted cell's "[n]" citation marker (Citations.mark).
        """
        rows = []
        for row in self.rows:
            cells: list[dict[str, Any]] = []
            for cell in row:
                item: dict[str, Any] = {"text": cell.text}
                if cell.guide is not None:
                    item["guide"] = cell.guide.id
                    item["cite"] = int(mark(cell.guide, cell.anchor).strip("[]"))
                if cell.value is not None:
                    item["value"] = cell.value
                cells.append(item)
            rows.append(cells)
        return {"kind": self.kind, "caption": self.caption, "columns": list(self.columns),
                "rows": rows}


class Asker(Protocol):
    """What the edges (CLI, web) ask: the local Assistant, or RemoteAssistant over HTTP."""

    def ask(self, question: str, history: Sequence[Message] = ()) -> Answer:
        """Answer one question, optionally as a follow-up to `history`."""
        ...
