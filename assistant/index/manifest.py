"""What an index version records about itself: the manifest (JSON; the catalog is catalog.py).

Example:
    >>> manifest = Manifest.from_json(path.read_text())
    >>> manifest.embedder, manifest.dim
    ('hash-384', 384)

The manifest maps every chunk id to its content hash, which is what incremental builds diff
against, and names the store segments that hold the version's records (layers.py): a base,
optionally a small delta on top, and the base's ids the version no longer serves (`masked`).
The catalog is the list of parsed guides the answer stage resolves questions with.

Its text is two JSON lines: the head (model, segments, counts: what opening the version for
questions needs) and the tail (every chunk's and file's hash: what only a build needs, 7 MB for
the whole library). Parsing waits for the first use of `chunks` or `files`, so a cold `ask`
never parses the tail. A one-line manifest (format 2) is read whole.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any

from assistant.errors import IndexMissingError

MANIFEST_FORMAT = 3  # 2: records live in segments (base + delta); 3: head and tail lines
READABLE_FORMATS = (2, MANIFEST_FORMAT)
TAIL = ("chunks", "files")  # the fields of the second line, parsed on first use


class LazyTail(Mapping[str, str]):
    """One field of the manifest's tail line, parsed (with the others) on first use."""

    def __init__(self, tail: _Tail, name: str) -> None:
        self._tail, self._name = tail, name

    @property
    def _data(self) -> dict[str, str]:
        return self._tail.parsed[self._name]

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class _Tail:
    """The tail line, read (when given as a loader) and parsed once, on first use."""

    def __init__(self, text: str | Callable[[], str]) -> None:
        self.text = text

    @cached_property
    def parsed(self) -> dict[str, dict[str, str]]:
        text = self.text if isinstance(self.text, str) else self.text()
        data: dict[str, dict[str, str]] = json.loads(text)
        return data


@dataclass(frozen=True)
class Manifest:
    """One complete index version: model, chunk hashes, corpus provenance and counts."""

    version: str
    embedder: str
    dim: int
    created: str  # ISO 8601, UTC
    roots: list[str] = field(default_factory=list)
    files: Mapping[str, str] = field(default_factory=dict)  # guide path -> content hash
    chunks: Mapping[str, str] = field(default_factory=dict)  # chunk id -> content hash
    counts: dict[str, int] = field(default_factory=dict)
    previous: str = ""  # the version this one was built from / replaced
    chunking: int = 1  # chunks.CHUNK_FORMAT the version was cut with
    segments: list[str] = field(default_factory=list)  # base first, then the delta if any
    masked: list[str] = field(default_factory=list)  # base ids this version does not serve
    format: int = MANIFEST_FORMAT

    def to_json(self) -> str:
        """Serialized form: the head line, then the tail line; stable key order.

        Shallow field copy and the C encoder: asdict's deep copy and an indented (pure
        Python) dump of the library's 56k chunk hashes cost ~1 s of every incremental build.
        """
        head = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in TAIL}
        tail = {name: dict(getattr(self, name)) for name in TAIL}
        return (json.dumps(head, sort_keys=True, ensure_ascii=False) + "\n"
                + json.dumps(tail, sort_keys=True, ensure_ascii=False))

    @classmethod
    def from_json(cls, text: str) -> Manifest:
        """Parse a manifest's head (its tail on first use); an unknown format means the index
        must be rebuilt."""
        first, _, rest = text.partition("\n")
        return cls._from_head(first, rest if rest.strip() else None)

    @classmethod
    def from_file(cls, path: Path) -> Manifest:
        """The manifest in `path`, its head line read alone: the tail (70 MB at ten times the
        library) is read from the file on first use, never by a question."""
        with path.open(encoding="utf-8") as file:
            first = file.readline()
            more = bool(file.read(1).strip())

        def tail() -> str:
            return path.read_text(encoding="utf-8").partition("\n")[2]

        return cls._from_head(first, tail if more else None)

    @classmethod
    def _from_head(cls, first: str, rest: str | Callable[[], str] | None) -> Manifest:
        data: dict[str, Any] = json.loads(first)
        if data.get("format") not in READABLE_FORMATS:
            raise IndexMissingError(
                f"Index manifest format {data.get('format')!r} is not {MANIFEST_FORMAT}: "
                "rebuild with `assistant index --rebuild`."
            )
        if rest is not None:
            tail = _Tail(rest)
            data.update({name: LazyTail(tail, name) for name in TAIL})
        return cls(**data)
