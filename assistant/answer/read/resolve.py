"""Question -> Resolved: which company, role, level and region it names, and what it asks.

Example:
    >>> r = resolve("Alibba Seattle sign-on?", vocab)
    >>> (r.company, r.region, r.asks, r.notes)
    ('alibaba', 'Seattle', ('signing_bonus',), ("Read 'Alibba' as Alibaba.",))

Matching is longest-phrase-first over the library's vocabulary and common aliases; then places
(places.py), part-names and overlapping names (companies.py), names only part of a longer one
(neighbours.py) and typos (typos.py), never silently: every reading that is not literal leaves
a note. The reading itself is a `Resolved` (reading.py).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from assistant.answer.read.companies import (
    capitalised_runs,
    company_of_role,
    company_position,
    ends_before,
    in_place_name,
    name_stands,
    set_against,
    split_reading,
    typed_as,
    with_own_title,
    with_partial,
)
from assistant.answer.read.cues import read_cues
from assistant.answer.read.foreign.languages import in_english
from assistant.answer.read.intent import decided
from assistant.answer.read.levels import read_level, read_levels
from assistant.answer.read.neighbours import longer_company, longer_role, unnamed_job
from assistant.answer.read.phrases import (
    AUXILIARIES,
    FIRM_AFTER,
    TERM_BEFORE,
    WEAK_TOTAL,
    capitalised,
    lookup,
    other_role,
)
from assistant.answer.read.places import capped, find_places
from assistant.answer.read.reading import Resolved, leftover_tokens
from assistant.answer.read.stated import PAY_PARTS, stated_figures
from assistant.answer.read.story import told
from assistant.answer.read.typos import read_names
from assistant.corpus.words.library_words import term_key
from assistant.corpus.words.normal import norm, typed_words
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.money.currency import ISO_CODES
from assistant.places.lexicon import Lexicon

TOTAL_WITH = re.compile(r"\btotal\s+(?:with|including|incl\.?|plus)\b", re.I)
ENGINEER_WORDS = frozenset({"engineer", "engineers", "eng", "engs", "dev", "devs"})


def resolve(question: str, vocab: Vocabulary, lexicon: Lexicon, language: str = "") -> Resolved:
    """Read company, role, places, level and topics out of one question (in `language` too,
    the conversation's last question's: "e em Zurique?"; "salario base" -> "base salary")."""
    translated = in_english(question, lexicon, language)
    resolved = _read(translated.text, vocab, lexicon)  # its language's note comes first:
    return resolved.replaced(language=translated.language, notes=(
        translated.note, *resolved.notes)) if translated.language else resolved


def _read(question: str, vocab: Vocabulary, lexicon: Lexicon) -> Resolved:
    """Read company, role, places, level and topics out of one question in English words."""
    words = norm(question).split()
    ordinary = frozenset(lexicon.ordinary(w.strip(".,'?!") for w in words))
    resolved, phrase = _match(question, words, vocab, frozenset(), ordinary)
    if resolved.company and not resolved.role and " " in phrase:
        resolved = split_reading(resolved, phrase, vocab, lambda banned: _match(
            question, words, vocab, banned, ordinary)[0])
    resolved = company_of_role(resolved, words, vocab)
    typed = typed_words(question)
    if len(typed) != len(words):
        typed = words
    resolved = resolved.replaced(stated=stated_figures(question), cues=read_cues(question))
    if TOTAL_WITH.search(question):  # "the total with stock and bonus": the total itself
        resolved = resolved.replaced(asks=("total_comp",))
    resolved = with_partial(_with_places(resolved, words, typed, vocab, lexicon), words,
                             vocab.companies)
    resolved = _with_names(_without_stand_ins(resolved, words, typed), words, typed, vocab,
                           lexicon)
    resolved = told(resolved, vocab.companies, vocab.role_aliases)
    resolved = with_own_title(resolved, words, vocab)
    return decided(_engineer_default(resolved, words, vocab).with_words())


def _without_stand_ins(resolved: Resolved, words: list[str], typed: list[str]) -> Resolved:
    """Drop a company or role match that is only part of a longer name the library lacks."""
    used = resolved.matched
    if "role" in resolved.spans and resolved.role:
        job = longer_role(words, used, *resolved.spans["role"])
        if job:
            resolved = resolved.replaced(role="", unknown_role=job)
    if not resolved.role and not resolved.unknown_role:
        job = unnamed_job(words, used)
        if job:
            resolved = resolved.replaced(unknown_role=job)
    if "company" in resolved.spans and resolved.company:
        firm = longer_company(typed, used, *resolved.spans["company"])
        if firm:
            resolved = resolved.replaced(company="", unknown_names=(firm,), other_companies=())
    return resolved


def _with_names(resolved: Resolved, words: list[str], typed: list[str], vocab: Vocabulary,
                lexicon: Lexicon) -> Resolved:
    """Typos of company names, and capitalised names that match nothing."""
    tokens = _leftovers(resolved, words)
    parts = [p for t in tokens for p in re.split(r"[\s-]+", t) if p]  # "lump-sum": lump, sum
    ordinary = lexicon.ordinary([*tokens, *parts, *(w.casefold().strip(".,?!'") for w in typed)])
    used = resolved.matched
    before_slot = {w.strip(".'/-") for i, w in enumerate(words[:-1])
                   if i < len(used) - 1 and not used[i] and used[i + 1]} - AUXILIARIES
    named = bool(resolved.company or resolved.unknown_names)
    names = read_names(resolved.question, tokens, vocab, named, ordinary, before_slot)
    if names.company:
        return resolved.replaced(company=names.company, notes=(*resolved.notes, names.note))
    if names.ambiguous:
        return resolved.replaced(ambiguous=names.ambiguous)
    firms = () if named else capitalised_runs(typed, resolved.matched, ordinary)
    if firms:  # "General Motors", "Sigma Computing": a firm's name, not words to correct
        return resolved.replaced(unknown_names=(*resolved.unknown_names, *firms))
    unknown = tuple(n for n in names.unknown if not _article_term(n, words, before_slot, vocab)
                    and n.upper() not in ISO_CODES)  # "KRW 80M base": a currency, no firm
    return resolved.replaced(unknown_names=(*resolved.unknown_names, *unknown))


def _article_term(name: str, words: list[str], before_slot: AbstractSet[str],
                  vocab: Vocabulary) -> bool:
    """A name the general articles write, typed as a term is ("a PhD", "an Ishikawa
    diagram": after an article or "having", not before a role, an offer or "vs"): a term to
    search for, not a firm the library lacks ("Instagram offered me ..." stays a firm)."""
    key = norm(name)
    if term_key(key) not in vocab.article_terms or key in before_slot or " " in key:
        return False
    at = [i for i, w in enumerate(words) if w.strip(".,?!") == key]
    return bool(at) and all(
        i > 0 and words[i - 1] in TERM_BEFORE
        and (i + 1 == len(words) or words[i + 1].strip(".,?!") not in FIRM_AFTER) for i in at)


def _with_places(resolved: Resolved, words: list[str], typed: list[str], vocab: Vocabulary,
                 lexicon: Lexicon) -> Resolved:
    """Every place among the words no company, role or topic took."""
    used = list(resolved.matched)
    places, note = capped(find_places(words, typed, used, vocab, lexicon))
    if not places:
        return resolved.replaced(matched=tuple(used))
    first = places[0]
    return resolved.replaced(places=places, region=first.library or first.typed,
                             region_typed=first.typed, matched=tuple(used),
                             notes=(*resolved.notes, *note))


def _match(question: str, words: list[str], vocab: Vocabulary, banned: frozenset[str],
           ordinary: frozenset[str] = frozenset()) -> tuple[Resolved, str]:
    """Longest-phrase-first matching; returns the reading and the company phrase used."""
    found: dict[str, str] = {}
    asks: list[str] = []
    weak: set[str] = set()
    others: list[str] = []
    role_at = -1
    extra_roles: list[str] = []
    used = [False] * len(words)
    spans: dict[str, tuple[int, int]] = {}  # word span of the company and the role matched
    # ("citadel", ("citadel-securities",), end): part-names, decided once the rest is read
    partial: list[tuple[str, tuple[str, ...], int, bool]] = []
    lower: list[tuple[str, int, str]] = []  # ordinary-word companies typed in lower case
    parts: list[str] = []  # of them, first words of a longer name ("scale" of Scale AI)
    notes: list[str] = []
    for n in range(min(vocab.max_phrase_words, 6), 0, -1):
        for i in range(len(words) - n + 1):
            if any(used[i:i + n]):
                continue
            phrase = " ".join(words[i:i + n]).strip(".'/")
            kind, value = lookup(phrase, vocab, question, ordinary)
            if not kind or (kind == "company" and phrase in banned) \
                    or kind == "company" and in_place_name(words, i, n, vocab):
                continue
            if kind in ("company_lower", "part_lower"):
                lower.append((value, i + n, phrase))
                parts += [phrase] if kind == "part_lower" else []
                continue
            if kind in ("partial", "company_by_part"):
                partial.append((phrase, tuple(value.split()), i + n, kind == "company_by_part"))
                continue  # its words stay free: "Western Europe" may be a place
            if kind == "ask":
                spans.setdefault(f"ask:{value}", (i, i + n))
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
                elif kind == "company" and vocab.is_other_name(phrase):  # "FB", "goog"
                    said = typed_as(phrase, question)
                    notes.append(f"Read '{said}' as {vocab.companies[value]}.")
            elif kind == "company" and value != found["company"]:
                others.append(value)
            elif kind == "role":
                if value != found["role"] and value not in extra_roles:
                    extra_roles.append(value)
            else:
                continue
            used[i:i + n] = [True] * n
    role_start = spans.get("role", (-1, -1))[0]
    level, levels = read_level(question), read_levels(question)
    if levels:
        level = levels[0]
    level_words = {norm(x.typed) for x in (level, *levels) if x is not None}
    for typed in level_words:  # "SDE3", "level 62": a level's words, no unknown name
        n = len(typed.split())
        for i in range(len(words) - n + 1):
            if " ".join(w.strip(".,?!:;()") for w in words[i:i + n]) == typed:
                used[i:i + n] = [True] * n
    mapping = spans.get("ask:level_mapping")
    if mapping and words[mapping[0]] == "level" and mapping[1] < len(words) \
            and words[mapping[1]][:1].isdigit() and [w.strip("?.,!") for w in words].count(
                "level") == 1:  # "level 62" names a level and asks no mapping
        asks = [a for a in asks if a != "level_mapping"]
    for slug, end, phrase in lower:  # an English word where a company stands ("cohere data
        # engineer", "swe at box"), or a firm's first word typed as a name (name_stands)
        start = end - len(phrase.split())
        if "company" not in found and (
                company_position(words, start, end, role_start, level_words)
                or phrase in parts and name_stands(phrase, question, role_start >= 0)):
            found["company"], found["company_typed"] = slug, phrase
            spans["company"] = (start, end)
            used[start:end] = [True] * (end - start)
            if phrase in parts:
                notes.append(f"Read '{typed_as(phrase, question)}' as {vocab.companies[slug]}.")
        elif "company" in found and set_against(words, start, end) \
                and slug not in (found["company"], *others):  # "stripe vs airbnb"
            others.append(slug)
            used[start:end] = [True] * (end - start)
        elif phrase in parts and capitalised(phrase, question):  # "Citadel" elsewhere: ask
            partial.append((phrase, (slug,), end, False))
    resolved = Resolved(question=question, company=found.get("company", ""),
                        role=found.get("role", ""), level=level.typed if level else "",
                        level_asked=level, other_levels=levels[1:],
                        asks=tuple(_order(asks, weak)), other_companies=tuple(others),
                        other_roles=tuple(extra_roles),
                        unknown_role=other_role(words, used) if not found.get("role") else "",
                        notes=tuple(notes))
    resolved = resolved.replaced(partial_names=tuple(partial))
    for other in others:  # "the Citadel equivalent of a Jane Street SWE": the subject is
        if ends_before(other, words, role_at, vocab):  # the company next to the role
            rest = [found["company"], *[o for o in others if o != other]]
            resolved = resolved.replaced(company=other, other_companies=tuple(rest))
    return resolved.replaced(matched=tuple(used), spans=spans), found.get("company_typed", "")


def _engineer_default(resolved: Resolved, words: list[str], vocab: Vocabulary) -> Resolved:
    """"Stripe engineer", "uber staff eng": a company with no role named, and a word that says
    engineering, is read as the company's software engineer guide (its staff or senior one
    for a seniority word), with a note saying so."""
    if not resolved.company or resolved.role or resolved.unknown_role:
        return resolved
    used = list(resolved.matched)
    at = next((i for i, w in enumerate(words) if i < len(used) and not used[i]
               and w.strip(".,?!:;") in ENGINEER_WORDS), -1)
    roles = vocab.guides_by_company.get(resolved.company, {})
    level = resolved.level_asked
    role = f"{level.word}-software-engineer" if level is not None and level.word else ""
    role = role if role in roles else "software-engineer"
    rung = level is not None and level.rung and level.code in ("SDE", "SWE")  # "SDE2"
    # a ladder's code or number with pay asked ("apple ict4 austin base", "msft L63 base"):
    # the engineering ladder's, most often asked of the software engineer guides
    coded = level is not None and not level.word and not level.tentative \
        and bool(PAY_PARTS.intersection(resolved.asks))
    if at < 0 and not (rung or coded) or role not in roles \
            or resolved.other_companies and not coded:  # "a Stripe L4 engineer at Google": a
        return resolved  # level question
    said = words[at].strip('.,?!:;') if at >= 0 else level.typed if level else ""
    if at >= 0:
        used[at] = True
    note = f"Read '{said}' as a software engineer" + (
        " level" if at < 0 and not rung else "") + " (no other role was named)."
    return resolved.replaced(role=role, matched=tuple(used), notes=(*resolved.notes, note))


def _leftovers(resolved: Resolved, words: list[str]) -> list[str]:
    return leftover_tokens(resolved.question, words, list(resolved.matched))


def _order(asks: list[str], weak: set[str]) -> list[str]:
    """Drop a total-comp reading that came only from filler words beside a specific ask."""
    weakly = "total_comp" in asks and "total_comp" in weak  # "pay" alone: every component
    return [a for a in asks if a != "total_comp"] if weakly else asks
