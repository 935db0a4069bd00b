"""Resolved -> Route -> evidence: route the reading, then let its kind's answerer gather.

Example:
    >>> evidence = Retriever(library, lexicon, search).retrieve(resolved)
    >>> [row.region.raw for row in evidence.rows]
    ['Seattle (US)']

A question the route answers with a message (clarify, no_guide, a listing of a company's
guides) gets `Said`; every other goes to the answerer of its kind (kinds/dispatch.py), which
gathers one frozen shape of evidence: one guide's rows and sections, a table across guides, or
the articles' paragraphs. Pay figures always come from a structured look-up of a guide's rows.
"""

from __future__ import annotations

from assistant.answer.evidence import Asked, Retrieved, Said, asked_fields
from assistant.answer.kinds.base import Embed, GeneralSearch, Job, Tools
from assistant.answer.kinds.dispatch import answerer_for
from assistant.answer.kinds.equivalence import on_own_ladder
from assistant.answer.library import Library
from assistant.answer.read.reading import Resolved
from assistant.answer.route import Route, route
from assistant.answer.types import Kind
from assistant.answer.write.cells import and_list
from assistant.places.lexicon import Lexicon


class Retriever:
    """Finds evidence for a resolved question in one library."""

    def __init__(self, library: Library, lexicon: Lexicon,
                 general_search: GeneralSearch | None = None, embed: Embed | None = None,
                 meaningful: bool = True) -> None:
        if general_search is None:
            from assistant.answer.search import HybridSearch

            general_search = HybridSearch(library).search
        self.tools = Tools(library, lexicon, general_search, embed, meaningful)

    @property
    def library(self) -> Library:
        """The library version this retriever reads."""
        return self.tools.library

    def retrieve(self, resolved: Resolved, k: int = 4) -> Retrieved:
        """Route the question, then gather the evidence its kind of answer needs."""
        resolved = on_own_ladder(resolved, self.library)
        decision = route(resolved, self.library)
        kind = decision.kind or resolved.kind
        asked = Asked(question=resolved.question, status=decision.status, kind=kind,
                      asks=resolved.asks, stated=resolved.stated,
                      notes=(*resolved.notes, *self._carried(resolved), *decision.notes,
                             *_unmatched_sides(resolved, decision, self.library)),
                      suggestions=decision.suggestions, message=decision.message)
        if decision.status != "answered" or decision.listing:
            return Said(**asked_fields(asked))
        return answerer_for(kind).gather(Job(resolved, decision, asked, self.tools, k))

    def quick(self, resolved: Resolved) -> bool:
        """True when the route answers with a message or one guide's rows and sections (read
        by BM25 alone): no search, no embedding, no table across guides."""
        decision = route(resolved, self.library)
        if decision.status != "answered" or decision.listing:
            return True
        return not (decision.general or decision.spanning) \
            and (decision.kind or resolved.kind) is not Kind.COUNTER  # its tactic: by meaning

    def _carried(self, resolved: Resolved) -> tuple[str, ...]:
        """The note that says what a follow-up took from the earlier question."""
        vocab = self.library.vocabulary
        parts = []
        if "company" in resolved.carried or "role" in resolved.carried:
            names = [vocab.companies.get(c, "") for c in (resolved.company,
                                                          *resolved.other_companies)]
            parts.append(" ".join(p for p in (and_list([n for n in names if n]),
                                              vocab.roles.get(resolved.role, "")) if p))
        if "region" in resolved.carried:
            parts.append(resolved.region_typed or resolved.region)
        if "level" in resolved.carried:
            parts.append(resolved.level)
        parts = [p for p in parts if p]
        return (f"Read as a follow-up: {', '.join(parts)}, from your earlier question.",) \
            if parts else ()


def _unmatched_sides(resolved: Resolved, decision: Route, library: Library) -> tuple[str, ...]:
    """A company set beside a named one that the library has no guide for ("Spotify or
    Deliveroo"): said, never dropped in silence."""
    if not (resolved.company and resolved.unknown_names and decision.status == "answered"
            and (resolved.cues.compare or resolved.other_companies)):
        return ()
    names = " and ".join(f"“{n}”" for n in resolved.unknown_names)
    if resolved.other_companies:  # "Stripe, Airbnb and Canva": the others are compared
        return (f"The library has no guide for {names}, so it holds no figures for "
                f"{'them' if len(resolved.unknown_names) > 1 else 'it'}.",)
    company = library.vocabulary.companies.get(resolved.company, resolved.company)
    return (f"The library has no guide for {names}, so it holds no figures to set beside "
            f"{company}'s; only {company}'s are shown.",)
