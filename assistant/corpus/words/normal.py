"""Text as the readers compare it: lower case, one kind of dash and quote, word characters
and a few joiners, one word per typed word.

Example:
    >>> norm("Zürich – Senior SWE (L5)")
    'zürich - senior swe l5'
    >>> typed_words("Zürich – Senior SWE (L5)")
    ['Zürich', '-', 'Senior', 'SWE,', 'L5']
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


def compact(phrase: str) -> str:
    """A phrase without spaces, dots or hyphens ("D. E. Shaw" -> "deshaw")."""
    return re.sub(r"[\s.\-]+", "", phrase)


REMEMBERED = 200  # texts up to this long are normalised once (a question, a name, a phrase)


def norm(text: str) -> str:
    """Lower-case, unify dashes/quotes, and keep only word characters and a few joiners."""
    return _norm(text) if len(text) <= REMEMBERED else _norm.__wrapped__(text)


def typed_words(text: str) -> list[str]:
    """The words of `text` as typed (case kept, a trailing comma kept, a bracket read as one),
    one per `norm` word.

    Composed first (NFC): a decomposed "Zu\u0308rich" is one word, as "Zürich" is.
    """
    return list(_words(text))


# Remembered: one question's words are normalised a dozen times as it is read (its
# capitalised words one by one), and names recur from question to question.
@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return " ".join(_words(text.casefold())).replace(",", "")


def _words(text: str) -> tuple[str, ...]:
    return _typed(text) if len(text) <= REMEMBERED else _typed.__wrapped__(text)


@lru_cache(maxsize=8192)
def _typed(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("’", "'").replace("–", "-").replace("—", "-")
    text = re.sub(r"\s*[()\[\]]+\s*", ", ", text.strip("()[] "))  # a bracket ends a name
    text = re.sub(r",(?=\S)", ", ", re.sub(r"[^\w&/.+', -]", " ", text))
    return tuple(w for w in text.split() if w.strip(","))
