"""Index versions kept entirely in a Chroma server, so app replicas hold no state of their own.

Collections on the server::

    <collection>-<segment>   # records of one segment (cosine): a version's base or delta,
                             # named after the version whose build wrote it (layers.py)
    <collection>-meta        # small documents, keyed by id:
        current              # text: the live version id (one upsert switches it)
        catalog:<version>:N  # base64 slice N of the pickled catalog
        manifest:<version>:N # slice N of the manifest JSON; written after the catalog
        lock                 # the writer lease (see lock.py)

Blobs are split into parts under the server's payload limit and written last part first, so
part 0 existing means the blob is whole. Meta documents carry a 1-dimensional dummy vector:
Chroma requires one per record.

Example:
    >>> repo = RemoteVersions(Settings.load(overrides={"chroma_url": "http://127.0.0.1:8000"}))
    >>> repo.current()
    '20250101T120000-ab12cd'
"""

from __future__ import annotations

import base64
import re
import time
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.errors import IndexMissingError
from assistant.index.catalog import Catalog
from assistant.index.connection import connect
from assistant.index.manifest import Manifest
from assistant.index.store import Record, VectorStore, collection_name
from assistant.index.versions.base import VERSION_RE, to_keep

if TYPE_CHECKING:
    from assistant.index.lock import LeaseStore
    from assistant.settings import Settings

PART_CHARS = 4 << 20  # characters per meta document (a server refuses ~40 MB requests)
_DUMMY = np.ones(1, dtype=np.float32)


class MetaStore:
    """Key -> text documents in the `<collection>-meta` collection."""

    def __init__(self, store: VectorStore) -> None:
        self.store = store

    def read(self, key: str) -> tuple[str, dict[str, Any]] | None:
        """(text, metadata) of `key`, or None."""
        hits = self.store.get([key])
        return (hits[0].text, hits[0].metadata) if hits else None

    def write(self, key: str, text: str, **meta: str | int | float) -> None:
        """Create or replace `key`."""
        self.store.add_records([Record(key, text, {"key": key, **meta}, _DUMMY)])

    def remove(self, keys: list[str]) -> None:
        """Delete keys; unknown ones are ignored."""
        if keys:
            self.store.delete(keys)

    def keys(self) -> list[tuple[str, dict[str, Any]]]:
        """Every (key, metadata) pair."""
        found = self.store.collection.get(include=["metadatas"])
        return [(i, dict(m or {})) for i, m in zip(found["ids"], found["metadatas"], strict=True)]


class RemoteVersions:
    """Versions as server collections; the `current` meta document names the live one."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.conn = connect(settings)
        self.meta = MetaStore(VectorStore(self.conn, f"{settings.collection}-meta", True,
                                             space="l2"))
        self.copy_seconds = 0.0
        self._manifests: dict[str, Manifest] = {}  # committed manifests never change
        self._pattern = re.compile(re.escape(settings.collection) + "-(" + VERSION_RE.pattern + ")")

    def current(self) -> str | None:
        """The live version id, or None before the first build."""
        found = self.meta.read("current")
        if found is None:
            return None
        version = found[0]
        if self.meta.read(f"manifest:{version}:0") is None:
            raise IndexMissingError(
                f"The server's current index version {version!r} is incomplete: "
                "run `assistant index --rebuild`."
            )
        return version

    def manifest(self, version: str) -> Manifest:
        """The manifest of a complete version (read once per repository object)."""
        if version not in self._manifests:
            self._manifests[version] = Manifest.from_json(self._read_blob("manifest", version))
        return self._manifests[version]

    def catalog(self, version: str) -> Catalog:
        """The guide catalog of a complete version, reassembled from its parts."""
        return Catalog.from_bytes(base64.b64decode(self._read_blob("catalog", version)))

    def segment(self, segment: str) -> VectorStore:
        """The records of one committed segment (read side)."""
        return VectorStore(self.conn, collection_name(self.settings, segment), create=False)

    def stage(self, segment: str, copy_of: str | None) -> VectorStore:
        """A new collection, filled with every record (vectors included) of `copy_of`."""
        target = VectorStore(self.conn, collection_name(self.settings, segment), create=True)
        started = time.perf_counter()
        if copy_of is not None:
            target.add_records(self.segment(copy_of).records())
        self.copy_seconds = time.perf_counter() - started
        return target

    def commit(self, manifest: Manifest, catalog: Catalog) -> None:
        """Write catalog, then manifest, then switch `current` (one upsert)."""
        blob = base64.b64encode(catalog.to_bytes()).decode("ascii")
        self._write_blob("catalog", manifest.version, blob)
        self._write_blob("manifest", manifest.version, manifest.to_json())
        self.meta.write("current", manifest.version, kind="current", version=manifest.version)
        self._manifests[manifest.version] = manifest

    def _write_blob(self, kind: str, version: str, text: str) -> None:
        """Store `text` as parts `<kind>:<version>:N`, part 0 last so it marks completeness."""
        parts = [text[i : i + PART_CHARS] for i in range(0, len(text), PART_CHARS)] or [""]
        for n in reversed(range(len(parts))):
            self.meta.write(f"{kind}:{version}:{n}", parts[n], kind=kind, version=version,
                            part=n, parts=len(parts))

    def _read_blob(self, kind: str, version: str) -> str:
        """The text `_write_blob` stored, or IndexMissingError."""
        first = self.meta.read(f"{kind}:{version}:0")
        if first is None:
            raise IndexMissingError(
                f"Index version {version} has no {kind} on {self.settings.chroma_url}: "
                "rebuild with `assistant index --rebuild`."
            )
        texts = [first[0]]
        for n in range(1, int(first[1]["parts"])):  # one part per request: responses stay small
            found = self.meta.read(f"{kind}:{version}:{n}")
            if found is None:
                raise IndexMissingError(f"Index version {version} lost part {n} of its {kind}: "
                                        "rebuild with `assistant index --rebuild`.")
            texts.append(found[0])
        return "".join(texts)

    def collect(self) -> list[str]:
        """Drop segments and meta documents that `to_keep` does not name; return version ids."""
        versions, segments = to_keep(self)
        for name in self.conn.names():
            match = self._pattern.fullmatch(name)
            if match and match.group(1) not in segments:
                self.conn.drop(name)
        stale = [(key, str(meta.get("version"))) for key, meta in self.meta.keys()
                 if meta.get("kind") in ("catalog", "manifest")
                 and meta.get("version") not in versions]
        self.meta.remove([key for key, _ in stale])
        return sorted({version for _, version in stale})

    def lease(self) -> LeaseStore | None:
        """The meta collection: writers on every machine that shares the server see it."""
        return self.meta
