"""Filling a guide's counter script with the person's numbers (write/plan.py): made-up
scripts in the shapes the library writes ("$[X]K base", "$[Y+80K]", "$[Z+25-40]K")."""

from __future__ import annotations

from assistant.answer.read.stated import StatedFigure
from assistant.answer.write.plan import fill_script
from assistant.corpus.model import CompRow, Figure, Region

ROW = CompRow(Region("Denver", "Denver"), "USD", (
    Figure("base", 120_000, 160_000, "USD", "$120K–$160K", "table"),
    Figure("stock", 40_000, 100_000, "USD", "$40K–$100K", "table"),
    Figure("bonus", 10, 10, "%", "10%", "table")))
SCRIPT = ("Thanks for the offer of $[X]K base and $[Y]K RSUs with [Z]% bonus. I have an offer "
          "at $[W]K TC. I'd like a base of $[X+10-15]K, RSUs at $[Y+30K] and a $[20K-30K] "
          "sign-on, bringing TC to $[target]. My peers at [Rival] agree.")


def _stated(component: str, value: float, text: str) -> StatedFigure:
    return StatedFigure(component, value, "USD", text, 0, len(text))


def test_the_persons_figures_fill_the_script_with_the_sums_shown() -> None:
    plan = fill_script(SCRIPT, ROW, (_stated("base", 130_000, "$130K"),))
    assert plan is not None
    assert "offer of $130K base and $70K RSUs with 10% bonus" in plan.text
    assert "a base of $140K–$145K, RSUs at $100K and a $20K–$30K sign-on" in plan.text
    assert "[your competing offer] TC" in plan.text and "[target]" in plan.text
    assert "[Rival]" in plan.text and "$[" not in plan.text
    assert plan.workings == (
        "Base $130K: your offer",
        "Stock $70K: not given, so the midpoint of the guide's band $40K–$100K: "
        "($40K + $100K) ÷ 2 = $70K",
        "Bonus 10%: not given, so the guide's figure 10%",
        "Base ask: $130K + $10K–$15K = $140K–$145K",
        "Stock ask: $70K + $30K = $100K")


def test_a_script_in_another_currency_or_without_numbers_is_not_filled() -> None:
    pounds = CompRow(Region("Leeds", "Leeds"), "GBP", ROW.figures)
    assert fill_script(SCRIPT, pounds, ()) is None  # $ raises on a £ band: never summed
    assert fill_script("Name [Rival] and [Other] as your options.", ROW, ()) is None
