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
