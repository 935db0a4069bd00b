"""Build the index: corpus -> chunks -> diff against the live version -> embed new -> switch.

Example:
    >>> summary = build_index(settings, [Path("corpus/guides")])
    >>> summary.embedded, summary.reused
    (12, 3480)

Incremental by default: chunks whose content hash is unchanged keep their stored vectors, and
each distinct text is embedded once per build. A new version is written beside the live one and
switched to only when complete (versions/); one writer at a time (lock.py). A small change is
written as a delta over the live version's records rather than a copy of them (layers.py).
What changed is decided in plan.py, carried out in write.py.
"""

from __future__ import annotations

import errno
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.corpus.model import CorpusResult, Guide
from assistant.embed.embedder import Embedder, get_embedder
from assistant.errors import IndexWriteError
from assistant.index.articles import collect as collect_articles
from assistant.index.catalog import Catalog
from assistant.index.layers import plan_layout, stage_layout
from assistant.index.lock import IndexLock
from assistant.index.versions.base import VersionRepo, new_version_id
from assistant.index.versions.factory import open_versions
from assistant.index.writing import plan as planning
from assistant.index.writing.plan import Base
from assistant.index.writing.write import new_manifest, reusable_vectors, write_chunks
from assistant.places.lexicon import LEXICON_FILE, Lexicon

if TYPE_CHECKING:
    from assistant.settings import Settings

ReadCorpus = Callable[[Base | None], CorpusResult]


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


def build_index(settings: Settings, roots: Sequence[Path], rebuild: bool = False,
                progress: bool = True, embedder: Embedder | None = None,
                compact: bool = False) -> BuildSummary:
    """Read the corpus under `roots` and build a new index version from it.

    Files whose bytes are unchanged since the live version are not parsed again: their
    guides, findings and chunk records are carried over. `compact` folds the live version's
    delta into a new base even when nothing changed.
    """
    from assistant.corpus.reader import read_corpus

    def read(base: Base | None) -> CorpusResult:
        reuse = {e.path: (e.content_hash, e.id) for e in base.catalog.entries} if base else None
        return read_corpus(roots, progress=progress, reuse=reuse,
                           follow_links=settings.follow_links)

    return _locked_build(settings, roots, read, rebuild, progress, embedder, compact)


def build_from_corpus(settings: Settings, corpus: CorpusResult, roots: Sequence[Path],
                      rebuild: bool = False, progress: bool = True,
                      embedder: Embedder | None = None, compact: bool = False) -> BuildSummary:
    """Build a new index version from already parsed guides (the seam tests use)."""
    return _locked_build(settings, roots, lambda base: corpus, rebuild, progress, embedder,
                         compact)


def _locked_build(settings: Settings, roots: Sequence[Path], read: ReadCorpus, rebuild: bool,
                  progress: bool, embedder: Embedder | None, compact: bool) -> BuildSummary:
    """Take the writer lock, find the live version to build on, read the corpus, build."""
    started = time.perf_counter()
    embedder = embedder or get_embedder(settings)
    repo = open_versions(settings)
    with IndexLock(settings, repo.lease()) as lock:
        repo.collect()  # leftovers of builds that died before switching
        notes: list[str] = []
        base = planning.find_base(repo, embedder, rebuild, notes)
        corpus = read(base)
        job = _Job(settings, repo, lock.renew, embedder, progress, notes, started, compact)
        try:
            return _build(job, corpus, roots, base)
        except Exception as exc:
            if not disk_full(exc):
                raise
            where = settings.chroma_url or str(settings.index)
            raise IndexWriteError(
                f"The disk holding the index ({where}) is full, so this build stopped; the "
                "live version keeps answering. Free some space (or set ASSISTANT_INDEX to a "
                "disk with room) and run `assistant index` again.") from None


def _article_reader(corpus: CorpusResult, base: Base | None) -> Callable[[str], Guide | None]:
    """An article read again by this build, or one whose paragraphs the base lacks (loaded
    from its catalog), by id; None for an article the base carries whole."""
    fresh = {g.id: g for g in corpus.guides}
    held = {gid for gid, _ in base.catalog.articles.paragraphs} if base else set()

    def read(guide_id: str) -> Guide | None:
        if guide_id in fresh:
            return fresh[guide_id]
        return base.catalog.guide(guide_id) if base and guide_id not in held else None

    return read


def disk_full(exc: BaseException) -> bool:
    """True for the ways a full disk shows: ENOSPC/EDQUOT, a shutil.Error listing them, or
    SQLite's "database or disk is full" from Chroma."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    text = str(exc)
    return "No space left on device" in text or "disk is full" in text or (
        exc.__cause__ is not None and disk_full(exc.__cause__))


def _build(job: _Job, corpus: CorpusResult, roots: Sequence[Path], base: Base | None
           ) -> BuildSummary:
    """Chunk what changed, diff against `base`, embed and write, then commit and switch."""
    fresh_chunks, by_guide = planning.cut(corpus.guides, job.embedder, job.notes)
    lexicon = Lexicon(job.settings.model_dir / LEXICON_FILE)
    parts, findings = planning.catalog_parts(corpus, base, by_guide, lexicon)
    chunk_hashes = {cid: h for part in parts for cid, h in part.entry.chunks}
    plan = planning.plan_chunks(base, chunk_hashes, fresh_chunks)
    flatten = job.compact and base is not None and len(base.manifest.segments) > 1
    if base is not None and not flatten and planning.unchanged(base, corpus, roots, plan, parts):
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
    reused = reusable_vectors(job.repo, base, plan, layout, store)
    embedded = write_chunks(store, plan, reused, job.embedder, job.progress, job.tick)
    previous = base.catalog.articles if base else None
    articles = collect_articles(parts, by_guide, store, previous,
                                _article_reader(corpus, base), job.embedder.embed)
    catalog = Catalog.pack(parts, findings, dict(corpus.skipped), articles)
    manifest = new_manifest(version, job.embedder, roots, catalog, chunk_hashes,
                            base.version if base else planning.live_version(job.repo), layout,
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
