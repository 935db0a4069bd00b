"""What a build must do: the live version it starts from, and which chunks are kept or new.

Example:
    >>> base = find_base(repo, embedder, rebuild=False, notes=[])
    >>> plan = plan_chunks(base, chunk_hashes, fresh_chunks)
    >>> len(plan.keep), len(plan.stale), len(plan.fresh)
    (3480, 12, 12)

No writes happen here: these functions read the live version and compare it with the corpus,
so the decisions of an incremental build can be tested without a model or a store.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.chunks import CHUNK_FORMAT, Chunk, chunk_guides
from assistant.corpus.model import CorpusResult, Finding, Guide
from assistant.embed.embedder import Embedder
from assistant.errors import IndexMissingError
from assistant.index.catalog import Catalog
from assistant.index.entries import Part, carried_row_places, entry_of, with_row_places
from assistant.index.manifest import Manifest
from assistant.index.versions.base import VersionRepo
from assistant.places.lexicon import Lexicon

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Base:
    """The live version an incremental build starts from."""

    version: str
    manifest: Manifest
    catalog: Catalog


@dataclass(frozen=True)
class ChunkPlan:
    """Chunk ids the live version already holds as they are, ids it must drop, chunks to add."""

    keep: set[str]
    stale: list[str]
    fresh: list[Chunk]


def find_base(repo: VersionRepo, embedder: Embedder, rebuild: bool, notes: list[str]
              ) -> Base | None:
    """The live version to build on, or None (first build, --rebuild, other model, broken)."""
    try:
        live = repo.current()
    except IndexMissingError as exc:
        return _scratch(notes, f"{exc} Building from scratch.")
    if live is None or rebuild:
        return None
    try:
        manifest = repo.manifest(live)
    except IndexMissingError as exc:  # e.g. written by an older version of the assistant
        return _scratch(notes, f"{exc} Rebuilt from scratch.")
    if (manifest.embedder, manifest.dim) != (embedder.name, embedder.dim):
        return _scratch(notes, f"live index was built with {manifest.embedder} ({manifest.dim}-d), "
                        f"this build uses {embedder.name} ({embedder.dim}-d): rebuilt from scratch")
    if manifest.chunking != CHUNK_FORMAT:
        return _scratch(notes, f"live index was cut with chunk format {manifest.chunking}, this "
                        f"build uses {CHUNK_FORMAT}: rebuilt from scratch")
    try:
        catalog = repo.catalog(live)
    except IndexMissingError as exc:  # this build is the rebuild the message asks for
        return _scratch(notes, str(exc).replace(
            "rebuild with `assistant index --rebuild`.", "Rebuilt from scratch."))
    return Base(live, manifest, catalog)


def _scratch(notes: list[str], note: str) -> Base | None:
    """No base: the build starts from scratch, for the reason `note` records."""
    notes.append(note)
    log.warning(note)
    return None


def live_version(repo: VersionRepo) -> str:
    """The live version id, kept as `previous` by a build that does not start from it."""
    try:
        return repo.current() or ""
    except IndexMissingError:
        return ""


def cut(guides: Sequence[Guide], embedder: Embedder, notes: list[str]
        ) -> tuple[list[Chunk], dict[str, list[Chunk]]]:
    """Chunks of the parsed (new or changed) guides, also grouped by guide id."""
    chunks, dropped = _unique(chunk_guides(guides, embedder.count_tokens, embedder.max_tokens))
    notes.extend(dropped)
    by_guide: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_guide.setdefault(str(chunk.metadata["guide"]), []).append(chunk)
    return chunks, by_guide


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


def catalog_parts(corpus: CorpusResult, base: Base | None, by_guide: dict[str, list[Chunk]],
                  lexicon: Lexicon) -> tuple[list[Part], list[Finding]]:
    """The new catalog's guides in reading order: parsed ones and unchanged ones carried over
    (each entry with its rows' places, resolved with `lexicon`)."""
    parsed = {g.id: g for g in corpus.guides}
    old_findings = base.catalog.findings_by_path() if base else {}
    findings = list(corpus.findings)
    parts: list[Part] = []
    for guide_id in corpus.order or list(parsed):
        guide = parsed.get(guide_id)
        if guide is not None:
            chunks = [(c.id, c.content_hash) for c in by_guide.get(guide_id, [])]
            parts.append(Part(with_row_places(entry_of(guide, chunks), guide, lexicon),
                              guide=guide))
        elif base is not None and (held := base.catalog.entry(guide_id)) is not None:
            entry = carried_row_places(held, base.catalog, lexicon)
            parts.append(Part(replace(entry, chunks=base.catalog.chunks_of(guide_id)),
                              data=base.catalog.raw(entry)))
            findings.extend(old_findings.get(entry.path, []))
    return parts, findings


def plan_chunks(base: Base | None, chunks: dict[str, str], fresh: list[Chunk]) -> ChunkPlan:
    """Which chunks the live version already holds, which are stale, which need writing."""
    if base is None:
        return ChunkPlan(set(), [], fresh)
    old = base.manifest.chunks
    keep = {i for i, h in old.items() if chunks.get(i) == h}
    stale = sorted(i for i in old if i not in keep)
    return ChunkPlan(keep, stale, [c for c in fresh if c.id not in keep])


def unchanged(base: Base, corpus: CorpusResult, roots: Sequence[Path], plan: ChunkPlan,
              parts: list[Part]) -> bool:
    """True when every file was carried over as it was and nothing was added or removed (and
    the base keeps its articles' paragraph vectors, which versions before them lack)."""
    articles = base.catalog.articles
    return (not corpus.guides and not plan.fresh and not plan.stale
            and (articles.paragraph_matrix is not None or not articles.ids)
            and [str(r) for r in roots] == base.manifest.roots
            and dict(corpus.skipped) == base.catalog.skipped
            and [replace(p.entry, chunks=()) for p in parts]
            == [replace(e, chunks=()) for e in base.catalog.entries])
