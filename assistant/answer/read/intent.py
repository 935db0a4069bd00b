"""What kind of negotiation question this is, read from its wording and its reading.

Example:
    >>> resolve("Which pays more for data scientists in NYC, Stripe or Airbnb?", ...).kind
    <Kind.COMPARE: 'compare'>
    >>> resolve("Google L5 at Meta?", ...).kind
    <Kind.LEVEL_EQUIVALENCE: 'level_equivalence'>

`decided` sets the kind once a reading is complete (resolve.py, and dialogue.py after a
follow-up takes its context); every later stage reads `Resolved.kind` and `Resolved.cues`.

The kinds, each answered by its own module:

| intent | asked | answered by |
|---|---|---|
| `figures` | one company, role (level, place): its bands | kinds/figures.py |
| `placement` | the same, with the person's own figures | kinds/placement.py |
| `counter` | how to counter or what to ask for | kinds/counter.py |
| `compare` | two or more companies, roles or places side by side | kinds/compare.py |
| `rank` | the best (or lowest) paying companies for a role in a place | kinds/rank.py |
| `coverage` | which roles, companies or places the library has | kinds/coverage.py |
| `across_roles` | one company and place (or part), no role | kinds/roles.py |
| `level_equivalence` | a level at one company as a level at another | kinds/equivalence.py |
| a topic | levers, script, level mapping, ESPP of one guide | kinds/figures.py |
| `general` | advice with no company or role | kinds/advice.py |
"""

from __future__ import annotations

from assistant.answer.read.levels import title_level
from assistant.answer.read.reading import Resolved
from assistant.answer.read.stated import PAY_PARTS
from assistant.answer.types import TOPIC_KINDS, Kind

# Words beyond a company (and role) that no slot took: a question this long asks what to do,
# not for a band ("Darktrace says my offer is top of band; anything I can say back?").
ADVICE_WORDS = 5
ROLE_EXTRA = 2


def decided(resolved: Resolved) -> Resolved:
    """The reading with its kind of answer set (call once the reading is complete)."""
    return resolved.replaced(kind=kind_of(resolved))


def kind_of(resolved: Resolved) -> Kind:
    """The kind of question (see the module's table); the topic's kind for a topic question."""
    cues = resolved.cues
    companies = [c for c in (resolved.company, *resolved.other_companies) if c]
    # pay asked by part, or by a word that compares ("does Meta pay more?"): not a mapping
    pay = bool(PAY_PARTS.intersection(resolved.asks)) or (cues.pay and cues.compare)
    level = resolved.level_asked
    title = title_level(resolved.unmatched) if level is None else None
    capitals = title is not None and title.typed.isupper()  # "VP", "PMTS": a title, typed so
    # a seniority word carried from an earlier turn maps nothing ("and in london for both")
    carried_word = level is not None and bool(level.word) and "level" in resolved.carried
    mapping = "level_mapping" in resolved.asks or (
        (level is not None or capitals) and not pay and cues.equivalent and not carried_word)
    if len(set(companies)) >= 2 and mapping:
        if level is not None and not level.word or title is not None:
            return Kind.LEVEL_EQUIVALENCE
        # "What level is a Stripe SWE, and its Google equivalent?": that guide's own mapping
        return Kind.LEVEL_MAPPING if resolved.role else Kind.LEVEL_EQUIVALENCE
    if cues.rank and len(set(companies)) < 2 and not resolved.stated \
            and (resolved.role or not resolved.company) and not resolved.unknown_names:
        return Kind.RANK
    if not resolved.company and (cues.coverage or (resolved.places and cues.companies_word)) \
            and (resolved.places or resolved.unknown_role or resolved.role):
        return Kind.COVERAGE
    if resolved.company and not resolved.role and not resolved.places \
            and (not pay or cues.guides_word) and cues.listing and cues.library_words:
        return Kind.COVERAGE  # "list all the Baidu roles you have"
    if advises(resolved):  # before a counter's or a placement's words: what to do is asked
        return Kind.ADVICE
    if compares(resolved):
        return Kind.COMPARE
    if resolved.company and resolved.role and cues.counter:
        return Kind.COUNTER
    if resolved.company and resolved.role and resolved.stated:
        return Kind.PLACEMENT
    return _plain_kind(resolved)


def _plain_kind(resolved: Resolved) -> Kind:
    """A topic of one guide, a company's roles, advice (no company and no role), or figures."""
    if asks_advice(resolved):
        return Kind.ADVICE
    topics = [TOPIC_KINDS[a] for a in resolved.asks if a in TOPIC_KINDS]
    if topics:
        return topics[0]
    if not resolved.company and not resolved.role:
        return Kind.GENERAL
    if resolved.company and not resolved.role and not resolved.asks:
        return Kind.ROLES
    return Kind.FIGURES


def advises(resolved: Resolved) -> bool:
    """A company named, and the question asks what to do or whether something holds ("HSBC is
    moving me; should the housing come out of my base negotiation?"), asking for no figure,
    no counter and no comparison, and stating none: its guide's paragraphs answer it. ("Does
    the Uber guide give a base for ...?" asks for the guide's figure, and "does a Google
    engineer get an ESPP?" for a part or topic of its guide: only a decision of the person's
    own names a part and still asks what to do.)"""
    cues = resolved.cues
    return bool(resolved.company) and cues.decides and not cues.amount \
        and not cues.counter_asked and not resolved.stated and not cues.rank \
        and not cues.guides_word and not compares(resolved) \
        and (cues.mine or not set(resolved.asks) & (PAY_PARTS | set(TOPIC_KINDS)))


def asks_advice(resolved: Resolved) -> bool:
    """A company named with many words no slot took, and no place or offer figure to look up
    a band for: the question asks what to do, and the company's guides are searched for it
    (a role named needs more such words: "Block's terms for the platform role say I'd owe
    the sign-on back within 2 years; can I get that shortened?")."""
    if not resolved.company or resolved.stated \
            or (resolved.places and PAY_PARTS & set(resolved.asks)):  # a band at a place
        return False
    # a place with a topic asked needs more words too ("Vanguard wants me in Malvern; what
    # should the relocation package include?"); with nothing asked, no band is asked for
    # ("HSBC wants me in Hong Kong next month. what relocation support is typical?")
    extra = (ROLE_EXTRA if resolved.role else 0) \
        + (ROLE_EXTRA if resolved.places and resolved.asks else 0)
    return len(resolved.leftover) >= ADVICE_WORDS + extra


def compares(resolved: Resolved) -> bool:
    """Two or more companies or roles named, or two places or levels named with a word that
    compares."""
    companies = {c for c in (resolved.company, *resolved.other_companies) if c}
    if not companies:
        return False  # roles alone ("ML vs software engineers"): general advice, not a table
    if len(companies) >= 2 or (resolved.role and resolved.other_roles):
        return True
    if resolved.other_levels and (resolved.cues.compare
                                  or PAY_PARTS.intersection(resolved.asks)):
        return True  # "Amazon L4 vs L5 base", "Meta E4 and E5 base"
    places = {p.library or p.typed for p in resolved.places}
    return len(places) >= 2 and resolved.cues.compare and bool(resolved.company)
