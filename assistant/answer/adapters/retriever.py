"""The guides as a LangChain retriever: pay rows of the resolved guide first, then passages.

Example:
    >>> retriever = GuideRetriever(assistant=Assistant(Settings.load()), k=3)
    >>> [d.metadata["kind"] for d in retriever.invoke("Alibaba Seattle sign-on?")]
    ['row', 'section', 'section']

Questions about a company go through the same resolve -> route -> retrieve path as `ask`, so
the documents never mix in another company's figures. General questions, and questions the
router would only clarify or decline, get library-wide search hits.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from assistant.answer.evidence import Retrieved, guide_of, passages_of, rows_of
from assistant.answer.pipeline import Assistant, check_question
from assistant.answer.types import Hit
from assistant.corpus.model import CompRow, Guide
from assistant.corpus.words.wording import row_text


class GuideRetriever(BaseRetriever):
    """Up to `k` Documents (kind "row" or "section") for a question; `k` may be given per call."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    assistant: Assistant
    k: int = 4

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun,
                                **kwargs: Any) -> list[Document]:
        """Rows, then passages, then (if still short) more sections of the same guide."""
        k = int(kwargs.get("k", self.k))
        if k <= 0:
            return []
        question = check_question(query)
        retrieved = self.assistant.retrieve(question, k=k)
        docs = _evidence(retrieved, k)
        guide = guide_of(retrieved)
        if guide is not None and len(docs) < k:
            docs += _more_sections(self.assistant, guide, question, docs, k)
        if not docs:
            docs = [hit_document(hit) for hit in self._general(question, k)]
        return docs[:k]

    def _general(self, question: str, k: int) -> list[Hit]:
        """Library-wide passages from general documents (no company's figures)."""
        return list(self.assistant.retriever.tools.general_search(question, k, frozenset()))


def row_document(guide: Guide, row: CompRow) -> Document:
    """A pay row as a Document: the row in words, with guide, section and region metadata."""
    section = guide.section(row.section_anchor) if row.section_anchor else None
    return Document(page_content=row_text(guide, row), metadata={
        "guide": guide.id, "source": guide.path, "section": row.section_anchor,
        "title": section.title if section else guide.title, "region": row.region.raw,
        "level": row.level, "currency": row.currency, "kind": "row"})


def hit_document(hit: Hit) -> Document:
    """A section passage as a Document (a hit on a pay row becomes a row Document)."""
    if hit.row is not None:
        return row_document(hit.guide, hit.row)
    title = hit.section.title if hit.section else hit.guide.title
    return Document(page_content=hit.text, metadata={
        "guide": hit.guide.id, "source": hit.guide.path, "section": hit.anchor,
        "title": title, "kind": "section"})


def _evidence(retrieved: Retrieved, k: int) -> list[Document]:
    docs = []
    guide = guide_of(retrieved)
    if guide is not None:
        docs = [row_document(guide, row) for row in rows_of(retrieved)[:k]]
    return docs + [hit_document(hit) for hit in passages_of(retrieved)]


def _more_sections(assistant: Assistant, guide: Guide, question: str, docs: list[Document],
                   k: int) -> list[Document]:
    taken = {d.metadata["section"] for d in docs if d.metadata["kind"] == "section"}
    more = []
    for section, score in assistant.library.sections(guide).search(question, k):
        if section.anchor not in taken:
            taken.add(section.anchor)
            more.append(hit_document(Hit(guide=guide, text=section.text, score=score,
                                         anchor=section.anchor, section=section)))
    return more[:k - len(docs)]
