"""The guard: figures compared as values with units, ranges, markers."""

from __future__ import annotations

import pytest

from assistant.answer.llm.guard import amounts, check, cited_numbers, unsupported

CONTEXT = {1: "Seattle (US) (USD): base $165K–$235K; bonus 15%; total comp $245K–$390K",
           2: "Hangzhou (HQ) (CNY): base CNY 500K–CNY 950K; total comp CNY 780K–CNY 1.6M",
           3: "India: base ₹38.5L / $46K; London £72,000; claw-back 2/12 after 10 months, 2025-Q4"}


@pytest.mark.parametrize(("text", "values"), [
    ("$165K–$235K", [(165_000, "USD"), (235_000, "USD")]),
    ("$165–235K", [(165_000, "USD"), (235_000, "USD")]),
    ("15–30%", [(15, "%"), (30, "%")]),
    ("CNY 500K–950K", [(500_000, "CNY"), (950_000, "CNY")]),
    ("165,000 USD", [(165_000, "USD")]),
    ("₹38.5L", [(3_850_000, "INR")]),
    ("S$130K", [(130_000, "SGD")]),
    ("$1.2 million", [(1_200_000, "USD")]),
    ("1.6M", [(1_600_000, "")]),
])
def test_amounts_read_values_and_units(text: str, values: list[tuple[float, str]]) -> None:
    assert [(a.value, "".join(sorted(a.units))) for a in amounts(text)] == values


@pytest.mark.parametrize("text", [
    "Seattle base is $165,000 to $235,000 [1].",
    "Seattle base: $165–235K, bonus 15% [1].",
    "Hangzhou total comp is CNY 780K–1.6M [2].",
    "In India base is ₹38.5L (about $46K) [3]; London pays £72,000 [3].",
    "You repay 2/12 after 10 months [3]; data from 2025 [3].",
])
def test_faithful_text_passes(text: str) -> None:
    assert check(text, CONTEXT).ok


@pytest.mark.parametrize(("text", "figure"), [
    ("Seattle base is $170K [1].", "$170K"),
    ("Seattle base is £165K [1].", "£165K"),
    ("Bonus is 20% [1].", "20%"),
    ("Hangzhou base CNY 500K [1].", "CNY 500K"),  # held by passage 2, but [1] is cited
    ("About 3,000 engineers [1].", "3,000"),
])
def test_figures_not_in_the_cited_passages_fail(text: str, figure: str) -> None:
    verdict = check(text, CONTEXT)
    assert not verdict.ok and verdict.note.endswith(f"do not hold: {figure}._")


def test_markers_must_exist_and_be_present() -> None:
    assert cited_numbers("a [1][3] b [1, 2]") == [1, 3, 2]
    assert "[4]" in check("Base $165K [4].", CONTEXT).note
    assert "cited none" in check("Base $165K.", CONTEXT).note
    assert "empty" in check("  ", CONTEXT).note


def test_small_bare_numbers_are_not_figures() -> None:
    assert unsupported("Level L5, 2 offers, E4", ["nothing"]) == []
