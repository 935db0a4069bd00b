"""What kind of negotiation question this is, read from its wording and its reading.

Example:
    >>> intent_of(resolve("Which pays more for data scientists in NYC, Stripe or Airbnb?"))
    'compare'
    >>> intent_of(resolve("Google L5 at Meta?"))
    'level_equivalence'

The kinds, each answered by its own module:

| intent | asked | answered by |
|---|---|---|
| `figures` | one company, role (level, place): its bands | compose.py |
| `placement` | the same, with the person's own figures | placement.py |
| `counter` | how to counter or what to ask for | counter.py |
| `compare` | two or more companies, roles or places side by side | across/compare.py |
| `rank` | the best (or lowest) paying companies for a role in a place | across/rank.py |
| `coverage` | which roles, companies or places the library has | across/coverage.py |
| `across_roles` | one company and place (or part), no role | across/roles.py |
| `level_equivalence` | a level at one company as a level at another | across/equivalence.py |
| a topic | levers, script, level mapping, ESPP of one guide | compose.py |
| `general` | advice with no company or role | advice.py |
"""

from __future__ import annotations

import re

from assistant.answer.read.levels import title_level
from assistant.answer.read.reading import Resolved
from assistant.answer.read.stated import PAY_PARTS

COMPARE_WORDS = re.compile(
    r"\b(?:compare[sd]?|comparing|comparison|versus|vs\.?|v\.s\.|side[- ]by[- ]side|"
    r"difference between|differ|against|(?:pays?|paid|is|offers?|better|higher|more)\s+"
    r"(?:more|better|higher|less|lower)|better[- ]paid|better[- ]paying|which (?:one|is better))\b"
    r"|\bor\b", re.IGNORECASE)
COUNTER_WORDS = re.compile(
    r"\bcounter(?:[- ]?offer)?(?:s|ing|ed)?\b|\bnegotiat\w*|\bask(?:ing)? for\b|\bpush(?:ing)? "
    r"back\b|\bhow (?:do|should|can) i (?:respond|reply|get more|ask)\b|\bwhat (?:should|can|do) "
    r"i (?:ask|say|request)\b|\bnegotiate up\b|\bpush (?:for|them)\b|\bget (?:them|it|more)\b|"
    r"\b(?:move|budge|bump|raise) (?:it|them|the offer|up)\b|\bto move\b|\bask (?:for )?more\b|"
    r"\bwhat (?:can|should) i (?:ask|push|request)\b", re.IGNORECASE)
RANK_WORDS = re.compile(
    r"\b(?:highest|lowest|best|top|worst|least)[- ](?:paying|paid|pay|salar\w*|base|comp\w*)\b|"
    r"\bpays? (?:the )?(?:most|least|best|highest|lowest)\b|\b(?:most|least) (?:money|generous)\b|"
    r"\brank(?:ing|ed|s)?\b|\btop \d{1,2}\b|\b(?:highest|lowest|biggest|largest|smallest)\b"
    r"|\bwho pays\b|\bwhich compan(?:y|ies) pays?\b", re.IGNORECASE)
LOWEST_WORDS = re.compile(r"\b(?:lowest|least|worst|smallest|cheapest)\b", re.IGNORECASE)
_ROLES_ASKED = (r"\b(?:which|what)\s+(?:roles|guides|jobs|positions)\b|\bdo you (?:have|cover)\b|"
                r"\bguides?\s+(?:for|on|about)\b|\bwhat do you have\b")
# "Which roles do you have for Anthropic?": a question about the library's guides of a company
ROLES_ASKED = re.compile(_ROLES_ASKED, re.IGNORECASE)
COVERAGE_WORDS = re.compile(
    _ROLES_ASKED + r"|\b(?:which|what)\s+(?:companies|firms|employers|places|cities|regions|"
    r"locations)\b|\bwho (?:do you|is) covered\b|\bcovered\b|\bcoverage\b", re.IGNORECASE)
COMPANIES_WORD = re.compile(r"\b(?:companies|firms|employers) (?:with|that have|having|do you|"
                            r"in|covered)\b|\b(?:any|which|what|list)(?: \w+)? (?:companies|"
                            r"firms|employers)\b", re.IGNORECASE)
LISTING_WORDS = re.compile(r"\b(?:roles|guides|jobs|positions|titles)\b|\blist\b", re.IGNORECASE)
GUIDES_WORD = re.compile(r"\bguides?\b", re.IGNORECASE)  # "salary guides": the library
LIBRARY_WORDS = re.compile(r"\b(?:you|your|covered|cover|list|exist|available|there|have)\b",
                           re.IGNORECASE)  # the question is about the library, not the firm
EQUIVALENT_WORDS = re.compile(
    r"\bequivalen\w*|\bmaps?(?:ping)? (?:to|onto)\b|\bsame (?:level )?as\b|\bcorrespond\w*|"
    r"\btranslate\w*|\bcomparable\b|\bwhat level\b|\blevel (?:at|in)\b|\bwould (?:that|it|i) be\b"
    r"|\bat\b|\bin\b|\bto\b", re.IGNORECASE)


def intent_of(resolved: Resolved) -> str:
    """The kind of question (see the module's table); the topic's name for a topic question."""
    question = resolved.question
    companies = [c for c in (resolved.company, *resolved.other_companies) if c]
    pay = bool(PAY_PARTS.intersection(resolved.asks))
    level = resolved.level_asked
    title = title_level(resolved.unmatched_typed()) if level is None else None
    capitals = title is not None and title.typed.isupper()  # "VP", "PMTS": a title, typed so
    mapping = "level_mapping" in resolved.asks or (
        (level is not None or capitals) and not pay
        and EQUIVALENT_WORDS.search(question) is not None)
    if len(set(companies)) >= 2 and mapping:
        if level is not None and not level.word or title is not None:
            return "level_equivalence"
        # "What level is a Stripe SWE, and its Google equivalent?": that guide's own mapping
        return "level_mapping" if resolved.role else "level_equivalence"
    if RANK_WORDS.search(question) and len(set(companies)) < 2 and not resolved.stated \
            and (resolved.role or not resolved.company) and not resolved.unknown_names:
        return "rank"
    if not resolved.company and (COVERAGE_WORDS.search(question) or (
            resolved.places and COMPANIES_WORD.search(question))) \
            and (resolved.places or resolved.unknown_role or resolved.role):
        return "coverage"
    if resolved.company and not resolved.role and not resolved.places \
            and (not pay or GUIDES_WORD.search(question)) \
            and LISTING_WORDS.search(question) and LIBRARY_WORDS.search(question):
        return "coverage"  # "list all the Baidu roles you have"
    if compares(resolved):
        return "compare"
    if resolved.company and resolved.role and COUNTER_WORDS.search(question):
        return "counter"
    if resolved.company and resolved.role and resolved.stated:
        return "placement"
    return resolved.intent


def compares(resolved: Resolved) -> bool:
    """Two or more companies or roles named, or two places or levels named with a word that
    compares."""
    companies = {c for c in (resolved.company, *resolved.other_companies) if c}
    if not companies:
        return False  # roles alone ("ML vs software engineers"): general advice, not a table
    if len(companies) >= 2 or (resolved.role and resolved.other_roles):
        return True
    if resolved.other_levels and COMPARE_WORDS.search(resolved.question) is not None:
        return True  # "Amazon L4 vs L5 base"
    places = {p.library or p.typed for p in resolved.places}
    return len(places) >= 2 and COMPARE_WORDS.search(resolved.question) is not None \
        and bool(resolved.company)
