"""Collections of the index: records added, deleted, queried and read back (connection.py
makes the clients).

Example:
    >>> store = open_store(settings, segment="20250101T000000-ab12cd", create=True)
    >>> store.add(chunks, vectors)
    >>> store.query(vector, k=5)[0].id
    'acme/swe#negotiation-dna/0'

Collections use cosine distance; vectors always come from our embedder, never Chroma's.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.connection import ChromaConnection, connect

if TYPE_CHECKING:
    from assistant.chunks import Chunk
    from assistant.settings import Settings

Metadata = dict[str, str | int | float | bool]
PAGE = 1000  # records per page when reading a whole collection


@dataclass(frozen=True)
class StoreHit:
    """One stored record; `distance` is cosine distance (0 = same direction)."""

    id: str
    text: str
    metadata: Metadata
    distance: float = 0.0

    @property
    def score(self) -> float:
        """Cosine similarity, 1 - distance."""
        return 1.0 - self.distance


@dataclass(frozen=True)
class Record:
    """A record with its vector, as copied between collections."""

    id: str
    text: str
    metadata: Metadata
    vector: np.ndarray


class VectorStore:
    """One Chroma collection behind add / delete / query / get."""

    def __init__(self, conn: ChromaConnection, name: str, create: bool,
                 space: str = "cosine") -> None:
        self.conn = conn
        self.name = name
        self._create = create
        self._space = space
        self._collection: Any = None
        self._lock = threading.Lock()

    @property
    def collection(self) -> Any:
        """The chromadb collection, fetched or created on first use (by one thread)."""
        if self._collection is None:
            with self._lock:
                if self._collection is None:
                    self._collection = self._open()
        return self._collection

    def _open(self) -> Any:
        client = self.conn.client
        if self._create:
            return client.get_or_create_collection(
                self.name, configuration={"hnsw": {"space": self._space}},
                embedding_function=None)
        return client.get_collection(self.name, embedding_function=None)

    def add(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Write chunks with their vectors (row i of `vectors` belongs to chunk i)."""
        pairs = zip(chunks, vectors, strict=True)
        self.add_records([Record(c.id, c.text, dict(c.metadata), v) for c, v in pairs])

    def add_records(self, records: Iterable[Record]) -> None:
        """Write records, batched within the client's maximum batch size.

        `records` may be a lazy iterator (another store's `records()`): it is read one batch
        at a time, so copying a collection never holds it all in memory.
        """
        pending = iter(records)
        first = next(pending, None)
        if first is None:
            return  # nothing to write: the client is not even created
        size = self.conn.max_batch()
        batch = [first, *islice(pending, size - 1)]
        while batch:
            self.collection.upsert(
                ids=[r.id for r in batch],
                documents=[r.text for r in batch],
                metadatas=[r.metadata for r in batch],
                embeddings=np.stack([np.asarray(r.vector, dtype=np.float32) for r in batch]),
            )
            batch = list(islice(pending, size))

    def delete(self, ids: Sequence[str]) -> None:
        """Remove records by id; unknown ids are ignored."""
        size = self.conn.max_batch() if ids else 0
        for start in range(0, len(ids), size or 1):
            self.collection.delete(ids=list(ids[start : start + size]))

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
              ) -> list[StoreHit]:
        """The `k` nearest records to `vector`, nearest first, optionally filtered.

        From a server that does not answer within ASSISTANT_CHROMA_TIMEOUT this raises
        IndexUnavailableError (a 503), never hangs.
        """
        with self._answered():
            found = self.collection.query(
                query_embeddings=np.asarray(vector, dtype=np.float32).reshape(1, -1),
                n_results=k, where=where or None,
                include=["documents", "metadatas", "distances"],
            )
        rows = zip(found["ids"][0], found["documents"][0], found["metadatas"][0],
                   found["distances"][0], strict=True)
        return [StoreHit(i, d or "", dict(m or {}), float(s)) for i, d, m, s in rows]

    @contextmanager
    def _answered(self) -> Iterator[None]:
        """A read from a Chroma server that fails becomes IndexUnavailableError (a 503), and
        the collection is looked up again on the next read (an embedded store's error is
        its own)."""
        try:
            yield
        except Exception as exc:
            if not self.conn.server:
                raise
            self._collection = None
            raise self.conn.unavailable(exc) from None

    def get(self, ids: Sequence[str]) -> list[StoreHit]:
        """Records by id, in the order given; missing ids are left out. A Chroma server that
        does not answer raises IndexUnavailableError, as `query` does (a replica's follower
        reads the CURRENT pointer this way, and must outlive the server's restart)."""
        with self._answered():
            found = self.collection.get(ids=list(ids), include=["documents", "metadatas"])
        by_id = {
            i: StoreHit(i, d or "", dict(m or {}))
            for i, d, m in zip(found["ids"], found["documents"], found["metadatas"], strict=True)
        }
        return [by_id[i] for i in ids if i in by_id]

    def records(self, ids: Sequence[str] | None = None) -> Iterator[Record]:
        """Records with vectors (all of them when `ids` is None), read page by page."""
        wanted = list(ids) if ids is not None else None
        offset = 0
        while True:
            if wanted is not None:
                page = self.collection.get(ids=wanted[offset : offset + PAGE],
                                           include=["documents", "metadatas", "embeddings"])
            else:
                page = self.collection.get(limit=PAGE, offset=offset,
                                           include=["documents", "metadatas", "embeddings"])
            for i, d, m, e in zip(page["ids"], page["documents"], page["metadatas"],
                                  page["embeddings"], strict=True):
                yield Record(i, d or "", dict(m or {}), np.asarray(e, dtype=np.float32))
            offset += PAGE
            done = offset >= len(wanted) if wanted is not None else len(page["ids"]) < PAGE
            if done:
                return

    def count(self) -> int:
        """Number of records."""
        return int(self.collection.count())


def open_store(settings: Settings, segment: str, create: bool) -> VectorStore:
    """The chunk collection of one index segment (embedded or server, per settings)."""
    return VectorStore(connect(settings, segment_path(settings, segment)),
                       collection_name(settings, segment), create)


def segment_path(settings: Settings, segment: str) -> Path:
    """The Chroma directory of an embedded index segment."""
    return settings.index / "segments" / segment


def collection_name(settings: Settings, segment: str) -> str:
    """Name of the chunk collection of `segment` (named after the version that wrote it)."""
    return f"{settings.collection}-{segment}"
