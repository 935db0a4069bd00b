"""The words advice paragraphs and questions are compared by: Snowball roots, the common
words that tell no paragraph apart, and a question's word read as the paragraphs spell it.

Example:
    >>> root("separately") == root("separate")
    True
    >>> spelled_out(["relo", "clawback"], ("back", "claw", "relocation"))
    ['relocation', 'claw', 'back']

People shorten ("relo"), run together ("clawback") and misspell ("excercise") the words the
guides spell out; `spelled_out` reads such a word as the paragraphs' own.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from stop_words import get_stop_words

from assistant.answer.library import stem, tokenize

SHORTENED = 4  # the least letters of a shortened word ("relo", "comp") read as the longer ones
SPELLED = 4  # at most this many of a pool's words a shortening is read as
MISSPELT = 5  # the least letters of a word read as a misspelling of the paragraphs' word
LONG_WORD = 8  # from this many letters, a misspelling may be two edits away
# Words too common to tell paragraphs apart: English function words (the stop-words
# package's list, kept up to date by its maintainers) and the words every negotiation
# paragraph shares.
GENERIC = frozenset(get_stop_words("en")) | frozenset(
    "offer negotiate negotiation negotiating salary base pay job company companies role recruiter "
    "good normal tell telling keep keeps say says said ask asked think really".split())


def mentions(text: str, topic: Sequence[str]) -> bool:
    """Whether `text` holds a word of `topic` (at its root), beyond the common words."""
    wanted = {root(t) for w in topic for t in tokenize(undotted(w))} - generic()
    return not wanted.isdisjoint(words_of("", text))


def spelled_out(keys: list[str], words: tuple[str, ...],
                 misspelt: frozenset[str] = frozenset()) -> list[str]:
    """The keys, with a word no paragraph holds read as the pool's words (`words`, in sorted
    order) it begins ("relo" as "relocation", "relocate"), else as the two it joins
    ("clawback" as "claw back"), else, when it is `misspelt` (no English word), as the word
    one edit away (two for a long word: "excercis" as "exercis"): people shorten, run
    together and misspell the words the guides spell out."""
    out = []
    for key in keys:
        if held(words, key):
            out.append(key)
            continue
        at = bisect_left(words, key)
        longer = [w for w in words[at:at + SPELLED] if w.startswith(key)] \
            if len(key) >= SHORTENED and key.isalpha() else []
        joined = next(([key[:cut], key[cut:]] for cut in range(3, len(key) - 2)
                       if held(words, key[:cut]) and held(words, key[cut:])), [])
        out += longer or joined or _nearest(key, words, key in misspelt) or [key]
    return out


def _nearest(key: str, words: tuple[str, ...], misspelt: bool) -> list[str]:
    """The pool word a misspelt key is closest to (at most one edit, two from eight letters;
    a swap of two letters is one), if any."""
    if not misspelt:
        return []
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    found = process.extractOne(key, words, scorer=OSA.distance,
                               score_cutoff=1 if len(key) < LONG_WORD else 2)
    return [found[0]] if found else []


def held(words: tuple[str, ...], word: str) -> bool:
    """Whether `word` is among `words` (sorted)."""
    at = bisect_left(words, word)
    return at < len(words) and words[at] == word


@lru_cache(maxsize=16384)
def words_of(title: str, paragraph: str) -> list[str]:
    """A paragraph's stemmed tokens, remembered (the articles' paragraphs recur every ask)."""
    return [root(w) for w in tokenize(undotted(f"{title} {paragraph}"))]


def undotted(text: str) -> str:
    """Dotted abbreviations as one word ("Ph.D." -> "PhD."), as people type them."""
    return re.sub(r"(?<=[A-Za-z])\.(?=[A-Za-z])", "", text)



@lru_cache(maxsize=65536)
def root(word: str) -> str:
    """A word's root by the Snowball English stemmer, so a paragraph's "separate" meets a
    question's "separately" and "negotiating" meets "negotiate" (the library's own `stem`
    cuts only a plural or verb "s" and a possessive)."""
    with _STEMMING:  # one stemmer object keeps its word as state: one word at a time
        return _english().stemWord(stem(word))


_STEMMING = threading.Lock()  # answers run on several threads (the web app's workers)


@lru_cache(maxsize=1)
def _english() -> Any:
    import snowballstemmer  # here: its 30 languages take 20 ms, which a look-up never needs

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1)
def generic() -> frozenset[str]:
    """The roots of the words too common to tell paragraphs apart."""
    return frozenset(root(w) for w in GENERIC)
