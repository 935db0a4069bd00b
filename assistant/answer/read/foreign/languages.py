"""A question written in another language -> the English words the reader understands.

Example:
    >>> t = in_english("¿Cuál es el salario base de un ingeniero de software en Visa en "
    ...                "Londres?", lexicon)
    >>> (t.text, t.language)
    ('base salary software engineer Visa Londres?', 'Spanish')
    >>> t.note
    "Read the question from Spanish: 'salario base' as base salary, 'ingeniero de software' \
as software engineer."

Words are data (languages.yaml); places come from the lexicon (kept whole: "Rio de Janeiro").
Chinese, Japanese and Korean are cut by longest match over the table's words and the
lexicon's place names (tokens.py); amounts in number words are written in digits first
(numbers.py). Only words English does not also use ("no", "base", "de" never count) make a
question another language's, so English comes back unchanged, for one regex and one set
intersection.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

from assistant.answer.read.foreign.numbers import in_digits, thousands_in_digits
from assistant.answer.read.foreign.tokens import (
    HANGUL,
    HAS_DEVA,
    KANA,
    TOKEN,
    Token,
    as_typed,
    fold,
    joined,
    lookup_key,
    split_words,
)
from assistant.places.lexicon import Lexicon
from assistant.places.names import name_key

TABLE_FILE = Path(__file__).with_name("languages.yaml")
CONJUNCTIONS = {"y": ("Spanish",), "e": ("Portuguese", "Italian"), "und": ("German",),
                "et": ("French",), "ed": ("Italian",)}  # "and" opening a follow-up
MAX_NOTED = 5  # phrases the note names; a long question's note stays one short line
HAN_PLACE_CHARS = (2, 3, 4)  # lengths of Chinese place names tried against the lexicon

_CJK_PUNCT = str.maketrans({"。": ".", "、": ",", "「": '"', "」": '"', "《": '"', "》": '"'})
_TIDY = ((re.compile(r"[¿¡]|\(\s*\)"), ""), (re.compile(r"(?<!\s)\s+([?.!,;:)\]])"), r"\1"),
         (re.compile(r"([(\[])\s+"), r"\1"), (re.compile(r"(?<=\w)\("), " ("),
         (re.compile(r"\)(?=\w)"), ") "), (re.compile(r"^[\s,;:.]+|,(?=\s*[,?.!])"), ""),
         (re.compile(r"\s+"), " "))


@dataclass(frozen=True)
class InEnglish:
    """A question in English words, with the language it was read from ("" for English)."""

    text: str
    language: str = ""
    read: tuple[tuple[str, str], ...] = ()  # (as typed, English) of the words worth naming
    left_out: tuple[str, ...] = ()  # words of another script that nothing read
    names_only: bool = False  # only names were in that language ("Sony base in 東京?")

    @property
    def note(self) -> str:
        """How the question was read, for the answer to show ("" for an English one)."""
        if not self.language:
            return ""
        named = ", ".join(f"'{typed}' as {english}" for typed, english in self.read[:MAX_NOTED])
        left = "; left out " + ", ".join(f"'{w}'" for w in self.left_out) if self.left_out else ""
        return f"Read {named}." if self.names_only else \
            f"Read the question from {self.language}{': ' + named if named else ''}{left}."


@dataclass(frozen=True)
class _Table:
    """One language's words, keyed as `_key` keys them."""

    words: dict[str, str]  # pay words and roles: named in the note
    function: dict[str, str]  # question and function words ("" drops them): not named
    evidence: frozenset[str]  # keys that show the language: a word English does not use
    also: tuple[str, ...] = ()
    longest: int = 1  # most tokens in one of its keys


@dataclass(frozen=True)
class _Tables:
    languages: dict[str, _Table]
    companies: dict[str, str]  # written in another script -> in Latin letters
    places: dict[str, str]  # in another script, where the lexicon has no such name
    triggers: frozenset[str]  # the words of every evidence key: the cheap first test
    function: frozenset[str]  # every language's function words, which a place name may hold
    longest: int  # most tokens in one key


class _Reading(NamedTuple):
    start: int  # token span
    end: int
    english: str
    kind: str  # "word" | "function" | "name" | "keep"


def in_english(question: str, lexicon: Lexicon, hint: str = "") -> InEnglish:
    """The question in English words the reader understands, and the language it was in
    (`hint`, the conversation's last one, for a follow-up such as "e em Zurique?")."""
    tables = _tables()
    words = [t.casefold() for t in TOKEN.findall(question)]
    if not hint and question.isascii() and not tables.triggers.intersection(words) \
            and not (words and words[0] in CONJUNCTIONS):
        return InEnglish(question)
    text = in_digits(unicodedata.normalize("NFC", question))
    tokens = split_words(text)
    if not (hint or HAS_DEVA.search(text) or any(t.han for t in tokens)
            or tables.triggers & {fold(t.text) for t in tokens}
            or tokens and fold(tokens[0].text) in CONJUNCTIONS):
        return InEnglish(question)
    joins = [joined(text, a, b) for a, b in zip(tokens, tokens[1:], strict=False)]
    found = _lexicon_names(tokens, joins, tables.function, lexicon)
    language = _language(text, tokens, joins, tables, found, hint)
    if not language:
        return InEnglish(question)
    chosen = [tables.languages[language], *(tables.languages[a] for a in
                                            tables.languages[language].also)]
    read = _english(text, tokens, _readings(tokens, joins, chosen, tables, found), language)
    return replace(read, text=thousands_in_digits(read.text, language))


def _readings(tokens: list[Token], joins: list[bool], chosen: list[_Table], tables: _Tables,
              found: dict[str, str]) -> list[_Reading]:
    """Longest phrase first: every span of joined tokens `_find` knows, none overlapping."""
    used = [False] * len(tokens)
    readings: list[_Reading] = []
    # names in another script may be long ("スタッフソフトウェアエンジニア" is 15 tokens);
    # spaced words' keys are a few tokens: the spans tried are as long as the keys can be
    longest = tables.longest if any(t.han for t in tokens) else max(t.longest for t in chosen)
    for n in range(min(longest, len(tokens)), 0, -1):
        for i in range(len(tokens) - n + 1):
            if any(used[i:i + n]) or not all(joins[i:i + n - 1]):
                continue
            hit = _find(tokens[i:i + n], chosen, tables, found)
            if hit is not None:
                readings.append(_Reading(i, i + n, *hit))
                used[i:i + n] = [True] * n
    return sorted(readings)


def _language(text: str, tokens: list[Token], joins: list[bool], tables: _Tables,
              found: dict[str, str], hint: str) -> str:
    """The language a question is written in, "" for English: Chinese, Japanese, Korean and
    Hindi by script, else the table with most words English does not use (two of them, or one
    pay word or role: "São Paulo" is no word, "Chi" of a name no question word), else `hint`
    when its table reads every lower-case word."""
    if any(t.han for t in tokens):
        script = "Korean" if HANGUL.search(text) else "Japanese" if KANA.search(text) \
            else "Chinese"
        return script if script in tables.languages else ""
    if HAS_DEVA.search(text):
        return "Hindi"
    best, score = "", (0, 0)
    for name, table in tables.languages.items():
        if not table.evidence:  # a table of another script's words only
            continue
        readings = _readings(tokens, joins, [table], tables, found)
        keys = [lookup_key(tokens[r.start:r.end]) for r in readings if r.kind != "keep"]
        mine = (sum(k in table.evidence for k in keys), len(keys))
        # one function word alone is no evidence: a name holds it ("Ho Chi Minh City")
        telling = mine[0] >= 2 or any(k in table.evidence and k in table.words for k in keys)
        if telling and mine > score:
            best, score = name, mine
    if best:
        return best
    lower = [i for i, t in enumerate(tokens) if t.text[:1].islower()]
    # a follow-up opening with another language's "and" ("e em toronto?", "und in new
    # york?") is read in that language when its table reads every lower-case word
    opening = fold(tokens[0].text) if tokens and text[tokens[0].end:][:1] == " " else ""
    for name in (hint, *CONJUNCTIONS.get(opening, ())):
        hinted = tables.languages.get(name)
        read = {i for r in _readings(tokens, joins, [hinted], tables, found)
                for i in range(*r[:2])} if hinted else set()
        if lower and read.issuperset(lower) or name != hint and hinted and 0 in read and (
                len(read) >= 2 or opening in hinted.evidence):  # "und" is no English word
            return name
    return ""


def _lexicon_names(tokens: list[Token], joins: list[bool], function: frozenset[str],
                   lexicon: Lexicon) -> dict[str, str]:
    """English names of the places among the question's phrases the lexicon knows: Chinese
    runs of 2-4 characters, Devanagari words, capitalised phrases such as "Rio de Janeiro"."""
    asked = {as_typed(tokens[i:i + n]) for n in range(1, 5) for i in range(len(tokens) - n + 1)
             if all(joins[i:i + n - 1]) and _may_be_place(tokens[i:i + n], function)}
    places = lexicon.lookup_many(asked)
    return {a: places[name_key(a)][0].name for a in asked if name_key(a) in places}


def _may_be_place(span: Sequence[Token], function: frozenset[str]) -> bool:
    if span[0].han or HAS_DEVA.search(span[0].text):
        return not span[0].han or len(span) in HAN_PLACE_CHARS
    return len(span) > 1 and span[0].text[:1].isupper() and span[-1].text[:1].isupper() \
        and any(fold(t.text) in function for t in span)


def _find(span: Sequence[Token], chosen: list[_Table], tables: _Tables,
          found: dict[str, str]) -> tuple[str, str] | None:
    """What one phrase of the question reads as: (English, kind), or None."""
    key, typed = lookup_key(span), as_typed(span)
    latin = not span[0].han and not HAS_DEVA.search(typed)
    if latin and len(span) > 1 and typed in found:
        return "", "keep"
    for table in chosen:
        if key in table.words or key in table.function:
            return table.words.get(key, table.function.get(key, "")), \
                "word" if key in table.words else "function"
    english = None if latin else tables.companies.get(key) or found.get(typed) \
        or tables.places.get(key)
    return None if english is None else (english, "name")


def _english(text: str, tokens: list[Token], readings: list[_Reading],
             language: str) -> InEnglish:
    """The question in English: read phrases replaced, unread words of another script listed."""
    at = {r.start: r for r in readings}
    english, read, left_out = "", [], []
    pos = i = 0
    while i < len(tokens):
        reading = at.get(i)
        end = reading.end if reading else _unread_end(text, tokens, i, at)
        typed = text[tokens[i].start:tokens[end - 1].end]
        if reading is None:
            word = "" if tokens[i].han or HAS_DEVA.search(typed) else typed
            left_out += [] if word else [typed]
        else:
            word = typed if reading.kind == "keep" else reading.english
            if reading.kind in ("word", "name") and fold(typed) != fold(word):
                read.append((typed, word))
        english += _plain(text[pos:tokens[i].start])
        if word and (english[-1:].isalnum() or english[-1:] == ")") and word[0].isalnum():
            english += " "  # Chinese has no spaces to keep the English words apart
        english, pos, i = english + word, tokens[end - 1].end, end
    english += _plain(text[pos:])
    for pattern, repl in _TIDY:
        english = pattern.sub(repl, english)
    names_only = not left_out and all(r.kind in ("name", "keep") for r in readings)
    return InEnglish(english.strip(), language, tuple(read), tuple(left_out), names_only)


def _unread_end(text: str, tokens: list[Token], i: int, at: dict[int, _Reading]) -> int:
    """Where the unread word at `i` ends: a run of unread Chinese characters is one word."""
    end = i + 1
    while tokens[i].han and end < len(tokens) and tokens[end].han and end not in at \
            and not text[tokens[end - 1].end:tokens[end].start]:
        end += 1
    return end


def _plain(gap: str) -> str:  # text between words; full-width punctuation as ASCII ("？")
    return gap if gap.isascii() else unicodedata.normalize("NFKC", gap).translate(_CJK_PUNCT)


@cache
def _tables() -> _Tables:
    """languages.yaml, loaded once on the first question (package data: it never changes)."""
    import yaml  # the C safe loader where libyaml is built in (as corpus/frontmatter.py)

    data = yaml.load(TABLE_FILE.read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    raw = data["languages"]
    english = {fold(w) for w in data["shared_with_english"]} | {
        fold(w) for spec in raw.values() for part in ("words", "function")
        for value in (spec.get(part) or {}).values() for w in value.split()}
    languages: dict[str, _Table] = {}
    for name, spec in raw.items():
        words, function = (_keyed(spec.get(part) or {}) for part in ("words", "function"))
        evidence = frozenset(k for k in [*words, *function]  # Latin-script keys only
                             if k.isascii() and set(k.split()) - english)
        languages[name] = _Table(words, function, evidence, tuple(spec.get("also", ())),
                                 max(len(TOKEN.findall(k)) for k in [*words, *function]))
    companies, places = _keyed(data["companies"]), _keyed(data["places"])
    keys = [*companies, *places, *(k for t in languages.values() for k in [*t.words, *t.function])]
    return _Tables(languages, companies, places,
                   triggers=frozenset(w for t in languages.values() for k in t.evidence
                                      for w in k.split() if w not in english),
                   function=frozenset(k for t in languages.values() for k in t.function),
                   longest=max(len(TOKEN.findall(k)) for k in keys))


def _keyed(table: dict[str, str]) -> dict[str, str]:
    """A table with its phrases keyed as the question's phrases are (`_key`)."""
    return {lookup_key(split_words(unicodedata.normalize("NFC", phrase))): english or ""
            for phrase, english in table.items()}


