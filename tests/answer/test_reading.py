"""The typed reading of a question: its intent, its slots with their spans, every word placed."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.read.history import resolve_in_context

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


def test_the_persons_own_figures_are_a_slot_of_their_own(trust_bot: Assistant) -> None:
    question = ("I have an Airbnb data scientist offer in London: £150K base, £180K RSUs over "
                "4 years and a £20K sign-on. Is that good?")
    reading = _read(trust_bot, question)
    assert [(f.component, f.value, f.unit, f.basis) for f in reading.stated] == [
        ("base", 150_000, "GBP", ""), ("stock", 180_000, "GBP", "4yr"),
        ("signing_bonus", 20_000, "GBP", "")]
    labels = dict(reading.accounted())
    assert labels["150k"] == labels["180k"] == "stated figure"  # "£" is not a word character
    assert (reading.company, reading.role, reading.places[0].typed) == (
        "airbnb", "data-scientist", "London")


@pytest.mark.parametrize(("question", "expected"), [
    ("Offer is 190k base and 15% bonus", [("base", 190_000, ""), ("bonus", 15, "%")]),
    ("base of ₹38L plus RSUs of $120K", [("base", 3_800_000, "INR"), ("stock", 120_000, "USD")]),
    ("Google L5 with 4 years of experience?", []),
])
def test_stated_figures(question: str, expected: list[tuple[str, float, str]]) -> None:
    from assistant.answer.read.stated import stated_figures

    assert [(f.component, f.value, f.unit) for f in stated_figures(question)] == expected
