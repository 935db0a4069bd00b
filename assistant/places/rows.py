"""A guide's row labels -> the ids of the places they name, resolved once when the index is built.

Example:
    >>> row_place_ids([("Seattle / Kirkland", "Seattle / Kirkland", "USD"),
    ...                ("Cambridge, MA", "Cambridge MA", "USD")], lexicon)
    {'Seattle / Kirkland': ('geo:5809844', 'geo:5799841'), 'Cambridge, MA': ('geo:4931972',)}

A label is the row's region name (normalized, corpus/regions.py) with the raw text the guide
wrote. The index stores the result in each catalog entry (index/catalog.py), so a question
reads place ids instead of resolving every row label of every guide it touches again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from assistant.places.aliases import STATE_CODES
from assistant.places.lexicon import Lexicon, Place
from assistant.places.names import name_key
from assistant.places.nearby import plausible

_CODE = re.compile(r"\b([A-Z]{2})\b")
ROWS_FORMAT = 4  # bump when the way labels are read changes: built indexes read them again
_FLAG_A = 0x1F1E6  # REGIONAL INDICATOR SYMBOL LETTER A: two of them spell a country code


def row_place_ids(labels: Iterable[tuple[str, str, str]], lexicon: Lexicon
                  ) -> dict[str, tuple[str, ...]]:
    """Each row region's place ids, by region name ("Seattle / Kirkland" -> both cities).

    A label is (region name, the text the guide wrote, the row's currency). State or country
    codes the guide writes beside a place ("Columbia MD", "Cambridge (MA)") pick which place
    of that name it is, though the normalized name drops them; so do a flag ("🇺🇾") and a
    national currency (a "Santa Clara" paid in USD is California's, not Cuba's).
    """
    codes: dict[str, set[str]] = {}
    local: dict[str, set[str]] = {}  # the countries the row's flag and currency say
    outer: dict[str, str] = {}  # "Germany (Berlin / Hamburg)": the country the label leads with
    for name, raw, currency in labels:
        codes.setdefault(name, set()).update(_CODE.findall(raw))
        local.setdefault(name, set()).update(_flags(raw), currency_country(currency))
        lead = raw.split("(", 1)[0].strip()
        if "(" in raw and lead and name_key(lead) != name_key(name):
            outer[name] = lead
    parts = {name: label_parts(name) + ([(outer[name], "")] if name in outer else [])
             for name in codes}
    known = lexicon.lookup_many([p for ps in parts.values() for p, _ in ps])
    home = _home_countries(parts, known) | {c for cs in local.values() for c in cs}
    found: dict[str, tuple[str, ...]] = {}
    for name, pieces in parts.items():
        places: list[Place] = []
        for piece, qualifier in pieces:
            candidates = known.get(name_key(piece), ())
            places += narrowed(candidates, qualifier, codes[name], home, local[name])
        found[name] = tuple(p.id for p in places)
    return found


def resolved_by(lexicon: Lexicon) -> str:
    """What resolved a guide's row places: the lexicon's data and this module's reading."""
    return f"{lexicon.version}:rows{ROWS_FORMAT}"


def _home_countries(parts: dict[str, list[tuple[str, str]]],
                    known: dict[str, tuple[Place, ...]]) -> set[str]:
    """The countries of the guide's rows whose names mean one country only: a US company's
    "Santa Clara" is then California's, not Cuba's larger one."""
    countries = set()
    for pieces in parts.values():
        for piece, _ in pieces:
            where = {c.country for c in known.get(name_key(piece), ()) if c.country}
            if len(where) == 1:
                countries |= where
    return countries


def _flags(raw: str) -> set[str]:
    """The countries of the flags a label carries ("🇺🇾 Montevideo", ":gb: London")."""
    letters = [chr(ord(c) - _FLAG_A + ord("A")) for c in raw if _FLAG_A <= ord(c) < _FLAG_A + 26]
    shortcodes = {code.upper() for code in re.findall(r":([a-z]{2}):", raw)}  # ":gb: London"
    return {"".join(letters[i:i + 2]) for i in range(0, len(letters) - 1, 2)} | shortcodes


def label_parts(name: str) -> list[tuple[str, str]]:
    """("Cambridge, MA") -> [("Cambridge", "MA")]; "A / B" -> both."""
    pieces = []
    for part in name.split(" / "):
        place, _, qualifier = part.partition(",")
        pieces.append((place.strip(), qualifier.strip()))
    return pieces


def narrowed(candidates: tuple[Place, ...], qualifier: str, codes: set[str],
             home: AbstractSet[str] = frozenset(), local: AbstractSet[str] = frozenset()
             ) -> list[Place]:
    """A row's place: the candidates its qualifier allows, else the likeliest (a city first).

    A guide's "London" is the largest London, and its "New York" the city, not the state; of
    several cities of one name, one in a country the guide's other rows are in comes first.
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
    here = [c for c in cities if c.country in local]
    at_home = [c for c in plausible(cities) if c.country in home]
    return (here or at_home or cities or coded or list(candidates))[:1]


def currency_country(code: str) -> set[str]:
    """The country of a national currency: ISO 4217 codes begin with the ISO 3166 code of the
    country that issues them (USD, INR, CAD); the euro ("EU") and unknown codes name none."""
    return {code[:2]} if len(code) == 3 and code.isalpha() and code != "EUR" else set()
