"""The articles' section vectors, kept in the catalog: general questions search them here.

Example:
    >>> vectors = collect(parts, by_guide, staged, base.catalog.articles if base else None)
    >>> vectors.nearest(question_vector, k=30)[0]        # (guide id, section anchor, score)
    ('ml-offer-negotiation', 'sign-on-bonuses', 0.61)

A question that names no company may be answered from the articles alone: every guide is one
company's. Searching the whole vector store for it loaded Chroma (about 0.9 s of imports) and
its vector index into a cold `ask`, and at ten times the library the guides' chunks crowded
the articles out of the store's nearest 30. The articles' section chunks are few (hundreds),
so their vectors are stored once per version, here, and searched exactly with one product.

The paragraphs of those sections are kept too (`paragraph_vector`): advice reranks the
paragraphs it found by meaning, and embedding them was a second run of the model in every cold
general question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from assistant.chunks import Chunk
from assistant.corpus.model import Guide
from assistant.corpus.paragraphs import quoted_paragraphs
from assistant.index.entries import Part

Embed = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class ArticleVectors:
    """Section chunks of the articles: id, content hash, guide, anchor and vector of each."""

    ids: tuple[str, ...] = ()
    hashes: tuple[str, ...] = ()
    guides: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()
    matrix: np.ndarray | None = None  # (len(ids), dim) float32, rows L2-normalised
    # their sections' paragraphs (quoted_paragraphs): article id and text of each, and vectors
    paragraphs: tuple[tuple[str, str], ...] = ()
    paragraph_matrix: np.ndarray | None = None

    def paragraph_vector(self, text: str) -> np.ndarray | None:
        """The stored vector of an article paragraph with this text, or None."""
        if self.paragraph_matrix is None:
            return None
        at = self._paragraph_rows().get(text)
        return None if at is None else self.paragraph_matrix[at]

    def _paragraph_rows(self) -> dict[str, int]:
        rows = self.__dict__.get("_rows")
        if rows is None:  # made once, on first use (a frozen dataclass, unpickled)
            rows = {text: n for n, (_, text) in enumerate(self.paragraphs)}
            object.__setattr__(self, "_rows", rows)
        return rows

    def nearest(self, vector: np.ndarray, k: int | None) -> list[tuple[str, str, float]]:
        """The `k` chunks (all when None) most like `vector` (cosine), best first: (guide,
        anchor, score)."""
        if self.matrix is None or not self.ids:
            return []
        scores = self.matrix @ np.asarray(vector, dtype=np.float32)
        best = np.argsort(-scores, kind="stable")[:k]
        return [(self.guides[i], self.anchors[i], float(scores[i])) for i in best]

    def by_chunk(self) -> dict[tuple[str, str], tuple[str, str, np.ndarray]]:
        """(chunk id, content hash) -> (guide, anchor, vector), for the next build to carry."""
        if self.matrix is None:
            return {}
        return {(i, h): (g, a, self.matrix[n]) for n, (i, h, g, a) in
                enumerate(zip(self.ids, self.hashes, self.guides, self.anchors, strict=True))}


class VectorSource(Protocol):
    """What the staged records are read from (a VectorStore): records with `id`, `vector`."""

    def records(self, ids: Sequence[str] | None = None) -> Iterable[Any]: ...


def collect(parts: Sequence[Part], by_guide: Mapping[str, Sequence[Chunk]],
            staged: VectorSource, previous: ArticleVectors | None,
            read: Callable[[str], Guide | None] = lambda guide_id: None,
            embed: Embed | None = None) -> ArticleVectors:
    """The vectors of every article section chunk `parts` hold: carried from `previous` when
    its id and content hash are unchanged, else read from the records just written; and of
    their paragraphs (`paragraphs`)."""
    carried = previous.by_chunk() if previous is not None else {}
    rows: list[tuple[str, str, str, str]] = []  # chunk id, hash, guide, anchor
    wanted = []
    for part in parts:
        if part.entry.kind != "article":
            continue
        fresh = {c.id: c for c in by_guide.get(part.entry.id, ())}
        for chunk_id, content_hash in part.entry.chunks:
            chunk = fresh.get(chunk_id)
            if chunk is not None and chunk.kind == "section":
                rows.append((chunk_id, content_hash, part.entry.id, str(chunk.metadata["anchor"])))
            elif chunk is None and (chunk_id, content_hash) in carried:
                guide, anchor, _ = carried[(chunk_id, content_hash)]
                rows.append((chunk_id, content_hash, guide, anchor))
            if chunk is not None and chunk.kind == "section" and \
                    (chunk_id, content_hash) not in carried:
                wanted.append(chunk_id)
    written = {r.id: r.vector for r in staged.records(wanted)} if wanted else {}
    vectors = [written[i] if i in written else carried[(i, h)][2] for i, h, _, _ in rows
               if i in written or (i, h) in carried]
    rows = [r for r in rows if r[0] in written or (r[0], r[1]) in carried]
    if not rows:
        return ArticleVectors()
    ids, hashes, guides, anchors = (tuple(column) for column in zip(*rows, strict=True))
    texts, matrix = paragraphs(parts, read, previous, embed)
    return ArticleVectors(ids, hashes, guides, anchors,
                          np.stack(vectors).astype(np.float32, copy=False), texts, matrix)


def paragraphs(parts: Sequence[Part], read: Callable[[str], Guide | None],
               previous: ArticleVectors | None, embed: Embed | None
               ) -> tuple[tuple[tuple[str, str], ...], np.ndarray | None]:
    """Each article's quoted paragraphs and their vectors. `read` gives an article read again
    (changed), else None: an unchanged article keeps the previous version's rows, and one read
    again (or that version lacked) reuses the vectors of paragraphs whose text is unchanged and
    embeds the rest. Without `embed`, none are kept (answers embed them when asked)."""
    if embed is None:
        return (), None
    kept = previous if previous is not None and previous.paragraph_matrix is not None else None
    rows: list[tuple[str, str]] = []
    for part in (p for p in parts if p.entry.kind == "article"):
        guide_id = part.entry.id
        carried = [row for row in kept.paragraphs if row[0] == guide_id] if kept else []
        guide = read(guide_id)
        if guide is None and carried:
            rows += carried
        elif guide is not None:
            texts = dict.fromkeys(p for s in guide.sections if s.text.strip() and s.answers
                                  for p in quoted_paragraphs(s.text))
            rows += [(guide_id, t) for t in texts]
    if not rows:
        return (), None
    known = {t: v for _, t in rows
             if kept is not None and (v := kept.paragraph_vector(t)) is not None}
    missing = list(dict.fromkeys(t for _, t in rows if t not in known))
    if missing:
        known.update(zip(missing, embed(missing), strict=True))
    return tuple(rows), np.stack([known[t] for _, t in rows]).astype(np.float32, copy=False)
