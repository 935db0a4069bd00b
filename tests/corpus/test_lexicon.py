"""The lexicon: real places by any spelling, containment, and ordinary words apart from names."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.lexicon import Lexicon, build
from assistant.corpus.placenames import name_key

MODELS = Path(__file__).resolve().parents[2] / ".models"


@pytest.fixture(scope="module")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    path = MODELS / "lexicon.sqlite"
    if not path.is_file():  # `make setup` builds it; a bare checkout builds a private copy
        path = build(tmp_path_factory.mktemp("lexicon") / "lexicon.sqlite")
    return Lexicon(path)


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
