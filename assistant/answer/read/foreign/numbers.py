"""Amounts said with another language's number words, written in digits the money reader knows.

Example:
    >>> in_digits("基本工资50万人民币，股票20万")
    '基本工资500,000 CNY，股票200,000'
    >>> in_digits("연봉 8500만원")
    '연봉 85,000,000 KRW'
    >>> thousands_in_digits("R$ 550 mil de salário", "Portuguese")
    'R$ 550,000 de salário'

Chinese and Japanese count in ten thousands (万) and hundred millions (億/亿), Korean the same
(만, 억); Hindi says lakh and crore (लाख, करोड़), which the money reader reads in Latin
letters. A currency word right after such an amount ("人民币", "円", "원") becomes its ISO code:
only there, since the same characters are parts of other words ("직원" holds 원). Spanish and
Portuguese "mil" and Italian "mila" are thousands; in English "mil" may mean a million, so
those are read only in a question of those languages.
"""

from __future__ import annotations

import re

# a number starts where no digit stands before it: tried inside a long run of digits, each
# start would scan the rest of the run again (quadratic; tests/reliability)
_NUMBER = r"(?<![\d.,])(\d+(?:[.,]\d+)?)"
_UNIT = {"万": 10_000, "萬": 10_000, "만": 10_000, "千": 1_000, "천": 1_000,
         "億": 100_000_000, "亿": 100_000_000, "억": 100_000_000}
# an amount of hundred millions and then ten thousands ("1억 2000만"), or of one unit
_EAST = re.compile(rf"{_NUMBER}\s*([億亿억])(?:\s*{_NUMBER}\s*(천만|千万|[만万萬]))?"
                   rf"|{_NUMBER}\s*(천만|千万|[만万萬千천])")
_CURRENCY = {"人民币": "CNY", "元": "CNY", "块": "CNY", "日元": "JPY", "円": "JPY",
             "엔": "JPY", "원": "KRW", "ウォン": "KRW", "韩元": "KRW", "美元": "USD",
             "ドル": "USD", "달러": "USD", "英镑": "GBP", "ポンド": "GBP", "파운드": "GBP",
             "欧元": "EUR", "ユーロ": "EUR", "유로": "EUR", "新加坡元": "SGD", "港币": "HKD",
             "港元": "HKD", "卢比": "INR"}
_AFTER = re.compile(r"(?<![\d,])(\d[\d,]*)\s*("
                    + "|".join(sorted(map(re.escape, _CURRENCY), key=len, reverse=True)) + ")")
_INDIAN = re.compile(rf"{_NUMBER}\s*(लाख|करोड़|करोड)")
_THOUSANDS = re.compile(rf"{_NUMBER}\s+(?:mil|mila)\b", re.IGNORECASE)
THOUSANDS_LANGUAGES = frozenset({"Spanish", "Portuguese", "Italian"})


def in_digits(text: str) -> str:
    """`text` with its amounts in 万, 만, 억, लाख or करोड़ written out, and a currency word right
    after an amount as its code."""
    if text.isascii():
        return text
    text = _EAST.sub(_east, text)
    text = _INDIAN.sub(lambda m: f"{m.group(1)} {'lakh' if m.group(2) == 'लाख' else 'crore'}",
                       text)
    return _AFTER.sub(lambda m: f"{m.group(1)} {_CURRENCY[m.group(2)]}", text)


def thousands_in_digits(text: str, language: str) -> str:
    """"550 mil" as "550,000" in a Spanish, Portuguese or Italian question."""
    if language not in THOUSANDS_LANGUAGES:
        return text
    return _THOUSANDS.sub(lambda m: _written(_value(m.group(1)) * 1_000), text)


def _east(found: re.Match[str]) -> str:
    if found.group(1) is not None:  # "1억 2000만"
        total = _value(found.group(1)) * _UNIT[found.group(2)]
        if found.group(3) is not None:
            total += _value(found.group(3)) * _unit(found.group(4))
        return _written(total)
    return _written(_value(found.group(5)) * _unit(found.group(6)))


def _unit(word: str) -> int:
    return 10_000_000 if word in ("천만", "千万") else _UNIT[word]


def _value(number: str) -> float:
    """"2.5" and "2,5" are two and a half; "1,200" is twelve hundred."""
    whole, _, part = number.replace(",", ".").partition(".")
    return float(number.replace(",", "")) if len(part) == 3 else float(f"{whole}.{part or 0}")


def _written(value: float) -> str:
    return f"{value:,.0f}"
