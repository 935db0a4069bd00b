"""Asked places -> a guide's rows: the same place only, and every other case said out loud.

Example:
    >>> found = match_places(guide, resolved.places, lexicon)
    >>> [r.region.raw for r in found.rows], found.missing
    (['London'], ('Lagos',))

A row answers an asked place when it is that place: the library writes the same region name,
or the row's place and the asked place are one real place (so "Zürich", "Zurich" and
"Londres" find the rows they name). A word never matches by appearing inside a row's label:
"NY" is not "Rochester, NY". Where the guide has only places inside the asked one (London
for "England") or only one of the places a name can mean ("Cambridge"), the answer says so;
rows inside a larger asked place are named, never shown as its figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.answer.read.places import AskedPlace
from assistant.corpus.lexicon import Lexicon, Place
from assistant.corpus.model import CompRow, Guide
from assistant.corpus.placenames import name_key
from assistant.corpus.regions import STATE_CODES, normalize_region

_CODE = re.compile(r"\b([A-Z]{2})\b")


@dataclass
class RegionMatch:
    """The rows for the asked places, the places without rows, and what to tell the person."""

    rows: list[CompRow] = field(default_factory=list)
    missing: tuple[str, ...] = ()  # asked places (as typed) the guide has no row for
    inside: dict[str, tuple[str, ...]] = field(default_factory=dict)  # missing -> rows within
    notes: tuple[str, ...] = ()


def match_places(guide: Guide, places: Sequence[AskedPlace], lexicon: Lexicon | None
                 ) -> RegionMatch:
    """The guide's rows for every asked place, in the order the places were asked."""
    row_places = _row_places(guide, lexicon)
    result = RegionMatch()
    missing: list[str] = []
    notes: list[str] = []
    for asked in places:
        rows = _same_place(guide, asked, row_places)
        if rows:
            result.rows += [r for r in rows if r not in result.rows]
            note = _which(asked, rows, row_places)
            if note:
                notes.append(note)
            continue
        missing.append(asked.typed)
        within = _inside(guide, asked, row_places)
        if within:
            result.inside[asked.typed] = within
    result.missing, result.notes = tuple(missing), tuple(notes)
    return result


def _row_places(guide: Guide, lexicon: Lexicon | None) -> dict[str, tuple[Place, ...]]:
    """`_places_of_rows`, remembered per guide (a guide's rows never change)."""
    if lexicon is None:
        return {}
    labels = tuple((r.region.name, r.region.raw) for r in guide.rows)
    return _places_of_rows(guide.id, labels, lexicon)


@lru_cache(maxsize=8192)
def _places_of_rows(guide_id: str, labels: tuple[tuple[str, str], ...], lexicon: Lexicon
                    ) -> dict[str, tuple[Place, ...]]:
    """Each row region's places, by region name ("Seattle / Kirkland" -> both cities).

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
    parts = {name: _parts(name) + ([(outer[name], "")] if name in outer else [])
             for name in codes}
    known = lexicon.lookup_many([p for ps in parts.values() for p, _ in ps])
    found: dict[str, tuple[Place, ...]] = {}
    for name, pieces in parts.items():
        places: list[Place] = []
        for piece, qualifier in pieces:
            candidates = known.get(name_key(piece), ())
            places += _narrowed(candidates, qualifier, codes[name])
        found[name] = tuple(places)
    return found


def _parts(name: str) -> list[tuple[str, str]]:
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


def _same_place(guide: Guide, asked: AskedPlace, row_places: dict[str, tuple[Place, ...]]
                ) -> list[CompRow]:
    if asked.library.casefold() == "remote":  # "remote": the guide's remote bands, by name
        return [r for r in guide.rows if re.search(r"\bremote\b", r.region.name, re.I)]
    if asked.library:
        key = normalize_region(asked.library).key
        rows = [r for r in guide.rows
                if key in (r.region.key, *(normalize_region(p).key for p, _ in
                                           _parts(r.region.name)))]
        if rows:
            return rows
    ids = {p.id for p in asked.candidates}
    return [r for r in guide.rows if ids & {p.id for p in row_places.get(r.region.name, ())}]


def _which(asked: AskedPlace, rows: list[CompRow], row_places: dict[str, tuple[Place, ...]]
           ) -> str:
    """A note when the name could mean other places than the one the guide has."""
    if not asked.ambiguous or asked.library and "," in asked.library:
        return ""
    ids = {p.id for p in asked.candidates}
    used = [p for r in rows for p in row_places.get(r.region.name, ()) if p.id in ids]
    if not used:  # matched by the library's name alone: no real place to tell apart
        return ""
    others = [p for p in asked.candidates if p.id not in {u.id for u in used}
              and not any(u.within(p) or p.within(u) for u in used) and _rival(p, used[0])]
    if not others:
        return ""
    return (f"The guide's only {asked.typed} is {used[0].label}; it has no figures for "
            f"{others[0].label} or any other {asked.typed}.")


def _rival(other: Place, used: Place) -> bool:
    """A place of the same name someone could mean instead: not a far smaller namesake
    ("London, Ontario" beside London), but a state or country, or a city of similar size."""
    if other.kind != "city" or used.kind != "city":
        return True
    return other.population * 5 >= used.population


def _inside(guide: Guide, asked: AskedPlace, row_places: dict[str, tuple[Place, ...]]
            ) -> tuple[str, ...]:
    """Rows whose place lies inside the asked place (London for "England")."""
    names = [r.region.raw for r in guide.rows
             if any(p.within(c) for p in row_places.get(r.region.name, ())
                    for c in asked.candidates)]
    return tuple(dict.fromkeys(names))
