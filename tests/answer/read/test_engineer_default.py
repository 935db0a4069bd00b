"""A company named with a word that says engineering and no role ("Stripe engineer", "uber
staff eng") is its software engineer guide (the seniority word's sibling where one exists),
with a note; a level question across companies is left as it was. Real library."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # stripe/software-engineer.md "| New York | $178K–$225K |"; senior: "$215K–$268K"
    ("Stripe engineer base in New York?", "stripe/software-engineer", "$178K–$225K",
     "$215K–$268K"),
    # uber/staff-software-engineer.md "| San Francisco | $262K–$328K | $398K–$688K |";
    # the senior guide's San Francisco stock is "$245K–$422K"
    ("uber staff eng in sf, stock?", "uber/staff-software-engineer", "$398K–$688K",
     "$245K–$422K"),
])
def test_an_engineering_word_reads_as_the_software_engineer_guide(
        library_bot: Assistant, question: str, guide: str, figure: str, absent: str) -> None:
    answer = library_bot.ask(question)
    assert_answered_from(answer, guide, figure, absent)
    assert "as a software engineer (no other role was named)" in answer.text


def test_a_level_question_across_companies_is_not_changed(library_bot: Assistant) -> None:
    answer = library_bot.ask("If I'm a Meta E6 engineer, what level would Pinterest give me?")
    assert "as a software engineer" not in answer.text
