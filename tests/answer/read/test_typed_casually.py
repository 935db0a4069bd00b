"""Questions typed as people type them, which a helper found misread (made-up wording; every
figure read from the guide files): a level code in lower case, a common-word company set
against another, a company's own name after "within", a greeting or a Spanish word that is
also a town, a place the guide writes inside its row label, European thousands, and a
weekday. Real library."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # meta/senior-software-engineer.md: "| US (Menlo Park / NYC) | $195K–$270K | $250K–$600K
    # | 15% | $320K–$520K |"
    ("meta e5 tc nyc", "meta/senior-software-engineer", "$320K–$520K", "$195K–$270K"),
    # sap/software-engineer.md: "| Germany (Walldorf/Munich) | EUR 70K–EUR 105K | ...
    # | EUR 90K–EUR 145K |"
    ("Was verdient ein Software Engineer bei SAP in Walldorf? Grundgehalt bitte.",
     "sap/software-engineer", "EUR 70K–EUR 105K", "EUR 90K–EUR 145K"),
    # google/software-engineer.md: "| Seattle / Kirkland | $145K–$205K | $100K–$240K |"
    ("google l4 base in Seattle/Kirkland?", "google/software-engineer", "$145K–$205K",
     "$100K–$240K"),
])
def test_a_casual_spelling_reads_the_asked_row(library_bot: Assistant, question: str,
                                               guide: str, figure: str, absent: str) -> None:
    answer = library_bot.ask(question)
    assert_answered_from(answer, guide, figure, absent)
    assert "has no figures for" not in answer.text


def test_a_common_word_company_set_against_another_is_compared(library_bot: Assistant) -> None:
    # stripe/senior-software-engineer.md "| San Francisco | ... | $318K–$448K |";
    # airbnb/senior-software-engineer.md "| San Francisco / Remote | ... | $279K–$377K |"
    answer = library_bot.ask("stripe vs airbnb senior swe tc in SF")
    assert answer.intent == "compare"
    assert "$318K–$448K" in answer.text and "$279K–$377K" in answer.text
    assert {c.guide for c in answer.citations} == {"stripe/senior-software-engineer",
                                                   "airbnb/senior-software-engineer"}


@pytest.mark.parametrize("question", [
    "Offer from Booking, senior software engineer in Amsterdam, €115K base. Is that fair "
    "within Booking's range?",
    "Hola, ¿cuánto gana de base un ingeniero de software senior en Booking en Amsterdam?",
])
def test_no_word_of_the_question_is_taken_for_a_missing_place(library_bot: Assistant,
                                                              question: str) -> None:
    # booking/senior-software-engineer.md: "| Amsterdam | €95K–€128K | $80K–$140K | ..."
    answer = library_bot.ask(question)
    assert_answered_from(answer, "booking/senior-software-engineer", "€95K–€128K",
                         "€155K–€225K")
    assert "has no figures for" not in answer.text


def test_thousands_written_with_dots_are_placed(library_bot: Assistant) -> None:
    # google/software-engineer.md: "| Zurich | CHF 120K–CHF 190K |": (140 − 120) ÷ 70 = 29%
    answer = library_bot.ask("Me ofrecieron 140.000 CHF de salario base en Google Zúrich como "
                             "ingeniero de software L4. ¿Es bueno?")
    assert answer.intent == "placement"
    assert "29% of the way through" in answer.text and "below the low end" not in answer.text


def test_a_weekday_is_no_company(library_bot: Assistant) -> None:
    answer = library_bot.ask("They made the offer on Thursday and want a yes by Tuesday "
                             "noon. Is a deadline like that a pressure tactic?")
    assert answer.status == "answered" and "no guide for" not in answer.text
    assert "exploding deadline" in answer.text  # the article's tactics paragraph


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # salesforce/staff-software-engineer.md level mapping "Salesforce PMTS = ...";
    # "| Indianapolis | $210K–$255K |"; the senior guide's Indianapolis base is $170K–$210K
    ("What's the base for a PMTS at Salesforce in Indianapolis?",
     "salesforce/staff-software-engineer", "$210K–$255K", "$170K–$210K"),
    # salesforce/senior-software-engineer.md "Salesforce LMTS / Senior = ..."; "| San Francisco
    # | $190K–$235K | $220K–$380K |"; the staff guide's SF stock is $380K–$600K
    ("Salesforce LMTS stock in SF?", "salesforce/senior-software-engineer", "$220K–$380K",
     "$380K–$600K"),
])
def test_a_title_one_guide_s_ladder_states_is_that_guide(library_bot: Assistant, question: str,
                                                          guide: str, figure: str,
                                                          absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


def test_a_french_offer_with_spaced_thousands_is_placed(library_bot: Assistant) -> None:
    """mistral-ai/ml-ai-engineer.md: "| Paris | €95K-€130K | €200K-€375K |": 120 000 € base
    is (120 − 95) ÷ 35 = 71%; "sur 4 ans" names no place (Ans is a Belgian town)."""
    answer = library_bot.ask("Mistral AI me propose 120 000 € de fixe pour un poste "
                             "d'ingénieur ML à Paris, avec des actions sur 4 ans. C'est bien ?")
    assert "71% of the way" in answer.text, answer.text[:600]
    assert "has no figures for" not in answer.text
