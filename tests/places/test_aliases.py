"""The one alias table: what the guides file a place under, and which place a question means."""

from __future__ import annotations

from assistant.corpus.regions import normalize_region
from assistant.places.aliases import ALIASES, COLLOQUIAL, REGION_ALIASES
from assistant.places.lexicon import Lexicon
from assistant.places.names import name_key


def test_aliases_are_lower_case_keys_and_name_something() -> None:
    assert all(key == key.casefold() for key in ALIASES)
    assert all(guide or place for guide, place in ALIASES.values())


def test_the_guides_file_nyc_and_usa_under_their_library_names() -> None:
    assert normalize_region("NYC (HQ)").name == "New York"
    assert (REGION_ALIASES["nyc"], REGION_ALIASES["usa"]) == ("New York", "US")


def test_a_question_s_nyc_and_usa_are_the_city_and_the_country(lexicon: Lexicon) -> None:
    # "New York" would also be the state; "nyc" is only the city.
    (nyc,) = lexicon.lookup(COLLOQUIAL["nyc"])
    assert (nyc.kind, nyc.name) == ("city", "New York City")
    assert [p.id for p in lexicon.lookup(COLLOQUIAL["usa"])] == ["cty:US"]


def test_views_keep_only_their_side() -> None:
    assert "us" in COLLOQUIAL and "us" not in REGION_ALIASES  # no guide files a row as "us"
    assert "ny" in REGION_ALIASES and "ny" not in COLLOQUIAL  # "NY" is read as the state code
    assert all(name_key(place) for place in COLLOQUIAL.values())
