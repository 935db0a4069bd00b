"""The values at the answer boundary: Hit (what retrieval found), Answer (what users get), and
Asker (what every edge asks: the local Assistant or a running app over HTTP)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal, Protocol, cast

from assistant.corpus.model import CompRow, Guide, Section

Status = Literal["answered", "clarify", "no_guide"]
STATUSES: tuple[Status, ...] = ("answered", "clarify", "no_guide")
Message = dict[str, Any]  # {"role": "user" | "assistant", "content": str}


class Kind(StrEnum):
    """The kind of answer a question gets, decided once at the end of its reading (read/intent.py).

    Each kind is gathered and written by its answerer in kinds/ (the table in kinds/table.py);
    its value is the `intent` of the answer's JSON.
    """

    FIGURES = "figures"  # one guide's bands (a company, role, place, level)
    PLACEMENT = "placement"  # the same, with the person's own figures placed in them
    COUNTER = "counter"  # how to counter: the band, the guide's script and levers, a tactic
    LEVERS = "levers"  # a topic of one guide: its levers
    SCRIPT = "script"  # its Negotiate Up script
    LEVEL_MAPPING = "level_mapping"  # its level mapping
    ESPP = "espp"  # its employee stock purchase plan
    REFRESHERS = "refreshers"  # what it says of yearly stock refreshers
    ROLES = "roles"  # a company named with no role (route decides what that becomes)
    COMPARE = "compare"  # two or more companies, roles, places or levels side by side
    RANK = "rank"  # the best (or lowest) paying companies for a role in a place
    COVERAGE = "coverage"  # which roles, companies or places the library has
    ACROSS_ROLES = "across_roles"  # one company at one place, every role
    LEVEL_EQUIVALENCE = "level_equivalence"  # a level at one company as a level at another
    GENERAL = "general"  # no company and no role: route sends it to the articles
    ADVICE = "advice"  # answered from the general articles' paragraphs


TOPIC_KINDS: dict[str, Kind] = {"script": Kind.SCRIPT, "levers": Kind.LEVERS,
                                "level_mapping": Kind.LEVEL_MAPPING, "espp": Kind.ESPP,
                                "refreshers": Kind.REFRESHERS}


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
    title: str  # the section's title
    document: str = ""  # the guide's label or the article's title (wording.guide_label)

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of `ask --json` and the API."""
        return {"n": self.n, "guide": self.guide, "source": self.source,
                "section": self.section, "title": self.title, "document": self.document}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Citation:
        """A citation from its JSON shape (KeyError/ValueError when it is not one)."""
        return cls(n=int(data["n"]), guide=str(data["guide"]), source=str(data["source"]),
                   section=str(data["section"]), title=str(data["title"]),
                   document=str(data.get("document", "")))


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
class TableCell:
    """One written table cell: its text, and the guide and [n] it quotes (none for labels)."""

    text: str
    guide: str = ""
    cite: int | None = None
    value: float | None = None  # the number a ranking sorted by, when it is one

    def as_dict(self) -> dict[str, Any]:
        """{"text", "guide"?, "cite"?, "value"?}: only what the cell has."""
        data: dict[str, Any] = {"text": self.text}
        if self.guide:
            data["guide"] = self.guide
        if self.cite is not None:
            data["cite"] = self.cite
        if self.value is not None:
            data["value"] = self.value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TableCell:
        """A cell from its JSON shape."""
        cite, value = data.get("cite"), data.get("value")
        return cls(text=str(data["text"]), guide=str(data.get("guide") or ""),
                   cite=int(cite) if cite is not None else None,
                   value=float(value) if value is not None else None)


@dataclass(frozen=True)
class AnswerTable:
    """The table of a comparison, ranking, coverage, roles or equivalence answer, as written."""

    kind: Kind
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[TableCell, ...], ...]

    def as_dict(self) -> dict[str, Any]:
        """{"kind", "caption", "columns", "rows": [[cell, ...], ...]}."""
        return {"kind": self.kind.value, "caption": self.caption,
                "columns": list(self.columns),
                "rows": [[cell.as_dict() for cell in row] for row in self.rows]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> AnswerTable:
        """A table from its JSON shape (KeyError/ValueError when it is not one)."""
        return cls(kind=Kind(data["kind"]), caption=str(data.get("caption") or ""),
                   columns=tuple(str(c) for c in data["columns"]),
                   rows=tuple(tuple(TableCell.from_dict(c) for c in row)
                              for row in data["rows"]))


@dataclass(frozen=True)
class Freshness:
    """The dates of the guide an answer quotes (empty strings where the guide has none)."""

    last_updated: str = ""
    next_review_due: str = ""
    salary_data_quarter: str = ""


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
    freshness: Freshness | None = None  # the main guide's dates
    notes: tuple[str, ...] = ()  # Markdown lines above the body (typo readings, fallbacks)
    freshness_note: str = ""  # the Markdown line under the body when the review is overdue
    intent: Kind | None = None  # the kind of answer (None unless answered)
    table: AnswerTable | None = None  # the comparison / ranking / coverage table
    index_version: str = ""  # the index version the answer was read from ("" without one)

    def as_dict(self) -> dict[str, Any]:
        """The object `ask --json` prints and POST /api/ask returns."""
        data: dict[str, Any] = {
            "question": self.question,
            "status": self.status,
            "intent": self.intent.value if self.intent is not None else "",
            "answer": self.text,
            "citations": [c.as_dict() for c in self.citations],
            "suggestions": list(self.suggestions),
            "bands": [b.as_dict() for b in self.bands],
            "index_version": self.index_version,
        }
        if self.table is not None:
            data["table"] = self.table.as_dict()
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
                       intent=Kind(data["intent"]) if data.get("intent") else None,
                       table=AnswerTable.from_dict(table) if isinstance(table, Mapping)
                       else None,
                       index_version=str(data.get("index_version") or ""))
        except (KeyError, TypeError) as exc:
            raise ValueError(f"not an answer object: {exc!r}") from None


class Asker(Protocol):
    """What the edges (CLI, web) ask: the local Assistant, or RemoteAssistant over HTTP."""

    def ask(self, question: str, history: Sequence[Message] = ()) -> Answer:
        """Answer one question, optionally as a follow-up to `history`."""
        ...
