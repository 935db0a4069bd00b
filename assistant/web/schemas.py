"""The JSON shapes of the API: request bodies (validated) and documented responses."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from assistant.answer.pipeline import MAX_QUESTION_CHARS
from assistant.answer.read.dialogue import MAX_TURN_CHARS
from assistant.answer.read.dialogue import MAX_TURNS as MAX_HISTORY_TURNS
from assistant.answer.types import Answer, Kind
from assistant.corpus.model import CompRow, Guide
from assistant.errors import AssistantError
from assistant.web.render import is_review_overdue

log = logging.getLogger("assistant.web")

CITATION_KEYS = ("n", "guide", "source", "section", "title", "document")  # a rating keeps these


class Turn(BaseModel):
    """One earlier message of the conversation."""

    model_config = ConfigDict(extra="forbid")

    role: Literal["user", "assistant"]
    content: str = Field(max_length=MAX_TURN_CHARS, description="A user turn is an earlier "
                         "question: at most 2,000 characters, as a question is; an assistant "
                         "turn at most 20,000.")

    @model_validator(mode="after")
    def _a_user_turn_is_a_question(self) -> Turn:
        if self.role == "user" and len(self.content) > MAX_QUESTION_CHARS:
            raise ValueError(f"a user turn is an earlier question: at most "
                             f"{MAX_QUESTION_CHARS:,} characters")
        return self


class AskRequest(BaseModel):
    """POST /api/ask and /api/ask/stream."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"question": "Alibaba Seattle sign-on?", "history": []}]})

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS,
                          description="1 to 2,000 characters (blank or invisible-only "
                                      "questions, and lone surrogates, are refused with 422).")
    history: list[Turn] = Field(default_factory=list, max_length=MAX_HISTORY_TURNS,
                                description="Earlier turns, oldest first (follow-ups).")

    def messages(self) -> list[dict[str, Any]]:
        """The history in the shape Assistant.ask takes."""
        return [{"role": t.role, "content": t.content} for t in self.history]


class CitationOut(BaseModel):
    """Where a fact came from; link it as /api/guides/{guide}#{section}."""

    n: int
    guide: str
    source: str
    section: str
    title: str
    document: str = ""  # the guide's label ("Stripe Software Engineer") or article's title


class BandOut(BaseModel):
    """One pay range a chart draws: a guide's row (label: region and level) for one component."""

    guide: str
    label: str
    component: str
    low: float
    high: float
    currency: str
    level: str
    marker: float | None = Field(default=None, description="The person's own figure on this "
                                                            "band, when they stated one.")


class CellOut(BaseModel):
    """One table cell: its text, and the guide and citation number it quotes, if any."""

    text: str
    guide: str | None = None
    cite: int | None = None
    value: float | None = Field(default=None, description="The number a ranking sorted by.")


class TableOut(BaseModel):
    """The table of a comparison, ranking, coverage, roles or level-equivalence answer."""

    kind: Kind
    caption: str
    columns: list[str]
    rows: list[list[CellOut]]


class AnswerOut(BaseModel):
    """The answer contract, the same object `ask --json` prints (Answer.as_dict)."""

    question: str
    status: Literal["answered", "clarify", "no_guide"]
    intent: Kind | Literal[""] = Field(description="The kind of answer; empty unless "
                                                   "answered.")
    answer: str = Field(description="Markdown with [n] markers tied to citations.")
    citations: list[CitationOut]
    suggestions: list[str]
    bands: list[BandOut] = Field(description="The pay bands quoted, for a chart.")
    index_version: str = Field(description="The index version the answer was read from: one "
                                           "version per answer, also during a re-index.")
    table: TableOut | None = Field(default=None, description="Present for answers that are "
                                                             "a table.")


class FeedbackIn(BaseModel):
    """POST /api/feedback."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(max_length=MAX_QUESTION_CHARS)
    answer: str = Field(max_length=MAX_TURN_CHARS)
    citations: list[dict[str, Any]] = Field(default_factory=list, max_length=50)
    rating: Literal["up", "down"]
    comment: str = Field(default="", max_length=2_000)

    @classmethod
    def from_page(cls, last: dict[str, Any], rating: str, comment: str) -> FeedbackIn:
        """The chat page's last answer (which the page sends back, so it may be anything) as
        a rating body, under the same caps; raises pydantic's ValidationError."""
        citations = [{k: str(c.get(k, ""))[:300] for k in CITATION_KEYS}
                     for c in list(last.get("citations") or [])[:51] if isinstance(c, dict)]
        return cls(question=str(last.get("question", "")), answer=str(last.get("answer", "")),
                   citations=citations, rating=rating,  # type: ignore[arg-type]
                   comment=(comment or "").strip())


class FeedbackOut(BaseModel):
    """The stored feedback's id, the token that deletes it, and how long it is kept."""

    id: int
    token: str
    kept_days: int


class HealthOut(BaseModel):
    """GET /healthz."""

    status: Literal["ok", "degraded"] = Field(description="\"degraded\" while the vector store "
                                                          "is unreachable or load is shed.")
    index_loaded: bool
    guides: int
    index_version: str
    vector_index: Literal["ok", "unreachable", "unknown"] = Field(
        description="The vector store's last probe (probes run in the background; \"unknown\" "
                    "until the first one ends).")
    in_flight: int = Field(description="Requests being answered now.")
    shedding: bool = Field(description="True when a request was refused with 503 for want of "
                                       "capacity in the last 10 seconds.")


class ErrorOut(BaseModel):
    """Every error response."""

    error: str


def _row_dict(row: CompRow) -> dict[str, Any]:
    return {"region": row.region.raw, "region_name": row.region.name, "level": row.level,
            "currency": row.currency, "section": row.section_anchor,
            "figures": [{"component": f.component, "low": f.low, "high": f.high,
                         "unit": f.unit, "text": f.text} for f in row.figures]}


def guide_as_dict(guide: Guide) -> dict[str, Any]:
    """GET /api/guides/{id}?format=json: the parsed guide (texts are raw Markdown)."""
    return {
        "id": guide.id, "kind": guide.kind, "title": guide.title, "source": guide.path,
        "company": guide.company, "company_display": guide.company_display,
        "role": guide.role, "role_display": guide.role_display,
        "last_updated": str(guide.last_updated or ""),
        "next_review_due": str(guide.next_review_due or ""),
        "salary_data_quarter": guide.salary_data_quarter,
        "review_overdue": is_review_overdue(guide),
        "rows": [_row_dict(r) for r in guide.rows],
        "sections": [{"title": s.title, "anchor": s.anchor, "depth": s.depth, "text": s.text}
                     for s in guide.sections],
    }


def sse(event: str, data: dict[str, Any]) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def sse_events(first: str | Answer, rest: Iterator[str | Answer]) -> Iterator[str]:
    """delta events for text, then citations and done for the final Answer."""
    item: str | Answer | None = first
    try:
        while item is not None:
            if isinstance(item, Answer):
                full = item.as_dict()
                yield sse("citations", {k: full[k] for k in ("status", "citations",
                                                             "suggestions")})
                yield sse("done", full)
                return
            yield sse("delta", {"text": item})
            item = next(rest, None)
    except AssistantError as exc:
        yield sse("error", {"error": str(exc), "status": exc.http_status})
    except Exception:  # noqa: BLE001 - mid-stream: the status line is already sent
        log.exception("unexpected error while streaming an answer")
        yield sse("error", {"error": "internal error", "status": 500})
