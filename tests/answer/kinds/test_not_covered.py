"""When nothing in the library answers a general question, the answer says so and says what
the library holds instead: the named company's guides by role, else the companies and the
articles. Real library; the roles are the files under guides/snowflake/."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


def test_a_named_company_points_to_its_guides(meaning_bot: Assistant,
                                               shared_corpus: Path) -> None:
    answer = meaning_bot.ask("Snowflake is relocating me to Dublin. Should the moving allowance "
                             "be part of my base negotiation?")
    assert "do not cover" in answer.text and not answer.citations
    files = sorted(p.stem for p in (shared_corpus / "guides" / "snowflake").glob("*.md"))
    assert "data-engineer" in files and "The Snowflake guides (" in answer.text
    assert f"and {len(files) - 6} more) hold pay bands" in answer.text
    assert "Data Engineer" in answer.text


def test_no_company_points_to_the_articles(meaning_bot: Assistant) -> None:
    answer = meaning_bot.ask("Do I need a lawyer to review my immigration paperwork before I "
                             "sign?")
    assert "do not cover" in answer.text and not answer.citations
    assert "companies' roles, and these articles:" in answer.text
    assert "Alibaba Plans Major AI Hiring Spree" in answer.text  # articles/002's title line
    assert "research dossier" not in answer.text.casefold()  # those are about one company


@pytest.mark.parametrize("question", [
    "Should I take an offer if the commute is 90 minutes each way?",
    "Can I negotiate a dog-friendly office as part of my package?",
])
def test_a_paragraph_holding_none_of_the_questions_words_is_no_answer(
        meaning_bot: Assistant, question: str) -> None:
    """Close in meaning (every paragraph is about offers) but about something else: the
    articles' "Compensation Varies by Industry" paragraph was quoted for both."""
    answer = meaning_bot.ask(question)
    assert "do not cover" in answer.text and not answer.citations, answer.text


def test_a_paragraph_holding_the_questions_words_still_answers(meaning_bot: Assistant) -> None:
    # articles/001: "Most companies will reserve the right to “claw back” a portion of your
    # signing bonus if you leave before the 1-year mark."
    answer = meaning_bot.ask("Is it normal that a signing bonus gets clawed back if I leave "
                             "within a year?")
    assert "do not cover" not in answer.text
    assert "reserve the right to “claw back” a portion of your signing bonus" in answer.text


def test_a_guide_whose_rows_go_by_level_names_its_levels(library_bot: Assistant) -> None:
    """microsoft/senior-software-engineer.md's table has a row per level and no place ("| 61 |
    Senior SWE | $155K - $195K |", "| 62 | Senior SWE (High) | $175K - $220K |"): a place
    asked is not covered, and the answer names the levels its rows are for."""
    text = library_bot.ask("Microsoft L62 base in Redmond").text
    assert "has no figures for Redmond" in text and "Senior SWE (High) (62)" in text
    assert "$175K - $220K" not in text and ": none" not in text
