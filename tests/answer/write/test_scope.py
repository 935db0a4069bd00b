"""Cutting quoted passages to the asked rows (write/scope.py), on made-up rows and text."""

from __future__ import annotations

from assistant.answer.write.scope import scope_of, unplaced, within
from assistant.corpus.model import CompRow, Figure, Guide, Region


def _row(raw: str, name: str, currency: str, base: str, level: str = "") -> CompRow:
    unit = currency
    return CompRow(Region(raw, name), currency, (Figure("base", 1.0, 2.0, unit, base, "table"),),
                   level=level)


def _guide(*rows: CompRow) -> Guide:
    return Guide(id="acme/engineer", path="acme/engineer.md", kind="guide", title="Acme",
                 company="acme", role="engineer", rows=rows)


PUNE = _row("Pune", "Pune", "INR", "₹20L–₹30L")
OSLO = _row("Oslo (HQ)", "Oslo", "NOK", "NOK 900K–1.2M")
AUSTIN = _row("Austin, TX", "Austin", "USD", "$150K–$190K")
GUIDE = _guide(PUNE, OSLO, AUSTIN)


def test_a_sentence_about_another_row_is_left_out() -> None:
    scope = scope_of(GUIDE, [PUNE])
    text = ("Open firmly. Anchor at the Oslo band (NOK 1.1M). Ask for ₹28L in Pune. "
            "Mention the $175K you would earn in Austin.")
    assert within(text, scope) == "Open firmly. Ask for ₹28L in Pune."


def test_a_list_of_places_keeps_the_asked_item() -> None:
    scope = scope_of(GUIDE, [AUSTIN])
    text = "Walk away below $160K for Austin, NOK 850K for Oslo, and ₹18L for Pune."
    assert within(text, scope) == "Walk away below $160K for Austin."


def test_advice_without_figures_and_company_facts_stay() -> None:
    scope = scope_of(GUIDE, [PUNE])
    text = "Acme books $4B a year, so lean on scale. Be polite but firm."
    assert within(text, scope) == text


def test_nothing_is_cut_when_every_row_or_none_is_shown() -> None:
    assert scope_of(GUIDE, [PUNE, OSLO, AUSTIN]) is None and scope_of(GUIDE, []) is None
    assert within("Oslo pays NOK 1M.", None) == "Oslo pays NOK 1M."


def test_another_levels_figure_is_left_out() -> None:
    junior = _row("Austin", "Austin", "USD", "$120K–$150K", level="L3")
    senior = _row("Austin", "Austin", "USD", "$170K–$220K", level="L5")
    scope = scope_of(_guide(junior, senior), [senior])
    assert within("At L3 ask for $140K. At L5 ask for $210K.", scope) == "At L5 ask for $210K."


def test_numbered_items_with_another_rows_money_are_left_out_whole() -> None:
    """"(1)", "(2)" number the items, they are no money: the sentence is not cut into a
    lead-in and the items without figures ("I need: ((2) a desk.")."""
    scope = scope_of(GUIDE, [PUNE])
    text = ("Moving to Pune? Say: I need (1) a relocation budget of NOK 90K, (2) a housing "
            "allowance of NOK 20K a month, and (3) home-leave flights. Pune housing: ₹80K.")
    assert within(text, scope) == "Moving to Pune? Pune housing: ₹80K."


SF = _row("San Francisco (HQ)", "San Francisco", "USD", "$180K–$220K")


def test_with_no_place_asked_money_tied_to_a_place_is_left_out() -> None:
    """Advice that asks no place: a sentence tying money to one of the guide's places (by its
    name or its short name, "SF") goes; money said of no place stays."""
    text = ("Anchor at $240K base (SF) or NOK 1.3M in Oslo. Push for a $40K signing bonus. "
            "Ask for ₹28L in Pune. Be polite but firm.")
    assert within(text, unplaced(_guide(PUNE, OSLO, SF))) == (
        "Push for a $40K signing bonus. Be polite but firm.")
    assert unplaced(_guide()) is None  # no rows: nothing is out of scope


def test_a_short_name_of_another_row_is_out_of_scope() -> None:
    scope = scope_of(_guide(PUNE, SF), [PUNE])
    assert within("Anchor at $240K (SF). Ask for ₹28L.", scope) == "Ask for ₹28L."
