"""Amounts said in another language's number words (foreign/numbers.py): 万 and 억 counted out,
lakh and crore in Latin letters, "mil" as thousands only in Spanish, Portuguese or Italian;
then placed in the guide's band (expected bands copied from ../shared/corpus/guides)."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.read.foreign.numbers import in_digits, thousands_in_digits


@pytest.mark.parametrize(("said", "digits"), [
    ("基本工资50万人民币，股票20万", "基本工资500,000 CNY，股票200,000"),
    ("年薪55万元", "年薪550,000 CNY"),
    ("基本給は800万円です", "基本給は8,000,000 JPYです"),
    ("연봉 8500만원", "연봉 85,000,000 KRW"),
    ("총보상 1억 2000만 원", "총보상 120,000,000 KRW"),
    ("2.5万", "25,000"),
    ("45 लाख बेस", "45 lakh बेस"),
    ("1.2 करोड़", "1.2 crore"),
    ("직원 원하는 연봉", "직원 원하는 연봉"),  # 원 inside words is no currency
    ("$150K base", "$150K base"),
])
def test_number_words_are_written_in_digits(said: str, digits: str) -> None:
    assert in_digits(said) == digits


def test_mil_is_thousands_only_in_the_languages_that_say_so() -> None:
    assert thousands_in_digits("R$ 550 mil", "Portuguese") == "R$ 550,000"
    assert thousands_in_digits("90 mil euros", "Spanish") == "90,000 euros"
    assert thousands_in_digits("1,5 mil", "Spanish") == "1,500"
    assert thousands_in_digits("$1.5 mil", "") == "$1.5 mil"  # English: maybe a million


@pytest.mark.corpus
@pytest.mark.parametrize(("question", "placed"), [
    # alibaba/software-engineer.md "| Hangzhou (HQ) | CNY 380K–CNY 700K | CNY 150K–CNY 450K"
    ("阿里巴巴杭州软件工程师的offer：基本工资50万人民币，股票20万人民币，合理吗？",
     ["= CNY 120K ÷ CNY 320K = 38%", "= CNY 50K ÷ CNY 300K = 17%"]),
    # nubank/software-engineer.md São Paulo base R$500K - R$680K, stock R$325K - R$700K
    ("Nubank engenheiro de software em São Paulo: salário base R$ 550 mil, RSUs R$ 400 mil. "
     "É justo?", ["= R$50K ÷ R$180K = 28%", "= R$75K ÷ R$375K = 20%"]),
    # google/senior-software-engineer.md "| Bangalore | ₹35L–₹60L | ₹30L–₹70L |"
    ("Google senior software engineer Bangalore offer: 45 लाख बेस, 40 लाख RSU. ठीक है?",
     ["= ₹10L ÷ ₹25L = 40%", "= ₹10L ÷ ₹40L = 25%"]),
])
def test_an_offer_in_number_words_is_placed(library_bot: Assistant, question: str,
                                            placed: list[str]) -> None:
    answer = library_bot.ask(question)
    assert all(p in answer.text for p in placed), answer.text
