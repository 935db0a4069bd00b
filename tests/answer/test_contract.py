"""One answer contract: `Answer.as_dict` (what `ask --json` prints and the API returns) and the
API's documented schema name the same keys, at every level, and real answers validate."""

from __future__ import annotations

from typing import Any

import pytest
from answer_support import sample_assistant
from pydantic import BaseModel

from assistant.answer.types import (
    Answer,
    AnswerTable,
    Band,
    Citation,
    Freshness,
    Kind,
    TableCell,
)
from assistant.web.schemas import AnswerOut, BandOut, CellOut, CitationOut, TableOut

FULL = Answer(
    question="Google vs Meta software engineer base in London?", status="answered",
    text="| Guide | Region | base |", intent=Kind.COMPARE, index_version="v1",
    citations=(Citation(1, "google/software-engineer", "guides/google/software-engineer.md",
                        "compensation", "Compensation"),),
    suggestions=("Meta software engineer London base?",),
    bands=(Band("google/software-engineer", "London", "base", 75_000, 135_000, "GBP", "L4",
                marker=90_000),),
    table=AnswerTable(Kind.COMPARE, "Side by side:", ("Guide", "Region", "base"), ((
        TableCell("Google Software Engineer"), TableCell("London"),
        TableCell("£75K–£135K", "google/software-engineer", 1, 135_000.0)),)),
    freshness=Freshness("2026-02-23", "2026-05-23", "2025-Q4"))


def _keys(model: type[BaseModel]) -> set[str]:
    return set(model.model_fields)


def test_answer_keys_are_the_schema_keys() -> None:
    data = FULL.as_dict()
    assert set(data) == _keys(AnswerOut)
    assert set(data["citations"][0]) == _keys(CitationOut)
    assert set(data["bands"][0]) == _keys(BandOut)
    assert set(data["table"]) == _keys(TableOut)
    assert set(data["table"]["rows"][0][2]) == _keys(CellOut)


def test_a_cell_without_a_source_has_only_its_text() -> None:
    assert FULL.as_dict()["table"]["rows"][0][0] == {"text": "Google Software Engineer"}


def test_the_json_round_trips_through_the_typed_answer() -> None:
    data = FULL.as_dict()
    again = Answer.from_dict(data)
    assert again.as_dict() == data
    assert again.table == FULL.table and again.intent is Kind.COMPARE


@pytest.mark.parametrize("question", [
    "Alibaba ML engineer Seattle base?",  # figures
    "Is $190K base good for an Alibaba ML engineer in Seattle?",  # placement
    "How do I counter an Alibaba ML engineer offer?",  # counter
    "How should I negotiate a sign-on bonus?",  # advice
    "Quuxly software engineer base?",  # no_guide
])
def test_real_answers_validate_against_the_schema(question: str) -> None:
    data: dict[str, Any] = sample_assistant().ask(question).as_dict()
    checked = AnswerOut.model_validate(data).model_dump(exclude_none=True)
    assert checked["question"] == question and set(data) <= _keys(AnswerOut)
    assert data["intent"] == "" or Kind(data["intent"])


def test_a_message_answer_has_no_kind() -> None:
    data = sample_assistant().ask("Quuxly software engineer base?").as_dict()
    assert (data["status"], data["intent"]) == ("no_guide", "")
