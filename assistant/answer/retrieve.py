"""Route -> Retrieved: the guide's matching pay rows plus the passages that answer the ask.

Example:
    >>> retrieved = Retriever(library, search).retrieve(resolved)
    >>> [row.region.raw for row in retrieved.rows]
    ['Seattle (US)']

Pay figures come from a structured look-up of the resolved guide's rows, filtered by region
and level, never from another guide. Passages come from the same guide's sections, picked by
topic and by lexical search; general questions go to hybrid search over the whole library.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.answer.evidence import Retrieved, Spanned
from assistant.answer.kinds.advice import Embed, choose
from assistant.answer.kinds.compare import compare
from assistant.answer.kinds.coverage import coverage
from assistant.answer.kinds.equivalence import equivalence
from assistant.answer.kinds.rank import rank
from assistant.answer.kinds.roles import across_roles
from assistant.answer.library import Library
from assistant.answer.pick.rows import select_rows
from assistant.answer.pick.sections import SIGN_ON, topic_sections
from assistant.answer.read.places import AskedPlace
from assistant.answer.read.reading import Resolved
from assistant.answer.route import Route, route
from assistant.answer.types import NOT_IN_GUIDE, Hit, Line
from assistant.corpus.lexicon import Lexicon
from assistant.corpus.model import CompRow, Guide, Section
from assistant.corpus.wording import row_text
from assistant.errors import IndexMissingError

FREE_TEXT_WORDS = 2
COUNTER_TERMS = "counter negotiate negotiation tactics leverage competing offer"
SEARCHED = 8  # passages general search finds, before the paragraphs that answer are chosen
GeneralSearch = Callable[[str, int, frozenset[str]], list[Hit]]


class Retriever:
    """Finds evidence for a resolved question in one library."""

    def __init__(self, library: Library, general_search: GeneralSearch | None = None,
                 lexicon: Lexicon | None = None, embed: Embed | None = None) -> None:
        self.library = library
        self.lexicon = lexicon
        self.embed = embed  # the index's embedder: general advice reranks by meaning too
        if general_search is None:
            from assistant.answer.search import HybridSearch

            general_search = HybridSearch(library).search
        self.general_search = general_search

    def retrieve(self, resolved: Resolved, k: int = 4) -> Retrieved:
        """Route the question, then gather rows and passages for the answer."""
        decision = route(resolved, self.library)
        base = Retrieved(question=resolved.question, status=decision.status,
                         message=decision.message, suggestions=decision.suggestions,
                         asks=resolved.asks,
                         notes=(*resolved.notes, *self._carried(resolved), *decision.notes),
                         stated=resolved.stated, intent=decision.intent)
        if decision.status != "answered" or decision.listing:
            return base
        if decision.spanning:
            return self._spanning(base, resolved)
        if decision.general:
            allowed = frozenset({resolved.company, *resolved.other_companies} - {""})
            found = self.general_search(resolved.question, SEARCHED, allowed)
            base.passages = choose(found, resolved.question, k, self._articles(allowed),
                                   self.embed)
            return base
        return self._from_guide(base, decision, resolved, k)

    def _spanning(self, base: Retrieved, resolved: Resolved) -> Retrieved:
        """A question answered across guides: its table, or the message that replaces it."""
        build = {"compare": lambda: compare(resolved, self.library, self.lexicon),
                 "rank": lambda: rank(resolved, self.library, self.lexicon),
                 "coverage": lambda: coverage(resolved, self.library, self.lexicon),
                 "across_roles": lambda: across_roles(resolved, self.library, self.lexicon),
                 "level_equivalence": lambda: equivalence(resolved, self.library)}
        spanned = build[base.intent]()
        if base.intent == "compare" and spanned.status == "answered" and not _figures(spanned):
            # no side has the figure: the gaps are said, and the articles may still answer
            base.notes = (*base.notes, *(_plain(line) for line in spanned.after))
            allowed = frozenset({resolved.company, *resolved.other_companies} - {""})
            found = self.general_search(resolved.question, SEARCHED, allowed)
            base.passages = choose(found, resolved.question, articles=self._articles(allowed),
                                   embed=self.embed)
            base.intent = "advice"
            return base
        base.spanned, base.status = spanned, spanned.status
        base.message = spanned.message
        base.suggestions = spanned.suggestions or base.suggestions
        return base

    def _articles(self, allowed: frozenset[str]) -> list[Guide]:
        """General articles about no company outside `allowed` (read whole by advice.py)."""
        return [a for a in self.library.articles if self.library.about(a) <= allowed]

    def _carried(self, resolved: Resolved) -> tuple[str, ...]:
        """The note that says what a follow-up took from the earlier question."""
        vocab = self.library.vocabulary
        parts = []
        if "company" in resolved.carried or "role" in resolved.carried:
            parts.append(" ".join(p for p in (vocab.companies.get(resolved.company, ""),
                                              vocab.roles.get(resolved.role, "")) if p))
        if "region" in resolved.carried:
            parts.append(resolved.region_typed or resolved.region)
        if "level" in resolved.carried:
            parts.append(resolved.level)
        parts = [p for p in parts if p]
        return (f"Read as a follow-up: {', '.join(parts)}, from your earlier question.",) \
            if parts else ()

    def _from_guide(self, base: Retrieved, decision: Route, resolved: Resolved, k: int
                    ) -> Retrieved:
        guide = self.library.guide(decision.guide_id)
        if guide is None:  # the vocabulary names it, so only a damaged catalog gets here
            raise IndexMissingError(f"Guide {decision.guide_id!r} is missing from the index "
                                    "catalog: rebuild with `assistant index --rebuild`.")
        base.guide = guide
        places = resolved.places or _legacy_place(resolved)
        picked = select_rows(guide, places, resolved.level_asked, self.lexicon)
        base.region = places[0].typed if places else ""
        base.missing_places, base.inside = picked.missing, picked.inside
        base.region_missing = picked.region_missing
        base.level_missing = picked.level_missing
        base.notes = (*base.notes, *picked.notes)
        base.rows = picked.rows
        base.passages = self._passages(guide, resolved, k)
        if base.intent == "counter":  # the guide's own script, then the articles' tactics
            base.passages = [_section_hit(guide, s, 1.0) for s in topic_sections(guide, "script")]
            # the articles, read whole (no search), for the tactic the question's own words
            # ask about beyond company, role and place
            asked = f"{' '.join(resolved.leftover_words())} {COUNTER_TERMS}"
            base.passages += choose([], asked, 1, self._articles(frozenset({guide.company})))
        base.free_text = len(resolved.leftover_words()) >= FREE_TEXT_WORDS
        return base

    def _passages(self, guide: Guide, resolved: Resolved, k: int) -> list[Hit]:
        hits: list[Hit] = []
        ranks = {s.anchor: i for i, (s, _) in
                 enumerate(self.library.sections(guide).search(resolved.question, 50))}
        for topic in resolved.asks:
            sections = topic_sections(guide, topic)
            for section in sorted(sections, key=lambda s: ranks.get(s.anchor, 99)):
                if topic == "signing_bonus" and not SIGN_ON.search(section.text):
                    continue
                hits.append(_section_hit(guide, section, 1.0))
        if not resolved.asks or not hits and "espp" not in resolved.asks:
            for section, score in self.library.sections(guide).search(resolved.question, k):
                hits.append(_section_hit(guide, section, score))
        return _dedupe(hits)[:k]


def _figures(spanned: Spanned) -> bool:
    """True when some table cell quotes a guide's figure (not only "not in the guide")."""
    rows = spanned.table.rows if spanned.table else ()
    return any(c.guide is not None and c.text != NOT_IN_GUIDE for row in rows for c in row)


def _plain(line: Line) -> str:
    return "".join(c.text for c in line)


def _legacy_place(resolved: Resolved) -> tuple[AskedPlace, ...]:
    """A region given only by name (a caller building Resolved by hand)."""
    if not resolved.region:
        return ()
    return (AskedPlace(resolved.region_typed or resolved.region, 0, 0, resolved.region),)


def row_hit(guide: Guide, row: CompRow, score: float) -> Hit:
    """A pay row as a retrieval hit."""
    return Hit(guide=guide, text=row_text(guide, row), score=score, anchor=row.section_anchor,
               row=row)


def _section_hit(guide: Guide, section: Section, score: float) -> Hit:
    return Hit(guide=guide, text=section.text, score=score, anchor=section.anchor,
               chunk_id=f"{guide.id}#{section.anchor}", section=section)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen: set[str] = set()
    out = []
    for hit in hits:
        if hit.chunk_id not in seen:
            seen.add(hit.chunk_id)
            out.append(hit)
    return out
