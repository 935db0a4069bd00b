"""The negotiation answers issue 12 reports, over the whole real library (guides + articles).

Every expected and forbidden figure was copied from the guide file named beside it; the
placement percentages were worked out by hand from those bands.
"""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.evaluate import FIGURE

pytestmark = pytest.mark.corpus


def test_alibaba_seattle_sign_on_answers_across_its_roles(library_bot: Assistant) -> None:
    answer = library_bot.ask("Alibaba Seattle sign-on?")
    assert (answer.status, answer.intent) == ("answered", "across_roles")
    assert answer.table is not None and len(answer.table.rows) == 14  # 14 guides, Seattle rows
    # alibaba/alibaba-cloud-engineer.md Negotiate Up: "... a $60K sign-on to offset ..."
    assert "a $60K sign-on" in answer.text
    assert "$165K–$235K" not in answer.text  # alibaba/ml-ai-engineer Seattle base: not asked
    assert {c.guide for c in answer.citations} >= {"alibaba/alibaba-cloud-engineer",
                                                  "alibaba/ml-ai-engineer"}


def test_stripe_offer_is_placed_part_by_part(library_bot: Assistant) -> None:
    answer = library_bot.ask("I have an offer from Stripe for software engineer in New York: "
                             "$190K base and $250K RSUs. Is that good?")
    assert answer.intent == "placement" and answer.guide == "stripe/software-engineer"
    # stripe/software-engineer.md New York: base $178K–$225K, stock (4yr) $168K–$298K
    assert "(190 − 178) ÷ (225 − 178)" not in answer.text  # the sums are in money, as shown:
    assert "($190K − $178K) ÷ ($225K − $178K) = $12K ÷ $47K = 26%" in answer.text
    assert "($250K − $168K) ÷ ($298K − $168K) = $82K ÷ $130K = 63%" in answer.text
    assert "over 4 years" in answer.text
    assert "percentile" not in answer.text.casefold()
    assert "$242K–$342K" not in answer.text and "10–15%" not in answer.text  # not stated
    marked = [b for b in answer.bands if b.marker is not None]
    assert {(b.component, b.marker) for b in marked} == {("base", 190_000), ("stock", 250_000)}


def test_counter_quotes_the_script_and_never_invents_an_ask(library_bot: Assistant) -> None:
    answer = library_bot.ask("How should I counter Alibaba's ML engineer offer in Seattle?")
    assert answer.intent == "counter" and answer.guide == "alibaba/ml-ai-engineer"
    assert "$165K–$235K" in answer.text and "a $60K sign-on" in answer.text
    assert "negotiate-up-strategy" in {c.section for c in answer.citations}
    assert "CNY 500K–CNY 950K" not in answer.text  # Hangzhou: not asked
    assert "free consultation" not in answer.text


def test_compare_two_companies_in_one_place(library_bot: Assistant) -> None:
    answer = library_bot.ask("Compare Google and Meta software engineer base in London")
    assert answer.intent == "compare" and answer.table is not None
    # google/software-engineer.md London £75K–£135K; meta/software-engineer.md London (UK)
    # $125K–$175K (the guide writes USD; it is shown as written, never converted)
    assert "£75K–£135K" in answer.text and "$125K–$175K" in answer.text
    assert "£60K–£160K" not in answer.text and "$95K–$240K" not in answer.text  # stock
    assert "higher by" not in answer.text  # two currencies: no difference is computed
    assert {b.currency for b in answer.bands} == {"GBP", "USD"}


def test_which_pays_more_shows_both_and_the_sum(library_bot: Assistant) -> None:
    answer = library_bot.ask("Which pays more for data scientists in New York, Stripe or Airbnb?")
    assert answer.intent == "compare"
    # stripe/data-scientist.md and airbnb/data-scientist.md New York rows
    assert "$272K–$382K" in answer.text and "$244K–$329K" in answer.text
    assert "£134K–£168K" not in answer.text  # Airbnb London
    assert "$382K − $329K = $53K" in answer.text


def test_compare_two_places_of_one_guide(library_bot: Assistant) -> None:
    answer = library_bot.ask("Compare base salary for a Data Engineer at Amplitude in San "
                             "Francisco vs London")
    assert answer.intent == "compare"
    assert "$150K–$188K" in answer.text and "£85K–£118K" in answer.text
    assert "$100K–$172K" not in answer.text and "£48K–£85K" not in answer.text  # stock


def test_level_equivalence_from_the_guide_that_states_it(library_bot: Assistant) -> None:
    answer = library_bot.ask("What's the level equivalent of Google L5 at Meta?")
    assert answer.intent == "level_equivalence"
    # google/senior-software-engineer.md level mapping: "Senior SWE (L5) at Google = E5 at Meta"
    assert answer.guide == "google/senior-software-engineer"
    assert "E5 at Meta" in answer.text
    assert not FIGURE.findall(answer.text)


def test_level_equivalence_no_guide_states_is_said(library_bot: Assistant) -> None:
    answer = library_bot.ask("What is Zoom L9 at Snowflake?")
    assert "No guide in the library states where Zoom L9 sits at Snowflake" in answer.text


def test_ranking_over_the_whole_library(library_bot: Assistant) -> None:
    answer = library_bot.ask("What is the highest paying company for ML engineers in London?")
    assert answer.intent == "rank" and answer.table is not None
    first = answer.table.rows[0]
    # jane-street/ml-ai-engineer.md "| **London** | £195K - £275K ($245K - $345K) |"
    assert first[1].text == "Jane Street" and "£195K - £275K" in first[3].text
    assert "Ranked by the high end" in answer.text and "in GBP" in answer.text


def test_bonus_question_is_answered_by_the_article_paragraph(library_bot: Assistant) -> None:
    answer = library_bot.ask("Is 15% bonus normal for ML engineers?")
    assert answer.status == "answered"
    assert "Google has a baseline 15% annual performance bonus" in answer.text  # article 001


def test_non_negotiable_gets_the_tactic_not_the_publisher(library_bot: Assistant) -> None:
    answer = library_bot.ask("My recruiter says the offer is non-negotiable. What do I do?")
    assert "the initial offer is non-negotiable (even though it is!)" in answer.text
    for promotion in ("free consultation", "Over 1000 individuals", "Lead Negotiator"):
        assert promotion not in answer.text


def test_coverage_by_place(library_bot: Assistant) -> None:
    answer = library_bot.ask("Which companies do you cover in Singapore?")
    assert answer.intent == "coverage" and answer.table is not None
    names = {row[0].text for row in answer.table.rows}
    assert {"Alibaba", "Grab"} <= names  # both have Singapore rows
    assert not FIGURE.findall(answer.text)


def test_a_counter_quotes_the_articles_advice_without_their_figures(
        meaning_bot: Assistant) -> None:
    """articles/001's sign-on paragraph ends "... the top-of-band sign-on bonus for an L5
    Machine Learning Engineer at Facebook ... is $100,000": another company's figure, so a
    Stripe counter quotes its advice and leaves that sentence out."""
    answer = meaning_bot.ask("I'm a data scientist in New York. Stripe just made me an offer: "
                             "$215K base, $300K in RSUs over 4 years and a $25K signing bonus. "
                             "They said there's not much room. How would you counter this?")
    assert answer.intent == "counter" and "stripe/data-scientist" == answer.guide
    assert "$100,000" not in answer.text and "Facebook" not in answer.text


def test_a_counter_for_a_place_the_guide_lacks_quotes_none_of_its_figures(
        library_bot: Assistant) -> None:
    """stripe/data-scientist.md pays in San Francisco, New York and Remote US only: its
    script's "$238K base", "$318K RSUs" and "Accept at $215K+ base" are those regions'."""
    answer = library_bot.ask("How should I counter a Stripe data scientist offer in Dublin? "
                             "Which levers work?")
    assert answer.status == "answered" and "no figures for Dublin" in answer.text
    assert "Negotiate Up" in answer.text  # the script's words stay
    for figure in ("$238K", "$318K", "$215K", "$368K", "$182K–$228K"):
        assert figure not in answer.text, figure


def test_a_news_item_about_another_company_is_no_counter_tactic(library_bot: Assistant) -> None:
    """articles/002_… is Alibaba's hiring news ("Alibaba plans to hire 1,000 AI
    professionals"): it is about Alibaba, and a Shopify counter never quotes it."""
    answer = library_bot.ask("How do I counter a Shopify software engineer offer in Toronto?")
    assert answer.intent == "counter" and "C$155K–C$195K" in answer.text
    assert "Alibaba" not in answer.text and "002_5ca264379d7d4dae" not in {
        c.guide for c in answer.citations}


def test_a_script_keeps_the_asked_place_s_clause(library_bot: Assistant) -> None:
    """okta/software-engineer.md's script ends "For Toronto, open at C$145,000 base; for
    London, open at £85,000 base.": a Toronto counter keeps its clause, not London's."""
    text = library_bot.ask("okta software engineer toronto, how do i counter?").text
    assert "For Toronto, open at C$145,000 base." in text and "£85,000" not in text


@pytest.mark.parametrize(("question", "held"), [
    # amazon/software-engineer.md "| Seattle | L5 SDE II | ... | $50K-$100K |" sign-on
    ("what sign-on should I ask Amazon for as an SDE 2 in Seattle", "$50K-$100K"),
    # adobe/product-manager.md's script: "Lead with base salary (push to $185K+)"
    ("what signing bonus should I ask Adobe for as a PM?", "push to $185K+"),
])
def test_what_to_ask_a_company_for_is_a_counter(library_bot: Assistant, question: str,
                                                held: str) -> None:
    answer = library_bot.ask(question)
    assert answer.intent == "counter" and held in answer.text and "do not cover" not in answer.text
