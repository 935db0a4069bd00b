"""Which company a question names, where names overlap: splits, part-names, longer names.

Example:
    >>> split_reading(first, "elastic security", words, vocab, ordinary).company
    'elastic-security'
    >>> with_partial(resolved, words, vocab.companies).ambiguous   # "Epic software engineer"
    ('epic-games', 'epic-systems')

A longer company name wins, saying so ("Snowflake AI" before "Snowflake"); a part of names
("Citadel", "Epic", "Cisco" of "Splunk (Cisco)") asks which company is meant unless it is the
one company so named and no ordinary word ("JPMorgan"); two capitalised words in a row that
name nothing in the library are a firm's name ("General Motors").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import TypeVar

from assistant.answer.read.phrases import QUESTION_WORDS
from assistant.answer.read.reading import Resolved
from assistant.corpus.words.titles import titled_role
from assistant.corpus.words.vocabulary import Vocabulary

T = TypeVar("T")


def split_reading(first: Resolved, phrase: str, vocab: Vocabulary,
                  rematch: Callable[[frozenset[str]], Resolved]) -> Resolved:
    """A company name that swallowed a role word ("Elastic Security" + "engineer").

    Read the role with that word; keep the longer company when it has a guide for that role
    ("Plaid Identity" + "Identity Verification Platform Engineer"), else take the shorter one
    if it has the guide, saying that the longer name is a company of its own.
    """
    second = rematch(frozenset({phrase}))
    if not (second.company and second.role):
        return first
    if second.role in vocab.guides_by_company.get(first.company, {}):
        note = (f"Read '{typed_as(phrase, first.question)}' as the company "
                f"{vocab.companies[first.company]}; the library also has "
                f"{vocab.companies[second.company]}.")
        return second.replaced(company=first.company, other_companies=(),
                               notes=(*second.notes, note))
    if second.role not in vocab.guides_by_company.get(second.company, {}):
        return first
    note = (f"Read as {vocab.companies[second.company]}'s "
            f"{vocab.roles.get(second.role, second.role)} guide; the library also has "
            f"{vocab.companies[first.company]}, a company of its own.")
    return second.replaced(notes=(*second.notes, note))


def company_of_role(resolved: Resolved, words: list[str], vocab: Vocabulary) -> Resolved:
    """A company whose name runs into the role ("Plaid Identity Verification ..."): the longer
    company, when it is the one with a guide for that role."""
    span = resolved.spans.get("company")
    if not (span and resolved.role) or resolved.role in vocab.guides_by_company.get(
            resolved.company, {}):
        return resolved
    for extra in (1, 2):
        slug = vocab.company_aliases.get(" ".join(words[span[0]:span[1] + extra]))
        if slug and resolved.role in vocab.guides_by_company.get(slug, {}):
            return resolved.replaced(company=slug)
    return resolved


def with_own_title(resolved: Resolved, words: list[str], vocab: Vocabulary) -> Resolved:
    """A company's own role named by two words of its title, one no other title of the
    company has ("HSBC's Asia infrastructure platform role"), when no role was read; a note
    says how it was read."""
    if not resolved.company or resolved.role or resolved.other_companies:
        return resolved
    used = list(resolved.matched)
    free = [w if i >= len(used) or not used[i] else "" for i, w in enumerate(words)]
    role, at = titled_role(vocab.guides_by_company.get(resolved.company, {}), free,
                           resolved.company)
    if not role:
        return resolved
    for i in at:
        if i < len(used):
            used[i] = True
    typed = " ".join(words[i].strip(".,;:!?'()\"") for i in at)
    company = vocab.companies[resolved.company]
    note = (f"Read '{typed}' as {company}'s {vocab.roles.get(role, role)} guide (no other "
            f"{company} guide's title has those words).")
    return resolved.replaced(role=role, unknown_role="", matched=tuple(used),
                             notes=(*resolved.notes, note))


COMPANY_AFTER = frozenset({"at", "from", "@", "joining"})  # "a swe offer from box"
SENIORITY_WORDS = frozenset("junior senior staff principal lead mid entry new grad sr jr".split())
JOINERS = frozenset({"and", "or", "vs", "versus", "nor"})  # "JPMorgan and Morgan Stanley"


def with_partial(resolved: Resolved, words: list[str], companies: dict[str, str]) -> Resolved:
    """A part-name ("Citadel", "Epic", "Cisco"): another company when one is named, else ask.

    Read only when its word is still free once places are read ("Western Europe") and what
    follows is not a plain word it describes ("American companies").
    """
    used = resolved.matched
    for phrase, slugs, end, safe in resolved.partial_names:
        start = end - len(phrase.split())
        titles = {t.casefold() for t in resolved.level_asked.titles} \
            if resolved.level_asked else set()
        # a plain word after it may be what it describes ("American companies"); a function
        # word does not describe ("JPMorgan is my favorite"): then a name no English word has
        # is the company
        if any(used[start:end]) or (end < len(words) and not used[end]
                                    and words[end].isalpha()
                                    and words[end] not in JOINERS | titles
                                    and not (safe and (words[end] in _function_words()
                                                       or words[end] in DOING))):
            continue
        typed = typed_as(phrase, resolved.question)
        if resolved.company:
            others = [s for s in slugs if s != resolved.company
                      and s not in resolved.other_companies]
            if others:
                used = (*used[:start], *[True] * (end - start), *used[end:])
                resolved = resolved.replaced(
                    other_companies=(*resolved.other_companies, others[0]), matched=used,
                    notes=(*resolved.notes, f"Read '{typed}' as {companies[others[0]]}.")
                    if safe else resolved.notes)
        elif safe:  # "JPMorgan": the one company named so, and no ordinary word (and a
            # further part-name is another company: "Goldman vs JPMorgan")
            used = (*used[:start], *[True] * (end - start), *used[end:])
            resolved = resolved.replaced(
                company=slugs[0], matched=used,
                notes=(*resolved.notes, f"Read '{typed}' as {companies[slugs[0]]}."))
        else:
            return resolved.replaced(ambiguous=slugs, partial_name=typed)
    return resolved


def name_stands(phrase: str, question: str, role_named: bool) -> bool:
    """True when a firm's first word ("Mistral" of Mistral AI, whose rest only says what kind
    of firm it is) is typed as a name: with a capital where no sentence starts ("an offer
    from Mistral"), or with a capital at all in a question that names a role ("Mistral Paris
    senior SWE"); "scale" in running text stays a word."""
    starts = [m.start() for m in re.finditer(rf"\b{re.escape(phrase)}\b", question,
                                              re.IGNORECASE) if question[m.start()].isupper()]
    return any(role_named or not re.search(r"(?:^|[.!?:]\s*|\n)\W*$", question[:at])
               for at in starts)


def typed_as(phrase: str, question: str) -> str:
    """The phrase as the question writes it ("Citadel" for "citadel")."""
    found = re.search(re.escape(phrase), question, re.IGNORECASE)
    return found.group(0) if found else phrase


def capitalised_runs(typed: list[str], used: tuple[bool, ...],
                     ordinary: AbstractSet[str] = frozenset()) -> tuple[str, ...]:
    """Two or more capitalised words in a row that no slot took: a name ("General Motors"),
    but not an `ordinary` word with a letter ("Series B", "Plan B")."""
    runs: list[list[str]] = [[]]
    for word, taken in zip(typed, used, strict=False):
        clean = word.strip(".,?!'")
        if not taken and clean[:1].isupper() and clean.casefold() not in QUESTION_WORDS:
            runs[-1].append(clean)
            if word.endswith((",", ".", "?", "!")):
                runs.append([])
        elif runs[-1]:
            runs.append([])
    return tuple(" ".join(run) for run in runs if len(run) >= 2 and not (
        any(len(w) == 1 for w in run)
        and all(len(w) == 1 or w.casefold() in ordinary for w in run)))


def company_position(words: list[str], start: int, end: int, role_start: int,
                      level_words: AbstractSet[str]) -> bool:
    """True where a question puts a company: right before its role, before a level that
    comes before the role ("meta E5 swe") or stands for it ("meta e5 tc"), or after "at" /
    "from" ("swe offer from oracle")."""
    if role_start < 0:  # no role: "ICT4 at apple" names a company after "at", "meta e5"
        # right before its level
        after = " ".join(w.strip(".,?!:;()") for w in words[end:end + 2])
        if start > 0 and words[start - 1] in (*COMPANY_AFTER, "for") and end == len(words):
            return True  # "and at oracle?": the follow-up's last words name the company
        if start > 0 and words[start - 1] in ASKING and end < len(words) \
                and words[end].strip(".,?!") in PAYING | COMPARING:
            return True  # "what does grab pay there?", "how does anthropic compare"
        if start > 0 and words[start - 1].strip(",") in FOLLOWING \
                and {w.strip(".,?!") for w in words[end:]} <= TRAILING:
            return True  # "and apple?", "what about stripe there?": a follow-up's company
        return bool(level_words) and (start > 0 and words[start - 1] in COMPANY_AFTER or any(
            after == typed or after.startswith(f"{typed} ") for typed in level_words))
    between = words[end:role_start] if end < role_start else []
    if end == role_start or between and (" ".join(between) in level_words
                                         or all(w in SENIORITY_WORDS for w in between)):
        return True  # "asana principal pm": a seniority word between company and role
    return start > 0 and words[start - 1] in COMPANY_AFTER


ASKING = frozenset({"does", "do", "did", "would", "will", "can", "could"})
PAYING = frozenset({"pay", "paying", "offer", "offering"})
COMPARING = frozenset({"compare", "stack", "measure"})
# what a firm does in a story, said right after its name ("Goldman offered me 150k")
DOING = PAYING | frozenset({"offered", "gave", "gives", "wants", "sent", "made", "came",
                            "extended", "matched", "countered", "said", "told", "pays", "paid"})
FOLLOWING = frozenset({"and", "about", "vs", "versus", "with", "add"})  # "what about", "add"
TRAILING = frozenset({"", "there", "too", "then", "instead", "now", "also", "though"})
SET_AGAINST = frozenset({"vs", "vs.", "versus", "v", "v.", "or"})


def set_against(words: list[str], start: int, end: int) -> bool:
    """True when the phrase at words[start:end] stands beside "vs" or "or": set against
    another company ("stripe vs airbnb"), so an ordinary word there is a company too."""
    return (end < len(words) and words[end] in SET_AGAINST) or (
        start > 0 and words[start - 1] in SET_AGAINST)


def in_place_name(words: list[str], i: int, n: int, vocab: Vocabulary) -> bool:
    """True when the phrase is part of a longer place name ("the Big Apple")."""
    return any(len(s) > n and " ".join(s).strip(".,?!") in vocab.region_aliases for s in
               (words[max(0, i - 1):i + n], words[i:i + n + 1], words[max(0, i - 2):i + n]))


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """English function words ("is", "has", "and"), from the stop-words package's list."""
    from stop_words import get_stop_words

    return frozenset(get_stop_words("en"))


def ends_before(company: str, words: list[str], role_at: int, vocab: Vocabulary) -> bool:
    """True when a phrase naming `company` ends right where the role phrase starts."""
    for n in (1, 2, 3):
        start = role_at - n
        if start >= 0 and vocab.company_aliases.get(" ".join(words[start:role_at])) == company:
            return True
    return False


def by_company(resolved: Resolved, aliases: Mapping[str, str], items: Sequence[T],
               typed: Callable[[T], str]) -> dict[str, list[T]] | None:
    """Each company's own levels or places, when a question sets companies against each other
    with one each ("Google L5 vs AWS L6": L5 is Google's, L6 Amazon's; "Google in New York and
    Meta in Menlo Park"): an item belongs to the company named last before it (the first
    named, for one before every name). None unless several companies and items are named and
    every company gets one."""
    companies = [c for c in (resolved.company, *resolved.other_companies) if c]
    if len(companies) < 2 or len(items) < 2:
        return None
    words = [re.sub(r"'s$", "", w.strip(".,?!:;()\"").casefold())
             for w in resolved.question.split()]
    named = [(i, slug) for i in range(len(words)) for n in (3, 2, 1)
             if (slug := aliases.get(" ".join(words[i:i + n]), "")) in companies]
    bound: dict[str, list[T]] = {c: [] for c in companies}
    for item in items:
        said = typed(item).casefold().split()
        at = next((i for i in range(len(words)) if words[i:i + len(said)] == said), -1)
        if at < 0 or not named:
            return None
        before = [slug for i, slug in named if i < at]
        bound[before[-1] if before else named[0][1]].append(item)
    return bound if all(bound.values()) else None
