"""Hybrid search over the whole library for general questions: dense + BM25, fused.

Example:
    >>> HybridSearch(library, index).search("is a sign-on clawed back?", k=3)[0].guide.kind
    'article'

Dense hits come from the articles' section vectors the catalog keeps (an exact search over a
few thousand rows, no Chroma import); lexical hits from BM25 over the article sections.
Reciprocal-rank fusion merges the two lists; articles get a boost because general advice lives
there, and a general question must not pick up one company's figures as if they were
everyone's.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.answer.library import Library, SectionIndex
from assistant.answer.types import Hit
from assistant.corpus.model import Guide, Section

if TYPE_CHECKING:
    from assistant.embed.embedder import Embedder
    from assistant.index.handle import IndexHandle

RRF_K = 60
DENSE_CANDIDATES = 30
ARTICLE_BOOST = 2.0
DENSE_WEIGHT = 1.0  # relative to lexical ranks; equal weights scored best on the gold slice


class HybridSearch:
    """Library-wide search; works lexically alone when no index is attached."""

    def __init__(self, library: Library, index: IndexHandle | None = None,
                 embedder: Embedder | None = None) -> None:
        self.library = library
        self.index = index if embedder is not None else None
        self.embedder = embedder
        self._indexes: dict[frozenset[str], SectionIndex] = {}

    @cached_property
    def _owner(self) -> dict[int, Guide]:
        return {id(s): a for a in self.library.articles for s in a.sections}

    def _article_index(self, allowed: frozenset[str]) -> SectionIndex:
        """BM25 over the sections of articles about no company outside `allowed`."""
        if allowed not in self._indexes:
            self._indexes[allowed] = SectionIndex(
                [s for a in self.library.articles if self.library.about(a) <= allowed
                 for s in a.sections])
        return self._indexes[allowed]

    def search(self, question: str, k: int, allowed: frozenset[str] = frozenset()
               ) -> list[Hit]:
        """The `k` best passages, fused across dense and lexical, from documents that are
        general or about the `allowed` companies only."""
        scores: dict[tuple[str, str], float] = {}
        found: dict[tuple[str, str], tuple[Guide, Section]] = {}
        dense = _first_per_section((g, s) for g, s in self._dense(question, allowed)
                                   if self.library.about(g) <= allowed)
        for rank, (guide, section) in enumerate(dense):
            self._add(scores, found, guide, section, rank, DENSE_WEIGHT)
        for rank, (section, _score) in enumerate(self._article_index(allowed).search(question, 10)):
            self._add(scores, found, self._owner[id(section)], section, rank, 1.0)
        ranked = sorted(scores, key=lambda key: -scores[key])[:k]
        return [Hit(guide=found[key][0], text=found[key][1].text, score=scores[key],
                    anchor=key[1], chunk_id=f"{key[0]}#{key[1]}", section=found[key][1])
                for key in ranked]

    def _add(self, scores: dict[tuple[str, str], float],
             found: dict[tuple[str, str], tuple[Guide, Section]],
             guide: Guide, section: Section, rank: int, weight: float) -> None:
        key = (guide.id, section.anchor)
        boost = ARTICLE_BOOST if guide.kind == "article" else 1.0
        scores[key] = scores.get(key, 0.0) + weight * boost / (RRF_K + rank)
        found[key] = (guide, section)

    def _dense(self, question: str, allowed: frozenset[str]) -> list[tuple[Guide, Section]]:
        """Nearest sections of the articles about no company outside `allowed`, from the
        vectors the index's catalog keeps (none for a library of parsed guides: lexical only).

        Every guide is one company's, and a named company's guides are read whole by
        advice.py, so the articles are all a dense search has to rank. Searching the Chroma
        store for a named company instead changed no answer of the gold, adversarial,
        everyday or advice sets, cost ~4 ms, and loaded the whole vector index into an
        embedded app (docs/benchmarks.md, scaling). A question worded like no article ("How
        do I counter?") may find nothing close here; advice.py then reads the articles whole.
        """
        if self.index is None or self.embedder is None:
            return []
        # the library remembers the vector: advice.py embeds the question again to rerank
        vector = self.library.remembering(self.embedder)([question])[0]
        articles = self.library.nearest_articles(vector, DENSE_CANDIDATES, allowed)
        return [(guide, section) for guide, section in articles if section.answers]


def _first_per_section(pairs: Iterable[tuple[Guide, Section]]) -> list[tuple[Guide, Section]]:
    """One entry per section (a long section has several chunks; it must count once)."""
    seen: set[tuple[str, str]] = set()
    out = []
    for guide, section in pairs:
        if (guide.id, section.anchor) not in seen:
            seen.add((guide.id, section.anchor))
            out.append((guide, section))
    return out
