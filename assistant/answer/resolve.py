"""Question -> Resolved: which company, role, level and region it names, and what it asks.

Example:
    >>> r = resolve("Alibba Seattle sign-on?", vocab)
    >>> (r.company, r.region, r.asks, r.notes)
    ('alibaba', 'Seattle', ('signing_bonus',), ("Read 'Alibba' as Alibaba.",))

Matching is longest-phrase-first over the library's own vocabulary plus common aliases; typos
are matched fuzzily against company names only, and never silently: each one leaves a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.answer.places import AskedPlace, find_places
from assistant.corpus.lexicon import Lexicon
from assistant.corpus.vocabulary import (
    COMMON_WORD_COMPANIES,
    Vocabulary,
    compact,
    norm,
    typed_words,
)

# What a question can ask for, by keyword phrase (longest phrases are tried first).
TOPIC_PHRASES: dict[str, str] = {
    "base": "base", "base salary": "base", "base pay": "base", "salary": "base",
    "stock": "stock", "rsu": "stock", "rsus": "stock", "equity": "stock", "options": "stock",
    "shares": "stock", "stock grant": "stock", "grant": "stock",
    "bonus": "bonus", "annual bonus": "bonus", "performance bonus": "bonus",
    "sign-on": "signing_bonus", "sign on": "signing_bonus", "signon": "signing_bonus",
    "signing": "signing_bonus", "signing bonus": "signing_bonus", "sign-on bonus": "signing_bonus",
    "joining bonus": "signing_bonus", "sign on bonus": "signing_bonus",
    "tc": "total_comp", "total comp": "total_comp", "total compensation": "total_comp",
    "compensation": "total_comp", "comp": "total_comp", "package": "total_comp",
    "pay": "total_comp", "total": "total_comp", "pay band": "total_comp",
    "level": "level_mapping", "levels": "level_mapping", "level mapping": "level_mapping",
    "leveling": "level_mapping", "equivalent": "level_mapping", "maps to": "level_mapping",
    "map to": "level_mapping", "lever": "levers", "levers": "levers", "leverage": "levers",
    "script": "script", "counter": "script", "counteroffer": "script",
    "counter-offer": "script", "counter offer": "script", "negotiate up": "script",
    "what should i say": "script", "what do i say": "script", "countering": "script",
    "negotiate": "script", "negotiating": "script", "negotiation script": "script",
    "argument": "levers", "arguments": "levers", "accept-at": "script", "floor": "script",
    "anchor": "script", "opening": "script", "walk away": "script", "walk-away": "script",
    "espp": "espp", "stock purchase": "espp", "stock purchase plan": "espp",
    "employee stock purchase plan": "espp", "employee stock purchase": "espp",
}
# Jobs the library has no guides for: named, they make a `no_guide`, never a silent swap.
OTHER_ROLES = frozenset({
    "recruiter", "sales", "account executive", "sales engineer", "accountant", "lawyer",
    "attorney", "nurse", "teacher", "marketing manager", "marketer", "hr", "consultant",
    "customer success", "support engineer", "technical writer", "copywriter", "paralegal",
    "cashier", "banker", "trader", "analyst", "business analyst", "financial analyst",
})
MIN_SIMILARITY = 0.8  # a typo keeps at least 80% of the name
WEAK_TOTAL = frozenset({"pay", "package", "total", "pay band"})
LEVEL_PATTERN = re.compile(r"\b([LEPM]\d{1,2}|IC\d|T\d|junior|mid|senior|staff|principal)\b",
                           re.IGNORECASE)
# Words never taken for a company name, however they are capitalised.
QUESTION_WORDS = frozenset(
    "what whats how is are can could should would do does did i my me we our the a an "
    "and or in at for of to on with about which who when where why tell give show vs "
    "versus please hi hello thanks ok okay usd gbp eur inr sgd cny cad aud hkd jpy chf "
    "tier".split()
)


@dataclass(frozen=True)
class Resolved:
    """The entities a question names, with notes about any reading that was not literal."""

    question: str
    company: str = ""
    role: str = ""
    region: str = ""  # the first place asked: the library's region name, else as typed
    region_typed: str = ""
    places: tuple[AskedPlace, ...] = ()  # every place asked, in question order
    level: str = ""
    asks: tuple[str, ...] = ()
    unknown_names: tuple[str, ...] = ()  # capitalised words that match nothing in the library
    ambiguous: tuple[str, ...] = ()  # company slugs a typo matched equally well
    other_companies: tuple[str, ...] = ()  # further companies named (comparisons)
    unknown_role: str = ""  # a job the library has no guides for ("recruiter")
    notes: tuple[str, ...] = ()
    carried: tuple[str, ...] = field(default=())  # fields taken from earlier turns
    matched: tuple[bool, ...] = field(default=(), repr=False, compare=False)  # per word

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
                                                  "level", "places") if not getattr(self, k)}
        if not self.asks and earlier.asks:
            taken["asks"] = earlier.asks
        carried = tuple(k for k, v in taken.items() if v and k not in ("region_typed", "places"))
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
    resolved = _with_places(resolved, words, vocab, lexicon)
    return _fuzzy_company(resolved, _leftovers(resolved, words), vocab)


def _with_places(resolved: Resolved, words: list[str], vocab: Vocabulary,
                 lexicon: Lexicon | None) -> Resolved:
    """Every place among the words no company, role or topic took."""
    typed = typed_words(resolved.question)
    if len(typed) != len(words):
        typed = words
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
    for n in range(min(vocab.max_phrase_words, 6), 0, -1):
        for i in range(len(words) - n + 1):
            if any(used[i:i + n]):
                continue
            phrase = " ".join(words[i:i + n]).strip(".'/")
            kind, value = _lookup(phrase, vocab, question)
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
                if kind == "role":
                    role_at = i
            elif kind == "company" and value != found["company"]:
                others.append(value)
            elif kind == "role":
                extra_roles += 1
            else:
                continue
            used[i:i + n] = [True] * n
    resolved = Resolved(question=question, company=found.get("company", ""),
                        role=found.get("role", ""), level=_level(question),
                        asks=tuple(_order(asks, weak)), other_companies=tuple(others),
                        unknown_role=_other_role(words, used) if not found.get("role") else "")
    if extra_roles:
        resolved = replace(resolved, notes=(*resolved.notes, "several roles named"))
    for other in others:  # "the Citadel equivalent of a Jane Street SWE": the subject is
        if _ends_before(other, words, role_at, vocab):  # the company next to the role
            rest = [found["company"], *[o for o in others if o != other]]
            resolved = replace(resolved, company=other, other_companies=tuple(rest))
    return replace(resolved, matched=tuple(used)), found.get("company_typed", "")


def _leftovers(resolved: Resolved, words: list[str]) -> list[str]:
    return _leftover_tokens(resolved.question, words, list(resolved.matched))


def _ends_before(company: str, words: list[str], role_at: int, vocab: Vocabulary) -> bool:
    """True when a phrase naming `company` ends right where the role phrase starts."""
    for n in (1, 2, 3):
        start = role_at - n
        if start >= 0 and vocab.company_aliases.get(" ".join(words[start:role_at])) == company:
            return True
    return False


def _other_role(words: list[str], used: list[bool]) -> str:
    free = [w for w, u in zip(words, used, strict=True) if not u]
    for n in (2, 1):
        for i in range(len(free) - n + 1):
            phrase = " ".join(free[i:i + n]).rstrip("s") if n == 1 else " ".join(free[i:i + n])
            if phrase in OTHER_ROLES:
                return phrase
    return ""


def _lookup(phrase: str, vocab: Vocabulary, original: str) -> tuple[str, str]:
    slug = vocab.company_aliases.get(phrase) or vocab.company_aliases.get(
        phrase.removesuffix(".com")) or (vocab.compact_aliases.get(compact(phrase))
                                         if "." in phrase else None)
    if slug and (phrase not in COMMON_WORD_COMPANIES or _capitalised(phrase, original)):
        return "company", slug
    if phrase in vocab.role_aliases:
        return "role", vocab.role_aliases[phrase]
    if phrase in TOPIC_PHRASES:
        return "ask", TOPIC_PHRASES[phrase]
    return "", ""


def _capitalised(phrase: str, original: str) -> bool:
    return re.search(rf"\b{re.escape(phrase[0].upper() + phrase[1:])}\b", original) is not None


def _leftover_tokens(question: str, words: list[str], used: list[bool]) -> list[str]:
    """Unmatched tokens that could be a name: not a question word, not a number."""
    return [w.strip(".'/-") for w, u in zip(words, used, strict=True)
            if not u and w not in QUESTION_WORDS and len(w) >= 3 and not w[0].isdigit()]


def _fuzzy_company(resolved: Resolved, tokens: list[str], vocab: Vocabulary) -> Resolved:
    """Match typos (one or two edits) against company names; ties ask, misses stay unknown."""
    unknown: list[str] = []
    choices = list(vocab.company_aliases)
    names = set(_names(resolved.question))
    bigrams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    for token in bigrams + tokens:
        if " " not in token and token in vocab.known_words and token not in names:
            continue
        if resolved.company:  # only collect names that match nothing
            if " " not in token and token in names and token not in vocab.known_words:
                unknown.append(_as_typed(token, resolved.question))
            continue
        hits = [h for h in process.extract(token, choices, scorer=DamerauLevenshtein.distance,
                                           limit=5, score_cutoff=_max_edits(token))
                if 1 - h[1] / max(len(token), len(h[0])) >= MIN_SIMILARITY]
        slugs = {vocab.company_aliases[h[0]] for h in hits if h[1] <= hits[0][1]} if hits \
            else set()
        if len(slugs) == 1:
            slug = slugs.pop()
            note = f"Read '{_as_typed(token, resolved.question)}' as {vocab.companies[slug]}."
            return replace(resolved, company=slug, notes=(*resolved.notes, note))
        if len(slugs) > 1:
            return replace(resolved, ambiguous=tuple(sorted(slugs)))
        if " " not in token and token in names and token not in vocab.known_words:
            unknown.append(_as_typed(token, resolved.question))
    return replace(resolved, unknown_names=tuple(unknown))


def _max_edits(token: str) -> int:
    """Edits a typo may have: none for short words, one for 4-5 letters, two beyond."""
    return 0 if len(token) < 4 else 1 if len(token) < 6 else 2


def _as_typed(token: str, question: str) -> str:
    match = re.search(re.escape(token), question, re.IGNORECASE)
    return match.group(0) if match else token


def _names(question: str) -> list[str]:
    """Lower-cased capitalised words of the question (the first word only if it is not common)."""
    return [norm(w) for w in re.findall(r"\b[A-Z][\w&.-]*", question)
            if norm(w) not in QUESTION_WORDS]


def _level(question: str) -> str:
    match = LEVEL_PATTERN.search(question)
    return match.group(1) if match else ""


def _order(asks: list[str], weak: set[str]) -> list[str]:
    """Drop a total-comp reading that came only from filler words beside a specific ask."""
    if "total_comp" in asks and "total_comp" in weak:  # "pay" alone: every component
        return [a for a in asks if a != "total_comp"]
    return asks
