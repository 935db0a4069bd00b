"""The typed reading of a question: its intent, its slots with their spans, every word placed."""

from __future__ import annotations

import dataclasses

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.read.dialogue import resolve_in_context
from assistant.answer.types import Kind

pytestmark = pytest.mark.corpus


def _read(bot: Assistant, question: str):  # type: ignore[no-untyped-def]
    return resolve_in_context(question, (), bot.library.vocabulary, bot.lexicon)


def test_every_slot_has_its_span_and_every_word_a_place(trust_bot: Assistant) -> None:
    question = "what's Airbnb's base pay for data scientists in London and Nairobi?"
    reading = _read(trust_bot, question)
    assert reading.kind is Kind.FIGURES
    assert [(kind, value) for kind, value, _ in reading.slots()] == [
        ("company", "airbnb"), ("ask", "base"), ("role", "data-scientist"),
        ("place", "London"), ("place", "Nairobi")]
    assert reading.accounted() == [
        ("what's", "question word"), ("airbnb's", "company"), ("base", "ask"), ("pay", "ask"),
        ("for", "question word"), ("data", "role"), ("scientists", "role"),
        ("in", "question word"), ("london", "place"), ("and", "question word"),
        ("nairobi", "place")]


@pytest.mark.parametrize(("question", "kind"), [
    ("How would I counter Stripe's data scientist offer in New York?", Kind.COUNTER),
    ("What levers does a Google data scientist have?", Kind.LEVERS),
    ("Does Workday have an employee stock purchase plan for software engineers?", Kind.ESPP),
    ("What guides are there for Notion?", Kind.COVERAGE),
    ("Notion?", Kind.ROLES),
    ("Can a relocation bonus be clawed back?", Kind.GENERAL),
    ("Top 3 highest paying companies for data scientists in London", Kind.RANK),
    ("Is $190K base good for a Stripe software engineer in New York?", Kind.PLACEMENT),
])
def test_kind_is_decided_once_by_the_reading(trust_bot: Assistant, question: str,
                                             kind: Kind) -> None:
    assert _read(trust_bot, question).kind is kind


def test_cues_are_read_once_and_recorded(trust_bot: Assistant) -> None:
    reading = _read(trust_bot, "Top 3 lowest paying companies for data scientists in London")
    assert (reading.cues.rank, reading.cues.lowest, reading.cues.top) == (True, True, 3)
    assert not reading.cues.midpoint and not reading.cues.counter
    plain = _read(trust_bot, "Stripe data scientist London base")
    assert plain.cues.top is None and not plain.cues.rank and not plain.cues.total


def test_a_follow_up_decides_its_kind_again(trust_bot: Assistant) -> None:
    alone = _read(trust_bot, "What about Airbnb?")
    assert (alone.company, alone.role, alone.kind) == ("airbnb", "", Kind.ROLES)
    history = [{"role": "user", "content": "Stripe data scientist base in London?"}]
    reading = resolve_in_context("What about Airbnb?", history, trust_bot.library.vocabulary,
                                 trust_bot.lexicon)
    assert (reading.company, reading.role, reading.kind) == ("airbnb", "data-scientist",
                                                             Kind.FIGURES)


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


def test_a_replaced_reading_is_what_dataclasses_replace_makes(trust_bot: Assistant) -> None:
    """`Resolved.replaced` skips the generated __init__; the reading it makes must be the same,
    the original unchanged, and an unknown field refused."""
    reading = _read(trust_bot, "Is $190K base at Stripe in New York good?")
    changes = {"company": "airbnb", "notes": ("a note",), "other_companies": ("stripe",)}
    fast = reading.replaced(**changes)
    assert fast == dataclasses.replace(reading, **changes)
    assert (fast.company, fast.stated, fast.places) == ("airbnb", reading.stated, reading.places)
    assert (fast.spans, fast.matched) == (reading.spans, reading.matched)  # not compared by ==
    assert reading.company == "stripe" and reading.notes != ("a note",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.company = "meta"  # type: ignore[misc]
    with pytest.raises(TypeError, match="no field compnay"):
        reading.replaced(compnay="airbnb")
