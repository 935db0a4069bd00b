"""Distance between places, and the row place next to an asked one.

Example:
    >>> sunnyvale, santa_clara = lexicon.lookup("Sunnyvale")[0], lexicon.lookup("Santa Clara")[2]
    >>> round(km_between(sunnyvale, santa_clara))
    7
    >>> nearest(lexicon.lookup("Sunnyvale"), [santa_clara]).km < NEARBY_KM
    True

A person names the town they live in (Sunnyvale, Bellevue, Jersey City); a guide names the
metro's main city (Santa Clara, Seattle, New York). GeoNames gives every city of 15,000 people
its coordinates, so "next to" is a distance, not a list of suburbs. NEARBY_KM is a commute:
Mountain View to San Francisco is 50 km, Round Rock to Austin 30 km; two cities further apart
are different markets and the answer says the guide does not cover the one asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.places.lexicon import Place
from assistant.places.names import km_apart

NEARBY_KM = 60.0
NAMESAKE_SHARE = 3  # a city a third the size of the largest of its name is one people mean


@dataclass(frozen=True)
class Nearby:
    """An asked place and the row place next to it, `km` apart."""

    asked: Place
    row: Place
    km: float


def km_between(a: Place, b: Place) -> float | None:
    """Great-circle distance in km between two cities (None when either has no coordinates)."""
    if a.at is None or b.at is None:
        return None
    return km_apart(*a.at, *b.at)


def plausible(places: Sequence[Place]) -> list[Place]:
    """The cities a bare name plausibly means: none far smaller than the largest of the name
    ("Dublin" is Ireland's, never California's; "Santa Clara" may be Cuba's or California's)."""
    cities = [p for p in places if p.kind == "city"]
    top = max((p.population for p in cities), default=0)
    return [p for p in cities if p.population * NAMESAKE_SHARE >= top]


def nearest(asked: Sequence[Place], rows: Iterable[Place], limit: float = NEARBY_KM
            ) -> Nearby | None:
    """The closest pair of an asked place and a row place in one country, within `limit` km.

    `asked` holds the places the typed name plausibly means ("Bellevue": Washington's and
    Nebraska's), so the one next to a row wins; a row in another country never answers.
    """
    best: Nearby | None = None
    for row in rows:
        for place in plausible(asked):
            km = km_between(place, row) if place.country == row.country else None
            if km is not None and km <= limit and (best is None or km < best.km):
                best = Nearby(place, row, km)
    return best
