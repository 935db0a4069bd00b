"""Side by side: each offer is placed once in its company's band, with its arithmetic, even
where a guide states the place's band twice (frontmatter and body); two levels of one company
are their titled guides. Real library; the bands are the guide files'."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.evaluate.audit import repeated_rows

pytestmark = pytest.mark.corpus


def test_each_offer_is_placed_once(library_bot: Assistant) -> None:
    """google/software-engineer.md "| London | £75K–£135K | £60K–£160K | 15% |";
    meta/software-engineer.md "| London (UK) | $125K–$175K | ..."."""
    answer = library_bot.ask(
        "Google offered me L4 in London at £95k base and £120k stock over 4 years; Meta has "
        "an E4 offer in London at $150K base. Which is better?")
    assert answer.text.count("Your base of £95k") == 1
    assert answer.text.count("Your base of $150K") == 1
    assert "(£95K − £75K) ÷ (£135K − £75K)" in answer.text
    assert "($150K − $125K) ÷ ($175K − $125K)" in answer.text
    assert repeated_rows(answer.text) == []


def test_two_levels_of_one_company_compare_their_titled_guides(
        library_bot: Assistant) -> None:
    """meta/software-engineer.md (E3/E4) "| London (UK) | $125K–$175K |";
    meta/senior-software-engineer.md (E5) "| London (UK) | $160K–$225K |"; the staff guide's
    (E6) "$195K–$275K" is not asked."""
    answer = library_bot.ask("Meta E4 vs E5 base in London")
    assert answer.intent == "compare" and answer.status == "answered"
    assert "$125K–$175K" in answer.text and "$160K–$225K" in answer.text
    assert "$195K–$275K" not in answer.text
