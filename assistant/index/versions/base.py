"""What every home of index versions offers, and the rule of which versions to keep.

Example:
    >>> repo = open_versions(settings)          # factory.py: local.py or remote.py
    >>> versions, segments = to_keep(repo)      # the live version and the one before it

A version is complete once its manifest exists; the live one is named by a pointer that a
commit replaces in one step. `LocalVersions` (local.py) keeps them in a directory tree,
`RemoteVersions` (remote.py) in a Chroma server.
"""

from __future__ import annotations

import re
import secrets
import time
from typing import TYPE_CHECKING, Protocol

from assistant.errors import IndexMissingError

if TYPE_CHECKING:
    from assistant.index.catalog import Catalog
    from assistant.index.lock import LeaseStore
    from assistant.index.manifest import Manifest
    from assistant.index.store import VectorStore

VERSION_RE = re.compile(r"\d{8}T\d{6}-[0-9a-f]{6}")


def to_keep(repo: VersionRepo) -> tuple[set[str], set[str]]:
    """(versions, segments) to keep: the live version, the one before it, and their segments.

    Nothing is kept when the pointer is broken. A version whose manifest is unreadable (an
    older format, answering until a rebuild replaces it) is kept, without segments.
    """
    try:
        live = repo.current()
    except IndexMissingError:  # broken pointer: nothing to keep, the build replaces it
        return set(), set()
    versions: set[str] = set()
    segments: set[str] = set()
    version = live
    while version and len(versions) < 2:
        versions.add(version)
        try:
            manifest = repo.manifest(version)
        except (IndexMissingError, FileNotFoundError):  # an older format, or already removed
            break
        segments.update(manifest.segments)
        version = manifest.previous
    return versions, segments


def new_version_id() -> str:
    """A sortable, unique version id such as 20250101T120000-ab12cd (UTC)."""
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + secrets.token_hex(3)


class VersionRepo(Protocol):
    """Where versions live: a directory tree (embedded) or a Chroma server."""

    copy_seconds: float  # time the last `stage` spent copying the segment it started from

    def current(self) -> str | None:
        """The live version id, or None before the first build."""
        ...

    def manifest(self, version: str) -> Manifest:
        """The manifest of a complete version."""
        ...

    def catalog(self, version: str) -> Catalog:
        """The guide catalog of a complete version."""
        ...

    def segment(self, segment: str) -> VectorStore:
        """The records of one committed segment (read side)."""
        ...

    def stage(self, segment: str, copy_of: str | None) -> VectorStore:
        """A writable new segment: a copy of the segment `copy_of`, or empty."""
        ...

    def commit(self, manifest: Manifest, catalog: Catalog) -> None:
        """Record manifest and catalog of the staged version, then make it live."""
        ...

    def collect(self) -> list[str]:
        """Remove versions and segments `to_keep` does not name; return removed version ids."""
        ...

    def lease(self) -> LeaseStore | None:
        """Where writers on other machines see the write lock (None: a local flock suffices)."""
        ...
