"""The typed reading of a question: its intent, its slots with their spans, every word placed."""

from __future__ import annotations

import pytest

from assistant.answer.history import resolve_in_context
from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


def _read(bot: Assistant, question: str):  # type: ignore[no-untyped-def]
    return resolve_in_context(question, (), bot.library.vocabulary, bot.lexicon)


def test_every_slot_has_its_span_and_every_word_a_place(trust_bot: Assistant) -> None:
    question = "what's Airbnb's base pay for data scientists in London and Nairobi?"
    reading = _read(trust_bot, question)
    assert reading.intent == "figures"
    assert [(kind, value) for kind, value, _ in reading.slots()] == [
        ("company", "airbnb"), ("ask", "base"), ("role", "data-scientist"),
        ("place", "London"), ("place", "Nairobi")]
    assert reading.accounted() == [
        ("what's", "question word"), ("airbnb's", "company"), ("base", "ask"), ("pay", "ask"),
        ("for", "question word"), ("data", "role"), ("scientists", "role"),
        ("in", "question word"), ("london", "place"), ("and", "question word"),
        ("nairobi", "place")]


@pytest.mark.parametrize(("question", "intent"), [
    ("How would I counter Stripe's data scientist offer in New York?", "script"),
    ("What levers does a Google data scientist have?", "levers"),
    ("Does Workday have an employee stock purchase plan for software engineers?", "espp"),
    ("What guides are there for Notion?", "roles"),
    ("Can a relocation bonus be clawed back?", "general"),
])
def test_intent(trust_bot: Assistant, question: str, intent: str) -> None:
    assert _read(trust_bot, question).intent == intent


def test_a_name_that_is_no_slot_is_kept_not_dropped(trust_bot: Assistant) -> None:
    reading = _read(trust_bot, "Quuxly software engineer base in London?")
    assert reading.unknown_names == ("Quuxly",) and not reading.company
