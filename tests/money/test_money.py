"""parse_amount_range and format_amount: every cell format the guides use."""

from __future__ import annotations

import pytest

from assistant.money.cells import parse_amount_range
from assistant.money.currency import currency_symbol_to_code
from assistant.money.format import format_amount, format_range


@pytest.mark.parametrize(
    ("cell", "low", "high", "unit"),
    [
        ("$165K–$235K", 165_000, 235_000, "USD"),
        ("$195,000–$255,000", 195_000, 255_000, "USD"),
        ("$25,000 – $50,000", 25_000, 50_000, "USD"),
        ("$120K-$165K", 120_000, 165_000, "USD"),
        ("$348K - $478K", 348_000, 478_000, "USD"),
        ("$150K to $200K", 150_000, 200_000, "USD"),
        ("$165K—$235K", 165_000, 235_000, "USD"),
        ("£15,000 – £30,000", 15_000, 30_000, "GBP"),
        ("₹5,00,000 – ₹12,00,000", 500_000, 1_200_000, "INR"),
        ("₹68,00,000–₹1,05,00,000", 6_800_000, 10_500_000, "INR"),
        ("₹24L–₹42L", 2_400_000, 4_200_000, "INR"),
        ("₹1.2Cr", 12_000_000, 12_000_000, "INR"),
        ("₹18-28 LPA", 1_800_000, 2_800_000, "INR"),
        ("INR 22L–INR 40L", 2_200_000, 4_000_000, "INR"),
        ("CNY 500K–CNY 950K", 500_000, 950_000, "CNY"),
        ("CNY 780K–CNY 1.6M", 780_000, 1_600_000, "CNY"),
        ("CNY 1.6M", 1_600_000, 1_600_000, "CNY"),
        ("EUR82K–EUR120K", 82_000, 120_000, "EUR"),
        ("SGD 130K–SGD 200K", 130_000, 200_000, "SGD"),
        ("€52,000–€78,000", 52_000, 78_000, "EUR"),
        ("S$85,000 – S$145,000", 85_000, 145_000, "SGD"),
        ("A$140,000 – A$195,000", 140_000, 195_000, "AUD"),
        ("C$172K–C$215K", 172_000, 215_000, "CAD"),
        ("HK$480,000 – HK$850,000", 480_000, 850_000, "HKD"),
        ("NT$2.8M–NT$4.0M", 2_800_000, 4_000_000, "TWD"),
        ("R$270,000 - R$400,000", 270_000, 400_000, "BRL"),
        ("₪460,000–₪600,000", 460_000, 600_000, "ILS"),
        ("DKK 440K–DKK 680K", 440_000, 680_000, "DKK"),
        ("KRW 58M–KRW 100M", 58_000_000, 100_000_000, "KRW"),
        ("PLN 430K–570K", 430_000, 570_000, "PLN"),
        ("CHF 150K–CHF 230K", 150_000, 230_000, "CHF"),
        ("IDR 580M–IDR 1.03B", 580_000_000, 1_030_000_000, "IDR"),
        ("UYU 1,800,000 - 3,000,000", 1_800_000, 3_000_000, "UYU"),
        ("15–30%", 15, 30, "%"),
        ("15%", 15, 15, "%"),
        ("12–15% target", 12, 15, "%"),
        ("10-20%", 10, 20, "%"),
        ("35%+", 35, 35, "%"),
        ("**$265.5K**", 265_500, 265_500, "USD"),
        ("~$200K", 200_000, 200_000, "USD"),
        ("$185K–$520K+", 185_000, 520_000, "USD"),
        ("$0-$40K (senior only)", 0, 40_000, "USD"),
        ("$12K-$25K (10-15%)", 12_000, 25_000, "USD"),
        ("10% target ($16,000 – $20,000)", 10, 10, "%"),
        ("$150K - $240K (RSU/4yr)", 150_000, 240_000, "USD"),
        ("R$1,000K", 1_000_000, 1_000_000, "BRL"),
    ],
)
def test_parses_cell(cell: str, low: float, high: float, unit: str) -> None:
    parsed = parse_amount_range(cell)
    assert parsed is not None
    assert (parsed.low, parsed.high, parsed.unit) == (low, high, unit)
    assert parsed.alt is None


def test_text_is_the_cell_without_markup() -> None:
    parsed = parse_amount_range("  **$265.5K**  ")
    assert parsed is not None and parsed.text == "$265.5K"


@pytest.mark.parametrize(
    ("cell", "primary", "alt"),
    [
        ("₹38.5L / $46K", (3_850_000, 3_850_000, "INR"), (46_000, 46_000, "USD")),
        (
            "₹30.2L / $36K - ₹40.6L / $49K",
            (3_020_000, 4_060_000, "INR"),
            (36_000, 49_000, "USD"),
        ),
        (
            "HK$1.42M / $182K - HK$1.98M / $254K",
            (1_420_000, 1_980_000, "HKD"),
            (182_000, 254_000, "USD"),
        ),
        (
            "£125,000-£178,000 / $158,000-$224,000",
            (125_000, 178_000, "GBP"),
            (158_000, 224_000, "USD"),
        ),
        (
            "DKK 590,000-DKK 800,000 / $86,000-$116,000",
            (590_000, 800_000, "DKK"),
            (86_000, 116_000, "USD"),
        ),
        ("£255K - £355K ($320K - $445K)", (255_000, 355_000, "GBP"), (320_000, 445_000, "USD")),
        (
            "SEK 85K–108K/mo / $232K–$288K",
            (85_000, 108_000, "SEK"),
            (232_000, 288_000, "USD"),
        ),
    ],
)
def test_two_currencies(
    cell: str, primary: tuple[float, float, str], alt: tuple[float, float, str]
) -> None:
    parsed = parse_amount_range(cell)
    assert parsed is not None and parsed.alt is not None
    assert (parsed.low, parsed.high, parsed.unit) == primary
    assert (parsed.alt.low, parsed.alt.high, parsed.alt.unit) == alt


@pytest.mark.parametrize(
    "cell",
    [
        "N/A",
        "—",
        "",
        "Varies",
        "Variable",
        "Performance",
        "15,000 – 30,000 options",
        "1,000–1,600 shares",
        "20,000–50,000",
        "0-2",
        "IC4-IC5",
        "~2.3-2.5x",
        "18 months",
        "Varies by location (60–100% of NYC)",
        "ARS equivalent (~60-70% of US)",
        "+10-15%",
        "MELI RSUs",
    ],
)
def test_not_money(cell: str) -> None:
    assert parse_amount_range(cell) is None


def test_bare_numbers_take_the_default_currency() -> None:
    parsed = parse_amount_range("90,000 – 130,000", "GBP")
    assert parsed is not None and (parsed.low, parsed.high, parsed.unit) == (90_000, 130_000, "GBP")
    assert parse_amount_range("15,000 – 30,000 options", "USD") is None


@pytest.mark.parametrize(
    ("cell", "default", "unit"),
    [
        ("¥300,000 – ¥550,000", "CNY", "CNY"),
        ("¥8M", "JPY", "JPY"),
        ("¥8M", "", "JPY"),
        ("kr765,000–kr1,050,000", "DKK", "DKK"),
        ("kr565,000–kr765,000", "", "SEK"),
        ("$100K", "SGD", "USD"),  # a bare "$" is USD whatever the region
    ],
)
def test_ambiguous_symbols(cell: str, default: str, unit: str) -> None:
    parsed = parse_amount_range(cell, default)
    assert parsed is not None and parsed.unit == unit


@pytest.mark.parametrize(
    ("cell", "period"),
    [("$45K–$135K/4yr", "4yr"), ("$35K–$85K/yr", "yr"), ("SEK 64K–80K/mo", "mo"), ("$1K", "")],
)
def test_period(cell: str, period: str) -> None:
    parsed = parse_amount_range(cell)
    assert parsed is not None and parsed.period == period


def test_ceiling_and_mixed_units() -> None:
    ceiling = parse_amount_range("< $240,000")
    assert ceiling is not None and (ceiling.low, ceiling.high) == (None, 240_000)
    mixed = parse_amount_range("$175K–C$322K")
    assert mixed is not None and mixed.mixed_units and mixed.unit == "USD"


@pytest.mark.parametrize(
    ("symbol", "code"),
    [("$", "USD"), ("S$", "SGD"), ("A$", "AUD"), ("C$", "CAD"), ("HK$", "HKD"), ("£", "GBP"),
     ("€", "EUR"), ("₹", "INR"), ("₪", "ILS"), ("RMB", "CNY"), ("sgd", "SGD"), ("XYZ", "")],
)  # fmt: skip
def test_currency_symbol_to_code(symbol: str, code: str) -> None:
    assert currency_symbol_to_code(symbol) == code


@pytest.mark.parametrize(
    ("value", "currency", "text"),
    [
        (165_000, "USD", "$165K"),
        (1_600_000, "CNY", "CNY 1.6M"),
        (72_000, "GBP", "£72K"),
        (265_500, "USD", "$265.5K"),
        (3_850_000, "INR", "₹38.5L"),
        (12_000_000, "INR", "₹1.2Cr"),
        (130_000, "SGD", "S$130K"),
        (58_000_000, "KRW", "KRW 58M"),
        (15, "%", "15%"),
        (900, "USD", "$900"),
    ],
)
def test_format_amount(value: float, currency: str, text: str) -> None:
    assert format_amount(value, currency) == text


def test_format_range_round_trips() -> None:
    assert format_range(165_000, 235_000, "USD") == "$165K–$235K"
    assert format_range(15, 30, "%") == "15–30%"
    assert format_range(None, 240_000, "USD") == "$240K"
    assert format_range(None, None, "USD") == ""
    parsed = parse_amount_range(format_range(780_000, 1_600_000, "CNY"))
    assert parsed is not None
    assert (parsed.low, parsed.high, parsed.unit) == (780_000, 1_600_000, "CNY")
