"""Hybrid search over the whole library for general questions: Chroma dense + BM25, fused.

Example:
    >>> HybridSearch(library, index).search("can a sign-on bonus be clawed back?", k=3)[0].guide.kind
    'article'

Dense hits come from the index's Chroma collection (one unfiltered query, ~4 ms); lexical hits
from BM25 over article sections plus the dense candidates' sections. Reciprocal-rank fusion
merges the two lists; articles get a boost because general advice lives there, and a general
question must not pick up one company's figures as if they were everyone's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.answer.library import Library, SectionIndex
from assistant.answer.types import Hit
from assistant.corpus.model import Guide, Section

if TYPE_CHECKING:
    from assistant.index.embedder import Embedder
    from assistant.index.handle import IndexHandle

RRF_K = 60
DENSE_CANDIDATES = 30
ARTICLE_BOOST = 2.0


class HybridSearch:
    """Library-wide search; works lexically alone when no index is attached."""

    def __init__(self, library: Library, index: IndexHandle | None = None,
                 embedder: Embedder | None = None) -> None:
        self.library = library
        self.index = index if embedder is not None else None
        self.embedder = embedder

    @cached_property
    def article_index(self) -> SectionIndex:
        """BM25 over every article section (articles are few)."""
        return SectionIndex([s for a in self.library.articles for s in a.sections])

    def search(self, question: str, k: int) -> list[Hit]:
        """The `k` best section passages for a question, fused across dense and lexical."""
        scores: dict[tuple[str, str], float] = {}
        found: dict[tuple[str, str], tuple[Guide, Section]] = {}
        for rank, (guide, section) in enumerate(self._dense(question)):
            self._add(scores, found, guide, section, rank)
        for rank, (section, _score) in enumerate(self.article_index.search(question, 10)):
            guide = self._article_of(section)
            if guide is not None:
                self._add(scores, found, guide, section, rank)
        ranked = sorted(scores, key=lambda key: -scores[key])[:k]
        return [Hit(guide=found[key][0], text=found[key][1].text, score=scores[key],
                    anchor=key[1], chunk_id=f"{key[0]}#{key[1]}", section=found[key][1])
                for key in ranked]

    def _add(self, scores: dict[tuple[str, str], float],
             found: dict[tuple[str, str], tuple[Guide, Section]],
             guide: Guide, section: Section, rank: int) -> None:
        key = (guide.id, section.anchor)
        boost = ARTICLE_BOOST if guide.kind == "article" else 1.0
        scores[key] = scores.get(key, 0.0) + boost / (RRF_K + rank)
        found[key] = (guide, section)

    def _dense(self, question: str) -> list[tuple[Guide, Section]]:
        if self.index is None or self.embedder is None:
            return []
        vector = self.embedder.embed([question])[0]
        out = []
        for hit in self.index.query(vector, DENSE_CANDIDATES):  # unfiltered: a where costs ~50 ms
            guide = self.library.guide(str(hit.metadata.get("guide", "")))
            section = guide.section(str(hit.metadata.get("anchor", ""))) if guide else None
            if hit.metadata.get("kind") == "section" and guide is not None and section:
                out.append((guide, section))
        return out

    def _article_of(self, section: Section) -> Guide | None:
        for article in self.library.articles:
            if any(s is section for s in article.sections):
                return article
        return None
