"""The parsed corpus of one index version: a small header plus one pickle per guide, read lazily.

Example:
    >>> catalog = Catalog.from_bytes(path.read_bytes())   # reads only the header
    >>> catalog.guide("alibaba/ml-ai-engineer").title     # unpickles this one guide
    'ML/AI Engineer | Alibaba Global Negotiation Guide'

Layout of `to_bytes()`: MAGIC, then five pieces, each its length (8 bytes, big-endian) and
its bytes: the header (ids, kinds and where each guide lies, as flat arrays; skipped files;
the vocabulary), each entry's own pickle back to back, the findings, the chunk table (each
entry's chunk ids and hashes: 7 MB for the whole library, which only a build reads) and the
articles' section vectors (read by a general question naming no company); then per
entry its guide's pickle followed by its facts' pickle (corpus/words/facts.py). A cold `ask`
therefore pays for the header and the entries and guides it touches, not the whole library:
at ten times the library the header stays small, where whole entries took 0.3 s to unpickle.
An incremental build copies unchanged guides' bytes without unpickling them. The vocabulary
is derived from the entries' facts when the catalog is packed, so it describes the guides
this version holds and no others.
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import replace

from assistant.corpus.model import Finding, Guide
from assistant.corpus.words.facts import GuideFacts, pooled
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.errors import IndexMissingError
from assistant.index.articles import ArticleVectors
from assistant.index.entries import GuideEntry, PackedEntries, Part
from assistant.index.region import Data, FileRegion, loaded

# Bump both when a pickled class moves or changes shape: an older catalog is then refused by
# its first bytes, before unpickling could fail on a class path that no longer exists.
CATALOG_FORMAT = 12  # 6: each entry's vocabulary facts packed after its guide; words/ moved;
#                     each entry's rows' place ids (with_row_places); 7: stock tickers;
#                     8: brands and stated tickers in the nickname facts; 9: the
#                     vocabulary keeps its tickers (no ticker package on a cold start);
#                     10: the entries' chunk lists in a table of their own, read by builds;
#                     11: each entry pickled alone, findings apart, ids and places in arrays;
#                     12: the articles' section vectors (articles.py)
MAGIC = b"NGCAT12\n"
# Unpickled guides a catalog keeps: more than the real library holds (4,472), so a server
# keeps all of it in memory; a library ten times larger costs no more memory than that.
LOADED_GUIDES = 6_000
_REBUILD = "rebuild with `assistant index --rebuild`."


class Catalog:
    """Guides, findings, skipped files and vocabulary of one index version.

    Made from entries (a build), or read from bytes (`from_bytes`): then the entries stay
    packed too, one pickle each, and a question unpickles only the entries and guides it
    touches. What every question needs of every entry (ids, kinds, where each guide lies) is
    a few flat arrays in the header.
    """

    def __init__(self, entries: list[GuideEntry] | None = None,
                 findings: list[Finding] | None = None, skipped: dict[str, str] | None = None,
                 vocabulary: Vocabulary | None = None, blob: Data = b"",
                 format: int = CATALOG_FORMAT, chunk_table: Data = b"",
                 packed: PackedEntries | None = None,
                 articles: ArticleVectors | Data | None = None) -> None:
        self._entries = entries if entries is not None or packed else []
        self._findings = findings
        self.skipped = skipped or {}
        self.vocabulary = vocabulary
        self.blob = blob
        self.format = format
        self.chunk_table = chunk_table  # entries' chunk lists, unpickled by `chunks_of`
        self._packed = packed or PackedEntries.of(self._entries or [])
        self._where = {i: n for n, i in enumerate(self._packed.ids)}
        self._one: dict[str, GuideEntry] = {}
        self._loaded: OrderedDict[str, Guide] = OrderedDict()  # least recently asked first
        self._lock = threading.Lock()
        self._chunks: dict[str, tuple[tuple[str, str], ...]] | None = None
        self._articles = articles if articles is not None else ArticleVectors()

    @property
    def articles(self) -> ArticleVectors:
        """The articles' section vectors (articles.py), unpickled on first use."""
        if not isinstance(self._articles, ArticleVectors):
            data = self._articles
            self._articles = pickle.loads(loaded(data)) if data else ArticleVectors()  # noqa: S301
        return self._articles

    @property
    def entries(self) -> list[GuideEntry]:
        """Every entry (unpickled on first use when read from bytes: builds need them all,
        questions never do)."""
        if self._entries is None:
            self._entries = [self._packed.entry(n) for n in range(len(self._packed.ids))]
        return self._entries

    @property
    def by_id(self) -> dict[str, GuideEntry]:
        return {e.id: e for e in self.entries}

    @property
    def ids(self) -> tuple[str, ...]:
        return self._packed.ids

    def kinds(self) -> dict[str, str]:
        """Each entry's id -> its kind ("guide", "article"), from the header alone."""
        return dict(zip(self._packed.ids, self._packed.kinds, strict=True))

    def entry(self, guide_id: str) -> GuideEntry | None:
        """One entry, unpickled alone (or None)."""
        n = self._where.get(guide_id)
        if n is None:
            return None
        if self._entries is not None:
            return self._entries[n]
        found = self._one.get(guide_id)
        if found is None:
            found = self._one.setdefault(guide_id, self._packed.entry(n))
        return found

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = self._packed.findings()
        return self._findings

    def chunks_of(self, guide_id: str) -> tuple[tuple[str, str], ...]:
        """The (chunk id, content hash) pairs of one entry's index records (builds need them;
        questions never do)."""
        if self._chunks is None:
            lists = pickle.loads(loaded(self.chunk_table)) if self.chunk_table else ()  # noqa: S301
            self._chunks = {e.id: e.chunks for e in self.entries}
            self._chunks.update(zip(self._packed.ids, lists, strict=False))
        return self._chunks.get(guide_id, ())

    @classmethod
    def pack(cls, parts: Sequence[Part], findings: list[Finding], skipped: dict[str, str],
             articles: ArticleVectors | None = None) -> Catalog:
        """A catalog holding `parts` in order, with the vocabulary of exactly those parts and
        the articles' section vectors."""
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
        vocabulary = Vocabulary.from_pool(entries, pool)
        return cls(entries, findings, skipped, vocabulary, b"".join(chunks), articles=articles)

    def guide(self, guide_id: str) -> Guide | None:
        """The guide with this id, unpickled on first use and kept while it is among the
        LOADED_GUIDES most recently asked for; None when there is none."""
        found = self._loaded.get(guide_id)  # no lock to read: every answer's threads read here
        if found is not None:
            try:
                self._loaded.move_to_end(guide_id)  # one C call, atomic under the GIL
            except KeyError:  # another thread dropped it meanwhile: it was still found
                pass
            return found
        n = self._where.get(guide_id)
        if n is None:
            return None
        offset, length, _ = self._packed.place(n)
        guide = pickle.loads(loaded(self.blob[offset : offset + length]))  # noqa: S301 - ours
        with self._lock:
            kept = self._loaded.setdefault(guide_id, guide)
            if len(self._loaded) > LOADED_GUIDES:
                self._loaded.popitem(last=False)
            return kept

    def raw(self, entry: GuideEntry) -> bytes | memoryview:
        """The packed bytes of one entry, guide and facts (read from the file, or a view of
        bytes held: copied once, when the next version's catalog is joined)."""
        end = entry.offset + entry.length + entry.facts_length
        if isinstance(self.blob, FileRegion):
            return self.blob[entry.offset : end].read()
        return memoryview(self.blob)[entry.offset : end]

    def facts(self, entry: GuideEntry) -> GuideFacts:
        """What one entry's guide gives the vocabulary (unpickled on each call)."""
        start = entry.offset + entry.length
        return pickle.loads(loaded(self.blob[start : start + entry.facts_length]))  # noqa: S301

    @property
    def guides(self) -> list[Guide]:
        """Every guide, loaded (costly on the full library: prefer `guide(id)`)."""
        return [g for g in map(self.guide, self._packed.ids) if g is not None]

    def findings_by_path(self) -> dict[str, list[Finding]]:
        """Per-file findings, for reusing an unchanged file's findings in the next build."""
        grouped: dict[str, list[Finding]] = {}
        for item in self.findings:
            grouped.setdefault(item.path, []).append(item)
        return grouped

    def to_bytes(self) -> bytes:
        """MAGIC, then each piece's length and bytes (header, entries, findings, chunk
        table), then the guides' pickles."""
        return b"".join(self.pieces())

    def pieces(self) -> tuple[bytes | memoryview, ...]:
        """`to_bytes()` in the pieces a file is written from, without joining them first."""
        bare = [pickle.dumps(replace(e, chunks=()), protocol=pickle.HIGHEST_PROTOCOL)
                for e in self.entries]
        packed = PackedEntries.of(self.entries, [len(b) for b in bare])
        header = pickle.dumps((self.format, packed.ids, packed.kinds, packed.places,
                               packed.starts, self.skipped, self.vocabulary),
                              protocol=pickle.HIGHEST_PROTOCOL)
        findings = pickle.dumps(self.findings, protocol=pickle.HIGHEST_PROTOCOL)
        table = pickle.dumps(tuple(self.chunks_of(e.id) for e in self.entries),
                             protocol=pickle.HIGHEST_PROTOCOL)
        articles = pickle.dumps(self.articles, protocol=pickle.HIGHEST_PROTOCOL)
        out: list[bytes | memoryview] = [MAGIC]
        for piece in (header, b"".join(bare), findings, table, articles):
            out += [len(piece).to_bytes(8, "big"), piece]
        return (*out, loaded(self.blob))

    @classmethod
    def from_bytes(cls, data: bytes | FileRegion) -> Catalog:
        """Read the header; entries and guides stay packed (in `data`, which may be a region
        of the file: then only the header and what a question touches are ever read) until
        asked for."""
        view: memoryview | FileRegion = data if isinstance(data, FileRegion) else \
            memoryview(data)
        if bytes(view[: len(MAGIC)]) != MAGIC:
            raise IndexMissingError(f"Index catalog is from another version of the assistant: "
                                    f"{_REBUILD}")
        pieces, at = [], len(MAGIC)
        for _ in range(5):
            size = int.from_bytes(loaded(view[at : at + 8]), "big")
            pieces.append(view[at + 8 : at + 8 + size])
            at += 8 + size
        try:
            fmt, ids, kinds, places, starts, skipped, vocabulary = pickle.loads(  # noqa: S301
                loaded(pieces[0]))
        except (pickle.UnpicklingError, AttributeError, ImportError, ValueError,
                TypeError) as exc:
            raise IndexMissingError(f"Index catalog cannot be read ({exc}): {_REBUILD}") from None
        if fmt != CATALOG_FORMAT:
            raise IndexMissingError(f"Index catalog format {fmt} is not {CATALOG_FORMAT}: "
                                    f"{_REBUILD}")
        packed = PackedEntries(ids, kinds, places, starts, pieces[1], pieces[2])
        return cls(None, None, skipped, vocabulary, view[at:], chunk_table=pieces[3],
                   packed=packed, articles=pieces[4])
