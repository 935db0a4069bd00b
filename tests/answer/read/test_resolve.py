"""Question resolution against the vocabulary of real guides."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.read.dialogue import resolve_in_context
from assistant.answer.read.resolve import resolve


@pytest.mark.parametrize(
    ("question", "company", "role", "region", "asks"),
    [
        ("Alibaba Seattle sign-on?", "alibaba", "", "Seattle", ("signing_bonus",)),
        ("Alibba ML engineer Singapore base", "alibaba", "ml-ai-engineer", "Singapore", ("base",)),
        ("stripe SWE NYC TC", "stripe", "software-engineer", "New York", ("total_comp",)),
        ("New Relik DS RSUs in SF", "new-relic", "data-scientist", "San Francisco", ("stock",)),
        ("Okta PM level mapping", "okta", "product-manager", "", ("level_mapping",)),
        ("Microsoft TPM counter-offer script", "microsoft", "technical-program-manager", "",
         ("script",)),
    ],
)
def test_resolves_aliases_and_typos(slice_bot: Assistant, question: str, company: str, role: str,
                                    region: str, asks: tuple[str, ...]) -> None:
    r = resolve(question, slice_bot.library.vocabulary, slice_bot.lexicon)
    assert (r.company, r.role, r.asks) == (company, role, asks)
    assert r.region.casefold() == region.casefold()


def test_typo_is_never_silent(slice_bot: Assistant) -> None:
    r = resolve("Alibba Seattle sign-on?", slice_bot.library.vocabulary, slice_bot.lexicon)
    assert r.notes == ("Read 'Alibba' as Alibaba.",)


def test_name_matching_nothing_is_kept_as_unknown(slice_bot: Assistant) -> None:
    r = resolve("Zyxcorp software engineer base in London?", slice_bot.library.vocabulary,
                slice_bot.lexicon)
    assert (r.company, r.unknown_names) == ("", ("Zyxcorp",))


def test_follow_up_reuses_earlier_turn(slice_bot: Assistant) -> None:
    history = [{"role": "user", "content": "Proofpoint data scientist total comp in Sunnyvale?"},
               {"role": "assistant", "content": "..."}]
    r = resolve_in_context("And in London?", history, slice_bot.library.vocabulary,
                           slice_bot.lexicon)
    assert (r.company, r.role, r.region, r.asks) == (
        "proofpoint", "data-scientist", "London", ("total_comp",))


def test_a_full_question_does_not_inherit_context(slice_bot: Assistant) -> None:
    history = [{"role": "user", "content": "Stripe data scientist base in London?"}]
    r = resolve_in_context("Can a sign-on bonus be clawed back if I leave early?", history,
                           slice_bot.library.vocabulary, slice_bot.lexicon)
    assert r.company == "" and r.role == ""
