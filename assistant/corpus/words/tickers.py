"""Stock tickers of the library's companies ("PYPL", "AMZN", "MSFT"), from a maintained package.

Example:
    >>> ticker_aliases({"paypal": "PayPal", "stripe": "Stripe"}, taken=set())
    {'pypl': 'paypal'}

The tickers come from `pytickersymbols` (the constituents of the major stock indices, with
their names and their Yahoo and Google symbols, bundled as data: nothing is fetched). A listed
company is matched to a library company by name: equal once corporate words ("Inc.",
"Corporation", "Holdings", ".com") are dropped, or the library's whole name opens exactly one
listed name ("Meta" of "Meta Platforms"). A ticker is kept only when it is one company's,
at least three letters long, and no name, role, place or word the library already reads
("NOW", "NET" and "TEAM" are words; "MA" is a state): those are `word_tickers` of the
vocabulary, a company only when typed in capitals ("NET swe", not "net pay"). The guides'
own "NYSE: NET" adds tickers the package lacks. Read at index time only.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

MIN_LETTERS = 3
_CORPORATE = frozenset("inc incorporated corp corporation co company companies holdings holding "
                       "group plc ltd limited sa ag nv se the class a b c com".split())
_WORD = re.compile(r"[a-z0-9]+")
_TICKER = re.compile(r"^[A-Z]{3,5}$")
_US_EXCHANGES = frozenset({"NASDAQ", "NYSE", "NYSEAMERICAN"})


def _name_words(name: str) -> list[str]:
    """A company name's words in lower case, without brackets and corporate words."""
    name = re.sub(r"\(.*?\)", " ", name).casefold().replace(".com", " ")
    return [w for w in _WORD.findall(name) if w not in _CORPORATE]


def _listed() -> list[tuple[list[str], set[str]]]:
    """Every listed company of the package: its name's words and its US-style tickers."""
    from pytickersymbols import PyTickerSymbols

    found: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for stock in PyTickerSymbols().get_all_stocks():
        # the main symbol and the US exchanges' ones ("NASDAQ:GOOG"); not OTC or foreign lines
        symbols = {stock.get("symbol", "")} | {
            google.split(":", 1)[1] for s in stock.get("symbols") or ()
            if (google := s.get("google", "")).split(":", 1)[0] in _US_EXCHANGES}
        tickers = {s for s in symbols if _TICKER.match(s)}
        words = tuple(_name_words(stock.get("name", "")))
        if words and tickers:
            found[words] |= tickers
    return [(list(words), tickers) for words, tickers in found.items()]


def ticker_aliases(companies: Mapping[str, str], taken: Iterable[str],
                   every: Mapping[str, str] | None = None) -> dict[str, str]:
    """ticker (lower case) -> company slug, for the library's listed companies, but for the
    `taken` words; `every` is `every_ticker`'s result when the caller already has it."""
    taken = frozenset(taken)
    every = every_ticker(companies, {}) if every is None else every
    return {t: slug for t, slug in every.items() if t not in taken}


def every_ticker(companies: Mapping[str, str], stated: Mapping[str, Iterable[str]]
                 ) -> dict[str, str]:
    """ticker (lower case) -> company slug, for tickers of one company only, at least
    MIN_LETTERS long: the package's, and those the guides state (`stated`: ticker -> the
    companies whose guides write it after "NYSE:" or "NASDAQ:"; a ticker the package gives
    to a firm outside the library stays that firm's: HashiCorp's guides name IBM's "NYSE: IBM")."""
    listed = _listed()
    by_ticker: dict[str, set[str]] = defaultdict(set)
    for slug, display in companies.items():
        words = _name_words(display)
        if not words:
            continue
        exact = [t for name, t in listed if name == words]
        opening = [t for name, t in listed if name[:len(words)] == words]
        for tickers in exact or (opening if len(opening) == 1 else []):
            for ticker in tickers:
                by_ticker[ticker.casefold()].add(slug)
    # The package's match by name wins; a listed ticker no library company matched by name
    # is another firm's; the guides' own statements fill in the rest.
    listed_tickers = {t.casefold() for _, tickers in listed for t in tickers}
    for ticker, slugs in stated.items():
        if ticker not in by_ticker and ticker not in listed_tickers:
            by_ticker[ticker] = set(slugs)
    picked = {}
    for ticker, slugs in sorted(by_ticker.items()):
        parent = min(slugs, key=len)  # "cloudflare" of "cloudflare-workers": one family
        if len(ticker) >= MIN_LETTERS and slugs <= companies.keys() \
                and all(s.startswith(parent) for s in slugs):
            picked[ticker] = parent
    return picked
