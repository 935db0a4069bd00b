"""A guide's row labels -> the ids of the places they name, resolved once when the index is built.

Example:
    >>> row_place_ids([("Seattle / Kirkland", "Seattle / Kirkland"),
    ...                ("Cambridge, MA", "Cambridge MA")], lexicon)
    {'Seattle / Kirkland': ('geo:5809844', 'geo:5799841'), 'Cambridge, MA': ('geo:4931972',)}

A label is the row's region name (normalized, corpus/regions.py) with the raw text the guide
wrote. The index stores the result in each catalog entry (index/catalog.py), so a question
reads place ids instead of resolving every row label of every guide it touches again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.places.aliases import STATE_CODES
from assistant.places.lexicon import Lexicon, Place
from assistant.places.names import name_key

_CODE = re.compile(r"\b([A-Z]{2})\b")


def row_place_ids(labels: Iterable[tuple[str, str]], lexicon: Lexicon
                  ) -> dict[str, tuple[str, ...]]:
    """Each row region's place ids, by region name ("Seattle / Kirkland" -> both cities).

    State or country codes the guide writes beside a place ("Columbia MD", "Cambridge (MA)")
    pick which place of that name it is, though the normalized name drops them.
    """
    codes: dict[str, set[str]] = {}
    outer: dict[str, str] = {}  # "Germany (Berlin / Hamburg)": the country the label leads with
    for name, raw in labels:
        codes.setdefault(name, set()).update(_CODE.findall(raw))
        lead = raw.split("(", 1)[0].strip()
        if "(" in raw and lead and name_key(lead) != name_key(name):
            outer[name] = lead
    parts = {name: label_parts(name) + ([(outer[name], "")] if name in outer else [])
             for name in codes}
    known = lexicon.lookup_many([p for ps in parts.values() for p, _ in ps])
    found: dict[str, tuple[str, ...]] = {}
    for name, pieces in parts.items():
        places: list[Place] = []
        for piece, qualifier in pieces:
            candidates = known.get(name_key(piece), ())
            places += _narrowed(candidates, qualifier, codes[name])
        found[name] = tuple(p.id for p in places)
    return found


def label_parts(name: str) -> list[tuple[str, str]]:
    """("Cambridge, MA") -> [("Cambridge", "MA")]; "A / B" -> both."""
    pieces = []
    for part in name.split(" / "):
        place, _, qualifier = part.partition(",")
        pieces.append((place.strip(), qualifier.strip()))
    return pieces


def _narrowed(candidates: tuple[Place, ...], qualifier: str, codes: set[str]) -> list[Place]:
    """A row's place: the candidates its qualifier allows, else the likeliest (a city first).

    A guide's "London" is the largest London, and its "New York" the city, not the state.
    """
    if qualifier:
        code = qualifier.upper()
        return [c for c in candidates if code in (c.country, c.subdivision.partition("-")[2])
                or c.country_name.casefold() == qualifier.casefold()]
    coded = [c for c in candidates if codes & {c.country, c.subdivision.partition("-")[2]}]
    if codes & STATE_CODES - {"US", "UK"} and not coded and any(c.kind == "city"
                                                                for c in candidates):
        return []  # "Verona WI": a place this list does not hold, not the largest Verona
    cities = [c for c in coded or candidates if c.kind == "city"]
    return (cities or coded or list(candidates))[:1]
