"""Distances from GeoNames' coordinates, and the row place within a commute of an asked one."""

from __future__ import annotations

import pytest

from assistant.places.fake import FakeLexicon
from assistant.places.lexicon import Lexicon
from assistant.places.nearby import NEARBY_KM, km_between, nearest, plausible


def test_distances_are_great_circle_kilometres(fake: FakeLexicon) -> None:
    (sf,), (oakland,) = fake.lookup("San Francisco"), fake.lookup("Oakland")
    (seattle,), (london,) = fake.lookup("Seattle"), fake.lookup("London")[:1]
    assert 12 < km_between(sf, oakland) < 14  # type: ignore[operator]
    assert 1_090 < km_between(sf, seattle) < 1_100  # type: ignore[operator]
    assert km_between(london, fake.lookup("United Kingdom")[0]) is None  # a country: no point


def test_the_nearest_row_within_a_commute_answers(fake: FakeLexicon) -> None:
    rows = [*fake.lookup("Seattle"), *fake.lookup("San Francisco")]
    found = nearest(fake.lookup("Oakland"), rows)
    assert found is not None and found.row.name == "San Francisco" and found.km < NEARBY_KM
    assert nearest(fake.lookup("Portland"), rows) is None  # 230 km from Seattle


def test_a_row_in_another_country_never_answers(fake: FakeLexicon) -> None:
    assert nearest(fake.lookup("Cambridge"), fake.lookup("London")[1:]) is None


@pytest.mark.parametrize(("name", "kept"), [
    ("Dublin", {"IE"}),  # California's Dublin is far too small to be the one meant
    ("Santa Clara", {"CU", "US"}),  # Cuba's and California's are of a size
])  # fmt: skip
def test_a_bare_name_means_its_plausible_cities(lexicon: Lexicon, name: str,
                                                kept: set[str]) -> None:
    assert {p.country for p in plausible(lexicon.lookup(name))} == kept
