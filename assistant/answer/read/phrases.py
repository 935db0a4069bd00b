"""Which phrase of a question is a company, a role or a pay word: the look-up tables and rules.

Example:
    >>> lookup("data engineers", vocab, "Lyft data engineers base?")
    ('role', 'data-engineer')
    >>> lookup("wise", vocab, "would it be wise to ask?")
    ('', '')

Plurals and possessives are read as their base word ("PMs", "Pinterest's"); a company whose
name is also an ordinary word counts only when typed with a capital ("Block", not "block").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from assistant.corpus.words.normal import compact
from assistant.corpus.words.vocabulary import COMMON_WORD_COMPANIES, Vocabulary

# What a question can ask for, by keyword phrase (longest phrases are tried first).
TOPIC_PHRASES: dict[str, str] = {
    "base": "base", "base salary": "base", "base pay": "base", "salary": "base",
    "stock": "stock", "rsu": "stock", "rsus": "stock", "equity": "stock", "options": "stock",
    "shares": "stock", "stock grant": "stock", "grant": "stock", "ppu": "stock",
    "ppus": "stock", "profit units": "stock", "units": "stock",
    "bonus": "bonus", "annual bonus": "bonus", "performance bonus": "bonus",
    "sign-on": "signing_bonus", "sign on": "signing_bonus", "signon": "signing_bonus",
    "signing": "signing_bonus", "signing bonus": "signing_bonus", "sign-on bonus": "signing_bonus",
    "joining bonus": "signing_bonus", "sign on bonus": "signing_bonus",
    "tc": "total_comp", "total comp": "total_comp", "total compensation": "total_comp",
    "compensation": "total_comp", "comp": "total_comp", "package": "total_comp",
    "pay": "total_comp", "total": "total_comp", "pay band": "total_comp",
    "ctc": "total_comp", "cost to company": "total_comp", "lpa ctc": "total_comp",
    "all in": "total_comp",
    "all-in": "total_comp", "all told": "total_comp", "year 1": "total_comp",
    "year one": "total_comp", "first year": "total_comp", "first-year": "total_comp",
    "year-one": "total_comp", "fixed pay": "base", "fixed salary": "base",
    "fixed component": "base", "in hand": "base", "variable pay": "bonus",
    "variable": "bonus", "commission": "bonus", "commissions": "bonus",
    "refresher": "refreshers", "refreshers": "refreshers",
    "rsu refresher": "refreshers", "rsu refreshers": "refreshers",
    "refresh grants": "refreshers", "refresher grants": "refreshers",
    "stock refresh": "refreshers", "stock refreshers": "refreshers",
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
WEAK_TOTAL = frozenset({"pay", "pays", "package", "total", "pay band"})
# Words never taken for a company name, however they are capitalised.
QUESTION_WORDS = frozenset(
    "what whats how is are can could should would do does did i my me we our the a an "
    "and or in at for of to on with about which who when where why tell give show vs "
    "versus please hi hello thanks ok okay usd gbp eur inr sgd cny cad aud hkd jpy chf "
    "tier what's how's who's it's i'm i've i'd that's where's".split()
)
# Verbs a question starts with ("Will data scientist pay go up?"): never a firm's name.
AUXILIARIES = frozenset("will shall may might must has have had was were am be been any "
                        "some".split())
# Words before a name that make it a term ("a PhD", "an Ishikawa diagram"), and words after
# it that make it a firm all the same ("an Instagram offer").
TERM_BEFORE = frozenset("a an the having has have my your its their".split())
FIRM_AFTER = frozenset("offer offers offered offering role roles job jobs position pays pay "
                       "paid salary salaries comp package recruiter recruiters team "
                       "vs versus or".split())
# Role words that only count typed in capitals ("DE" is a data engineer, "de" is not).
UPPER_ROLES = {"de": "data-engineer", "sa": "solutions-architect", "se": "software-engineer",
               "em": "engineering-manager", "pd": "product-designer"}


def lookup(phrase: str, vocab: Vocabulary, original: str,
           ordinary: AbstractSet[str] = frozenset()) -> tuple[str, str]:
    """("company" | "partial" | "role" | "ask", value) for a phrase, else ("", "").

    `ordinary`: the question's words that are ordinary English words; a company named by one
    ("runway", "notion") counts only when the question capitalises it.
    """
    for form in _forms(phrase):
        found = _lookup_form(form, vocab, original, ordinary)
        if found[0]:
            return found
    return "", ""


# A name typed in parts its alias writes as one ("D. E. Shaw", "E-Trade", "E*TRADE" read as
# "e trade"): a dot, a hyphen, or a single letter standing as a word.
_JOINED = re.compile(r"[.-]|\b\w\b")


def _lookup_form(phrase: str, vocab: Vocabulary, original: str,
                 ordinary: AbstractSet[str]) -> tuple[str, str]:
    slug = vocab.company_aliases.get(phrase) or vocab.company_aliases.get(
        phrase.removesuffix(".com")) or (vocab.compact_aliases.get(compact(phrase))
                                         if _JOINED.search(phrase) else None)
    if not slug and phrase in vocab.word_tickers and re.search(rf"\b{phrase.upper()}\b", original):
        return "company", vocab.word_tickers[phrase]  # "NET swe": Cloudflare's ticker
    common = phrase in COMMON_WORD_COMPANIES or phrase in ordinary
    if slug and vocab.is_short_nickname(phrase) and not capitalised(phrase, original):
        slug = None  # "ea", "gs" in lower case are not EA or Goldman Sachs
    if slug and (not common or capitalised(phrase, original)):
        return "company", slug
    if slug:
        return "company_lower", slug  # "cohere data engineer": a company only before a role
    partial = vocab.partial_aliases.get(phrase)
    if partial:
        # The one company whose name starts with a word that is nobody else's is that company:
        # "JPMorgan", "goldman", "walmart" anywhere; an ordinary word ("citadel", "scale",
        # "together") only where a company stands (resolve.py); "Epic" or "Cisco" may be
        # several firms, and are asked about.
        unique = len(partial) == 1 and _first_word(phrase, partial[0], vocab)
        if unique and phrase not in ordinary:
            return "company_by_part", partial[0]
        if unique and _generic_rest(phrase, vocab.companies.get(partial[0], "")):
            return "part_lower", partial[0]  # "scale" of Scale AI; not "Citadel" Securities
        if capitalised(phrase, original):
            return "partial", " ".join(partial)
    if phrase in vocab.role_aliases:
        return "role", vocab.role_aliases[phrase]
    if phrase in UPPER_ROLES and re.search(rf"\b{phrase.upper()}s?\b", original):
        return "role", UPPER_ROLES[phrase]
    if phrase in TOPIC_PHRASES:
        return "ask", TOPIC_PHRASES[phrase]
    return "", ""


def _forms(phrase: str) -> list[str]:
    """The phrase, then without a possessive, then with its last word singular."""
    forms = [phrase]
    if phrase.endswith("'s"):
        forms.append(phrase[:-2])
    last = forms[-1].rsplit(" ", 1)[-1]
    if len(last) > 2 and last.endswith("s") and not last.endswith("ss"):
        forms.append(forms[-1][:-1])
    return forms


GENERIC_NAME_WORDS = frozenset("ai labs lab bank inc group technologies technology tech global "
                               "app apps io hq co corp company".split())


def _generic_rest(first: str, display: str) -> bool:
    """True when the company's name past its first word only says what kind of firm it is
    ("Scale AI", "Starling Bank"), so the first word alone names it; "Citadel Securities"
    is one of several Citadels."""
    rest = display.casefold().split()[1:]
    return bool(rest) and all(w.strip(".,") in GENERIC_NAME_WORDS for w in rest) \
        and display.casefold().startswith(first)


def _first_word(phrase: str, slug: str, vocab: Vocabulary) -> bool:
    return vocab.companies.get(slug, "").casefold().startswith(phrase)


def capitalised(phrase: str, original: str) -> bool:
    """True when the question writes `phrase` starting with a capital ("Block", "JPMorgan")."""
    return any(m.group(0)[:1].isupper()
               for m in re.finditer(rf"\b{re.escape(phrase)}", original, re.IGNORECASE))


def other_role(words: list[str], used: list[bool]) -> str:
    """A job the library has no guides for, among the unused words ("recruiter")."""
    free = [w for w, u in zip(words, used, strict=True) if not u]
    for n in (2, 1):
        for i in range(len(free) - n + 1):
            phrase = " ".join(free[i:i + n]).rstrip("s") if n == 1 else " ".join(free[i:i + n])
            if phrase in OTHER_ROLES:
                return phrase
    return ""
