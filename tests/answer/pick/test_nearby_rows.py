"""A city next to a row's city is answered from that row, saying how far apart they are; a city
further away, or a small namesake of a far city, never is. Figures are the guide files' own."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant


@pytest.mark.parametrize(("question", "guide", "figure", "absent", "said"), [
    # issue 18's example: Qualcomm's guide has Santa Clara, 7 km from Sunnyvale
    ("qualcomm software engineer sunnyvale base", "qualcomm/software-engineer",
     "$130K–$168K", "$120K–$155K", "Santa Clara"),
    # amazon/data-scientist.md: Seattle $140K-$180K; Bay Area $150K-$185K
    ("What base would an Amazon data scientist get in Kirkland?", "amazon/data-scientist",
     "$140K-$180K", "$150K-$185K", "Seattle"),
    # datadog/product-manager.md: Mid (L3-L4) New York total comp $165,000–$210,000
    ("datadog mid level product manager total comp, I live in Hoboken", "datadog/product-manager",
     "$165,000–$210,000", "€62,000–€85,000", "New York"),
    # districts of a big city (sources._districts): baidu/software-engineer.md Beijing (HQ)
    # base, Shanghai CNY 360K–CNY 670K; doordash/software-engineer.md Sydney base
    ("Baidu software engineer base in Wangjing?", "baidu/software-engineer",
     "CNY 380K–CNY 700K", "CNY 360K–CNY 670K", "Beijing"),
    ("DoorDash swe base pay if I live in Bondi", "doordash/software-engineer", "A$135K–A$168K",
     "$165K–$205K", "Sydney"),
])  # fmt: skip
def test_a_city_next_to_a_row_is_answered_from_it(library_bot: Assistant, question: str,
                                                   guide: str, figure: str, absent: str,
                                                   said: str) -> None:
    answer = library_bot.ask(question)
    assert_answered_from(answer, guide, figure, absent)
    assert f"from {said}" in answer.text and " km " in answer.text


@pytest.mark.parametrize(("question", "absent"), [
    # Portland, Oregon is 230 km from Seattle: another market
    ("What base would an Amazon data scientist get in Portland?", "$140K-$180K"),
    # stripe/data-engineer.md has San Francisco, New York, Remote US; "Dublin" is Ireland's,
    # not the small Dublin 35 km from San Francisco
    ("Stripe data engineer base salary in Dublin?", "$178K–$228K"),
])  # fmt: skip
def test_a_far_city_is_not_answered_from_a_row(library_bot: Assistant, question: str,
                                                absent: str) -> None:
    answer = library_bot.ask(question)
    assert absent not in answer.text and " km from " not in answer.text
    assert "no figures for" in answer.text


def test_a_row_place_is_read_in_its_guide_context(library_bot: Assistant) -> None:
    """servicenow/staff-software-engineer.md writes "Santa Clara (USD)": California's."""
    answer = library_bot.ask("servicenow staff engineer santa clara base")
    assert_answered_from(answer, "servicenow/staff-software-engineer", "$230K–$275K",
                         "£")
    assert "Cuba" not in answer.text
