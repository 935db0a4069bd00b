"""Answers across guides: a table built by compare, rank, coverage, roles or equivalence.

Example:
    >>> RANK_ACROSS = AcrossAnswer(rank_table)
    >>> evidence = RANK_ACROSS.gather(job)          # AcrossGuides, or Said for a clarify
    >>> RANK_ACROSS.write(evidence, today).table["kind"]
    'rank'

The kind's module builds the table (a `Spanned`: cells that carry the guide and section they
quote); this module turns it into evidence and writes it: sentences above, the table, sentences
under it, each quoted cell cited where it is written. A kind the route sent to one guide
instead ("Stripe vs Quuxly": only Stripe has a guide) is answered as that guide's figures.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from assistant.answer.evidence import AcrossGuides, Retrieved, Said, Spanned, asked_fields
from assistant.answer.kinds.base import Job, Tools, markdown, noted
from assistant.answer.kinds.figures import FIGURES
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Answer
from assistant.answer.write.citations import Citations
from assistant.answer.write.freshness import freshness_of_cells
from assistant.answer.write.tables import markdown_line, markdown_table

Build = Callable[[Resolved, Tools], Spanned]


class AcrossAnswer:
    """A kind answered with a table across guides; `build` is the kind's own table."""

    def __init__(self, build: Build) -> None:
        self.build = build

    def gather(self, job: Job) -> Retrieved:
        """The kind's table, or the message that replaces it (clarify, no_guide)."""
        if not job.route.spanning:
            return FIGURES.gather(job)
        return spanned_evidence(job, self.build(job.reading, job.tools))

    def write(self, evidence: Retrieved, today: date) -> Answer:
        """Sentences above, the table, sentences under it; one freshness line for all."""
        if not isinstance(evidence, AcrossGuides):
            return FIGURES.write(evidence, today)
        return write_table(evidence, today)


def spanned_evidence(job: Job, spanned: Spanned) -> Retrieved:
    """A built table as evidence: across guides when answered, else its message."""
    shared = {**asked_fields(job.asked), "status": spanned.status, "message": spanned.message,
              "suggestions": spanned.suggestions or job.asked.suggestions}
    if spanned.status != "answered":
        return Said(**shared)
    return AcrossGuides(**shared, spanned=spanned)


def write_table(evidence: AcrossGuides, today: date) -> Answer:
    """A table answer across guides: sentences above, the table, sentences under it."""
    spanned = evidence.spanned
    cites = Citations()
    notes = noted(evidence)
    body = [markdown_line(line, cites) for line in spanned.before]
    table = None
    if spanned.table is not None:
        body.append(markdown_table(spanned.table, cites))
        table = spanned.table.written(cites.mark)
    body += [markdown_line(line, cites) for line in spanned.after]
    cells = [c for row in (spanned.table.rows if spanned.table else ()) for c in row]
    cells += [c for line in (*spanned.before, *spanned.after) for c in line]
    fresh = freshness_of_cells(cells, today)
    return Answer(question=evidence.question, status="answered",
                  text=markdown(notes, body, fresh), citations=cites.all(),
                  suggestions=evidence.suggestions, bands=spanned.bands, guide=spanned.guide,
                  notes=notes, freshness_note=fresh, intent=evidence.kind, table=table)
