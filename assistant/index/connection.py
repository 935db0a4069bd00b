"""The Chroma seam: the only module that imports chromadb, and makes its clients.

Example:
    >>> conn = connect(settings, path)          # embedded, or the server of ASSISTANT_CHROMA_URL
    >>> conn.reachable()
    True

`ChromaConnection` is one client: embedded (`PersistentClient` on a directory) or a server
(`HttpClient`, when `settings.chroma_url` is set), created on first use and made again after
a server failed to answer. Every server request times out after ASSISTANT_CHROMA_TIMEOUT.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from assistant.errors import IndexUnavailableError, UsageError

if TYPE_CHECKING:
    from assistant.settings import Settings

FALLBACK_BATCH = 1000  # when the client reports no maximum batch size


class ChromaConnection:
    """One lazily created Chroma client (embedded directory or HTTP server)."""

    def __init__(self, make_client: Callable[[], Any], server: str = "") -> None:
        self._make_client = make_client
        self._client: Any = None
        self._lock = threading.Lock()  # chromadb's client is not safe to make twice at once
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
            "the index cannot be opened or moved to a new version until it is back. Try again "
            "shortly.")

    @property
    def client(self) -> Any:
        """The chromadb client, created on first use (by one thread: the first questions that
        search the store may arrive together, and two clients made at once fail). A server
        that does not answer raises IndexUnavailableError (an app starting while it is down
        starts all the same and answers 503 until it is back)."""
        client = self._client
        if client is None:
            with self._lock:
                if self._client is None:
                    try:
                        self._client = self._make_client()
                    except Exception as exc:
                        if not self.server:
                            raise
                        raise self.unavailable(exc) from exc
                client = self._client
        return client

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


def connect(settings: Settings, path: Path | None = None) -> ChromaConnection:
    """A connection to the server in `settings.chroma_url`, else an embedded one at `path`."""
    if settings.chroma_url:
        host, port, ssl = parse_url(settings.chroma_url)
        return ChromaConnection(lambda: _http_client(host, port, ssl, settings.chroma_timeout),
                                server=settings.chroma_url)
    if path is None:
        raise UsageError("An embedded Chroma store needs a directory.")
    return ChromaConnection(lambda: _persistent_client(path))


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
