"""Pay words people use, over the real library: CTC and LPA, "all in", "fixed pay",
commission. Figures are the guide files' own; the parts not asked must not appear."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant
from assistant.answer.read.stated import stated_figures


def test_lakhs_are_rupees_and_ctc_is_total_comp() -> None:
    (figure,) = stated_figures("They offered 44 LPA CTC for the role.")
    assert (figure.component, figure.value, figure.unit) == ("total_comp", 4_400_000.0, "INR")


def test_a_pay_word_after_a_comma_is_the_next_figure_s() -> None:
    figures = stated_figures("Cohere offered me a package: base is $172,500, RSUs $90,000 over "
                             "four years, and a $25,000 signing bonus.")
    assert [(f.component, f.value, f.text) for f in figures] == [
        ("base", 172_500.0, "$172,500"), ("stock", 90_000.0, "$90,000"),
        ("signing_bonus", 25_000.0, "$25,000")]


def test_a_ctc_offer_is_placed_in_the_total_comp_band(library_bot: Assistant) -> None:
    """google/software-engineer.md Bangalore total comp ₹30L–₹58L: (44 − 30) ÷ 28 = 50%."""
    answer = library_bot.ask("Google offered me 44 LPA CTC as a software engineer in "
                             "Bangalore. Fair?")
    assert_answered_from(answer, "google/software-engineer", "50%", "₹20L–₹38L")
    assert "₹30L–₹58L" in answer.text


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # google/software-engineer.md Zurich: total comp CHF 160K–CHF 280K, base CHF 120K–CHF 190K
    ("all in number for a google swe in zurich?", "google/software-engineer",
     "CHF 160K–CHF 280K", "CHF 120K–CHF 190K"),
    # oracle/software-engineer.md Austin: base $135K–$168K, total comp $155K–$210K
    ("oracle swe austin, fixed pay?", "oracle/software-engineer", "$135K–$168K",
     "$155K–$210K"),
    # darktrace/solutions-architect.md London: commission £17,000 – £37,500; RSU £30,000 –
    # £70,000
    ("darktrace SA in london, what commission?", "darktrace/solutions-architect",
     "£17,000 – £37,500", "£30,000 – £70,000"),
])  # fmt: skip
def test_a_pay_word_asks_its_part(library_bot: Assistant, question: str, guide: str,
                                  figure: str, absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


def test_a_bare_lpa_figure_is_ctc() -> None:
    """"38 LPA" with no other pay word: lakhs per annum is how Indian offers write CTC."""
    (figure,) = stated_figures("Got 38 LPA from them. Good or bad?")
    assert (figure.component, figure.unit) == ("total_comp", "INR")


def test_a_figure_said_again_is_the_part_it_was_said_as_and_placed_once(
        library_bot: Assistant) -> None:
    """google/software-engineer.md Bangalore base ₹20L–₹38L: (28 − 20) ÷ 18 = 44%; the
    figure asked about again is the base, never total comp (₹30L–₹58L)."""
    answer = library_bot.ask("Google offered me SWE L4 in Bengaluru with 28 LPA base and 15% "
                             "bonus. I'm at Wipro now. Is 28 LPA ok for this level?")
    assert answer.text.count("Your base of 28 LPA") == 1, answer.text
    assert "44% of the way" in answer.text and "Your total comp" not in answer.text


@pytest.mark.parametrize(("question", "expected"), [
    # zoom/software-engineer.md India (Bangalore) base INR 20L–INR 38L, a year:
    # ₹2.5L × 12 = ₹30L; (30 − 20) ÷ 18 = 56%
    ("Zoom offered me a software engineer job in Bangalore at ₹2.5 lakh a month fixed. Fair?",
     "(₹2.5L × 12 = ₹30L), which is 56% of the way"),
    # klarna/data-engineer.md Stockholm base "SEK 55K–72K/mo": a month against a month,
    # (60 − 55) ÷ 17 = 29%
    ("Klarna data engineer offer in Stockholm, SEK 60,000 per month base. Is it ok?",
     "29% of the way"),
    # zoom/senior-software-engineer.md India (Bangalore) total comp INR 42L–INR 78L:
    # 0.6 cr = ₹60L; (60 − 42) ÷ 36 = 50%
    ("Zoom senior software engineer offer in Bangalore: 0.6 cr total comp. Good?",
     "50% of the way"),
    # hsbc/software-engineer.md Hong Kong stock HK$295K – HK$475K: (385 − 295) ÷ 180 = 50%
    ("HSBC software engineer offer in Hong Kong: HK$800K base and HK$385K in RSUs. Where "
     "does it land?", "**Your stock of HK$385K** is 50% of the way"),
    # ubs/software-engineer.md Zurich (HQ) base CHF 114K – CHF 145K: (129.5 − 114) ÷ 31 = 50%
    ("UBS hat mir als Software Engineer in Zürich CHF 129'500 Grundgehalt angeboten. Gut?",
     "50% of the way"),
])
def test_an_offer_in_everyday_notation_is_placed(library_bot: Assistant, question: str,
                                                 expected: str) -> None:
    answer = library_bot.ask(question)
    assert expected in answer.text, answer.text[:900]
    assert "Say which part of the offer" not in answer.text


def test_options_in_a_currency_are_stock_and_a_count_of_options_is_not_money() -> None:
    figures = stated_figures("£95,000 base, £100,000 options over 4 years")
    assert [(f.component, f.value) for f in figures] == [("base", 95_000.0),
                                                       ("stock", 100_000.0)]
    assert stated_figures("They gave me 15,000 options over 4 years") == ()


@pytest.mark.corpus
def test_options_are_placed_and_relocation_is_said_not_placed(library_bot: Assistant) -> None:
    """revolut/senior-software-engineer.md "| :gb: London (GBP) | £80,000 – £115,000 |
    £60,000 – £150,000 |": (£100K − £60K) ÷ £90K = 44%. google/software-engineer.md has no
    relocation band: the $15K is said, never placed as total comp ($185K–$320K)."""
    answer = library_bot.ask("Revolut senior software engineer London offer: £95,000 base, "
                             "£100,000 options over 4 years. Fair?")
    assert "= £40K ÷ £90K = 44%" in answer.text
    answer = library_bot.ask("Google Seattle software engineer offer: $170K base, $150K RSUs "
                             "over 4 years, plus a $15K relocation package. Good?")
    assert "Your relocation of $15K is not placed" in answer.text
    assert "$185K–$320K" not in answer.text and "total comp of $15K" not in answer.text


@pytest.mark.corpus
def test_a_currency_code_is_no_company(library_bot: Assistant) -> None:
    """samsung/software-engineer.md "| Seoul (HQ) | KRW 55M–KRW 95M |": 62.5%, rounded up."""
    answer = library_bot.ask("Samsung software engineer Seoul offer: KRW 80M base, KRW 30M "
                             "stock. How does this compare?")
    assert "no guide" not in answer.text and "= KRW 25M ÷ KRW 40M = 63%" in answer.text
