"""Atomic, versioned index layout: build a new version beside the live one, then switch.

Embedded layout under `settings.index`::

    CURRENT                      # one line: the live version id (replaced atomically)
    .lock                        # writers' flock (see lock.py)
    versions/<id>/chroma/        # Chroma's PersistentClient directory
    versions/<id>/catalog.pkl    # parsed guides (manifest.Catalog)
    versions/<id>/manifest.json  # written last: a version without it is incomplete

A build killed at any point leaves CURRENT naming the previous complete version; the next build
removes the leftovers. The server-mode twin lives in remote_versions.py.

Example:
    >>> repo = open_versions(settings)
    >>> repo.current()
    '20250101T120000-ab12cd'
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from assistant.errors import IndexMissingError
from assistant.index.catalog import Catalog
from assistant.index.manifest import Manifest
from assistant.index.store import ChromaConnection, VectorStore, collection_name, connect

if TYPE_CHECKING:
    from assistant.settings import Settings

VERSION_RE = re.compile(r"\d{8}T\d{6}-[0-9a-f]{6}")


def versions_to_keep(repo: VersionRepo) -> set[str]:
    """The live version and the one before it; none when the pointer is broken."""
    try:
        live = repo.current()
    except IndexMissingError:  # broken pointer: nothing to keep, the build replaces it
        return set()
    return {live, repo.manifest(live).previous} if live else set()


def new_version_id() -> str:
    """A sortable, unique version id such as 20250101T120000-ab12cd (UTC)."""
    return time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + secrets.token_hex(3)


class VersionRepo(Protocol):
    """Where versions live: a directory tree (embedded) or a Chroma server."""

    copy_seconds: float  # time the last `stage` spent copying the base version

    def current(self) -> str | None:
        """The live version id, or None before the first build."""
        ...

    def manifest(self, version: str) -> Manifest:
        """The manifest of a complete version."""
        ...

    def catalog(self, version: str) -> Catalog:
        """The guide catalog of a complete version."""
        ...

    def store(self, version: str) -> VectorStore:
        """The chunk collection of a complete version (read side)."""
        ...

    def stage(self, version: str, base: str | None) -> VectorStore:
        """A writable store for a new version: a copy of `base`, or empty."""
        ...

    def commit(self, manifest: Manifest, catalog: Catalog) -> None:
        """Record manifest and catalog of the staged version, then make it live."""
        ...

    def collect(self) -> list[str]:
        """Remove every version except the live one and its predecessor; return removed ids."""
        ...


def open_versions(settings: Settings) -> VersionRepo:
    """The repository the settings point at (server when chroma_url is set)."""
    if settings.chroma_url:
        from assistant.index.remote_versions import RemoteVersions

        return RemoteVersions(settings)
    return LocalVersions(settings)


class LocalVersions:
    """Versions as directories under `settings.index`, switched by replacing CURRENT."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.root = settings.index
        self.copy_seconds = 0.0
        self._staged: ChromaConnection | None = None

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
        """The manifest of a complete version."""
        return Manifest.from_json((self._dir(version) / "manifest.json").read_text("utf-8"))

    def catalog(self, version: str) -> Catalog:
        """The guide catalog of a complete version."""
        return Catalog.from_bytes((self._dir(version) / "catalog.pkl").read_bytes())

    def store(self, version: str) -> VectorStore:
        """The chunk collection of a complete version (read side)."""
        conn = connect(self.settings, self._dir(version) / "chroma")
        return conn.store(collection_name(self.settings, version), create=False)

    def stage(self, version: str, base: str | None) -> VectorStore:
        """A writable store for a new version: a copy of `base`'s Chroma directory, or empty."""
        target = self._dir(version) / "chroma"
        target.parent.mkdir(parents=True, exist_ok=False)
        started = time.perf_counter()
        if base is not None:
            shutil.copytree(self._dir(base) / "chroma", target)
        self.copy_seconds = time.perf_counter() - started
        self._staged = connect(self.settings, target)
        name = collection_name(self.settings, version)
        if base is not None:
            self._staged.rename(collection_name(self.settings, base), name)
        return self._staged.store(name, create=True)

    def commit(self, manifest: Manifest, catalog: Catalog) -> None:
        """Write catalog, then manifest (marks the version complete), then switch CURRENT."""
        if self._staged is not None:
            self._staged.close()
            self._staged = None
        folder = self._dir(manifest.version)
        _write_atomic(folder / "catalog.pkl", catalog.to_bytes())
        _write_atomic(folder / "manifest.json", manifest.to_json().encode("utf-8"))
        _write_atomic(self.root / "CURRENT", (manifest.version + "\n").encode("utf-8"))

    def collect(self) -> list[str]:
        """Remove every version except the live one and its predecessor; return removed ids."""
        keep = versions_to_keep(self)
        removed: list[str] = []
        folder = self.root / "versions"
        for path in sorted(folder.iterdir()) if folder.is_dir() else []:
            if path.name not in keep:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
        for tmp in self.root.glob(".CURRENT.*.tmp"):
            tmp.unlink(missing_ok=True)
        return removed


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the same directory, fsync, then os.replace over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
