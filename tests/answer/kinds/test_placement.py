"""The person's figures placed in the guide's band, over the real library, arithmetic shown.

Bands copied from the guides: stripe/software-engineer New York base $178K–$225K, stock
$168K–$298K (header "Stock (RSU/4yr)"), bonus 10–15%; airbnb/data-scientist London base
£134K–£168K.
"""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "expected"), [
    ("Is $190K base at Stripe for a software engineer in New York good?",
     "is 26% of the way through the guide's New York band of $178K–$225K [1]: ($190K − $178K) "
     "÷ ($225K − $178K) = $12K ÷ $47K = 26%."),
    ("Stripe software engineer offer in New York: $170K base. Fair?",
     "is below the low end of the guide's New York band of $178K–$225K [1] by $8K: $178K − "
     "$170K = $8K."),
    ("Stripe SWE New York offer, 240k base",
     "(taken as USD, the band's currency) is above the high end of the guide's New York band "
     "of $178K–$225K [1] by $15K: $240K − $225K = $15K."),
    ("Stripe software engineer in New York offered a 12% bonus",
     "is 40% of the way through the guide's New York band of 10–15% [1]"),
    ("Stripe software engineer New York: $250K RSUs over 4 years",
     "Compared as the guide states stock: over 4 years."),
    ("Stripe software engineer New York: $60K RSUs per year",
     "is per year, the guide's band over 4 years; they are not placed against each other"),
    ("Airbnb data scientist in London offered £150K base",
     "(£150K − £134K) ÷ (£168K − £134K) = £16K ÷ £34K = 47%."),
    ("Airbnb data scientist in London offered $150K base",
     "is in USD, the guide's band in GBP; currencies are not converted, so it is not placed"),
    ("Airbnb data scientist offer of £150K base, is it good?",
     "To place your base of £150K, name the region or level: the guide has 3 base bands."),
])
def test_offer_is_placed_in_the_matching_band(trust_bot: Assistant, question: str,
                                              expected: str) -> None:
    answer = trust_bot.ask(question)
    assert expected in answer.text, answer.text
    assert "percentile" not in answer.text


def test_parts_are_placed_one_by_one_never_summed(trust_bot: Assistant) -> None:
    answer = trust_bot.ask("Stripe software engineer New York offer: $190K base and $250K RSUs")
    assert answer.text.count("**Your ") == 2
    assert "$440K" not in answer.text  # 190 + 250 is not a figure anybody stated
