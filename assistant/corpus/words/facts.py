"""What one guide gives the library's vocabulary: its words, its terms, the short names it writes.

Example:
    >>> facts = facts_of(guide)  # once per parsed guide, at index build
    >>> "negotiate" in facts.words
    True
    >>> pooled([facts_of(g) for g in guides]).words == words_of(guides)
    True

The index catalog keeps each entry's facts beside its guide, so the vocabulary of a version is
a pure function of the entries it holds: an incremental build reads the carried-over guides'
facts rather than adding new words to the previous version's vocabulary (which never forgot a
deleted guide, so an incremental build could read a question unlike a rebuild of the same
files).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.corpus.model import Guide
from assistant.corpus.words.library_words import article_terms, words_of
from assistant.corpus.words.nicknames import nickname_counts


@dataclass(frozen=True)
class GuideFacts:
    """One guide's share of the vocabulary (sorted, so equal guides pack to equal bytes)."""

    company: str = ""
    words: tuple[str, ...] = ()  # the lower-case words its sections use
    terms: tuple[str, ...] = ()  # an article's words, compact ("phd"); none for a guide
    nicknames: tuple[tuple[str, int], ...] = ()  # short names of its company, uses, in order


@dataclass(frozen=True)
class Pooled:
    """The facts of every guide of a library, together."""

    words: frozenset[str]
    terms: frozenset[str]
    nicknames: dict[str, dict[str, int]]  # short name -> company slug -> uses


def facts_of(guide: Guide) -> GuideFacts:
    """What `guide` adds to the vocabulary of any library that holds it."""
    counts = nickname_counts([guide])
    return GuideFacts(
        company=guide.company, words=tuple(sorted(words_of([guide]))),
        terms=tuple(sorted(article_terms([guide]))),
        nicknames=tuple((token, by[guide.company]) for token, by in counts.items()))


def pooled(facts: Iterable[GuideFacts]) -> Pooled:
    """The facts of several guides together; nickname uses add up, in the guides' order."""
    words: set[str] = set()
    terms: set[str] = set()
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for one in facts:
        words.update(one.words)
        terms.update(one.terms)
        for token, uses in one.nicknames:
            counts[token][one.company] = counts[token].get(one.company, 0) + uses
    return Pooled(frozenset(words), frozenset(terms), dict(counts))
