"""What an index version records about itself: the manifest (JSON) and the catalog (pickle).

Example:
    >>> manifest = Manifest.from_json(path.read_text())
    >>> manifest.embedder, manifest.dim
    ('hash-384', 384)

The manifest maps every chunk id to its content hash, which is what incremental builds diff
against. The catalog is the list of parsed guides the answer stage resolves questions with.
"""

from __future__ import annotations

import json
import pickle
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.corpus.model import Finding, Guide
from assistant.errors import IndexMissingError

MANIFEST_FORMAT = 1
CATALOG_FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    """One complete index version: model, chunk hashes, corpus provenance and counts."""

    version: str
    embedder: str
    dim: int
    created: str  # ISO 8601, UTC
    roots: list[str] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # guide path -> content hash
    chunks: dict[str, str] = field(default_factory=dict)  # chunk id -> content hash
    counts: dict[str, int] = field(default_factory=dict)
    previous: str = ""  # the version this one was built from / replaced
    format: int = MANIFEST_FORMAT

    def to_json(self) -> str:
        """Serialized form, stable key order."""
        return json.dumps(asdict(self), indent=1, sort_keys=True, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """Parse a manifest; an unknown format means the index must be rebuilt."""
        data: dict[str, Any] = json.loads(text)
        if data.get("format") != MANIFEST_FORMAT:
            raise IndexMissingError(
                f"Index manifest format {data.get('format')!r} is not {MANIFEST_FORMAT}: "
                "rebuild with `assistant index --rebuild`."
            )
        return cls(**data)


@dataclass(frozen=True)
class Catalog:
    """The parsed corpus an index version was built from."""

    guides: list[Guide]
    findings: list[Finding] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)
    format: int = CATALOG_FORMAT

    def to_bytes(self) -> bytes:
        """Pickled form (our own file, read only by this package)."""
        return pickle.dumps(self, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes) -> Catalog:
        """Unpickle a catalog, refusing other formats."""
        catalog = pickle.loads(data)  # noqa: S301 - written by this package, never by users
        if not isinstance(catalog, Catalog) or catalog.format != CATALOG_FORMAT:
            raise IndexMissingError(
                "Index catalog is from another version of the assistant: "
                "rebuild with `assistant index --rebuild`."
            )
        return catalog
