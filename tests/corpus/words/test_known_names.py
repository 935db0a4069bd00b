"""known_names.py: names no package or guide gives, read only where the library has the
company and never over a name the library already reads."""

from __future__ import annotations

from assistant.corpus.words.known_names import KNOWN_NAMES, TICKER_NAMES, known_names
from assistant.corpus.words.vocabulary import Vocabulary


def test_a_name_is_kept_only_for_a_company_the_library_has() -> None:
    assert known_names({"google": "Google"}) == {
        "alphabet": "google", "goog": "google", "googl": "google", "the goog": "google",
        "gcp": "google", "google cloud": "google"}
    assert known_names({"stripe": "Stripe"}) == {}


def test_every_name_says_why_and_every_ticker_is_a_name() -> None:
    assert all(why.strip() for names in KNOWN_NAMES.values() for why in names.values())
    assert TICKER_NAMES <= {name for names in KNOWN_NAMES.values() for name in names}


def test_the_vocabulary_reads_them_after_its_own_names() -> None:
    vocab = Vocabulary(companies={"meta": "Meta", "google": "Google", "amazon": "Amazon",
                                  "fb-labs": "FB"})
    vocab._add_aliases()
    assert vocab.company_aliases["fb"] == "fb-labs"  # the library's own company wins
    assert vocab.company_aliases["goog"] == "google" and vocab.is_other_name("goog")
    assert vocab.company_aliases["the zon"] == "amazon"
    assert not vocab.is_other_name("google")
