"""A follow-up that moves a level to another company reads it on that company's ladder, as a
guide's level mapping states it, and says so; a level no guide maps is not read as any level
of the other ladder. Real library; figures from the guide files."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.types import Message

pytestmark = pytest.mark.corpus

# meta/senior-software-engineer.md: "| US (Seattle / Austin) | $185K–$255K | ..." (E5);
# meta/software-engineer.md (E3/E4): "| US (Seattle / Austin) | $145K–$200K | ..."
META_E5, META_E3_E4 = "$185K–$255K", "$145K–$200K"
# amazon/senior-software-engineer.md: "| Seattle | $160K-$185K | ..." (SDE III / L6);
# amazon/software-engineer.md: "| L5 SDE II | Seattle | $140K-$180K | ..."
AMAZON_SDE3, AMAZON_L5 = "$160K-$185K", "$140K-$180K"


def _talk(bot: Assistant, *turns: str) -> list[str]:
    history: list[Message] = []
    texts = []
    for turn in turns:
        answer = bot.ask(turn, history)
        texts.append(answer.text)
        history += [{"role": "user", "content": turn},
                    {"role": "assistant", "content": answer.text}]
    return texts


def test_google_l5_moves_to_meta_e5_and_amazon_sde3(library_bot: Assistant) -> None:
    _, meta, amazon = _talk(library_bot, "Google L5 software engineer base in Seattle?",
                            "and at Meta?", "what about Amazon?")
    assert META_E5 in meta and META_E3_E4 not in meta and "as Meta E5" in meta
    assert AMAZON_SDE3 in amazon and AMAZON_L5 not in amazon and "SDE III" in amazon


def test_a_level_no_guide_maps_is_not_read_on_the_other_ladder(
        library_bot: Assistant) -> None:
    _, zillow = _talk(library_bot, "Coinbase L4 software engineer base in New York?",
                      "and at Zillow?")
    assert "no guide states where it sits at Zillow" in zillow
    assert "New York, L4" not in zillow and "for L4" not in zillow


def test_a_level_typed_for_the_new_company_is_its_own(library_bot: Assistant) -> None:
    _, meta = _talk(library_bot, "Google L5 software engineer base in Seattle?",
                    "and Meta E3/E4?")
    assert META_E3_E4 in meta and "Read Google" not in meta
