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


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # amazon/solutions-architect.md "| Seattle | $150K-$180K |"
    ("AWS solutions architect base in Seattle", "amazon/solutions-architect", "$150K-$180K",
     "no guide"),
    # google/solutions-architect.md "| London | £105K–£170K |"
    ("GCP solutions architect salary in London", "google/solutions-architect", "£105K–£170K",
     "no guide"),
    ("Google Cloud solutions architect base in London", "google/solutions-architect",
     "£105K–£170K", "no guide"),
])
def test_a_cloud_business_is_read_as_its_company(library_bot: Assistant, question: str,
                                                 guide: str, figure: str, absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


def test_each_company_keeps_its_own_level_and_place(library_bot: Assistant) -> None:
    """google/senior-software-engineer.md "| Seattle / Kirkland | $180K–$250K |" beside
    amazon/senior-software-engineer.md "| Seattle | $160K-$185K |" (L6 is Amazon's; Google's
    L6, $220K–$300K in google/staff-software-engineer.md, is not asked); and Google's New York
    City row beside Meta's Menlo Park one, not Google's Bay Area row ($152K–$215K)."""
    answer = library_bot.ask("Google L5 vs AWS L6 base in Seattle")
    assert "$180K–$250K" in answer.text and "$160K-$185K" in answer.text
    assert "$220K–$300K" not in answer.text and "$140K-$180K" not in answer.text
    answer = library_bot.ask("I have two offers: Google Software Engineer (L4) in New York City "
                             "at $190K base and Meta E4 in Menlo Park at $200K base. Which is "
                             "better?")
    assert "= $42K ÷ $62K = 68%" in answer.text and "= $45K ÷ $60K = 75%" in answer.text
    assert "$152K–$215K" not in answer.text


def test_a_company_without_a_guide_among_several_is_said(library_bot: Assistant) -> None:
    """stripe/senior-software-engineer.md San Francisco total comp $318K–$448K and
    airbnb/senior-software-engineer.md "| San Francisco / Remote | ... | $279K–$377K |"; the
    library has no Canva guide, which is said (Airbnb had been dropped with it)."""
    answer = library_bot.ask("Stripe, Airbnb and Canva senior SWE total comp in SF")
    assert "$318K–$448K" in answer.text and "$279K–$377K" in answer.text
    assert "no guide for “Canva”" in answer.text


def test_jp_morgan_written_apart_is_the_bank(library_bot: Assistant) -> None:
    """jpmorgan-chase/data-scientist.md London total comp "£176K / $215K - £256K / $312K"."""
    assert_answered_from(library_bot.ask("JP Morgan data scientist total comp London"),
                         "jpmorgan-chase/data-scientist", "£176K / $215K - £256K / $312K",
                         "Morgan Stanley")
