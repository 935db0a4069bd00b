"""One writer per index: a non-blocking flock on `<index>/.lock`, plus a lease in server mode.

Example:
    >>> with IndexLock(settings):
    ...     build()

The flock is held by the open file, so the kernel releases it when the writer exits or is
killed: a crashed build never leaves a stale local lock. Writers on other machines sharing one
Chroma server cannot see that flock, so in server mode the lock also takes a lease document
(`lock` in the meta collection) that expires after `ttl` seconds unless renewed. Chroma has no
compare-and-swap, so the lease is written, then read back to confirm ownership; two writers
racing within the same few milliseconds could both believe they won. Run one indexing job.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import socket
import time
from datetime import UTC, datetime
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Protocol

from assistant.errors import IndexLockedError

if TYPE_CHECKING:
    from assistant.settings import Settings

LEASE_TTL = 900.0  # seconds a server-mode lease lives without renewal


class LeaseStore(Protocol):
    """Key -> text documents (versions.remote.MetaStore)."""

    def read(self, key: str) -> tuple[str, dict[str, Any]] | None:
        """(text, metadata) of `key`, or None."""
        ...

    def write(self, key: str, text: str, **meta: str | int | float) -> None:
        """Create or replace `key`."""
        ...

    def remove(self, keys: list[str]) -> None:
        """Delete keys."""
        ...


class IndexLock:
    """Exclusive writer lock on one index; raises IndexLockedError when someone else holds it."""

    def __init__(self, settings: Settings, lease: LeaseStore | None = None,
                 ttl: float = LEASE_TTL) -> None:
        self.path = settings.index / ".lock"
        self.where = settings.chroma_url or str(settings.index)
        self.lease = lease
        self.ttl = ttl
        self.token = secrets.token_hex(8)
        self._file: IO[str] | None = None
        self._renewed = 0.0

    def acquire(self) -> None:
        """Take the local flock, then (server mode) the lease."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise IndexLockedError(
                f"Another build (PID {holder}) is writing the index at {self.where} "
                f"(lock file {self.path}). Wait for it to finish and run the command again; "
                "the lock frees itself when that process exits."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._file = handle
        try:
            self._take_lease()
        except BaseException:
            self.release()
            raise

    def renew(self) -> None:
        """Extend the lease (cheap to call often: writes at most every ttl/3 seconds)."""
        if self.lease is not None and time.time() - self._renewed > self.ttl / 3:
            self._write_lease()

    def release(self) -> None:
        """Drop the lease (if ours) and the flock."""
        if self.lease is not None and self._file is not None:
            found = self.lease.read("lock")
            if found is not None and found[0] == self.token:
                self.lease.remove(["lock"])
        if self._file is not None:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
            self._file.close()
            self._file = None

    def __enter__(self) -> IndexLock:
        self.acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

    def _take_lease(self) -> None:
        if self.lease is None:
            return
        found = self.lease.read("lock")
        if found is not None and found[0] != self.token and _live(found[1]):
            raise _lease_error(self.where, found[1])
        self._write_lease()
        confirmed = self.lease.read("lock")
        if confirmed is None or confirmed[0] != self.token:
            raise _lease_error(self.where, confirmed[1] if confirmed else {})

    def _write_lease(self) -> None:
        assert self.lease is not None
        self._renewed = time.time()
        self.lease.write("lock", self.token, kind="lock", pid=os.getpid(),
                         host=socket.gethostname(), expires=self._renewed + self.ttl)


def _live(meta: dict[str, Any]) -> bool:
    return float(meta.get("expires", 0.0)) > time.time()


def _lease_error(where: str, meta: dict[str, Any]) -> IndexLockedError:
    expires = datetime.fromtimestamp(float(meta.get("expires", 0.0)), UTC)
    return IndexLockedError(
        f"Another build (PID {meta.get('pid', '?')} on {meta.get('host', '?')}) holds the index "
        f"lease on {where} until {expires:%Y-%m-%d %H:%M:%S} UTC. Wait for it to finish; if it "
        "crashed, the lease expires by itself at that time."
    )
