"""Short place names from the alias table typed in lower case ("sf", "nyc", "dc") are places
when they are no English word; "us" stays a word. An airport code after "a", "an" or "my" is a
thing held ("my MBA"), not a city. Real library; figures from the guide file."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus

# lyft/software-engineer.md: "| San Francisco | $130K–$165K |", "| New York | $125K–$158K |"
SF_BASE, NY_BASE = "$130K–$165K", "$125K–$158K"


def test_sf_in_lower_case_is_san_francisco(library_bot: Assistant) -> None:
    answer = library_bot.ask("lyft swe sf base")
    assert answer.guide == "lyft/software-engineer"
    assert SF_BASE in answer.text and NY_BASE not in answer.text


def test_us_in_lower_case_is_still_a_word(library_bot: Assistant) -> None:
    reading = library_bot.ask("can you tell us the lyft swe base in sf")
    assert "United States" not in reading.text and SF_BASE in reading.text


@pytest.mark.parametrize("question", [
    "Can I ask them to pay for my MBA tuition as part of the offer?",  # MBA: Mombasa's code
    "Does an MBA help when negotiating with Lyft?",
    "I'm a VP now; is a Lyft staff offer a step down for my SVP title?",
])
def test_a_code_someone_has_is_no_airport(library_bot: Assistant, question: str) -> None:
    assert [p.typed for p in library_bot.read(question).places] == []


def test_a_code_after_the_is_still_a_place(library_bot: Assistant) -> None:
    reading = library_bot.read("lyft swe base at the NYC office")
    assert [p.typed for p in reading.places] == ["NYC"]
