"""The parsed corpus of one index version: a small header plus one pickle per guide, read lazily.

Example:
    >>> catalog = Catalog.from_bytes(path.read_bytes())   # reads only the header
    >>> catalog.guide("alibaba/ml-ai-engineer").title     # unpickles this one guide
    'ML/AI Engineer | Alibaba Global Negotiation Guide'

Layout of `to_bytes()`: MAGIC, the header length (8 bytes, big-endian), the pickled header
(entries, findings, skipped files, vocabulary), the length and pickle of the chunk table (each
entry's chunk ids and hashes, in entry order: 7 MB of the whole library's 9 MB header, which
only a build reads), then per entry its guide's pickle followed by its facts' pickle
(corpus/words/facts.py), back to back. A cold `ask` therefore pays for the header and the
guides it touches, not the whole library nor the chunk table, and an incremental build copies
unchanged guides' bytes without unpickling them. The vocabulary is derived from the entries'
facts when the catalog is packed, so it describes the guides this version holds and no others.
"""

from __future__ import annotations

import mmap
import pickle
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from assistant.corpus.model import Finding, Guide
from assistant.corpus.words.facts import GuideFacts, facts_of, pooled
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.errors import IndexMissingError
from assistant.places.lexicon import Lexicon
from assistant.places.rows import resolved_by, row_place_ids

# Bump both when a pickled class moves or changes shape: an older catalog is then refused by
# its first bytes, before unpickling could fail on a class path that no longer exists.
CATALOG_FORMAT = 10  # 6: each entry's vocabulary facts packed after its guide; words/ moved;
#                     each entry's rows' place ids (with_row_places); 7: stock tickers;
#                     8: brands and stated tickers in the nickname facts; 9: the
#                     vocabulary keeps its tickers (no ticker package on a cold start);
#                     10: the entries' chunk lists in a table of their own, read by builds
MAGIC = b"NGCAT10\n"
_REBUILD = "rebuild with `assistant index --rebuild`."


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
class Catalog:
    """Guides, findings, skipped files and vocabulary of one index version."""

    entries: list[GuideEntry]
    findings: list[Finding] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    vocabulary: Vocabulary | None = None
    blob: bytes | memoryview = b""
    format: int = CATALOG_FORMAT
    chunk_table: bytes | memoryview = b""  # entries' chunk lists, unpickled by `chunks_of`

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entries}
        self._loaded: dict[str, Guide] = {}
        self._lock = threading.Lock()
        self._chunks: dict[str, tuple[tuple[str, str], ...]] | None = None

    def chunks_of(self, guide_id: str) -> tuple[tuple[str, str], ...]:
        """The (chunk id, content hash) pairs of one entry's index records (builds need them;
        questions never do)."""
        if self._chunks is None:
            lists = pickle.loads(self.chunk_table) if self.chunk_table else ()  # noqa: S301
            self._chunks = {e.id: e.chunks for e in self.entries}
            self._chunks.update(zip((e.id for e in self.entries), lists, strict=False))
        return self._chunks.get(guide_id, ())

    @classmethod
    def pack(cls, parts: Sequence[Part], findings: list[Finding], skipped: dict[str, str]
             ) -> Catalog:
        """A catalog holding `parts` in order, with the vocabulary of exactly those parts."""
        entries: list[GuideEntry] = []
        chunks: list[bytes | memoryview] = []

        def each_facts() -> Iterator[GuideFacts]:
            # one entry's facts at a time: they are pooled as they come, never all held
            offset = 0
            for part in parts:
                entry, data, one = part.packed(offset)
                entries.append(entry)
                chunks.append(data)
                offset += len(data)
                yield one

        pool = pooled(each_facts())
        return cls(entries, findings, skipped, Vocabulary.from_pool(entries, pool),
                   b"".join(chunks))

    def guide(self, guide_id: str) -> Guide | None:
        """The guide with this id, unpickled on first use; None when there is none."""
        found = self._loaded.get(guide_id)
        if found is not None:
            return found
        entry = self.by_id.get(guide_id)
        if entry is None:
            return None
        data = self.blob[entry.offset : entry.offset + entry.length]
        guide = pickle.loads(data)  # noqa: S301 - written by this package
        with self._lock:
            return self._loaded.setdefault(guide_id, guide)

    def raw(self, entry: GuideEntry) -> memoryview:
        """The packed bytes of one entry, guide and facts, as a view: they are copied once,
        when the next version's catalog is joined, not once more on the way there."""
        return memoryview(self.blob)[entry.offset : entry.offset + entry.length
                                     + entry.facts_length]

    def facts(self, entry: GuideEntry) -> GuideFacts:
        """What one entry's guide gives the vocabulary (unpickled on each call)."""
        start = entry.offset + entry.length
        return pickle.loads(self.blob[start : start + entry.facts_length])  # noqa: S301 - ours

    @property
    def guides(self) -> list[Guide]:
        """Every guide, loaded (costly on the full library: prefer `guide(id)`)."""
        return [g for g in (self.guide(e.id) for e in self.entries) if g is not None]

    def findings_by_path(self) -> dict[str, list[Finding]]:
        """Per-file findings, for reusing an unchanged file's findings in the next build."""
        grouped: dict[str, list[Finding]] = {}
        for item in self.findings:
            grouped.setdefault(item.path, []).append(item)
        return grouped

    def to_bytes(self) -> bytes:
        """MAGIC, header length, header pickle, chunk table length and pickle, then the
        guides' pickles."""
        return b"".join(self.pieces())

    def pieces(self) -> tuple[bytes | memoryview, ...]:
        """`to_bytes()` in the pieces a file is written from, without joining them first."""
        bare = [replace(e, chunks=()) for e in self.entries]
        header = pickle.dumps((self.format, bare, self.findings, self.skipped,
                               self.vocabulary), protocol=pickle.HIGHEST_PROTOCOL)
        table = pickle.dumps(tuple(self.chunks_of(e.id) for e in self.entries),
                             protocol=pickle.HIGHEST_PROTOCOL)
        return (MAGIC, len(header).to_bytes(8, "big"), header, len(table).to_bytes(8, "big"),
                table, self.blob)

    @classmethod
    def from_bytes(cls, data: bytes | mmap.mmap) -> Catalog:
        """Read the header; guides stay packed (in `data`, which may be a file's read-only
        memory map: then only the pages a question touches are ever read) until asked for."""
        view = memoryview(data)
        if bytes(view[: len(MAGIC)]) != MAGIC:
            raise IndexMissingError(f"Index catalog is from another version of the assistant: "
                                    f"{_REBUILD}")
        start = len(MAGIC) + 8
        size = int.from_bytes(view[len(MAGIC) : start], "big")
        try:
            fmt, entries, findings, skipped, vocabulary = pickle.loads(  # noqa: S301 - ours
                view[start : start + size])
        except (pickle.UnpicklingError, AttributeError, ImportError, ValueError) as exc:
            raise IndexMissingError(f"Index catalog cannot be read ({exc}): {_REBUILD}") from None
        if fmt != CATALOG_FORMAT:
            raise IndexMissingError(f"Index catalog format {fmt} is not {CATALOG_FORMAT}: "
                                    f"{_REBUILD}")
        at = start + size + 8
        table = int.from_bytes(view[start + size : at], "big")
        return cls(entries, findings, skipped, vocabulary, view[at + table :],
                   chunk_table=view[at : at + table])


# --- the rows' places, resolved once when an entry is written ---------------------------------

def with_row_places(entry: GuideEntry, guide: Guide, lexicon: Lexicon) -> GuideEntry:
    """The entry with the place ids of its guide's pay rows, which pick/regions.py reads for
    every question instead of resolving the row labels again."""
    labels = [(row.region.name, row.region.raw, row.currency) for row in guide.rows]
    return replace(entry, row_places=tuple(row_place_ids(labels, lexicon).items()),
                   places_from=resolved_by(lexicon))


def carried_row_places(entry: GuideEntry, catalog: Catalog, lexicon: Lexicon) -> GuideEntry:
    """A carried-over entry, its rows' places resolved again when another lexicon (older place
    data) resolved them, so an incremental build equals a rebuild."""
    if entry.places_from == resolved_by(lexicon):
        return entry
    guide = catalog.guide(entry.id)
    return entry if guide is None else with_row_places(entry, guide, lexicon)
