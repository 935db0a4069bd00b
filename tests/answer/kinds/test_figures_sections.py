"""A band asked for and found is answered from the guide's rows alone: its sections are not
searched (that search was half of a distinct look-up's time). What reads prose still does: a
sign-on asked (the guide's mentions of one, ranked), or nothing asked; a topic one section
holds is quoted with no search. Figures are the guide files' own; each case names a figure of
another row that must not appear."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from assistant.answer import library as library_module
from assistant.answer.library import SectionIndex
from assistant.answer.pipeline import Assistant
from assistant.corpus.model import Section


@pytest.fixture()
def searched(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per guide whose sections were indexed for search while the test runs."""
    built: list[int] = []

    class Counted(SectionIndex):
        def __init__(self, sections: Sequence[Section]) -> None:
            built.append(len(sections))
            super().__init__(sections)

    monkeypatch.setattr(library_module, "SectionIndex", Counted)
    return built


def _fresh(bot: Assistant) -> None:
    bot.library._section_index.cache_clear()  # a search made by an earlier test is kept


def test_a_band_found_reads_no_section(library_bot: Assistant, searched: list[int]) -> None:
    _fresh(library_bot)
    # stripe/data-scientist.md: Remote US base $182K–$228K (San Francisco $195K–$245K)
    answer = library_bot.ask("Stripe data scientist Remote US base?")
    assert (answer.status, answer.guide) == ("answered", "stripe/data-scientist")
    assert "$182K–$228K" in answer.text and "$195K–$245K" not in answer.text
    assert searched == []


@pytest.mark.parametrize("question", [
    "Stripe data scientist Remote US sign-on?",   # the guide's prose mentions of a sign-on
    "Stripe data scientist",                      # nothing asked: its sections searched
])  # fmt: skip
def test_what_reads_prose_still_searches_the_guide(library_bot: Assistant, searched: list[int],
                                                   question: str) -> None:
    _fresh(library_bot)
    answer = library_bot.ask(question)
    assert answer.guide == "stripe/data-scientist"
    assert len(searched) == 1


def test_a_topic_one_section_holds_is_quoted_without_a_search(
        library_bot: Assistant, searched: list[int]) -> None:
    """stripe/data-scientist.md has one levers section ("Global Levers"): nothing to rank."""
    _fresh(library_bot)
    answer = library_bot.ask("Stripe data scientist levers?")
    assert answer.guide == "stripe/data-scientist"
    assert "Trust Scoring Models" in answer.text  # its first lever
    assert searched == []

