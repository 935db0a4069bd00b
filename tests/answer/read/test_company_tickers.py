"""A company named by its stock ticker is that company, over the real library; a ticker typed
in lower case where it is short, or one that is an English word, is not."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # paypal/software-engineer.md: "| New York NY | $125,000-$170,000 | ..." (San Jose: $130,000-)
    ("PYPL software engineer base in new york?", "paypal/software-engineer",
     "$125,000-$170,000", "$130,000-$175,000"),
    # salesforce/software-engineer.md: "| San Francisco | $155K–$190K | ..." (Indianapolis $135K)
    ("CRM software engineer base in San Francisco", "salesforce/software-engineer",
     "$155K–$190K", "$135K–$170K"),
])
def test_a_ticker_names_its_company(library_bot: Assistant, question: str, guide: str,
                                    figure: str, absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


def test_a_short_ticker_in_lower_case_is_not_a_company(library_bot: Assistant) -> None:
    answer = library_bot.ask("crm software engineer base in San Francisco")
    assert "salesforce" not in answer.guide and "$155K–$190K" not in answer.text


def test_the_vocabulary_holds_tickers_only_of_its_companies(library_bot: Assistant) -> None:
    tickers = library_bot.library.vocabulary.tickers
    assert tickers["pypl"] == "paypal" and tickers["msft"] == "microsoft"
    assert set(tickers.values()) <= set(library_bot.library.vocabulary.companies)
    assert "now" not in tickers and "net" not in tickers  # English words stay words


def test_a_former_name_is_the_company_now(library_bot: Assistant) -> None:
    """"Facebook" is Meta's name until 2021: meta/software-engineer.md "| London (UK) |
    $125K–$175K | ...", not its US row ($155K–$215K)."""
    answer = library_bot.ask("Facebook software engineer base in London")
    assert_answered_from(answer, "meta/software-engineer", "$125K–$175K", "$155K–$215K")
    assert "Read 'Facebook' as Meta" in answer.text
