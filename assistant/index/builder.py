"""Build the index: corpus -> chunks -> diff against the live version -> embed new -> switch.

Example:
    >>> summary = build_index(settings, [Path("corpus/guides")])
    >>> summary.embedded, summary.reused
    (12, 3480)

Incremental by default: chunks whose content hash is unchanged keep their stored vectors, and
each distinct text is embedded once per build. A new version is written beside the live one and
switched to only when complete (versions.py); one writer at a time (lock.py). A small change is
written as a delta over the live version's records rather than a copy of them (layers.py).
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

from assistant.answer.vocabulary import Vocabulary, words_of
from assistant.errors import IndexMissingError, ModelMismatchError
from assistant.index.catalog import Catalog, GuideEntry, Part, entry_of
from assistant.index.chunks import CHUNK_FORMAT, TEXT_DIGEST, Chunk, chunk_guides
from assistant.index.embedder import Embedder, get_embedder
from assistant.index.handle import IndexHandle, open_index
from assistant.index.layers import Layout, plan_layout, stage_layout
from assistant.index.lock import IndexLock
from assistant.index.manifest import Manifest
from assistant.index.store import VectorStore
from assistant.index.versions import VersionRepo, new_version_id, open_versions
from assistant.index.writer import BackgroundWriter

if TYPE_CHECKING:
    from assistant.corpus.model import CorpusResult, Finding, Guide
    from assistant.settings import Settings

__all__ = ["BuildSummary", "IndexHandle", "build_from_corpus", "build_index", "open_index"]
log = logging.getLogger(__name__)
EMBED_GROUP = 1024  # texts per embedder call (sorted by length; the embedder batches within)
WRITE_BATCH = 512  # chunks per store write
REUSE_MIN = 64  # stored vectors worth loading a base segment's vector index for (~0.7 s)


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
    segments: list[str] = field(default_factory=list)
    masked: int = 0
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form for `assistant index --json`."""
        return asdict(self)


@dataclass(frozen=True)
class _Plan:
    keep: set[str]
    stale: list[str]
    fresh: list[Chunk]


@dataclass(frozen=True)
class _Base:
    """The live version an incremental build starts from."""

    version: str
    manifest: Manifest
    catalog: Catalog


def build_index(settings: Settings, roots: Sequence[Path], rebuild: bool = False,
                progress: bool = True, embedder: Embedder | None = None,
                compact: bool = False) -> BuildSummary:
    """Read the corpus under `roots` and build a new index version from it.

    Files whose bytes are unchanged since the live version are not parsed again: their
    guides, findings and chunk records are carried over. `compact` folds the live version's
    delta into a new base even when nothing changed.
    """
    from assistant.corpus.reader import read_corpus

    started = time.perf_counter()
    embedder = embedder or get_embedder(settings)
    repo = open_versions(settings)
    with IndexLock(settings, getattr(repo, "meta", None)) as lock:
        repo.collect()  # leftovers of builds that died before switching
        notes: list[str] = []
        base = _base(repo, embedder, rebuild, notes)
        reuse = {e.path: (e.content_hash, e.id) for e in base.catalog.entries} if base else None
        corpus = read_corpus(roots, progress=progress, reuse=reuse)
        job = _Job(settings, repo, lock.renew, embedder, progress, notes, started, compact)
        return _build(job, corpus, roots, base)


def build_from_corpus(settings: Settings, corpus: CorpusResult, roots: Sequence[Path],
                      rebuild: bool = False, progress: bool = True,
                      embedder: Embedder | None = None, compact: bool = False) -> BuildSummary:
    """Build a new index version from already parsed guides (the seam tests use)."""
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings)
    repo = open_versions(settings)
    with IndexLock(settings, getattr(repo, "meta", None)) as lock:
        repo.collect()
        notes: list[str] = []
        base = _base(repo, embedder, rebuild, notes)
        job = _Job(settings, repo, lock.renew, embedder, progress, notes, started, compact)
        return _build(job, corpus, roots, base)


@dataclass
class _Job:
    settings: Settings
    repo: VersionRepo
    tick: Callable[[], None]
    embedder: Embedder
    progress: bool
    notes: list[str]
    started: float
    compact: bool = False


def _build(job: _Job, corpus: CorpusResult, roots: Sequence[Path], base: _Base | None
           ) -> BuildSummary:
    """Chunk what changed, diff against `base`, embed and write, then commit and switch."""
    fresh_chunks, by_guide = _chunk(corpus.guides, job.embedder, job.notes)
    parts, findings = _parts(corpus, base, by_guide)
    chunk_hashes = {cid: h for part in parts for cid, h in part.entry.chunks}
    plan = _plan(base, chunk_hashes, fresh_chunks)
    flatten = job.compact and base is not None and len(base.manifest.segments) > 1
    if base is not None and not flatten and _unchanged(base, corpus, roots, plan, parts):
        job.notes.append(f"nothing changed since version {base.version}: kept it")
        return BuildSummary(
            version=base.version, guides=len(parts), chunks=len(chunk_hashes), embedded=0,
            reused=len(plan.keep), deleted=0, findings=len(findings),
            seconds=round(time.perf_counter() - job.started, 3), skipped=dict(corpus.skipped),
            previous=base.manifest.previous, notes=job.notes)
    version = new_version_id()
    layout = plan_layout(base.manifest if base else None, version, plan.stale, len(plan.fresh),
                         flatten)
    store = stage_layout(job.repo, layout)
    reused = _reuse(job.repo, base, plan, layout, store)
    embedded = _write(store, plan, reused, job.embedder, job.progress, job.tick)
    catalog = Catalog.pack(parts, findings, dict(corpus.skipped),
                           _vocabulary(corpus, base, [p.entry for p in parts]))
    manifest = _manifest(version, job.embedder, roots, catalog, chunk_hashes,
                         base.version if base else _live(job.repo), layout,
                         store.count() if layout.is_delta else 0)
    job.repo.commit(manifest, catalog)
    job.repo.collect()
    return BuildSummary(
        version=version, guides=len(parts), chunks=len(chunk_hashes), embedded=embedded,
        reused=len(plan.keep), deleted=len(plan.stale), findings=len(findings),
        seconds=round(time.perf_counter() - job.started, 3), skipped=dict(corpus.skipped),
        previous=manifest.previous, copy_seconds=round(job.repo.copy_seconds, 4),
        segments=layout.segments, masked=len(layout.masked), notes=job.notes,
    )


def _live(repo: VersionRepo) -> str:
    """The live version id, kept as `previous` by a build that does not start from it."""
    try:
        return repo.current() or ""
    except IndexMissingError:
        return ""


def _unchanged(base: _Base, corpus: CorpusResult, roots: Sequence[Path], plan: _Plan,
               parts: list[Part]) -> bool:
    """True when every file was carried over as it was and nothing was added or removed."""
    return (not corpus.guides and not plan.fresh and not plan.stale
            and [str(r) for r in roots] == base.manifest.roots
            and dict(corpus.skipped) == base.catalog.skipped
            and [p.entry.id for p in parts] == [e.id for e in base.catalog.entries])


def _chunk(guides: Sequence[Guide], embedder: Embedder, notes: list[str]
           ) -> tuple[list[Chunk], dict[str, list[Chunk]]]:
    """Chunks of the parsed (new or changed) guides, also grouped by guide id."""
    chunks, dropped = _unique(chunk_guides(guides, embedder.count_tokens))
    notes.extend(dropped)
    by_guide: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_guide.setdefault(str(chunk.metadata["guide"]), []).append(chunk)
    return chunks, by_guide


def _parts(corpus: CorpusResult, base: _Base | None, by_guide: dict[str, list[Chunk]]
           ) -> tuple[list[Part], list[Finding]]:
    """The new catalog's guides in reading order: parsed ones and unchanged ones carried over."""
    parsed = {g.id: g for g in corpus.guides}
    old_findings = base.catalog.findings_by_path() if base else {}
    findings = list(corpus.findings)
    parts: list[Part] = []
    for guide_id in corpus.order or list(parsed):
        guide = parsed.get(guide_id)
        if guide is not None:
            chunks = [(c.id, c.content_hash) for c in by_guide.get(guide_id, [])]
            parts.append(Part(entry_of(guide, chunks), guide=guide))
        elif base is not None:
            entry = base.catalog.by_id[guide_id]
            parts.append(Part(entry, data=base.catalog.raw(entry)))
            findings.extend(old_findings.get(entry.path, []))
    return parts, findings


def _vocabulary(corpus: CorpusResult, base: _Base | None, entries: list[GuideEntry]
                ) -> Vocabulary:
    """The answer stage's vocabulary; words of carried-over guides come from the base."""
    words = words_of(corpus.guides)
    if corpus.reused and base is not None and base.catalog.vocabulary is not None:
        words |= base.catalog.vocabulary.known_words
    return Vocabulary.from_entries(entries, words)


def _reuse(repo: VersionRepo, base: _Base | None, plan: _Plan, layout: Layout,
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


def _write(store: VectorStore, plan: _Plan, reused: dict[str, np.ndarray], embedder: Embedder,
           progress: bool, tick: Callable[[], None]) -> int:
    """Delete stale chunks, embed each new distinct text once, add fresh chunks; return #texts.

    `reused` holds vectors already stored, by text digest. Texts are embedded shortest first
    in large groups, so each model batch holds texts of nearly one length and little of the
    work is padding.
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


def _manifest(version: str, embedder: Embedder, roots: Sequence[Path], catalog: Catalog,
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


def _base(repo: VersionRepo, embedder: Embedder, rebuild: bool, notes: list[str]
          ) -> _Base | None:
    """The live version to build on, or None (first build, --rebuild, other model, broken)."""
    try:
        live = repo.current()
    except IndexMissingError as exc:
        notes.append(f"{exc} Building from scratch.")
        log.warning(notes[-1])
        return None
    if live is None or rebuild:
        return None
    try:
        manifest = repo.manifest(live)
    except IndexMissingError as exc:  # e.g. written by an older version of the assistant
        notes.append(f"{exc} Rebuilt from scratch.")
        log.warning(notes[-1])
        return None
    if (manifest.embedder, manifest.dim) != (embedder.name, embedder.dim):
        notes.append(f"live index was built with {manifest.embedder} ({manifest.dim}-d), this "
                     f"build uses {embedder.name} ({embedder.dim}-d): rebuilt from scratch")
        log.warning(notes[-1])
        return None
    if manifest.chunking != CHUNK_FORMAT:
        notes.append(f"live index was cut with chunk format {manifest.chunking}, this build "
                     f"uses {CHUNK_FORMAT}: rebuilt from scratch")
        log.warning(notes[-1])
        return None
    try:
        catalog = repo.catalog(live)
    except IndexMissingError as exc:
        notes.append(f"{exc} Rebuilt from scratch.")
        return None
    return _Base(live, manifest, catalog)


def _plan(base: _Base | None, chunks: dict[str, str], fresh: list[Chunk]) -> _Plan:
    """Which chunks the live version already holds, which are stale, which need writing."""
    if base is None:
        return _Plan(set(), [], fresh)
    old = base.manifest.chunks
    keep = {i for i, h in old.items() if chunks.get(i) == h}
    stale = sorted(i for i in old if i not in keep)
    return _Plan(keep, stale, [c for c in fresh if c.id not in keep])


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
