"""Question -> Resolved: which company, role, level and region it names, and what it asks.

Example:
    >>> r = resolve("Alibba Seattle sign-on?", vocab)
    >>> (r.company, r.region, r.asks, r.notes)
    ('alibaba', 'Seattle', ('signing_bonus',), ("Read 'Alibba' as Alibaba.",))

Matching is longest-phrase-first over the library's own vocabulary plus common aliases; typos
are matched fuzzily against company names only, and never silently: each one leaves a note.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assistant.answer.levels import Level, read_level
from assistant.answer.neighbours import longer_company, longer_role
from assistant.answer.phrases import (
    QUESTION_WORDS,
    WEAK_TOTAL,
    lookup,
    other_role,
)
from assistant.answer.places import AskedPlace, find_places
from assistant.answer.typos import read_names
from assistant.corpus.lexicon import Lexicon
from assistant.corpus.vocabulary import Vocabulary, norm, typed_words


@dataclass(frozen=True)
class Resolved:
    """The entities a question names, with notes about any reading that was not literal."""

    question: str
    company: str = ""
    role: str = ""
    region: str = ""  # the first place asked: the library's region name, else as typed
    region_typed: str = ""
    places: tuple[AskedPlace, ...] = ()  # every place asked, in question order
    level: str = ""  # the level as typed ("L5", "level 62")
    level_asked: Level | None = None
    asks: tuple[str, ...] = ()
    unknown_names: tuple[str, ...] = ()  # capitalised words that match nothing in the library
    ambiguous: tuple[str, ...] = ()  # company slugs a typo matched equally well
    other_companies: tuple[str, ...] = ()  # further companies named (comparisons)
    unknown_role: str = ""  # a job the library has no guides for ("recruiter")
    notes: tuple[str, ...] = ()
    carried: tuple[str, ...] = field(default=())  # fields taken from earlier turns
    matched: tuple[bool, ...] = field(default=(), repr=False, compare=False)  # per word
    spans: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)

    def leftover_words(self) -> list[str]:
        """Words of the question no entity or topic matched (question words excluded)."""
        words = norm(self.question).split()
        if len(self.matched) != len(words):
            return []
        return _leftover_tokens(self.question, words, list(self.matched))

    def with_context(self, earlier: Resolved) -> Resolved:
        """Fill company, role, region and asks from an earlier turn where this one is silent."""
        if self.unknown_names or self.ambiguous:
            return self
        taken = {k: getattr(earlier, k) for k in ("company", "role", "region", "region_typed",
                                                  "level", "level_asked", "places")
                 if not getattr(self, k)}
        if not self.asks and earlier.asks:
            taken["asks"] = earlier.asks
        hidden = ("region_typed", "places", "level_asked")
        carried = tuple(k for k, v in taken.items() if v and k not in hidden)
        return replace(self, **taken, carried=carried)


def resolve(question: str, vocab: Vocabulary, lexicon: Lexicon | None = None) -> Resolved:
    """Read company, role, places, level and topics out of one question."""
    words = norm(question).split()
    resolved, phrase = _match(question, words, vocab, frozenset())
    if resolved.company and not resolved.role and " " in phrase:
        # "Elastic security engineer": the company "Elastic Security" swallowed the role word;
        # prefer the reading that finds both a company and a role.
        second, _ = _match(question, words, vocab, frozenset({phrase}))
        if second.company and second.role:
            resolved = second
    typed = typed_words(question)
    if len(typed) != len(words):
        typed = words
    resolved = _with_places(resolved, words, typed, vocab, lexicon)
    return _with_names(_without_stand_ins(resolved, words, typed), words, typed, vocab, lexicon)


def _without_stand_ins(resolved: Resolved, words: list[str], typed: list[str]) -> Resolved:
    """Drop a company or role match that is only part of a longer name the library lacks."""
    used = resolved.matched
    if "role" in resolved.spans and resolved.role:
        job = longer_role(words, used, *resolved.spans["role"])
        if job:
            resolved = replace(resolved, role="", unknown_role=job)
    if "company" in resolved.spans and resolved.company:
        firm = longer_company(typed, used, *resolved.spans["company"])
        if firm:
            resolved = replace(resolved, company="", unknown_names=(firm,), other_companies=())
    return resolved


def _with_names(resolved: Resolved, words: list[str], typed: list[str], vocab: Vocabulary,
                lexicon: Lexicon | None) -> Resolved:
    """Typos of company names, and capitalised names that match nothing."""
    tokens = _leftovers(resolved, words)
    ordinary = lexicon.ordinary(tokens) if lexicon else frozenset()
    used = resolved.matched
    before_slot = {w.strip(".'/-") for i, w in enumerate(words[:-1])
                   if i < len(used) - 1 and not used[i] and used[i + 1]}
    named = bool(resolved.company or resolved.unknown_names)
    names = read_names(resolved.question, tokens, vocab, named, ordinary, before_slot)
    if names.company:
        return replace(resolved, company=names.company, notes=(*resolved.notes, names.note))
    if names.ambiguous:
        return replace(resolved, ambiguous=names.ambiguous)
    firms = () if named else _capitalised_runs(typed, resolved.matched)
    if firms:  # "General Motors", "Sigma Computing": a firm's name, not words to correct
        return replace(resolved, unknown_names=(*resolved.unknown_names, *firms))
    return replace(resolved, unknown_names=(*resolved.unknown_names, *names.unknown))


def _with_places(resolved: Resolved, words: list[str], typed: list[str], vocab: Vocabulary,
                 lexicon: Lexicon | None) -> Resolved:
    """Every place among the words no company, role or topic took."""
    used = list(resolved.matched)
    places = tuple(find_places(words, typed, used, vocab, lexicon))
    if not places:
        return replace(resolved, matched=tuple(used))
    first = places[0]
    return replace(resolved, places=places, region=first.library or first.typed,
                   region_typed=first.typed, matched=tuple(used))


def _match(question: str, words: list[str], vocab: Vocabulary, banned: frozenset[str]
           ) -> tuple[Resolved, str]:
    """Longest-phrase-first matching; returns the reading and the company phrase used."""
    found: dict[str, str] = {}
    asks: list[str] = []
    weak: set[str] = set()
    others: list[str] = []
    role_at = -1
    extra_roles = 0
    used = [False] * len(words)
    spans: dict[str, tuple[int, int]] = {}  # word span of the company and the role matched
    for n in range(min(vocab.max_phrase_words, 6), 0, -1):
        for i in range(len(words) - n + 1):
            if any(used[i:i + n]):
                continue
            phrase = " ".join(words[i:i + n]).strip(".'/")
            kind, value = lookup(phrase, vocab, question)
            if not kind or (kind == "company" and phrase in banned):
                continue
            if kind == "ask":
                if value not in asks:
                    asks.append(value)
                    if phrase in WEAK_TOTAL:
                        weak.add(value)
            elif kind not in found:
                found[kind] = value
                found[f"{kind}_typed"] = phrase
                spans[kind] = (i, i + n)
                if kind == "role":
                    role_at = i
            elif kind == "company" and value != found["company"]:
                others.append(value)
            elif kind == "role":
                extra_roles += value != found["role"]
            else:
                continue
            used[i:i + n] = [True] * n
    level = read_level(question)
    resolved = Resolved(question=question, company=found.get("company", ""),
                        role=found.get("role", ""), level=level.typed if level else "",
                        level_asked=level,
                        asks=tuple(_order(asks, weak)), other_companies=tuple(others),
                        unknown_role=other_role(words, used) if not found.get("role") else "")
    if extra_roles:
        resolved = replace(resolved, notes=(*resolved.notes, "several roles named"))
    for other in others:  # "the Citadel equivalent of a Jane Street SWE": the subject is
        if _ends_before(other, words, role_at, vocab):  # the company next to the role
            rest = [found["company"], *[o for o in others if o != other]]
            resolved = replace(resolved, company=other, other_companies=tuple(rest))
    return replace(resolved, matched=tuple(used), spans=spans), found.get("company_typed", "")


def _leftovers(resolved: Resolved, words: list[str]) -> list[str]:
    return _leftover_tokens(resolved.question, words, list(resolved.matched))


def _ends_before(company: str, words: list[str], role_at: int, vocab: Vocabulary) -> bool:
    """True when a phrase naming `company` ends right where the role phrase starts."""
    for n in (1, 2, 3):
        start = role_at - n
        if start >= 0 and vocab.company_aliases.get(" ".join(words[start:role_at])) == company:
            return True
    return False


def _leftover_tokens(question: str, words: list[str], used: list[bool]) -> list[str]:
    """Unmatched tokens that could be a name: not a question word, not a number."""
    return [w.strip(".'/-") for w, u in zip(words, used, strict=True)
            if not u and w not in QUESTION_WORDS and len(w) >= 3 and not w[0].isdigit()]


def _capitalised_runs(typed: list[str], used: tuple[bool, ...]) -> tuple[str, ...]:
    """Two or more capitalised words in a row that no slot took: a name ("General Motors")."""
    runs: list[list[str]] = [[]]
    for word, taken in zip(typed, used, strict=False):
        clean = word.strip(".,?!'")
        if not taken and clean[:1].isupper() and clean.casefold() not in QUESTION_WORDS:
            runs[-1].append(clean)
            if word.endswith((",", ".", "?", "!")):
                runs.append([])
        elif runs[-1]:
            runs.append([])
    return tuple(" ".join(run) for run in runs if len(run) >= 2)


def _order(asks: list[str], weak: set[str]) -> list[str]:
    """Drop a total-comp reading that came only from filler words beside a specific ask."""
    if "total_comp" in asks and "total_comp" in weak:  # "pay" alone: every component
        return [a for a in asks if a != "total_comp"]
    return asks
