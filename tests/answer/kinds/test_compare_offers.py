"""Two offers compared side by side: each offer is placed once in its company's band, with its
arithmetic, even where a guide states the place's band twice (frontmatter and body). Real
library; the bands are the guide files'."""

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
