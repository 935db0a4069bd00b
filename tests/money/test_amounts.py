"""The one reader of amounts: one `Amount` for every caller, the two notations' differences."""

from __future__ import annotations

import pytest

from assistant.money.currency import currency_units
from assistant.money.reader import GUIDE, PROSE, Notation, is_count, read_amounts, reconcile


def read(text: str, notation: Notation) -> list[tuple[float, str, str]]:
    return [(a.value, a.unit, a.text) for a in read_amounts(text, notation)]


@pytest.mark.parametrize("notation", [GUIDE, PROSE])
@pytest.mark.parametrize(("text", "expected"), [
    ("$165K", [(165_000, "USD", "$165K")]),
    ("CNY 1.6M", [(1_600_000, "CNY", "CNY 1.6M")]),
    ("₹38.5L", [(3_850_000, "INR", "₹38.5L")]),
    ("165,000 USD", [(165_000, "USD", "165,000 USD")]),
    ("15% bonus", [(15, "%", "15%")]),
    ("190k", [(190_000, "", "190k")]),
])
def test_both_notations_read_the_guides_spellings(
        text: str, expected: list[tuple[float, str, str]], notation: Notation) -> None:
    assert read(text, notation) == expected


@pytest.mark.parametrize(("text", "guide", "prose"), [
    ("₹12,34,567", [(1_234_567, "INR", "₹12,34,567")],
     [(12, "INR", "₹12"), (34_567, "", "34,567")]),
    ("RSU 4 and TCV 300K", [], [(4, "", "4"), (300_000, "", "300K")]),
    ("2 million dollars", [(2, "", "2")], [(2_000_000, "USD", "2 million dollars")]),
    ("38 Lakh", [(3_800_000, "", "38 Lakh")], [(38, "", "38")]),
    ("RSU/4yr", [], [(4, "years", "4yr")]),
    ("1.5x base", [(1, "", "1")], [(1.5, "x", "1.5x")]),
    ("15 per cent", [(15, "", "15")], [(15, "%", "15 per cent")]),
])
def test_the_notations_differ_only_where_documented(
        text: str, guide: list[tuple[float, str, str]],
        prose: list[tuple[float, str, str]]) -> None:
    assert (read(text, GUIDE), read(text, PROSE)) == (guide, prose)


def test_an_ambiguous_symbol_keeps_every_currency_unless_a_default_settles_it() -> None:
    [amount] = read_amounts("¥5M")
    assert (amount.unit, amount.units) == ("JPY", frozenset({"JPY", "CNY"}))
    [amount] = read_amounts("¥5M", default_currency="CNY")
    assert (amount.unit, amount.units) == ("CNY", frozenset({"CNY"}))
    assert currency_units("kr") == frozenset({"SEK", "DKK", "NOK", "ISK"})


@pytest.mark.parametrize(("text", "ends"), [
    ("$165–235K", [(165_000, "USD"), (235_000, "USD")]),
    ("PLN 430K–570K", [(430_000, "PLN"), (570_000, "PLN")]),
    ("₹18-28 LPA", [(1_800_000, "INR"), (2_800_000, "INR")]),
    ("0.125–1.5M", [(125_000, ""), (1_500_000, "")]),  # the digits as written, then scaled
])
def test_range_ends_borrow_unit_and_scale(text: str, ends: list[tuple[float, str]]) -> None:
    low, high = reconcile(*read_amounts(text))
    assert [(low.value, low.unit), (high.value, high.unit)] == ends
    assert low.units == high.units


def test_an_amount_matches_by_value_and_kind() -> None:
    [dollars], [same], [bare] = (read_amounts(t, PROSE) for t in ("$165K", "$165,000", "165K"))
    assert dollars.matches(same) and not dollars.matches(bare) and bare.has_suffix


def test_counts_are_not_money() -> None:
    assert is_count(" options") and is_count(" years") and not is_count(" base")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("140.000 CHF de base", 140_000.0, "CHF"),  # dots between thousands, as Europe writes
    ("R$ 600.000 por ano", 600_000.0, "BRL"),
    ("CHF 1.250.000 all in", 1_250_000.0, "CHF"),
    ("年薪55万", 550_000.0, ""),  # a Chinese scale, right after a Chinese word
    ("a 12.5% bonus", 12.5, "%"),  # a decimal stays one
])
def test_thousands_dots_and_chinese_scales_read_whole(text: str, value: float, unit: str) -> None:
    (amount,) = read_amounts(text)
    assert (amount.value, amount.unit) == (value, unit)


def test_a_dotted_low_end_borrows_the_high_end_s_scale() -> None:
    low, high = read_amounts("1.125–1.5M")
    assert (low.number, high.value) == (1.125, 1_500_000.0)


@pytest.mark.parametrize(("text", "values"), [
    ("CHF 140'000 Grundgehalt", [140_000.0]),  # Swiss apostrophes
    ("110 000 € de salaire", [110_000.0]),  # French spaces
    ("in 3 100K offers", [3.0, 100_000.0]),  # a space before a scaled number groups nothing
    ("1.2 cr total comp", [12_000_000.0]),  # crore in lower case
])
def test_thousands_written_the_ways_europe_and_india_write_them(text: str,
                                                                values: list[float]) -> None:
    assert [a.value for a in read_amounts(text)] == values
