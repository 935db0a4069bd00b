"""Build the index: corpus -> chunks -> diff against the live version -> embed new -> switch.

Example:
    >>> summary = build_index(settings, [Path("corpus/guides")])
    >>> summary.embedded, summary.reused
    (12, 3480)

Incremental by default: chunks whose content hash is unchanged keep their stored vectors, and
each distinct text is embedded once per build. A new version is written beside the live one and
switched to only when complete (versions.py); one writer at a time (lock.py).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from tqdm import tqdm

from assistant.errors import IndexMissingError, ModelMismatchError
from assistant.index.chunks import Chunk, chunk_guides
from assistant.index.embedder import Embedder, get_embedder
from assistant.index.handle import IndexHandle, open_index
from assistant.index.lock import IndexLock
from assistant.index.manifest import Catalog, Manifest
from assistant.index.store import VectorStore
from assistant.index.versions import VersionRepo, new_version_id, open_versions

if TYPE_CHECKING:
    from assistant.corpus.model import CorpusResult
    from assistant.settings import Settings

__all__ = ["BuildSummary", "IndexHandle", "build_from_corpus", "build_index", "open_index"]
log = logging.getLogger(__name__)
EMBED_BATCH = 32  # texts per model call
WRITE_BATCH = 512  # chunks per store write


@dataclass
class BuildSummary:
    """What one build did; `embedded` counts texts sent to the model."""

    version: str
    guides: int
    chunks: int
    embedded: int
    reused: int
    deleted: int
    findings: int
    seconds: float
    skipped: dict[str, str] = field(default_factory=dict)
    previous: str = ""
    copy_seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for `assistant index --json`."""
        return asdict(self)


@dataclass(frozen=True)
class _Plan:
    base: str | None
    keep: set[str]
    stale: list[str]
    fresh: list[Chunk]


def build_index(settings: Settings, roots: Sequence[Path], rebuild: bool = False,
                progress: bool = True, embedder: Embedder | None = None) -> BuildSummary:
    """Read the corpus under `roots` and build a new index version from it."""
    from assistant.corpus.reader import read_corpus

    corpus = read_corpus(roots, progress=progress)
    return build_from_corpus(settings, corpus, roots, rebuild, progress, embedder)


def build_from_corpus(settings: Settings, corpus: CorpusResult, roots: Sequence[Path],
                      rebuild: bool = False, progress: bool = True,
                      embedder: Embedder | None = None) -> BuildSummary:
    """Build a new index version from already parsed guides (the seam tests use)."""
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings)
    repo = open_versions(settings)
    with IndexLock(settings, getattr(repo, "meta", None)) as lock:
        repo.collect()  # leftovers of builds that died before switching
        chunks, notes = _unique(chunk_guides(corpus.guides, embedder.count_tokens))
        live = _live(repo, notes)
        plan = _plan(repo, live, embedder, chunks, rebuild, notes)
        version = new_version_id()
        store = repo.stage(version, plan.base)
        embedded = _write(store, plan, embedder, progress, lock.renew)
        manifest = _manifest(version, embedder, roots, corpus, chunks, live or "")
        repo.commit(manifest, Catalog(list(corpus.guides), list(corpus.findings),
                                      dict(corpus.skipped)))
        repo.collect()
    return BuildSummary(
        version=version, guides=len(corpus.guides), chunks=len(chunks), embedded=embedded,
        reused=len(plan.keep), deleted=len(plan.stale), findings=len(corpus.findings),
        seconds=round(time.perf_counter() - started, 3), skipped=dict(corpus.skipped),
        previous=manifest.previous, copy_seconds=round(repo.copy_seconds, 4), notes=notes,
    )


def _write(store: VectorStore, plan: _Plan, embedder: Embedder, progress: bool,
           tick: Callable[[], None]) -> int:
    """Delete stale chunks, embed each new distinct text once, add fresh chunks; return #texts."""
    # Vectors of stale chunks are kept by text: a metadata-only change needs no re-embedding.
    cache = {r.text: r.vector for r in store.records(plan.stale)} if plan.stale else {}
    store.delete(plan.stale)
    embedded = 0
    with _bar(len(plan.fresh), progress) as bar:
        for start in range(0, len(plan.fresh), WRITE_BATCH):
            window = plan.fresh[start : start + WRITE_BATCH]
            texts = list(dict.fromkeys(c.text for c in window if c.text not in cache))
            for first in range(0, len(texts), EMBED_BATCH):
                batch = texts[first : first + EMBED_BATCH]
                cache.update(zip(batch, _embed(embedder, batch), strict=True))
                tick()
            embedded += len(texts)
            store.add(window, np.stack([cache[c.text] for c in window]))
            bar.update(len(window))
    return embedded


def _manifest(version: str, embedder: Embedder, roots: Sequence[Path], corpus: CorpusResult,
              chunks: list[Chunk], previous: str) -> Manifest:
    """The manifest of a version about to be committed."""
    return Manifest(
        version=version, embedder=embedder.name, dim=embedder.dim,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        roots=[str(r) for r in roots],
        files={g.path: g.content_hash for g in corpus.guides},
        chunks={c.id: c.content_hash for c in chunks},
        counts={"guides": len(corpus.guides), "chunks": len(chunks),
                "findings": len(corpus.findings), "skipped": len(corpus.skipped)},
        previous=previous,
    )


def _unique(chunks: list[Chunk]) -> tuple[list[Chunk], list[str]]:
    """Drop chunks whose id repeats (two guides with one id); note each drop."""
    seen: dict[str, Chunk] = {}
    notes: list[str] = []
    for chunk in chunks:
        if chunk.id in seen:
            notes.append(f"duplicate chunk id {chunk.id!r} (two guides share an id); kept first")
        else:
            seen[chunk.id] = chunk
    return list(seen.values()), notes


def _live(repo: VersionRepo, notes: list[str]) -> str | None:
    """The live version, or None when there is none or CURRENT is broken (noted)."""
    try:
        return repo.current()
    except IndexMissingError as exc:
        notes.append(f"{exc} Building from scratch.")
        log.warning(notes[-1])
        return None


def _plan(repo: VersionRepo, live: str | None, embedder: Embedder, chunks: list[Chunk],
          rebuild: bool, notes: list[str]) -> _Plan:
    """Which chunks the live version already holds, which are stale, which need writing."""
    if live is None or rebuild:
        return _Plan(None, set(), [], chunks)
    old = repo.manifest(live)
    if (old.embedder, old.dim) != (embedder.name, embedder.dim):
        notes.append(f"live index was built with {old.embedder} ({old.dim}-d), this build uses "
                     f"{embedder.name} ({embedder.dim}-d): rebuilt from scratch")
        log.warning(notes[-1])
        return _Plan(None, set(), [], chunks)
    new = {c.id: c.content_hash for c in chunks}
    keep = {i for i, h in old.chunks.items() if new.get(i) == h}
    stale = sorted(i for i in old.chunks if i not in keep)
    return _Plan(live, keep, stale, [c for c in chunks if c.id not in keep])


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
