"""A question that names a company and asks what to do, or whether something holds, is
answered from its guide's paragraphs, not with a band nobody asked for; asking for a figure,
a counter or a guide's part keeps its kind. Real library; the cases are made up, not the
advice set's; figures from the guide files."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus

# pinterest/data-scientist.md: "| San Francisco | $165K–$205K | $140K–$260K | 10–15% | ..."
PINTEREST_SF_BASE = "$165K–$205K"
# adyen/data-engineer.md: "| Amsterdam | €88,000-€125,000 / $96,000-$136,000 | ..."
ADYEN_AMSTERDAM_BASE = "€88,000"


@pytest.mark.parametrize("question", [
    "Adyen wants me in Amsterdam for the data engineer job. Should the relocation bonus come "
    "out of my base?",
    "Is it ok to tell Pinterest I need more because of my student loans?",
    "Pinterest data scientist: can I ask them to keep my remote setup after I join?",
])
def test_a_decision_is_not_answered_with_a_band(library_bot: Assistant, question: str) -> None:
    answer = library_bot.ask(question)
    assert answer.intent == "advice", answer.text
    assert not any(line.startswith("|") for line in answer.text.splitlines())
    assert PINTEREST_SF_BASE not in answer.text and ADYEN_AMSTERDAM_BASE not in answer.text


@pytest.mark.parametrize(("question", "intent"), [
    ("Can you give us the Pinterest data scientist base in San Francisco?", "figures"),
    ("Does the Pinterest guide list a base for data scientists in San Francisco?", "figures"),
    ("Should I counter Pinterest's data scientist offer in San Francisco?", "counter"),
    ("How do I push back on Pinterest's data scientist offer in San Francisco?", "counter"),
    ("What base should I expect as a Pinterest data scientist in San Francisco?", "figures"),
])
def test_a_figure_or_a_counter_asked_keeps_its_kind(library_bot: Assistant, question: str,
                                                    intent: str) -> None:
    answer = library_bot.ask(question)
    assert answer.intent == intent and PINTEREST_SF_BASE in answer.text, answer.text


def test_a_place_with_nothing_pay_asked_is_not_a_band_table(library_bot: Assistant) -> None:
    """hsbc/asia-infrastructure-platform-engineer.md, "Lever 6 — Relocation and Housing (Hong
    Kong / Singapore)": "Hong Kong housing: HK$40K / $5K per month. Singapore housing: S$5.5K
    / $4K per month." Asked about Hong Kong, the Singapore figures are left out."""
    answer = library_bot.ask("HSBC wants me in Hong Kong next month. what relocation support "
                             "is typical?")
    assert answer.intent == "advice", answer.text
    assert "Relocation and Housing" in answer.text and "Hong Kong housing: HK$40K" in answer.text
    assert "S$5.5K" not in answer.text and "Singapore housing" not in answer.text
    assert not any(line.startswith("|") for line in answer.text.splitlines())


def test_advice_with_no_place_asked_shows_no_places_figures(meaning_bot: Assistant) -> None:
    """airbase/interoperability-platform-engineer.md, "Negotiate Up Strategy": "Anchor at
    $240,000 base (SF) or $245,000 (NY). ... Push for a $40,000 signing bonus, ... For
    Bangalore, target ₹52,00,000 base". No place asked: the places' figures are left out."""
    answer = meaning_bot.ask("How do I push for more without sounding aggressive? It's for "
                             "the interoperability platform role at Airbase.")
    assert answer.intent == "advice" and "Push for a $40,000 signing bonus" in answer.text
    for figure in ("$240,000", "$245,000", "₹52,00,000"):
        assert figure not in answer.text, answer.text
