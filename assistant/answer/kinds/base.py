"""The protocol every kind of answer follows: gather its evidence, then write its answer.

Example:
    >>> answerer = answerer_for(route.kind)          # kinds/dispatch.py
    >>> evidence = answerer.gather(Job(reading, route, asked, tools, k=4))
    >>> answer = answerer.write(evidence, today)

`gather` turns a routed reading into one frozen shape of evidence (evidence.py); `write` turns
that evidence into the Answer. The message shape (`Said`) is written here, the same for every
kind, since it quotes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from assistant.answer.evidence import Asked, Retrieved, Said
from assistant.answer.library import Library
from assistant.answer.read.reading import Resolved
from assistant.answer.route import Route
from assistant.answer.types import Answer, Hit
from assistant.corpus.model import Guide
from assistant.places.lexicon import Lexicon

if TYPE_CHECKING:
    import numpy as np

GeneralSearch = Callable[[str, int, frozenset[str]], list[Hit]]
Embed = Callable[[Sequence[str]], "np.ndarray"]


@dataclass(frozen=True)
class Tools:
    """What gathering reads besides the question: one library version and its search."""

    library: Library
    lexicon: Lexicon
    general_search: GeneralSearch
    embed: Embed | None = None  # the index's embedder: general advice reranks by meaning too
    meaningful: bool = True  # embed is a language model's (a hash fake's cosines mean nothing)


@dataclass(frozen=True)
class Job:
    """One question to gather evidence for: its reading, its route and the tools."""

    reading: Resolved
    route: Route
    asked: Asked  # the fields every shape of evidence carries, already filled
    tools: Tools
    k: int = 4  # passages at most


class Answerer(Protocol):
    """One kind of answer: how its evidence is gathered and how it is written."""

    def gather(self, job: Job) -> Retrieved:
        """The evidence for a routed question of this kind."""
        ...

    def write(self, evidence: Retrieved, today: date) -> Answer:
        """The Answer for evidence this answerer gathered."""
        ...


def markdown(notes: Sequence[str], body: Sequence[str], freshness_note: str = "") -> str:
    """An answer's Markdown: notes above the body's paragraphs, then the freshness line."""
    return "\n\n".join([*notes, *body, *([freshness_note] if freshness_note else [])])


def noted(evidence: Asked) -> tuple[str, ...]:
    """The evidence's notes as the italic lines written above an answer's body."""
    return tuple(f"_{note}_" for note in evidence.notes)


def said(evidence: Said) -> Answer:
    """The route's message as the answer (clarify, no_guide, or a listing of guides)."""
    answered = evidence.status == "answered"
    return Answer(question=evidence.question, status=evidence.status, text=evidence.message,
                  suggestions=evidence.suggestions, intent=evidence.kind if answered else None)


def articles_within(library: Library, allowed: frozenset[str]) -> list[Guide]:
    """General articles about no company outside `allowed` (read whole by advice.py)."""
    return [a for a in library.articles if library.about(a) <= allowed]
