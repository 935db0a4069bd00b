"""Readings the negotiation answers depend on, over the whole real library (guides + articles):
the short names a company's own guides use, two levels set against each other, "remote" as a
place, an offer figure with no pay word, and names the general articles write.

Every expected and forbidden figure was copied from the guide file named beside it.
"""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.read.levels import read_levels
from assistant.corpus.words.nicknames import abbreviates

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("token", "name", "expected"), [
    ("AmEx", "American Express", True), ("BofA", "Bank of America", True),
    ("EA", "Electronic Arts", True), ("Citi", "Citigroup", True),
    ("American", "American Express", False),  # one word of two is a part-name, not a nickname
    ("New", "New Relic", False), ("COIN", "Coinbase", False),  # a ticker in capitals
    ("Cit", "Citigroup", False), ("Citigroup", "Citigroup", False),
])
def test_what_abbreviates_a_company_name(token: str, name: str, expected: bool) -> None:
    assert abbreviates(token, name) is expected


def test_nicknames_come_from_the_companies_own_guides(library_bot: Assistant) -> None:
    nicknames = library_bot.library.vocabulary.nicknames
    assert nicknames["amex"] == "american-express" and nicknames["citi"] == "citigroup"
    assert nicknames["bofa"] == "bank-of-america" and nicknames["ea"] == "electronic-arts"
    assert "ml" not in nicknames  # "ML" of Mercado Libre is a role word
    assert "data" not in nicknames  # Datadog's "Data" is a word
    assert "hf" not in nicknames  # two Hugging Face companies write it


def test_a_nickname_reads_as_its_company(library_bot: Assistant) -> None:
    answer = library_bot.ask("what's the base for an Amex product designer in Phoenix?")
    # american-express/product-designer.md Phoenix: base $115,000–$160,000
    assert answer.guide == "american-express/product-designer"
    assert "$115K–$160K" in answer.text
    assert "$128K–$178K" not in answer.text  # its New York City (HQ) row: not asked
    answer = library_bot.ask("Citi data engineer pay in London")
    assert answer.guide == "citigroup/data-engineer"  # London base £95,000–£135,000
    assert "£95K–£135K" in answer.text and "$135K–$185K" not in answer.text


def test_a_short_nickname_counts_only_in_capitals(library_bot: Assistant) -> None:
    answer = library_bot.ask("EA product manager base in Orlando?")
    assert answer.guide == "electronic-arts/product-manager"  # Orlando base $130K–$185K
    assert "$130K–$185K" in answer.text and "€50K–€80K" not in answer.text
    lower = library_bot.ask("is an ea product manager offer good?")
    assert lower.guide != "electronic-arts/product-manager"


def test_levels_set_against_each_other() -> None:
    assert [lv.number for lv in read_levels("Microsoft SWE level 59 vs level 60 base?")] \
        == [59, 60]
    assert [lv.typed for lv in read_levels("Is E5 or E6 better paid?")] == ["E5", "E6"]
    assert read_levels("What is the L5 base at Google?") == ()


def test_two_levels_of_one_guide_side_by_side(library_bot: Assistant) -> None:
    answer = library_bot.ask("Microsoft SWE level 59 versus level 60: how do the base "
                             "salaries differ?")
    assert answer.intent == "compare" and answer.table is not None
    # microsoft/software-engineer.md: 59 SWE I base $120K - $145K; 60 SWE II $140K - $170K
    cells = " ".join(str(c) for row in answer.table.rows for c in row)
    assert "$120K-$145K" in cells.replace(" ", "") and "$140K-$170K" in cells.replace(" ", "")
    assert "$165K" not in cells  # level 61 and up: not asked
    assert "$25K" in answer.text  # 170 − 145 at the high end, shown as a subtraction


def test_remote_before_a_role_is_the_remote_band(library_bot: Assistant) -> None:
    answer = library_bot.ask("How much base does a remote data engineer at Lyft get?")
    # lyft/data-engineer.md Remote US: base $128,000–$165,000
    assert answer.guide == "lyft/data-engineer" and "$128K–$165K" in answer.text
    assert "$145K–$185K" not in answer.text and "$138K–$176K" not in answer.text


def test_an_offer_figure_with_no_pay_word(library_bot: Assistant) -> None:
    # netflix/software-engineer.md Los Angeles: base = total comp = $190,000–$238,000 (all cash)
    answer = library_bot.ask("Netflix offered me $214K as a software engineer in Los Angeles. "
                             "Good?")
    assert "read as base" in answer.text
    assert "($214K − $190K) ÷ ($238K − $190K) = $24K ÷ $48K = 50%" in answer.text
    # stripe/data-scientist.md New York: base $195K–$245K, but stock and total comp differ
    answer = library_bot.ask("Stripe gave me $220K for data scientist in New York, fair?")
    assert "Say which part of the offer $220K is" in answer.text
    assert "% of the way through" not in answer.text


def test_a_name_the_articles_write_is_a_term_not_a_firm(library_bot: Assistant) -> None:
    answer = library_bot.ask("Do machine learning engineers with a PhD earn more?")
    assert answer.status == "answered" and answer.intent == "advice"
    assert "no guide for" not in answer.text
    unknown = library_bot.ask("What does Zorblax pay machine learning engineers?")
    assert unknown.status == "no_guide" and "Zorblax" in unknown.text
    start = library_bot.ask("Will product manager salaries keep rising?")
    assert "no guide for “Will”" not in start.text


def test_a_title_in_capitals_maps_by_the_guides_tables(library_bot: Assistant) -> None:
    answer = library_bot.ask("A Morgan Stanley VP data scientist would be what at Goldman "
                             "Sachs?")
    assert answer.intent == "level_equivalence" and answer.table is not None
    first = [str(c) for c in answer.table.rows[0]]
    # morgan-stanley/data-scientist.md Level Mapping: "Data Scientist (Associate / VP)" in its
    # own column, "Quantitative Analyst / VP" in the Goldman Sachs Equivalent column
    assert any("Data Scientist (Associate / VP)" in c for c in first)
    assert any("Quantitative Analyst / VP" in c for c in first)
    assert "$148K" not in answer.text  # a level question shows no pay


def test_a_job_the_library_lacks_is_never_dropped(library_bot: Assistant) -> None:
    for question, job in (("How much does a UX researcher make at Spotify in Stockholm?",
                           "ux researcher"),
                          ("Atlassian scrum master pay in Sydney", "scrum master")):
        answer = library_bot.ask(question)
        assert answer.status == "no_guide" and job in answer.text.casefold(), answer.text
        assert "SEK" not in answer.text and "A$" not in answer.text


def test_a_job_without_a_guide_may_still_be_in_the_articles(library_bot: Assistant) -> None:
    # articles/002_*.txt: Alibaba's hiring drive names "Smart hardware architects"
    answer = library_bot.ask("Is Alibaba looking for hardware engineers right now?")
    assert answer.status == "answered" and answer.intent == "advice"
    assert "no hardware engineers guide for Alibaba" in answer.text
    assert "hardware" in answer.text.split("_", 2)[-1]  # the quoted passage, not just the note
    assert "CNY" not in answer.text and "$" not in answer.text
    paid = library_bot.ask("What does Alibaba pay hardware engineers in Hangzhou?")
    assert paid.status == "no_guide" and "CNY" not in paid.text
