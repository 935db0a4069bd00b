"""A deterministic fake lexicon: a few dozen places and words, answered from memory.

Example:
    >>> lexicon = FakeLexicon()
    >>> [p.label for p in lexicon.lookup("Cambridge")]
    ['Cambridge, England, United Kingdom', 'Cambridge, MA, United States']
    >>> sorted(lexicon.ordinary(["offer", "london"]))
    ['offer']

For tests and demos that need places but not the data packages or the SQLite file: it is a
`Lexicon` whose three reads (names, ids, words) come from the tables below, so everything
above them (ranking, caching, `within`, labels) is the real code. Ids and populations are
GeoNames' and ISO's, so a fake place is the real one it stands for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path

from assistant.places.lexicon import Lexicon, Place
from assistant.places.names import ABBREVIATION, name_key

_COUNTRIES = {"US": "United States", "GB": "United Kingdom", "CA": "Canada",
              "SG": "Singapore", "DE": "Germany", "IN": "India"}
_SUBDIVISIONS = {"US-NY": "New York", "US-MA": "Massachusetts", "US-WA": "Washington",
                 "US-CA": "California", "US-OR": "Oregon", "US-ME": "Maine",
                 "GB-ENG": "England", "CA-ON": "Ontario"}
# (id, name, subdivision or country code, population, other names, latitude, longitude)
_CITIES = (
    ("geo:2643743", "London", "GB-ENG", 8961989, ("Londres",), 51.50853, -0.12574),
    ("geo:6058560", "London", "CA-ON", 422324, (), 42.98339, -81.23304),
    ("geo:2653941", "Cambridge", "GB-ENG", 145674, (), 52.2, 0.11667),
    ("geo:4931972", "Cambridge", "US-MA", 110402, (), 42.3751, -71.10561),
    ("geo:5128581", "New York City", "US-NY", 8804190, ("New York",), 40.71427, -74.00597),
    ("geo:5809844", "Seattle", "US-WA", 780995, (), 47.60621, -122.33207),
    ("geo:5786882", "Bellevue", "US-WA", 139820, (), 47.61038, -122.20068),
    ("geo:5391959", "San Francisco", "US-CA", 827526, (), 37.77493, -122.41942),
    ("geo:5378538", "Oakland", "US-CA", 419267, (), 37.80437, -122.2708),
    ("geo:5746545", "Portland", "US-OR", 652503, (), 45.52345, -122.67621),
    ("geo:4975802", "Portland", "US-ME", 66881, (), 43.66147, -70.25533),
    ("geo:1880252", "Singapore", "SG", 5638700, (), 1.28967, 103.85007),
    ("geo:2950159", "Berlin", "DE", 3426354, (), 52.52437, 13.41053),
    ("geo:1277333", "Bangalore", "IN", 8443675, ("Bengaluru",), 12.97194, 77.59369),
)
_AREAS = {"emea": ("EMEA", "GB DE IN"), "europe": ("Europe", "GB DE")}
_OTHER_NAMES = {"cty:US": ("US", "USA", "America"), "cty:GB": ("UK", "Britain")}
# Lower-case words of the word list the tests lean on (names such as "london" are not words).
WORDS = frozenset("offer salary base bonus equity stock role roles remote purchase motion runway "
                  "us data scientist engineer software manager product sign signing level "
                  "city state country negotiate counter".split())


def _places() -> list[tuple[Place, tuple[str, ...]]]:
    """Every fake place with the names it is known by besides its own."""
    found: list[tuple[Place, tuple[str, ...]]] = []
    for code, name in _COUNTRIES.items():
        pid = f"cty:{code}"
        found.append((Place(pid, name, "country", code), _OTHER_NAMES.get(pid, ())))
    for sub, name in _SUBDIVISIONS.items():
        country = sub.split("-", 1)[0]
        codes = (ABBREVIATION + sub.split("-", 1)[1],) if country in ("US", "CA") else ()
        found.append((Place(f"sub:{sub}", name, "subdivision", country, sub, 0, frozenset(),
                            _COUNTRIES[country], name), codes))
    for pid, name, where, population, others, lat, lon in _CITIES:
        country, sub = where.split("-", 1)[0], where if "-" in where else ""
        found.append((Place(pid, name, "city", country, sub, population, frozenset(),
                            _COUNTRIES[country], _SUBDIVISIONS.get(sub, ""), (lat, lon)), others))
    for key, (name, members) in _AREAS.items():
        found.append((Place(f"area:{key}", name, "area", members=frozenset(members.split())),
                      (key,)))
    return found


class FakeLexicon(Lexicon):
    """The Lexicon's reads answered from small in-memory tables; no file is ever opened."""

    def __init__(self, places: Sequence[tuple[Place, tuple[str, ...]]] | None = None,
                 words: Iterable[str] = WORDS) -> None:
        super().__init__(Path("fake-lexicon.sqlite"))  # a name only: never opened
        self._table: dict[str, Place] = {}
        self._names: dict[str, list[Place]] = {}
        for place, others in _places() if places is None else places:
            self._table[place.id] = place
            for key in {name_key(n) for n in (place.name, *others)}:
                self._names.setdefault(key, []).append(place)
        self._word_list = frozenset(words)

    @cached_property
    def version(self) -> str:
        """Fixed: the fake's tables change only with this file."""
        return "fake:1"

    def _named(self, keys: list[str]) -> dict[str, list[Place]]:
        return {k: list(self._names[k]) for k in keys if k in self._names}

    def _with_ids(self, ids: list[str]) -> dict[str, Place]:
        return {i: self._table[i] for i in ids if i in self._table}

    def _words_among(self, words: list[str]) -> set[str]:
        return set(words) & self._word_list
