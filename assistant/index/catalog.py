"""The parsed corpus of one index version: a small header plus one pickle per guide, read lazily.

Example:
    >>> catalog = Catalog.from_bytes(path.read_bytes())   # reads only the header
    >>> catalog.guide("alibaba/ml-ai-engineer").title     # unpickles this one guide
    'ML/AI Engineer | Alibaba Global Negotiation Guide'

Layout of `to_bytes()`: MAGIC, the header length (8 bytes, big-endian), the pickled header
(entries, findings, skipped files, vocabulary), then the guides' pickles back to back. A cold
`ask` therefore pays for the header and the guides it touches, not the whole library, and an
incremental build copies unchanged guides' bytes without unpickling them.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from assistant.corpus.model import Finding, Guide
from assistant.corpus.vocabulary import Vocabulary
from assistant.errors import IndexMissingError

# Bump both when a pickled class moves or changes shape: an older catalog is then refused by
# its first bytes, before unpickling could fail on a class path that no longer exists.
CATALOG_FORMAT = 5  # 5: guides read with hidden characters removed and the id-path rule
MAGIC = b"NGCAT5\n"
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
    data: bytes = b""

    def payload(self) -> bytes:
        """The guide's pickle (reused bytes are copied as they are)."""
        if self.guide is None:
            return self.data
        return pickle.dumps(self.guide, protocol=pickle.HIGHEST_PROTOCOL)


@dataclass
class Catalog:
    """Guides, findings, skipped files and vocabulary of one index version."""

    entries: list[GuideEntry]
    findings: list[Finding] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    vocabulary: Vocabulary | None = None
    blob: bytes = b""
    format: int = CATALOG_FORMAT

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entries}
        self._loaded: dict[str, Guide] = {}
        self._lock = threading.Lock()

    @classmethod
    def pack(cls, parts: Sequence[Part], findings: list[Finding], skipped: dict[str, str],
             vocabulary: Vocabulary) -> Catalog:
        """A catalog holding `parts` in order."""
        entries: list[GuideEntry] = []
        chunks: list[bytes] = []
        offset = 0
        for part in parts:
            data = part.payload()
            entries.append(_with_offset(part.entry, offset, len(data)))
            chunks.append(data)
            offset += len(data)
        return cls(entries, findings, skipped, vocabulary, b"".join(chunks))

    def guide(self, guide_id: str) -> Guide | None:
        """The guide with this id, unpickled on first use; None when there is none."""
        found = self._loaded.get(guide_id)
        if found is not None:
            return found
        entry = self.by_id.get(guide_id)
        if entry is None:
            return None
        guide = pickle.loads(self.raw(entry))  # noqa: S301 - written by this package
        with self._lock:
            return self._loaded.setdefault(guide_id, guide)

    def raw(self, entry: GuideEntry) -> bytes:
        """The packed bytes of one guide (for copying into the next version)."""
        return self.blob[entry.offset : entry.offset + entry.length]

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
        """MAGIC, header length, header pickle, then the guides' pickles."""
        header = pickle.dumps((self.format, self.entries, self.findings, self.skipped,
                               self.vocabulary), protocol=pickle.HIGHEST_PROTOCOL)
        return MAGIC + len(header).to_bytes(8, "big") + header + self.blob

    @classmethod
    def from_bytes(cls, data: bytes) -> Catalog:
        """Read the header; guides stay packed until asked for."""
        if not data.startswith(MAGIC):
            raise IndexMissingError(f"Index catalog is from another version of the assistant: "
                                    f"{_REBUILD}")
        start = len(MAGIC) + 8
        size = int.from_bytes(data[len(MAGIC) : start], "big")
        try:
            fmt, entries, findings, skipped, vocabulary = pickle.loads(  # noqa: S301 - ours
                data[start : start + size])
        except (pickle.UnpicklingError, AttributeError, ImportError, ValueError) as exc:
            raise IndexMissingError(f"Index catalog cannot be read ({exc}): {_REBUILD}") from None
        if fmt != CATALOG_FORMAT:
            raise IndexMissingError(f"Index catalog format {fmt} is not {CATALOG_FORMAT}: "
                                    f"{_REBUILD}")
        return cls(entries, findings, skipped, vocabulary, data[start + size :])


def _with_offset(entry: GuideEntry, offset: int, length: int) -> GuideEntry:
    return replace(entry, offset=offset, length=length)
