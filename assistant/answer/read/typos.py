"""Company names typed wrong: one or two edits from exactly one company, and never silently.

Example:
    >>> read_names("Alibba Seattle sign-on?", ["alibba"], vocab, has_company=False).note
    "Read 'Alibba' as Alibaba."

A word that is an ordinary English word ("motion", "wise", "sigma") is never corrected into a
company: it stays an unknown name, so the answer says the library has no guide for it and
suggests the near company instead of answering for it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.answer.read.companies import COMPANY_AFTER, FOLLOWING
from assistant.answer.read.neighbours import CORPORATE_SUFFIXES
from assistant.answer.read.phrases import QUESTION_WORDS
from assistant.corpus.words.normal import norm
from assistant.corpus.words.vocabulary import Vocabulary

MIN_SIMILARITY = 0.8  # a typo keeps at least 80% of the name


@dataclass(frozen=True)
class NameReading:
    """What the question's unmatched names turned out to be."""

    company: str = ""  # the one company a typo is close to
    note: str = ""  # "Read 'Alibba' as Alibaba."
    ambiguous: tuple[str, ...] = ()  # companies a typo is equally close to
    unknown: tuple[str, ...] = ()  # capitalised names that match nothing (as typed)


SHOUTED = 3  # an ordinary word longer than this typed in capitals is emphasis ("ENTIRE")


# The days and months by the standard library's English names.
CALENDAR_NAMES = frozenset(n.casefold() for n in (*calendar.day_name, *calendar.month_name) if n)


MIN_FIRM = 5  # letters of a lower-case word read as an unknown firm's name ("relo", "esop": no)


def read_names(question: str, tokens: list[str], vocab: Vocabulary, has_company: bool,
               ordinary: AbstractSet[str] = frozenset(),
               before_slot: AbstractSet[str] = frozenset()) -> NameReading:
    """Match typos (one or two edits) against company names; ties ask, misses stay unknown.

    With a company already named, only collect the names that match nothing. A capitalised
    ordinary word is a name mid-sentence, or at a sentence's start when a role, place or pay
    word follows it (`before_slot`: "Dell software engineer ..." but not "Any example?").
    """
    unknown: list[str] = []
    choices = vocab.typo_targets  # never a short nickname or ticker ("crm" is not CRM)
    names = set(_names(question))
    bigrams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    for token in bigrams + tokens:
        single = " " not in token
        if token in CORPORATE_SUFFIXES or single and token in CALENDAR_NAMES:
            continue  # "Inc"; "an offer on Friday": a day, capitalised, never a firm
        if single and token not in names and (token in ordinary or token in vocab.known_words):
            continue  # an ordinary word in lower case is not a name
        if single and "-" in token and all(part in ordinary for part in token.split("-")):
            continue  # "Lump-sum", "Follow-up": ordinary words joined, not a name
        if single and token in ordinary and len(token) > SHOUTED \
                and _as_typed(token, question).isupper():
            continue  # "pay back the ENTIRE bonus": a word said loudly, not a name
        if single and token in ordinary:  # "Motion", "Intuit": a name, never a misspelt one
            if not has_company and (token in before_slot or _named_mid_sentence(token, question)):
                unknown.append(_as_typed(token, question))
            continue
        if has_company:
            if single and token in names and token not in vocab.known_words:
                unknown.append(_as_typed(token, question))
            continue
        hits = [h for h in process.extract(token, choices, scorer=DamerauLevenshtein.distance,
                                           limit=5, score_cutoff=_max_edits(token))
                if 1 - h[1] / max(len(token), len(h[0])) >= MIN_SIMILARITY]
        slugs = {vocab.company_aliases[h[0]] for h in hits if h[1] <= hits[0][1]} if hits \
            else set()
        if len(slugs) == 1:
            slug = slugs.pop()
            return NameReading(company=slug, note=f"Read '{_as_typed(token, question)}' as "
                                                  f"{vocab.companies[slug]}.")
        if len(slugs) > 1:
            return NameReading(ambiguous=tuple(sorted(slugs)))
        if single and token not in vocab.known_words and (token in names or _firm_place(
                token, question, ordinary, before_slot)):
            unknown.append(_as_typed(token, question))
    return NameReading(unknown=tuple(unknown))


def _firm_place(token: str, question: str, ordinary: AbstractSet[str],
                before_slot: AbstractSet[str]) -> bool:
    """A word typed in lower case that is no English word, where a firm stands: right before
    a role or pay word ("grubhub software engineer"), or last after "and", "about", "at"
    ("and grubhub?", "what about wealthsimple?"), where companies.py reads a known one."""
    if not token.isalpha() or len(token) < MIN_FIRM or token in ordinary:
        return False
    last = re.search(rf"(\S+)\s+{re.escape(token)}\W*$", question, re.IGNORECASE)
    return token in before_slot or last is not None \
        and last.group(1).casefold() in FOLLOWING | COMPANY_AFTER | {"for"}


def _max_edits(token: str) -> int:
    """Edits a typo may have: none for short words, one for 4-5 letters, two beyond."""
    return 0 if len(token) < 4 else 1 if len(token) < 6 else 2


def _as_typed(token: str, question: str) -> str:
    match = re.search(re.escape(token), question, re.IGNORECASE)
    return match.group(0) if match else token


def _names(question: str) -> list[str]:
    """Lower-cased capitalised words of the question (the first word only if it is not common),
    and names with a capital inside ("iFood", "eBay")."""
    return [norm(w) for w in re.findall(r"\b(?:[A-Z]|[a-z]{1,2}[A-Z])[\w&.-]*", question)
            if norm(w) not in QUESTION_WORDS]


def _named_mid_sentence(token: str, question: str) -> bool:
    """True when the word is capitalised where no sentence begins ("… Motion …"), or in caps."""
    title = re.escape(token[:1].upper() + token[1:])
    pattern = rf"(?<=\w[\s,]){title}\b|\b{re.escape(token.upper())}\b"
    return re.search(pattern, question) is not None
