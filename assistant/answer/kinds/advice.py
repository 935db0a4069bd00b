"""General advice: the paragraphs that answer the question (pick/paragraphs.py chooses them),
out of what search found and the named company's own guides; or, when none answers, that the
library does not cover it and what it does hold.

Example:
    >>> ADVICE.write(ADVICE.gather(job), today).text
    '**Employers commonly use a handful of sneaky tactics…** (…) [1]\n> The most common ...'
"""

from __future__ import annotations

from datetime import date

from assistant.answer.evidence import FromArticles, Retrieved, asked_fields, passages_of
from assistant.answer.kinds.base import Job, articles_within, markdown, noted
from assistant.answer.pick.paragraphs import FLOOR, MAX_PARAGRAPHS, choose
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Answer, Hit
from assistant.answer.write.citations import Citations
from assistant.answer.write.quoting import quote_all
from assistant.corpus.model import Guide

SEARCHED = 8  # passages general search finds, before the paragraphs that answer are chosen


class AdviceAnswer:
    """General advice: the paragraphs of the articles (and guides) that answer the question."""

    def gather(self, job: Job) -> Retrieved:
        """Search the library, then keep the paragraphs that answer (`choose`)."""
        return FromArticles(**asked_fields(job.asked), passages=advice_passages(job, job.k))

    def write(self, evidence: Retrieved, today: date) -> Answer:
        """Up to three quoted passages, each cited; or that the library does not cover it."""
        cites = Citations()
        notes = noted(evidence)
        passages = passages_of(evidence)
        lines = quote_all(list(passages[:3]), cites, evidence.question) or [
            "The library's guides and articles do not cover this question."]
        return Answer(question=evidence.question, status="answered",
                      text=markdown(notes, lines), citations=cites.all(),
                      suggestions=evidence.suggestions, notes=notes, intent=evidence.kind)


def advice_passages(job: Job, limit: int = MAX_PARAGRAPHS) -> tuple[Hit, ...]:
    """The paragraphs that answer, from search over the companies the question allows and
    the named company's own guides read whole (the named role's, when one is named)."""
    reading, tools = job.reading, job.tools
    allowed = frozenset({reading.company, *reading.other_companies} - {""})
    found = tools.general_search(reading.question, SEARCHED, allowed)
    return tuple(choose(found, reading.question, limit,
                        [*articles_within(tools.library, allowed), *_own_guides(job)],
                        tools.embed, FLOOR if tools.meaningful else None, topic_words(reading)))


def topic_words(reading: Resolved) -> list[str]:
    """The question's words beyond the companies, roles and places it names: what it asks
    about ("equity", "worth", "grows"), the words a paragraph that answers shares. With no
    company named, a role is what it asks about ("why are ML engineers paid more?")."""
    about = {"ask", "left over"} | (set() if reading.company else {"role"})
    return [w for w, label in reading.accounted() if label in about]


def _own_guides(job: Job) -> list[Guide]:
    """The guides of the company the question names: its role's, else all of them."""
    reading, library = job.reading, job.tools.library
    held = library.vocabulary.guides_by_company.get(reading.company, {})
    ids = [held[reading.role]] if reading.role in held else list(held.values())
    return [g for g in map(library.guide, ids) if g is not None]


ADVICE = AdviceAnswer()
