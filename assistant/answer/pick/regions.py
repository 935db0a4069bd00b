"""Asked places -> a guide's rows: the same place only, and every other case said out loud.

Example:
    >>> found = match_places(guide, resolved.places, library.row_places(guide, lexicon))
    >>> [r.region.raw for r in found.rows], found.missing
    (['London'], ('Lagos',))

A row answers an asked place when it is that place: the library writes the same region name,
or the row's place and the asked place are one real place (so "Zürich", "Zurich" and
"Londres" find the rows they name). A word never matches by appearing inside a row's label:
"NY" is not "Rochester, NY". Where the guide has only places inside the asked one (London
for "England") or only one of the places a name can mean ("Cambridge"), the answer says so;
rows inside a larger asked place are named, never shown as its figures. A city the guide has
no row for, within a commute of a row's city (Sunnyvale and Santa Clara), is answered from that
row, saying how far apart the two are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from assistant.answer.read.places import AskedPlace
from assistant.corpus.model import CompRow, Guide
from assistant.corpus.regions import normalize_region
from assistant.places.lexicon import Place
from assistant.places.nearby import nearest
from assistant.places.rows import label_parts


@dataclass
class RegionMatch:
    """The rows for the asked places, the places without rows, and what to tell the person."""

    rows: list[CompRow] = field(default_factory=list)
    missing: tuple[str, ...] = ()  # asked places (as typed) the guide has no row for
    inside: dict[str, tuple[str, ...]] = field(default_factory=dict)  # missing -> rows within
    notes: tuple[str, ...] = ()


def match_places(guide: Guide, places: Sequence[AskedPlace],
                 row_places: Mapping[str, tuple[Place, ...]]) -> RegionMatch:
    """The guide's rows for every asked place, in the order the places were asked.

    `row_places` holds each row region's places (Library.row_places: from the ids the index
    stored when it was built), never resolved again from the row labels for a question.
    """
    result = RegionMatch()
    missing: list[str] = []
    notes: list[str] = []
    for asked in _innermost(places):
        rows = _same_place(guide, asked, row_places)
        if rows:
            result.rows += [r for r in rows if r not in result.rows]
            note = _which(asked, rows, row_places)
            if note:
                notes.append(note)
            continue
        within = _inside(guide, asked, row_places)
        close = _next_to(guide, asked, row_places) if not within else None
        if close:
            rows, note = close
            result.rows += [r for r in rows if r not in result.rows]
            notes.append(note)
            continue
        missing.append(asked.typed)
        if within:
            result.inside[asked.typed] = within
    result.missing, result.notes = tuple(missing), tuple(notes)
    return result


def _same_place(guide: Guide, asked: AskedPlace, row_places: Mapping[str, tuple[Place, ...]]
                ) -> list[CompRow]:
    if asked.library.casefold() == "remote":  # "remote": the guide's remote bands, by name
        return [r for r in guide.rows if re.search(r"\bremote\b", r.region.name, re.I)]
    if asked.library:
        key = normalize_region(asked.library).key
        rows = [r for r in guide.rows
                if key in (r.region.key, *(normalize_region(p).key for p, _ in
                                           label_parts(r.region.name)))]
        if rows:
            return rows
    ids = {p.id for p in asked.candidates}
    rows = [r for r in guide.rows if ids & {p.id for p in row_places.get(r.region.name, ())}]
    if rows or asked.candidates:
        return rows
    # a name no list knows is the row whose label the guide writes with it, part for part
    # ("Walldorf" of "Germany (Walldorf/Munich)", "Seattle/Kirkland" of "Seattle / Kirkland")
    typed = {normalize_region(p).key for p in re.split(r"\s*/\s*", asked.typed) if p}
    return [r for r in guide.rows if typed and typed <= {
        r.region.key, *(normalize_region(p).key for p, _ in label_parts(r.region.name))}]


def _innermost(places: Sequence[AskedPlace]) -> list[AskedPlace]:
    """The asked places without those that only hold another asked one: "Toronto ... my
    first offer in Canada" asks about Toronto."""
    return [a for a in places
            if not any(b is not a and b.candidates and a.candidates
                       and all(any(bc.within(ac) for ac in a.candidates)
                               for bc in b.candidates[:1]) for b in places)]


def _next_to(guide: Guide, asked: AskedPlace, row_places: Mapping[str, tuple[Place, ...]]
             ) -> tuple[list[CompRow], str] | None:
    """The rows of the guide's place next to the asked city (Santa Clara for Sunnyvale), with
    the note that says so; None when no row's city is within a commute."""
    found = nearest(asked.candidates, [p for ps in row_places.values() for p in ps])
    if found is None:
        return None
    rows = [r for r in guide.rows if found.row in row_places.get(r.region.name, ())]
    label = rows[0].region.raw if rows else found.row.name
    typed = found.asked.name if asked.typed.islower() else asked.typed
    return rows, (f"The guide has no row for {typed}; {found.asked.label} is "
                  f"{found.km:.0f} km from {found.row.name}, so its {label} row is shown.")


def _which(asked: AskedPlace, rows: list[CompRow], row_places: Mapping[str, tuple[Place, ...]]
           ) -> str:
    """A note when the name could mean other places than the one the guide has."""
    if not asked.ambiguous or asked.library and "," in asked.library:
        return ""
    ids = {p.id for p in asked.candidates}
    used = [p for r in rows for p in row_places.get(r.region.name, ()) if p.id in ids]
    if not used:  # matched by the library's name alone: no real place to tell apart
        return ""
    covered = {p.country for ps in row_places.values() for p in ps}
    others = [p for p in asked.candidates if p.id not in {u.id for u in used}
              and not any(u.within(p) or p.within(u) for u in used) and _rival(p, used[0])
              and (p.kind == "area" or p.country in covered)]
    if not others:
        return ""
    typed = used[0].name if asked.typed.islower() else asked.typed
    return (f"The guide's only {typed} is {used[0].label}; it has no figures for "
            f"{others[0].label} or any other {typed}.")


def _rival(other: Place, used: Place) -> bool:
    """A place of the same name someone could mean instead: not a far smaller namesake
    ("London, Ontario" beside London), but a state or country, or a city of similar size (in
    a country the guide pays in: Roblox's San Mateo needs no word on the Philippines' one)."""
    if other.kind != "city" or used.kind != "city":
        return True
    return other.population * 5 >= used.population


def _inside(guide: Guide, asked: AskedPlace, row_places: Mapping[str, tuple[Place, ...]]
            ) -> tuple[str, ...]:
    """Rows whose place lies inside the asked place (London for "England")."""
    names = [r.region.raw for r in guide.rows
             if any(p.within(c) for p in row_places.get(r.region.name, ())
                    for c in asked.candidates)]
    return tuple(dict.fromkeys(names))
