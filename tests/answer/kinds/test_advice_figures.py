"""General advice quotes the article's advice, not its examples of others' pay (real library;
the article's text read from articles/001_9176ef9d3a5aa0a7.txt)."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


def test_an_article_s_example_pay_is_left_out_of_general_advice(library_bot: Assistant) -> None:
    # the article: "it's often possible to increase the signing bonus substantially ... For
    # example, the top-of-band sign-on bonus for an L5 Machine Learning Engineer at Facebook
    # in a Tier 1 location (Bay Area, New York) is $100,000."
    answer = library_bot.ask("There was no signing bonus in the offer letter. Is it weird to "
                             "ask for one when I have no other offer to point to?")
    assert answer.intent == "advice" and "signing bonus" in answer.text
    assert "$100,000" not in answer.text and "Facebook" not in answer.text


def test_a_named_company_answered_only_by_the_articles_is_said(library_bot: Assistant) -> None:
    """The company the question names is never dropped silently: when only the articles'
    paragraphs answer (the article's claw-back paragraph), the answer says the company's
    guides held nothing to quote."""
    answer = library_bot.ask("Will Workday make me pay back the signing bonus if I quit "
                             "before a year? Is that usual?")
    assert answer.intent == "advice" and answer.citations
    assert all(c.guide.startswith("001_") for c in answer.citations)  # the article only
    assert "No passage of the Workday guides answers this" in answer.text
