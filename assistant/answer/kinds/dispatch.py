"""The one table from a kind of answer to its answerer (kinds/base.py's protocol).

Example:
    >>> answerer_for(Kind.RANK).gather(job)
    AcrossGuides(kind=<Kind.RANK: 'rank'>, ...)

One guide's kinds share the figures answerer (a placement is figures with the person's own
figures placed; a topic quotes the guide's section); the kinds across guides share the table
answerer with their own table; advice reads the articles.
"""

from __future__ import annotations

from assistant.answer.evidence import Spanned
from assistant.answer.kinds.across import AcrossAnswer
from assistant.answer.kinds.advice import ADVICE
from assistant.answer.kinds.base import Answerer, Tools
from assistant.answer.kinds.compare import CompareAnswer, compare
from assistant.answer.kinds.counter import COUNTER
from assistant.answer.kinds.coverage import coverage
from assistant.answer.kinds.equivalence import equivalence
from assistant.answer.kinds.figures import FIGURES
from assistant.answer.kinds.rank import rank
from assistant.answer.kinds.roles import across_roles
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Kind


def _compare(reading: Resolved, tools: Tools) -> Spanned:
    return compare(reading, tools.library, tools.lexicon)


def _rank(reading: Resolved, tools: Tools) -> Spanned:
    return rank(reading, tools.library, tools.lexicon)


def _coverage(reading: Resolved, tools: Tools) -> Spanned:
    return coverage(reading, tools.library, tools.lexicon)


def _across_roles(reading: Resolved, tools: Tools) -> Spanned:
    return across_roles(reading, tools.library, tools.lexicon)


def _equivalence(reading: Resolved, tools: Tools) -> Spanned:
    return equivalence(reading, tools.library)


KINDS: dict[Kind, Answerer] = {
    Kind.FIGURES: FIGURES,
    Kind.PLACEMENT: FIGURES,
    Kind.LEVERS: FIGURES,
    Kind.SCRIPT: FIGURES,
    Kind.LEVEL_MAPPING: FIGURES,
    Kind.ESPP: FIGURES,
    Kind.REFRESHERS: FIGURES,
    Kind.ROLES: FIGURES,
    Kind.COUNTER: COUNTER,
    Kind.COMPARE: CompareAnswer(_compare),
    Kind.RANK: AcrossAnswer(_rank),
    Kind.COVERAGE: AcrossAnswer(_coverage),
    Kind.ACROSS_ROLES: AcrossAnswer(_across_roles),
    Kind.LEVEL_EQUIVALENCE: AcrossAnswer(_equivalence),
    Kind.GENERAL: ADVICE,
    Kind.ADVICE: ADVICE,
}


def answerer_for(kind: Kind) -> Answerer:
    """The answerer of a kind (every Kind has one; a test checks the table is complete)."""
    return KINDS[kind]
