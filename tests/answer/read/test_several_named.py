"""Several levels or companies named at once, and a ladder's code with no role, as a helper
typed them (made-up wording; every figure read from the guide files). Real library."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


def test_two_levels_joined_by_and_are_both_shown(library_bot: Assistant) -> None:
    """meta/software-engineer.md "| US (Menlo Park / NYC) | $155K–$215K |" (E3/E4) and
    meta/senior-software-engineer.md "| US (Menlo Park / NYC) | $195K–$270K |" (E5); their
    stock columns ($120K–$300K, $250K–$600K) are not asked."""
    answer = library_bot.ask("Meta E4 and E5 base in Menlo Park")
    assert "$155K–$215K" in answer.text and "$195K–$270K" in answer.text
    assert "$120K–$300K" not in answer.text and "$250K–$600K" not in answer.text


def test_two_part_names_are_two_companies(library_bot: Assistant) -> None:
    """goldman-sachs/software-engineer.md London total comp "£145K / $183K - £208K / $263K"
    beside jpmorgan-chase/software-engineer.md "£152K / $185K - £217K / $265K": "JPMorgan"
    after "Goldman vs" had been read as no company at all."""
    answer = library_bot.ask("Goldman vs JPMorgan software engineer total comp in London")
    assert "£145K / $183K - £208K / $263K" in answer.text
    assert "£152K / $185K - £217K / $265K" in answer.text
    assert "no guide" not in answer.text


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # apple/senior-software-engineer.md (ICT4): "| Seattle / Austin | $170K–$240K |"; the
    # data engineer's Seattle / Austin base is another role's
    ("apple ict4 austin base", "apple/senior-software-engineer", "$170K–$240K",
     "Data Engineer"),
    # microsoft/staff-software-engineer.md: "| 63 | Principal SWE | $195K - $250K |"
    ("msft L63 base?", "microsoft/staff-software-engineer", "$195K - $250K", "$230K - $280K"),
])
def test_a_ladder_code_alone_reads_the_software_engineer_guide(
        library_bot: Assistant, question: str, guide: str, figure: str, absent: str) -> None:
    answer = library_bot.ask(question)
    assert_answered_from(answer, guide, figure, absent)
    assert "as a software engineer level (no other role was named)" in answer.text
