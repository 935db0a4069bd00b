"""Row labels -> place ids: the largest place of a name, unless the guide's codes say which."""

from __future__ import annotations

import pytest

from assistant.places.fake import FakeLexicon
from assistant.places.lexicon import Lexicon
from assistant.places.rows import currency_country, label_parts, row_place_ids


@pytest.mark.parametrize(("name", "raw", "ids"), [
    ("London", "London (GBP)", ("geo:2643743",)),  # the largest London
    ("New York", "NYC (HQ)", ("geo:5128581",)),  # the city, not the state
    ("Cambridge, MA", "Cambridge (MA)", ("geo:4931972", "geo:4931972")),
    ("Cambridge", "Cambridge UK", ("geo:2653941",)),  # "UK" is no state code
    ("Portland", "Portland ME", ("geo:4975802",)),  # the code picks the smaller one
    ("Seattle / San Francisco", "Seattle / San Francisco", ("geo:5809844", "geo:5391959")),
    ("Berlin", "Germany (Berlin)", ("geo:2950159", "cty:DE")),  # and the country it leads with
    ("Verona", "Verona WI", ()),  # a place the lexicon does not hold, not another Verona
    ("Remote US", "Remote (US)", ()),
])  # fmt: skip
def test_each_row_region_gets_the_places_it_names(fake: FakeLexicon, name: str, raw: str,
                                                  ids: tuple[str, ...]) -> None:
    assert row_place_ids([(name, raw, "")], fake) == {name: ids}


def test_codes_from_every_raw_label_of_a_region_count(fake: FakeLexicon) -> None:
    labels = [("Portland", "Portland", "USD"), ("Portland", "Portland, ME", "USD")]
    assert row_place_ids(labels, fake) == {"Portland": ("geo:4975802",)}


def test_label_parts_split_places_and_qualifiers() -> None:
    assert label_parts("Cambridge, MA / Boston") == [("Cambridge", "MA"), ("Boston", "")]


def test_the_real_lexicon_resolves_rows_as_the_fake_does(lexicon: Lexicon,
                                                         fake: FakeLexicon) -> None:
    labels = [("London", "London", "GBP"), ("New York", "New York (USD)", "USD"),
              ("Cambridge, MA", "Cambridge MA", "USD")]
    assert row_place_ids(labels, lexicon) == row_place_ids(labels, fake)


@pytest.mark.parametrize(("labels", "name", "country"), [
    # ServiceNow and Qualcomm write "Santa Clara" in USD: California's, though Cuba's is larger
    ([("Santa Clara", "Santa Clara (USD)", "USD"), ("London", "London (GBP £)", "GBP")],
     "Santa Clara", "US"),
    # no currency, but the other rows are American
    ([("San Mateo", "San Mateo", ""), ("Seattle", "Seattle", ""), ("Austin", "Austin", "")],
     "San Mateo", "US"),
    # a flag says the country, as an emoji or a shortcode
    ([("Montevideo", "🇺🇾 Montevideo (UYU)", "")], "Montevideo", "UY"),
    ([("Cambridge", ":us: Cambridge", "")], "Cambridge", "US"),
    # a US company's euro row "Dublin" is Ireland's: California's Dublin is far too small
    ([("Dublin", "Dublin", "EUR"), ("Pleasanton", "Pleasanton", "USD")], "Dublin", "IE"),
    # a US company's "Vancouver" in CAD is British Columbia's
    ([("Vancouver", "Vancouver", "CAD"), ("Seattle", "Seattle", "USD")], "Vancouver", "CA"),
])  # fmt: skip
def test_a_row_place_is_read_in_the_guide_own_context(
        lexicon: Lexicon, labels: list[tuple[str, str, str]], name: str, country: str) -> None:
    (place,) = lexicon.places(row_place_ids(labels, lexicon)[name])
    assert place.country == country


@pytest.mark.parametrize(("code", "countries"), [
    ("USD", {"US"}), ("INR", {"IN"}), ("CAD", {"CA"}), ("EUR", set()), ("", set()),
])  # fmt: skip
def test_a_national_currency_names_its_country(code: str, countries: set[str]) -> None:
    assert currency_country(code) == countries
