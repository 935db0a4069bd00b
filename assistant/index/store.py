"""The Chroma seam: the only module that imports chromadb.

Example:
    >>> store = open_store(settings, segment="20250101T000000-ab12cd", create=True)
    >>> store.add(chunks, vectors)
    >>> store.query(vector, k=5)[0].id
    'acme/swe#negotiation-dna/0'

`ChromaConnection` is one client: embedded (`PersistentClient` on a directory) or a server
(`HttpClient`, when `settings.chroma_url` is set). Clients are created on first use.
Collections use cosine distance; vectors always come from our embedder, never Chroma's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import numpy as np

from assistant.errors import IndexUnavailableError, UsageError

if TYPE_CHECKING:
    from assistant.chunks import Chunk
    from assistant.settings import Settings

Metadata = dict[str, str | int | float | bool]
PAGE = 1000  # records per page when reading a whole collection
FALLBACK_BATCH = 1000  # when the client reports no maximum batch size


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


class ChromaConnection:
    """One lazily created Chroma client (embedded directory or HTTP server)."""

    def __init__(self, make_client: Callable[[], Any], server: str = "") -> None:
        self._make_client = make_client
        self._client: Any = None
        self._max_batch = 0
        self.server = server  # the server's URL; "" for an embedded directory

    def reachable(self) -> bool:
        """True when the server answers a heartbeat within the timeout (always for a
        directory)."""
        if not self.server:
            return True
        try:
            self.client.heartbeat()
        except Exception:  # noqa: BLE001 - any failure to answer means unreachable
            self._client = None  # made again on the next use: a restarted server is found
            return False
        return True

    def unavailable(self, exc: Exception) -> IndexUnavailableError:
        """The error a request gets when the server did not answer (the client is dropped,
        so the next request connects afresh)."""
        self._client = None
        return IndexUnavailableError(
            f"The vector index server at {self.server} did not answer ({type(exc).__name__}); "
            "questions that need a search are unavailable until it is back, look-ups still "
            "answer. Try again shortly.")

    @property
    def client(self) -> Any:
        """The chromadb client, created on first use."""
        if self._client is None:
            self._client = self._make_client()
        return self._client

    def store(self, name: str, create: bool, space: str = "cosine") -> VectorStore:
        """A collection wrapper; `create` makes the collection when it is missing."""
        return VectorStore(self, name, create, space)

    def names(self) -> list[str]:
        """Names of every collection."""
        return [getattr(c, "name", c) for c in self.client.list_collections()]

    def drop(self, name: str) -> None:
        """Delete a collection; a missing one is not an error."""
        try:
            self.client.delete_collection(name)
        except Exception:  # noqa: BLE001 - chromadb raises several types for "not found"
            if name in self.names():
                raise

    def rename(self, old: str, new: str) -> None:
        """Rename a collection (used after copying an embedded version directory)."""
        self.client.get_collection(old, embedding_function=None).modify(name=new)

    def max_batch(self) -> int:
        """Most records one add may carry (asked once; servers may not say)."""
        if not self._max_batch:
            reported = int(self.client.get_max_batch_size())
            self._max_batch = reported if reported > 0 else FALLBACK_BATCH
        return self._max_batch

    def close(self) -> None:
        """Release the client (embedded mode closes its SQLite handles)."""
        if self._client is not None and hasattr(self._client, "close"):
            self._client.close()
        self._client = None
        self._max_batch = 0


class VectorStore:
    """One Chroma collection behind add / delete / query / get."""

    def __init__(self, conn: ChromaConnection, name: str, create: bool, space: str) -> None:
        self.conn = conn
        self.name = name
        self._create = create
        self._space = space
        self._collection: Any = None

    @property
    def collection(self) -> Any:
        """The chromadb collection, fetched or created on first use."""
        if self._collection is None:
            client = self.conn.client
            if self._create:
                self._collection = client.get_or_create_collection(
                    self.name, configuration={"hnsw": {"space": self._space}},
                    embedding_function=None,
                )
            else:
                self._collection = client.get_collection(self.name, embedding_function=None)
        return self._collection

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
        try:
            found = self.collection.query(
                query_embeddings=np.asarray(vector, dtype=np.float32).reshape(1, -1),
                n_results=k, where=where or None,
                include=["documents", "metadatas", "distances"],
            )
        except Exception as exc:
            if not self.conn.server:
                raise
            self._collection = None
            raise self.conn.unavailable(exc) from None
        rows = zip(found["ids"][0], found["documents"][0], found["metadatas"][0],
                   found["distances"][0], strict=True)
        return [StoreHit(i, d or "", dict(m or {}), float(s)) for i, d, m, s in rows]

    def get(self, ids: Sequence[str]) -> list[StoreHit]:
        """Records by id, in the order given; missing ids are left out."""
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


def connect(settings: Settings, path: Path | None = None) -> ChromaConnection:
    """A connection to the server in `settings.chroma_url`, else an embedded one at `path`."""
    if settings.chroma_url:
        host, port, ssl = parse_url(settings.chroma_url)
        return ChromaConnection(lambda: _http_client(host, port, ssl, settings.chroma_timeout),
                                server=settings.chroma_url)
    if path is None:
        raise UsageError("An embedded Chroma store needs a directory.")
    return ChromaConnection(lambda: _persistent_client(path))


def open_store(settings: Settings, segment: str, create: bool) -> VectorStore:
    """The chunk collection of one index segment (embedded or server, per settings)."""
    return connect(settings, segment_path(settings, segment)).store(
        collection_name(settings, segment), create)


def segment_path(settings: Settings, segment: str) -> Path:
    """The Chroma directory of an embedded index segment."""
    return settings.index / "segments" / segment


def collection_name(settings: Settings, segment: str) -> str:
    """Name of the chunk collection of `segment` (named after the version that wrote it)."""
    return f"{settings.collection}-{segment}"


def parse_url(url: str) -> tuple[str, int, bool]:
    """(host, port, ssl) of a Chroma server URL such as http://127.0.0.1:8000."""
    parsed = urlparse(url if "://" in url else f"http://{url}")
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UsageError(f"ASSISTANT_CHROMA_URL {url!r} is not like http://host:8000.")
    ssl = parsed.scheme == "https"
    return parsed.hostname, parsed.port or (443 if ssl else 8000), ssl


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def _persistent_client(path: Path) -> Any:
    import chromadb

    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=_chroma_settings())


def _http_client(host: str, port: int, ssl: bool, timeout: float) -> Any:
    """A client whose every request gives up after `timeout` seconds: chromadb's own HTTP
    session waits forever, so a hung server would hold each request's thread for good."""
    import chromadb
    import httpx

    # the client's constructor already asks the server, with no timeout: ask first, with one
    scheme = "https" if ssl else "http"
    httpx.get(f"{scheme}://{host}:{port}/api/v2/heartbeat", timeout=timeout,
              trust_env=False).raise_for_status()
    client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=_chroma_settings())
    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        raise RuntimeError("chromadb's HTTP client changed shape: its timeout cannot be set; "
                           "pin the chromadb version pyproject.toml names")
    session.timeout = httpx.Timeout(timeout)
    return client
