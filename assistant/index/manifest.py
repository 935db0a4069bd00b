"""What an index version records about itself: the manifest (JSON; the catalog is catalog.py).

Example:
    >>> manifest = Manifest.from_json(path.read_text())
    >>> manifest.embedder, manifest.dim
    ('hash-384', 384)

The manifest maps every chunk id to its content hash, which is what incremental builds diff
against, and names the store segments that hold the version's records (layers.py): a base,
optionally a small delta on top, and the base's ids the version no longer serves (`masked`).
The catalog is the list of parsed guides the answer stage resolves questions with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any

from assistant.errors import IndexMissingError

MANIFEST_FORMAT = 2  # 2: records live in segments (base + delta), not one copy


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
    chunking: int = 1  # chunks.CHUNK_FORMAT the version was cut with
    segments: list[str] = field(default_factory=list)  # base first, then the delta if any
    masked: list[str] = field(default_factory=list)  # base ids this version does not serve
    format: int = MANIFEST_FORMAT

    def to_json(self) -> str:
        """Serialized form, stable key order, one line (`python -m json.tool` shows it).

        Shallow field copy and the C encoder: asdict's deep copy and an indented (pure
        Python) dump of the library's 56k chunk hashes cost ~1 s of every incremental build.
        """
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        return json.dumps(data, sort_keys=True, ensure_ascii=False)

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
