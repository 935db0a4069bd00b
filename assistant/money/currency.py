"""Currencies and scales as written: symbols and codes to ISO codes, suffixes to multipliers.

Example:
    >>> currency_symbol_to_code("S$"), sorted(currency_units("¥")), MULTIPLIERS["lakh"]
    ('SGD', ['CNY', 'JPY'], 100000.0)
"""

from __future__ import annotations

# Prefix symbols, longest first so "HK$" wins over "$". "¥" and "kr" are ambiguous: see
# currency_symbol_to_code.
SYMBOL_CODES: dict[str, str] = {
    "US$": "USD",
    "HK$": "HKD",
    "NT$": "TWD",
    "NZ$": "NZD",
    "MX$": "MXN",
    "AU$": "AUD",
    "CA$": "CAD",
    "S$": "SGD",
    "A$": "AUD",
    "C$": "CAD",
    "R$": "BRL",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "₹": "INR",
    "₪": "ILS",
    "₩": "KRW",
    "¥": "JPY",
    "kr": "SEK",
    "zł": "PLN",
}
CODE_ALIASES: dict[str, str] = {"RMB": "CNY", "NIS": "ILS"}
ISO_CODES: frozenset[str] = frozenset(
    "USD GBP EUR INR SGD CNY JPY AUD CAD HKD CHF DKK SEK NOK ISK KRW PLN AED SAR QAR ILS BRL UYU "
    "ARS MXN COP CLP PEN IDR VND TWD NZD ZAR CZK HUF RON TRY PHP MYR THB NGN KES EGP".split()
)
# Symbols that name more than one currency, with the codes they may stand for.
AMBIGUOUS_SYMBOLS: dict[str, frozenset[str]] = {
    "¥": frozenset({"JPY", "CNY"}),
    "kr": frozenset({"SEK", "DKK", "NOK", "ISK"}),
}
# Currencies written as a word after the number ("300 thousand dollars"), lower-cased.
CURRENCY_WORDS: dict[str, str] = {"dollars": "USD", "pounds": "GBP", "euros": "EUR",
                                  "rupees": "INR", "yuan": "CNY"}
# What scales a number, lower-cased: a suffix ("165K", "38.5L", "1.2 crore", "2mn") or a word
# ("2 million", "300 grand"). Which of them a text may use is its notation's (reader.py).
MULTIPLIERS: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "mn": 1e6,
    "l": 1e5,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lpa": 1e5,
    "cr": 1e7,
    "crore": 1e7,
    "crores": 1e7,
    "thousand": 1e3,
    "grand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    # Chinese and Japanese scales, written on the number ("30万"): ten thousand, a hundred
    # million, in simplified and traditional characters
    "万": 1e4,
    "萬": 1e4,
    "亿": 1e8,
    "億": 1e8,
}


def currency_symbol_to_code(symbol: str, default: str = "") -> str:
    """ISO code for a symbol or code ("S$" -> "SGD", "RMB" -> "CNY"); "" when unknown.

    "¥" and "kr" resolve to `default` when it is one of their currencies (JPY/CNY, SEK/DKK/NOK).
    """
    sym = symbol.strip().rstrip(".")
    if sym in AMBIGUOUS_SYMBOLS and default in AMBIGUOUS_SYMBOLS[sym]:
        return default
    if sym in SYMBOL_CODES:
        return SYMBOL_CODES[sym]
    upper = sym.upper()
    if upper in CODE_ALIASES:
        return CODE_ALIASES[upper]
    return upper if upper in ISO_CODES else ""


def currency_units(symbol: str, default: str = "") -> frozenset[str]:
    """Every currency a symbol or code may stand for ("¥" -> JPY or CNY); empty when none."""
    sym = symbol.strip().rstrip(".")
    if sym in AMBIGUOUS_SYMBOLS and default not in AMBIGUOUS_SYMBOLS[sym]:
        return AMBIGUOUS_SYMBOLS[sym]
    code = currency_symbol_to_code(sym, default)
    return frozenset({code}) if code else frozenset()
