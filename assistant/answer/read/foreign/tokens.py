"""How a question in another language splits into words: spaced words (a French elision such
as "d'" a word of its own), and a character at a time in the scripts written without spaces
(Chinese, Japanese) or whose words carry their particles (Korean "구글의"); and the look-up
form of a phrase (case and accents folded).

Example:
    >>> [t.text for t in split_words("l'ingénieur à 東京")]
    ["l'", 'ingénieur', 'à', '東', '京']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af"  # read by character
DEVA = "\u0900-\u0963\u0966-\u097f\u200c\u200d"  # Devanagari without its full stops (।)
_LETTER = rf"(?:[^\W{HAN}]|[{DEVA}])"
# A French elision ("d'", "qu'") is a word of its own; a Chinese character is one too.
TOKEN = re.compile(rf"\b(?i:qu|[cdjlmnst])['’](?={_LETTER}|$)|[{HAN}]"
                   rf"|{_LETTER}+(?:[-'’]{_LETTER}+)*")
HAS_DEVA = re.compile(f"[{DEVA}]")
KANA = re.compile("[\u3040-\u30ff]")  # Japanese (its kanji are Chinese characters)
HANGUL = re.compile("[\uac00-\ud7af]")
_HAN_CHAR = re.compile(f"[{HAN}]")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    han: bool  # one character of a script read by character


def split_words(text: str) -> list[Token]:
    """The question's words (characters, in the scripts read by character), in order."""
    return [Token(m.group(), m.start(), m.end(), bool(_HAN_CHAR.fullmatch(m.group())))
            for m in TOKEN.finditer(text)]


def joined(text: str, a: Token, b: Token) -> bool:
    """Whether two tokens can be words of one phrase: one run of characters (Korean words
    across one space too: "데이터 사이언티스트"), or words and spaces."""
    gap = text[a.end:b.start]
    if a.han != b.han:
        return False
    return gap == "" or gap == " " and bool(HANGUL.match(a.text)) if a.han \
        else not gap.strip()


def lookup_key(span: Sequence[Token]) -> str:
    """The look-up form of a phrase: case and accents folded, characters without spaces."""
    return ("" if span[0].han else " ").join(fold(t.text) for t in span)


def as_typed(span: Sequence[Token]) -> str:
    """A phrase as the question writes it."""
    return ("" if span[0].han else " ").join(t.text for t in span)


def fold(word: str) -> str:
    """A word case- and accent-blind ("Salário" = "salario"); Devanagari as it is."""
    word = word.casefold().replace("’", "'")
    if word.isascii():
        return word
    if HAS_DEVA.search(word):  # its vowel signs are marks too: they must stay
        return unicodedata.normalize("NFC", word)
    plain = unicodedata.normalize("NFKD", word.replace("ß", "ss"))
    return "".join(c for c in plain if not unicodedata.combining(c))
