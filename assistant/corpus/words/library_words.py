"""The words a library writes: its lower-case words, and every word of its general articles.

Example:
    >>> "negotiate" in words_of(guides), "phd" in article_terms(guides)
    (True, True)

Both are gathered per guide at index build (facts.py) and pooled into the vocabulary: a
lower-case word the guides use is never taken for a typo of a company's name, and a name the
articles write ("Ph.D.", "Ishikawa") is a term to search for rather than a firm the library
lacks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.corpus.model import Guide

_LOWER_WORD = re.compile(r"(?<![\w/.-])[a-z][a-z']+(?![\w/.-])")


def words_of(guides: Iterable[Guide]) -> set[str]:
    """Lower-case words the guides' sections use (never taken for typos of a name)."""
    words: set[str] = set()
    for guide in guides:
        for section in guide.sections:
            words.update(_LOWER_WORD.findall(section.text))
    return words


def article_terms(guides: Iterable[Guide]) -> set[str]:
    """Every word the general articles write, lower case with dots and hyphens dropped
    ("Ph.D." -> "phd"): a name one of them uses is a term of theirs, not an unknown firm."""
    terms: set[str] = set()
    for guide in guides:
        if guide.kind == "article":
            for section in guide.sections:
                terms.update(term_key(w) for w in _words(section.text))
    terms.discard("")
    return terms


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w.'-]+", " ", text.casefold()).split()


def term_key(word: str) -> str:
    """A word as `article_terms` keeps it: lower case, no dots, hyphens or apostrophes."""
    return re.sub(r"[.\-']+", "", word.casefold())
