"""A version's records as segments: an immutable base, plus a small delta on top.

An incremental build does not copy the live version's records. It writes what changed into a
new delta segment (a copy of the previous delta, which stays small) and lists the base's ids
the new version no longer serves (`masked`: deleted or replaced). Once delta and mask together
pass a share of the library, the build flattens them into a new base instead (compaction).
Segments are written by one build and never change after its version commits, so readers of an
older version keep working while a build runs.

Reads merge the layers: masked base hits are dropped, every delta hit is live.

Example:
    >>> layout = plan_layout(live_manifest, "20250102T000000-abcdef", stale, fresh=12)
    >>> layout.segments, layout.copy_of
    (['20250101T000000-ab12cd', '20250102T000000-abcdef'], '20250101T093000-ef4567')
    >>> store = LayeredStore(repo.segment(base), repo.segment(delta), masked)
    >>> store.query(vector, k=5)[0].id
    'alibaba/ml-ai-engineer#negotiate-up-strategy/0'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.index.store import StoreHit, VectorStore

if TYPE_CHECKING:
    from assistant.index.manifest import Manifest
    from assistant.index.versions.base import VersionRepo

# Flatten when delta records + masked ids pass this share of the version's chunks (and at least
# COMPACT_MIN): until then a masked id costs queries little and the delta stays cheap to copy.
COMPACT_SHARE = 0.05
COMPACT_MIN = 1000


@dataclass(frozen=True)
class Layout:
    """Where a new version's records go, and what its writable segment starts from."""

    segment: str  # the segment this build writes
    copy_of: str | None  # the segment it starts as a copy of; None: empty
    segments: list[str]  # the new version's segments, base first
    masked: list[str]  # base ids the new version does not serve
    drop: list[str]  # ids removed from the copy first (flattening: the old mask)
    carry: str | None  # a delta whose records are added to the copy (flattening)

    @property
    def is_delta(self) -> bool:
        """True when the build writes a delta on top of an existing base."""
        return len(self.segments) == 2


def plan_layout(live: Manifest | None, version: str, stale: Iterable[str], fresh: int,
                compact: bool = False) -> Layout:
    """The layout of a version built on `live` that removes `stale` ids and adds `fresh` records.

    Without a live version (first build, --rebuild) the new segment is the whole version. With
    one, the build writes a delta, unless the delta would grow too large or `compact` asks to
    flatten: then the new segment is a copy of the base with the old delta folded in.
    """
    if live is None or not live.segments:
        return Layout(version, None, [version], [], [], None)
    base = live.segments[0]
    delta = live.segments[1] if len(live.segments) > 1 else None
    masked = sorted(set(live.masked).union(stale))
    grown = live.counts.get("delta", 0) + fresh + len(masked)
    if compact or grown > max(COMPACT_MIN, COMPACT_SHARE * len(live.chunks)):
        return Layout(version, base, [version], [], list(live.masked), delta)
    return Layout(version, delta, [base, version], masked, [], None)


def stage_layout(repo: VersionRepo, layout: Layout) -> VectorStore:
    """The writable segment of `layout`, with the old mask dropped and the old delta carried."""
    store = repo.stage(layout.segment, layout.copy_of)
    store.delete(layout.drop)
    if layout.carry is not None:
        store.add_records(repo.segment(layout.carry).records())
    return store


def open_layers(repo: VersionRepo, manifest: Manifest) -> LayeredStore:
    """The read side of a committed version."""
    base, *rest = manifest.segments
    delta = repo.segment(rest[0]) if rest else None
    return LayeredStore(repo.segment(base), delta, frozenset(manifest.masked))


class LayeredStore:
    """A version's records: the base without its masked ids, then the delta over it."""

    def __init__(self, base: VectorStore, delta: VectorStore | None,
                 masked: frozenset[str] = frozenset()) -> None:
        self.base = base
        self.delta = delta
        self.masked = masked

    def reachable(self) -> bool:
        """Whether every segment's store answers (see ChromaConnection.reachable)."""
        return all(s.conn.reachable() for s in (self.base, self.delta) if s is not None)

    def query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None = None
              ) -> list[StoreHit]:
        """The `k` nearest live records, nearest first.

        The base is asked for k + min(mask, k) hits, which nearly always leaves k live ones;
        when it does not, it is asked again for k + mask, which always does.
        """
        hits = self._base_query(vector, k, where)
        if self.delta is not None:
            hits += self.delta.query(vector, k, where)
            hits.sort(key=lambda hit: hit.distance)
        return hits[:k]

    def _base_query(self, vector: np.ndarray, k: int, where: dict[str, Any] | None
                    ) -> list[StoreHit]:
        if not self.masked:
            return self.base.query(vector, k, where)
        asked = k + min(len(self.masked), k)
        found = self.base.query(vector, asked, where)
        live = [hit for hit in found if hit.id not in self.masked]
        if len(live) < k and len(found) == asked and asked < k + len(self.masked):
            found = self.base.query(vector, k + len(self.masked), where)
            live = [hit for hit in found if hit.id not in self.masked]
        return live

    def get(self, ids: Sequence[str]) -> list[StoreHit]:
        """Live records by id, in the order given; missing ids are left out."""
        found = {hit.id: hit for hit in self.delta.get(ids)} if self.delta is not None else {}
        rest = [i for i in ids if i not in found and i not in self.masked]
        if rest:
            found.update((hit.id, hit) for hit in self.base.get(rest))
        return [found[i] for i in ids if i in found]

    def count(self) -> int:
        """Number of live records (reads every base id when some are masked)."""
        total = self.delta.count() if self.delta is not None else 0
        if not self.masked:
            return total + self.base.count()
        ids = self.base.collection.get(include=[])["ids"]
        return total + sum(1 for i in ids if i not in self.masked)
