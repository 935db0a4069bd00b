"""Carrying out a plan: reuse stored vectors, embed each new text once, write the segment.

Example:
    >>> reused = reusable_vectors(repo, base, plan, layout, store)
    >>> embedded = write_chunks(store, plan, reused, embedder, progress=True, tick=lock.renew)
    >>> manifest = new_manifest(version, embedder, roots, catalog, hashes, previous, layout, 0)

Texts go to the model shortest first, in large groups, so each batch holds texts of nearly one
length and little of the work is padding; Chroma's inserts run on a background thread
(writer.py) while the model computes the next group.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from tqdm import tqdm

from assistant.chunks import CHUNK_FORMAT, TEXT_DIGEST, Chunk
from assistant.embed.embedder import Embedder
from assistant.errors import ModelMismatchError
from assistant.index.catalog import Catalog
from assistant.index.layers import Layout
from assistant.index.manifest import Manifest
from assistant.index.store import VectorStore
from assistant.index.versions.base import VersionRepo
from assistant.index.writing.plan import Base, ChunkPlan
from assistant.index.writing.writer import BackgroundWriter

EMBED_GROUP = 1024  # texts per embedder call (sorted by length; the embedder batches within)
WRITE_BATCH = 512  # chunks per store write
REUSE_MIN = 64  # stored vectors worth loading a base segment's vector index for (~0.7 s)


def reusable_vectors(repo: VersionRepo, base: Base | None, plan: ChunkPlan, layout: Layout,
                     store: VectorStore) -> dict[str, np.ndarray]:
    """Stored vectors of stale records whose text a fresh chunk embeds again, by text digest.

    A metadata-only change (a moved file, a new review date) then needs no model. The staged
    segment is read first: it holds every old record when flattening, the old delta otherwise.
    A delta build reads the base segment only for REUSE_MIN or more vectors: below that,
    embedding again is cheaper than loading the base's vector index.
    """
    if base is None or not plan.stale:
        return {}
    wanted = {c.text_digest for c in plan.fresh}
    digest = {i: base.manifest.chunks[i][:TEXT_DIGEST] for i in plan.stale}
    ids = [i for i in plan.stale if digest[i] in wanted]
    found = {r.id: r.vector for r in store.records(ids)} if ids else {}
    rest = [i for i in ids if i not in found]
    if layout.is_delta and len(rest) >= REUSE_MIN:  # live, unmasked records of the base
        found.update((r.id, r.vector) for r in repo.segment(layout.segments[0]).records(rest))
    return {digest[i]: vector for i, vector in found.items()}


def write_chunks(store: VectorStore, plan: ChunkPlan, reused: dict[str, np.ndarray],
                 embedder: Embedder, progress: bool, tick: Callable[[], None]) -> int:
    """Delete stale chunks, embed each new distinct text once, add fresh chunks; return #texts.

    `reused` holds vectors already stored, by text digest.
    """
    store.delete(plan.stale)
    vectors = dict(reused)
    texts: dict[str, str] = {}  # text digest -> text, for texts no stored vector covers
    by_digest: dict[str, list[Chunk]] = {}
    for chunk in plan.fresh:
        by_digest.setdefault(chunk.text_digest, []).append(chunk)
        if chunk.text_digest not in vectors:
            texts.setdefault(chunk.text_digest, chunk.embed_text)
    # Character length stands in for token length: close enough to keep padding small.
    order = sorted(texts, key=lambda d: len(texts[d]))
    pending: list[Chunk] = [c for c in plan.fresh if c.text_digest in vectors]
    with _bar(len(plan.fresh), progress) as bar, BackgroundWriter(store, bar.update) as writer:
        for first in range(0, len(order), EMBED_GROUP):
            group = order[first : first + EMBED_GROUP]
            vectors.update(zip(group, _embed(embedder, [texts[d] for d in group]), strict=True))
            tick()
            pending.extend(c for d in group for c in by_digest[d])
            while len(pending) >= WRITE_BATCH:
                window, pending = pending[:WRITE_BATCH], pending[WRITE_BATCH:]
                writer.put(window, np.stack([vectors[c.text_digest] for c in window]))
        if pending:
            writer.put(pending, np.stack([vectors[c.text_digest] for c in pending]))
    return len(order)


def new_manifest(version: str, embedder: Embedder, roots: Sequence[Path], catalog: Catalog,
                 chunks: dict[str, str], previous: str, layout: Layout, delta: int) -> Manifest:
    """The manifest of a version about to be committed; `delta` counts its delta's records."""
    return Manifest(
        version=version, embedder=embedder.name, dim=embedder.dim,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        roots=[str(r) for r in roots],
        files={e.path: e.content_hash for e in catalog.entries},
        chunks=chunks,
        counts={"guides": len(catalog.entries), "chunks": len(chunks),
                "findings": len(catalog.findings), "skipped": len(catalog.skipped),
                "delta": delta},
        previous=previous, chunking=CHUNK_FORMAT, segments=layout.segments,
        masked=layout.masked,
    )


def _embed(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """One batch through the model, with its shape checked."""
    vectors = np.asarray(embedder.embed(texts), dtype=np.float32)
    if vectors.shape != (len(texts), embedder.dim):
        raise ModelMismatchError(
            f"Embedder {embedder.name} returned shape {vectors.shape}, expected "
            f"({len(texts)}, {embedder.dim}): check ASSISTANT_EMBEDDER and the model files."
        )
    return vectors


def _bar(total: int, progress: bool) -> tqdm:
    """A tqdm bar (rate, ETA) on stderr; in logs (no TTY) it prints a line every 10 s."""
    tty = sys.stderr.isatty()
    return tqdm(total=total, desc="indexing", unit="chunk", file=sys.stderr,
                disable=not progress or not total, mininterval=0.5 if tty else 10.0,
                ascii=not tty)
