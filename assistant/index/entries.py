"""A catalog's entries: what it knows of each guide without loading it, and how they pack.

Example:
    >>> entry = with_row_places(entry_of(guide, chunks), guide, lexicon)
    >>> Part(entry, guide).packed(offset=0)          # placed, its bytes, its facts
    >>> PackedEntries.of(entries).place(0)           # (offset, length, facts length)

catalog.py writes and reads them; the rows' places are resolved here once per written entry.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from assistant.corpus.model import Finding, Guide
from assistant.corpus.words.facts import GuideFacts, facts_of
from assistant.index.region import Data, loaded
from assistant.places.lexicon import Lexicon
from assistant.places.rows import resolved_by, row_place_ids


class GuideSource(Protocol):
    """What hands out parsed guides by id (a catalog)."""

    def guide(self, guide_id: str) -> Guide | None: ...


@dataclass(frozen=True)
class GuideEntry:
    """What the catalog header knows of a guide without loading it."""

    id: str
    path: str
    kind: str
    title: str
    company: str
    company_display: str
    role: str
    role_display: str
    regions: tuple[str, ...]
    content_hash: str
    chunks: tuple[tuple[str, str], ...] = ()  # (chunk id, content hash) of its index records
    offset: int = 0
    length: int = 0
    facts_length: int = 0  # its GuideFacts' pickle, packed right after the guide's
    # Its pay rows' places: region name -> place ids, and the lexicon that resolved them
    # (with_row_places, below: resolved once here, never per question).
    row_places: tuple[tuple[str, tuple[str, ...]], ...] = ()
    places_from: str = ""


def entry_of(guide: Guide, chunks: Iterable[tuple[str, str]] = ()) -> GuideEntry:
    """The header entry of a parsed guide (offsets are filled in when the catalog is packed)."""
    return GuideEntry(
        id=guide.id, path=guide.path, kind=guide.kind, title=guide.title,
        company=guide.company, company_display=guide.company_display, role=guide.role,
        role_display=guide.role_display, regions=tuple(r.name for r in guide.regions()),
        content_hash=guide.content_hash, chunks=tuple(chunks),
    )


@dataclass(frozen=True)
class Part:
    """One guide going into a new catalog: its entry and either the Guide or its packed bytes."""

    entry: GuideEntry
    guide: Guide | None = None
    data: bytes | memoryview = b""

    def packed(self, offset: int) -> tuple[GuideEntry, bytes | memoryview, GuideFacts]:
        """The entry placed at `offset`, its bytes (the guide's pickle, then its facts') and
        its facts; a carried-over entry's bytes are copied as they are."""
        if self.guide is None:
            facts = pickle.loads(self.data[self.entry.length :])  # noqa: S301 - ours
            return replace(self.entry, offset=offset), self.data, facts
        guide = pickle.dumps(self.guide, protocol=pickle.HIGHEST_PROTOCOL)
        facts = facts_of(self.guide)
        packed = pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)
        entry = replace(self.entry, offset=offset, length=len(guide), facts_length=len(packed))
        return entry, guide + packed, facts



@dataclass
class PackedEntries:
    """The entries of a catalog read from bytes: ids, kinds and where each guide lies (flat
    arrays, in the header), and each entry's own pickle (in `table`, unpickled on demand)."""

    ids: tuple[str, ...]
    kinds: tuple[str, ...]
    places: array[int]  # offset, length, facts length of each entry's guide, in turn
    starts: array[int]  # where each entry's pickle starts in `table`, and where the last ends
    table: Data = b""
    findings_data: Data = b""

    @classmethod
    def of(cls, entries: Sequence[GuideEntry], sizes: Sequence[int] = ()) -> PackedEntries:
        places = array("q", (n for e in entries for n in (e.offset, e.length, e.facts_length)))
        starts = array("q", [0])
        for size in sizes:
            starts.append(starts[-1] + size)
        return cls(tuple(e.id for e in entries), tuple(e.kind for e in entries), places, starts)

    def place(self, n: int) -> tuple[int, int, int]:
        return self.places[3 * n], self.places[3 * n + 1], self.places[3 * n + 2]

    def entry(self, n: int) -> GuideEntry:
        found: GuideEntry = pickle.loads(  # noqa: S301 - written by this package
            loaded(self.table[self.starts[n] : self.starts[n + 1]]))
        return found

    def findings(self) -> list[Finding]:
        if not self.findings_data:
            return []
        found: list[Finding] = pickle.loads(loaded(self.findings_data))  # noqa: S301 - ours
        return found



# --- the rows' places, resolved once when an entry is written ---------------------------------

def with_row_places(entry: GuideEntry, guide: Guide, lexicon: Lexicon) -> GuideEntry:
    """The entry with the place ids of its guide's pay rows, which pick/regions.py reads for
    every question instead of resolving the row labels again."""
    labels = [(row.region.name, row.region.raw, row.currency) for row in guide.rows]
    return replace(entry, row_places=tuple(row_place_ids(labels, lexicon).items()),
                   places_from=resolved_by(lexicon))


def carried_row_places(entry: GuideEntry, catalog: GuideSource, lexicon: Lexicon) -> GuideEntry:
    """A carried-over entry, its rows' places resolved again when another lexicon (older place
    data) resolved them, so an incremental build equals a rebuild."""
    if entry.places_from == resolved_by(lexicon):
        return entry
    guide = catalog.guide(entry.id)
    return entry if guide is None else with_row_places(entry, guide, lexicon)
