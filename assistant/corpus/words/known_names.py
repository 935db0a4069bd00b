"""Names people use for a company that neither the ticker package nor the guides hold: a
former ticker ("FB"), the listed parent ("Alphabet", "GOOG"), a ticker of a
company outside the indices the package covers ("SNOW"), a common nickname ("the zon").

Example:
    >>> known_names({"meta": "Meta", "stripe": "Stripe"})["fb"]
    'meta'

"Facebook" is Meta's: the company's name until October 2021, and the one people still use
("Facebook (Meta)", as the library's own article writes it).

This is a short, reviewed table of public facts, not a rule per question: each line says why
the name is the company's. A name whose company the library lacks is dropped, and a name the
library already reads otherwise (a place, a role, another company) loses to that reading in
vocabulary.py. Names of SHORT letters or fewer, and tickers that are English words, count
only typed in capitals, as the package's tickers do.
"""

from __future__ import annotations

from collections.abc import Mapping

# company slug -> {name: why it is that company's}
KNOWN_NAMES: dict[str, dict[str, str]] = {
    "meta": {
        "fb": "its NASDAQ ticker until June 2022",
        "facebook": "the company's name until October 2021",
    },
    "google": {
        "alphabet": "Google's listed parent since 2015",
        "goog": "Alphabet's class C ticker",
        "googl": "Alphabet's class A ticker",
        "the goog": "common nickname",
        "gcp": "Google Cloud Platform, Google's cloud business",
        "google cloud": "Google's cloud business (its guides' pay covers it)",
    },
    "amazon": {
        "the zon": "common nickname",
        "amzn": "its NASDAQ ticker",
        "aws": "Amazon Web Services, Amazon's cloud business",
        "amazon web services": "Amazon's cloud business (its guides' pay covers it)",
    },
    "jpmorgan-chase": {
        "jp morgan": "the bank's name as people write it (J.P. Morgan)",
        "j.p. morgan": "the bank's own spelling",
        "chase": "its retail bank's name",
    },
    "salesforce": {
        "sfdc": "Salesforce's NYSE ticker until 2019, still its common short name",
    },
    "snowflake": {
        "snow": "its NYSE ticker (not in an index the ticker package covers)",
    },
}
TICKER_NAMES = frozenset({"fb", "goog", "googl", "amzn", "snow"})


def known_names(companies: Mapping[str, str]) -> dict[str, str]:
    """name (lower case) -> company slug, for the table's companies the library has."""
    return {name: slug for slug, names in KNOWN_NAMES.items() if slug in companies
            for name in names}
