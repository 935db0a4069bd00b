"""Atomic, versioned index layout: build a new version beside the live one, then switch.

Embedded layout under `settings.index`::

    CURRENT                      # one line: the live version id (replaced atomically)
    .lock                        # writers' flock (see lock.py)
    segments/<id>/               # a Chroma PersistentClient directory, written by the build of
                                 # version <id> and never changed after it commits (layers.py)
    versions/<id>/catalog.pkl    # parsed guides (catalog.Catalog)
    versions/<id>/manifest.json  # written last: a version without it is incomplete; names the
                                 # segments (base, delta) that hold the version's records

A build killed at any point leaves CURRENT naming the previous complete version; the next build
removes the leftovers. The server-mode twin lives in remote.py.

Example:
    >>> repo = LocalVersions(settings)
    >>> repo.current()
    '20250101T120000-ab12cd'
    >>> repo.manifest(repo.current()).segments
    ['20250101T080000-77aa01', '20250101T120000-ab12cd']
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import IndexMissingError
from assistant.index.catalog import Catalog
from assistant.index.connection import ChromaConnection, connect
from assistant.index.manifest import Manifest
from assistant.index.region import FileRegion
from assistant.index.store import VectorStore, collection_name, segment_path
from assistant.index.versions.base import to_keep

if TYPE_CHECKING:
    from assistant.index.lock import LeaseStore
    from assistant.settings import Settings


class LocalVersions:
    """Versions as directories under `settings.index`, switched by replacing CURRENT."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.index
        self.copy_seconds = 0.0
        self._staged: ChromaConnection | None = None
        self._manifests: dict[str, Manifest] = {}  # committed manifests never change

    def _dir(self, version: str) -> Path:
        return self.root / "versions" / version

    def current(self) -> str | None:
        """The live version id, or None before the first build."""
        try:
            version = (self.root / "CURRENT").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        if not (self._dir(version) / "manifest.json").is_file():
            raise IndexMissingError(
                f"{self.root}/CURRENT names version {version!r}, which is incomplete or gone: "
                "run `assistant index --rebuild`."
            )
        return version

    def manifest(self, version: str) -> Manifest:
        """The manifest of a complete version (read once per repository object)."""
        if version not in self._manifests:
            self._manifests[version] = Manifest.from_file(self._dir(version) / "manifest.json")
        return self._manifests[version]

    def catalog(self, version: str) -> Catalog:
        """The guide catalog of a complete version, read as needed (region.py): a question
        reads the header and the entries and guides it touches, not the whole file."""
        return Catalog.from_bytes(FileRegion.of(self._dir(version) / "catalog.pkl"))

    def segment(self, segment: str) -> VectorStore:
        """The records of one committed segment (read side)."""
        conn = connect(self.settings, segment_path(self.settings, segment))
        return VectorStore(conn, collection_name(self.settings, segment), create=False)

    def stage(self, segment: str, copy_of: str | None) -> VectorStore:
        """A writable new segment: a copy of the Chroma directory of `copy_of`, or empty."""
        target = segment_path(self.settings, segment)
        target.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        if copy_of is not None:
            shutil.copytree(segment_path(self.settings, copy_of), target)
        else:
            target.mkdir()
        self.copy_seconds = time.perf_counter() - started
        self._staged = connect(self.settings, target)
        name = collection_name(self.settings, segment)
        if copy_of is not None:
            self._staged.rename(collection_name(self.settings, copy_of), name)
        return VectorStore(self._staged, name, create=True)

    def commit(self, manifest: Manifest, catalog: Catalog) -> None:
        """Write catalog, then manifest (marks the version complete), then switch CURRENT."""
        if self._staged is not None:
            self._staged.close()
            self._staged = None
        folder = self._dir(manifest.version)
        _write_atomic(folder / "catalog.pkl", *catalog.pieces())
        _write_atomic(folder / "manifest.json", manifest.to_json().encode("utf-8"))
        self._manifests[manifest.version] = manifest
        _write_atomic(self.root / "CURRENT", (manifest.version + "\n").encode("utf-8"))

    def collect(self) -> list[str]:
        """Remove versions and segments `to_keep` does not name; return removed version ids."""
        versions, segments = to_keep(self)
        removed: list[str] = []
        for path in _children(self.root / "versions"):
            if path.name not in versions:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
        for path in _children(self.root / "segments"):
            if path.name not in segments:
                shutil.rmtree(path, ignore_errors=True)
        for tmp in self.root.glob(".CURRENT.*.tmp"):
            tmp.unlink(missing_ok=True)
        return removed

    def lease(self) -> LeaseStore | None:
        """None: one machine's writers all see the directory's flock."""
        return None


def _children(folder: Path) -> list[Path]:
    """Entries of `folder`, sorted; none when it does not exist."""
    return sorted(folder.iterdir()) if folder.is_dir() else []


def _write_atomic(path: Path, *pieces: bytes | memoryview) -> None:
    """Write `pieces` to a temp file in the same directory, fsync, then os.replace over
    `path` (a catalog's pieces are written one after another, never joined in memory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        for piece in pieces:
            handle.write(piece)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
