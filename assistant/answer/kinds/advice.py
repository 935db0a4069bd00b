"""General advice: the paragraphs that answer the question (pick/paragraphs.py chooses them),
out of what search found and the named company's own guides; or, when none answers, that the
library does not cover it and what it does hold.

Example:
    >>> ADVICE.write(ADVICE.gather(job), today).text
    '**Employers commonly use a handful of sneaky tactics…** (…) [1]\n> The most common ...'
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.answer.evidence import FromArticles, Retrieved, asked_fields, passages_of
from assistant.answer.kinds.base import Job, articles_within, markdown, noted
from assistant.answer.pick.paragraphs import FLOOR, MAX_PARAGRAPHS, choose
from assistant.answer.pick.rows import select_rows
from assistant.answer.pick.wordforms import mentions
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Answer, Hit
from assistant.answer.write.citations import Citations
from assistant.answer.write.quoting import quote_all
from assistant.answer.write.scope import NO_FIGURES, scope_of, unplaced, within
from assistant.corpus.model import Guide
from assistant.corpus.words.wording import guide_label

SEARCHED = 8  # passages general search finds, before the paragraphs that answer are chosen
HELD_ROLES = 6  # the named company's roles a "not covered" answer lists


class AdviceAnswer:
    """General advice: the paragraphs of the articles (and guides) that answer the question."""

    def gather(self, job: Job) -> Retrieved:
        """Search the library, then keep the paragraphs that answer (`choose`); with none,
        what the library holds instead (`holds`)."""
        passages = in_scope(job, advice_passages(job, job.k))
        fields = asked_fields(job.asked)
        if not passages:
            fields["message"] = holds(job)
        elif job.reading.company and not job.reading.unknown_role \
                and all(h.guide.kind == "article" for h in passages):  # (a job with no guide:
            # the route's note says so already)
            vocabulary = job.tools.library.vocabulary
            name = vocabulary.companies.get(job.reading.company, job.reading.company) \
                if vocabulary is not None else job.reading.company
            fields["notes"] = (*fields["notes"], f"No passage of the {name} guides answers "
                               "this closely enough to quote; what the general articles say:")
        return FromArticles(**fields, passages=passages)

    def write(self, evidence: Retrieved, today: date) -> Answer:
        """Up to three quoted passages, each cited; or that the library does not cover it,
        and what it holds."""
        cites = Citations()
        notes = noted(evidence)
        passages = passages_of(evidence)
        lines = quote_all(list(passages[:3]), cites, evidence.question) or [
            " ".join(["The library's guides and articles do not cover this question.",
                      evidence.message]).strip()]
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
                        tools.embed, FLOOR if tools.meaningful else None, topic_words(reading),
                        anchor=True, ordinary=tools.lexicon.ordinary))


def in_scope(job: Job, hits: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """Each guide's paragraph cut to what was asked (write/scope.py): with a place asked, a
    sentence whose figures are another region's is left out ("Singapore housing: S$5.5K" when
    Hong Kong is asked); with none, a sentence tying money to one of the guide's places. A
    paragraph with nothing left about the question is dropped; advice without figures stays.
    (A guide with no row at the asked place is quoted as it is: which of its figures would
    hold there, it does not say.)"""
    reading, tools = job.reading, job.tools
    topic = topic_words(reading)
    out = []
    for hit in hits:
        if not hit.guide.rows:  # an article: its figures are its examples, others' pay ("the
            # top-of-band sign-on ... at Facebook is $100,000"), kept only when money is asked
            text = hit.text if reading.cues.amount else within(hit.text, NO_FIGURES)
            if text:
                out.append(replace(hit, text=text))
            continue
        if reading.places:
            rows = select_rows(hit.guide, reading.places, reading.level_asked, tools.lexicon,
                               tools.library).rows
            text = within(hit.text, scope_of(hit.guide, rows))
        else:
            text = within(hit.text, unplaced(hit.guide))
        # what is left must still be about the question, not the rest of a cut list
        if text == hit.text or text and mentions(text, topic):
            out.append(replace(hit, text=text))
    return tuple(out)


def holds(job: Job) -> str:
    """What the library holds that is near the question: the named company's guides, by
    role, else how many companies' guides and which articles there are."""
    library, reading = job.tools.library, job.reading
    vocabulary = library.vocabulary
    if vocabulary is None:
        return ""
    held = vocabulary.guides_by_company.get(reading.company, {})
    if held:
        company = vocabulary.companies.get(reading.company, reading.company)
        roles = sorted(vocabulary.roles.get(r, r) for r in held)
        shown = ", ".join(roles[:HELD_ROLES]) + (f" and {len(roles) - HELD_ROLES} more"
                                                  if len(roles) > HELD_ROLES else "")
        return (f"The {company} guides ({shown}) hold pay bands by region and level, level "
                f"mappings, levers and a counter script.")
    articles = [guide_label(a) for a in articles_within(library, frozenset())]
    return (f"The library holds pay bands, level mappings, levers and counter scripts for "
            f"{len(vocabulary.guides_by_company):,} companies' roles" +
            (f", and these articles: {'; '.join(articles)}." if articles else "."))


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
