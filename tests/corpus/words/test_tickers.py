"""Stock tickers of the library's companies, from the pytickersymbols package."""

from __future__ import annotations

import pytest

from assistant.corpus.words.tickers import ticker_aliases

COMPANIES = {"paypal": "PayPal", "meta": "Meta", "amazon": "Amazon", "microsoft": "Microsoft",
             "salesforce": "Salesforce", "servicenow": "ServiceNow", "stripe": "Stripe",
             "capital-one": "Capital One", "metabank-like": "Metamorphic Labs"}


@pytest.fixture(scope="module")
def tickers() -> dict[str, str]:
    return ticker_aliases(COMPANIES, taken={"now", "meta"})


@pytest.mark.parametrize(("ticker", "slug"), [
    ("pypl", "paypal"), ("amzn", "amazon"), ("msft", "microsoft"), ("crm", "salesforce"),
    ("cof", "capital-one"),
])
def test_a_listed_company_gets_its_tickers(tickers: dict[str, str], ticker: str,
                                           slug: str) -> None:
    assert tickers[ticker] == slug


def test_words_and_names_already_read_are_never_tickers(tickers: dict[str, str]) -> None:
    assert "now" not in tickers  # ServiceNow's NOW is an English word
    assert "meta" not in tickers  # already the company's own name


def test_only_us_listings_and_only_the_library_s_companies(tickers: dict[str, str]) -> None:
    assert "mwrk" not in tickers  # Meta Platforms' over-the-counter line
    assert "stripe" not in tickers.values()  # not listed
    assert "metabank-like" not in tickers.values()  # no listed name is its name


def test_a_name_opening_two_listed_names_gets_none() -> None:
    # "American Express", "American Tower", ...: no one company is meant
    assert ticker_aliases({"american": "American"}, taken=set()) == {}
