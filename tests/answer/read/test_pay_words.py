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
