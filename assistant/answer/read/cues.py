"""The question's wording beyond its slots, read once: the cues every later stage reads.

Example:
    >>> read_cues("Top 5 lowest paying companies for data scientists in London?")
    Cues(rank=True, lowest=True, top=5, ...)

Each cue is a pattern searched once when the question is read; the kind of answer
(intent.py), the route and the kinds' writers read the `Cues` on the reading instead of
scanning the question again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

COMPARE_WORDS = re.compile(
    r"\b(?:compare[sd]?|comparing|comparison|versus|vs\.?|v\.s\.|side[- ]by[- ]side|"
    r"difference between|differ|against|(?:pays?|paid|is|offers?|better|higher|more)\s+"
    r"(?:more|better|higher|less|lower)|better[- ]paid|better[- ]paying|which (?:one|is better)|"
    r"(?:more|less|higher|lower|better|worse)\s+than)\b"
    r"|\bor\b", re.IGNORECASE)
COUNTER_WORDS = re.compile(
    r"\bcounter(?:[- ]?offer)?(?:s|ing|ed)?\b|\bnegotiat\w*|\bask(?:ing)? for\b|\bpush(?:ing)? "
    r"back\b|\bhow (?:do|should|can) i (?:respond|reply|get more|ask)\b|\bwhat (?:should|can|do) "
    r"i (?:ask|say|request)\b|\bnegotiate up\b|\bpush (?:for|them)\b|\bget (?:them|it|more)\b|"
    r"\b(?:move|budge|bump|raise) (?:it|them|the offer|up)\b|\bto move\b|\bask (?:for )?more\b|"
    r"\bwhat (?:can|should) i (?:ask|push|request)\b|"
    r"\bwhat [\w-]+(?: [\w-]+)? should i (?:ask|push|request)\b", re.IGNORECASE)
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
TOTAL_WORDS = re.compile(r"\btotal\b|\btc\b|\ball[- ]in\b", re.IGNORECASE)
TOP_N = re.compile(r"\btop\s+(\d{1,2})\b", re.IGNORECASE)
MIDPOINT_WORDS = re.compile(r"\b(?:mid-?point|middle|median|average|typical)\b", re.IGNORECASE)
_STEPS = r"(?P<n>one|a|1|two|2|three|3)\s+(?:levels?|rungs?)\s+"
LEVEL_UP = re.compile(rf"\b{_STEPS}(?:up|higher|above)\b|\bnext level(?: up)?\b|"
                      r"\blevel (?:above|up)\b|\bnext rung\b", re.IGNORECASE)
LEVEL_DOWN = re.compile(rf"\b{_STEPS}(?:down|lower|below)\b|\blevel below\b",
                        re.IGNORECASE)
_HOW_MANY = {"two": 2, "2": 2, "three": 3, "3": 3}
PAY_WORDS = re.compile(r"\b(pay|pays|paid|make|earn|earns|salary|salaries|comp|how much)\b",
                       re.IGNORECASE)

# The question asks whether or how to do something, or whether something holds ("should I",
# "can they", "is it normal", "how do I"), rather than for a figure.
# ("can you tell us the base?" asks the assistant for a figure: "you" is no subject here)
_SUBJECT = r"(?:i|we|they|he|she|it|that|this|there|these|those|my|the|their|a|an|them)"
DECIDES_WORDS = re.compile(
    rf"(?:^|[.?!;:,(—–]\s*|\b(?:and|but|so|or|then)\s+)(?:should|shall|can|could|would|will|"
    rf"do|does|did|is|are|am|was|were|must|may|might|has|have)(?:n'?t)?\s+{_SUBJECT}\b|"
    r"\bhow (?:do|should|can|could|would|will|might) (?:i|we)\b|\bhow (?:to|much leverage)\b|"
    r"\bwhat (?:should|can|could|would|do|must|are my) (?:i|we|options)\b|"
    r"\b(?:is|are) (?:it|that|this|these|they) (?:ok|okay|bad|normal|standard|legit|common|wise|"
    r"smart|fine|appropriate|rude|worth|possible|reasonable|true|better|allowed|legal|usual)\b|"
    r"\b(?:should|shall|must) (?:i|we)\b|\bany leverage\b|"
    r"\bworth (?:asking|it|pushing|negotiating|fighting)\b", re.IGNORECASE)
_LETTERS = re.compile(r"[a-z]+")
FRAME_WORDS = frozenset("should shall can could would will do does did is are am was were must may "
                        "might has have how what any worth".split())
MINE_WORDS = re.compile(r"\b(?:should|shall|can|could|do|must|would|will) (?:i|we)\b|\b(?:is|are) "
                        r"it (?:ok|okay|bad|normal|wise|smart|fine|appropriate|rude|worth)\b|"
                        r"(?:^|[.?!;]\s+)should\b",  # "Should the housing come out of base?"
                        re.IGNORECASE)
# The question asks for a figure: an amount, a band, a range
AMOUNT_WORDS = re.compile(
    r"\bhow much\b|\b(?:band|bands|range|ranges|figures?|numbers?|midpoint|percentile)\b|"
    r"\bwhat(?:'s| is| are| does| do)\s+(?:the\s+|their\s+|a\s+)?(?:\w+\s+){0,3}?"
    r"(?:base|salary|salaries|pay|comp|compensation|tc|bonus|sign-?on|equity|rsus?|stock)\b|"
    r"\b(?:pays?|paid|earn|earns|make|makes)\s+(?:more|less|the most|better|at|for|in)\b|"
    r"\bwhat\s+(?:\w+\s+){0,2}?(?:base|salary|bonus|sign-?on|equity|stock|rsus?|comp|tc|pay|"
    r"package|number|offer)\s+(?:should|can|could|would|will|do|might) (?:i|we) (?:expect|get|"
    r"earn|make|receive|be paid|be offered|ask for)\b",  # "what signing bonus should I expect?"
    re.IGNORECASE)
# The question asks for a counter itself: the guide's script and levers answer it
COUNTER_ASKED = re.compile(
    r"\bcounter(?:[- ]?offer)?s?\b(?!\s+(?:before|now|again))|\bnegotiate up\b|"
    r"\bpush(?:ing)? back\b|\bwhat (?:should|can|do) i (?:ask|say|request|counter)\b|"
    r"\bhow (?:do|should|can) i (?:negotiate|respond|reply|get more|counter|ask for more)\b|"
    r"\bhelp me negotiate\b|\bnegotiation (?:script|tips|strategy)\b|\bwhat'?s the play\b|"
    r"\b(?:get|ask for|push for) more\b(?!\s+(?:without|but)\b)|\bget (?:them|it) to move\b|"
    r"\bwhat [\w-]+(?: [\w-]+)? should i (?:ask|push|request)\b|\bwhat can i push on\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    """What the wording asks, beside the companies, roles, places and pay parts it names."""

    compare: bool = False  # "vs", "which pays more", "or"
    counter: bool = False  # "counter", "negotiate", "push back"
    rank: bool = False  # "highest paying", "top 5", "who pays the most"
    lowest: bool = False  # rank by the low end
    midpoint: bool = False  # rank by the midpoint
    top: int | None = None  # "top 5": how many to show
    roles_asked: bool = False  # "which roles do you have for ..."
    coverage: bool = False  # "which companies / places do you cover"
    companies_word: bool = False  # "companies in London", "any firms"
    listing: bool = False  # "roles", "guides", "list"
    guides_word: bool = False  # "guide(s)": the library itself
    library_words: bool = False  # "you", "covered", "available": about the library
    equivalent: bool = False  # "equivalent", "maps to", "at", "in"
    total: bool = False  # "total", "TC", "all-in": the total-comp column itself
    pay: bool = False  # "pay", "earn", "salary", "how much"
    level_step: int = 0  # "one level up": +1, "a level below": -1 (from the level in context)
    text: str = field(default="", repr=False, compare=False)  # for the cues read when needed

    # Read only when a reading needs them (most look-ups never do), once each:
    @cached_property
    def contrast(self) -> bool:
        """A comparing word beyond a bare "or" ("vs", "better than")."""
        return any(m.group(0).casefold() != "or" for m in COMPARE_WORDS.finditer(self.text))

    @cached_property
    def decides(self) -> bool:
        """"should I", "is it normal", "how do I": what to do, not a figure."""
        return self._framed and DECIDES_WORDS.search(self.text) is not None

    @cached_property
    def mine(self) -> bool:
        """"should I", "can we", "do I": the person's own decision."""
        return self._framed and MINE_WORDS.search(self.text) is not None

    @cached_property
    def _framed(self) -> bool:
        """A word a decision's frame opens with is in the question (a set look-up first: most
        look-ups have none, and the frames' patterns are the slowest of the cues)."""
        return not FRAME_WORDS.isdisjoint(_LETTERS.findall(self.text.casefold()))

    @cached_property
    def amount(self) -> bool:
        """"how much", "the band", "what's the base": a figure is asked."""
        return AMOUNT_WORDS.search(self.text) is not None

    @cached_property
    def counter_asked(self) -> bool:
        """"how do I counter", "what should I ask for": the script."""
        return COUNTER_ASKED.search(self.text) is not None


def read_cues(question: str) -> Cues:
    """Search every cue pattern once over the question."""
    top = TOP_N.search(question)
    return Cues(
        compare=COMPARE_WORDS.search(question) is not None,
        counter=COUNTER_WORDS.search(question) is not None,
        rank=RANK_WORDS.search(question) is not None,
        lowest=LOWEST_WORDS.search(question) is not None,
        midpoint=MIDPOINT_WORDS.search(question) is not None,
        top=int(top.group(1)) if top else None,
        roles_asked=ROLES_ASKED.search(question) is not None,
        coverage=COVERAGE_WORDS.search(question) is not None,
        companies_word=COMPANIES_WORD.search(question) is not None,
        listing=LISTING_WORDS.search(question) is not None,
        guides_word=GUIDES_WORD.search(question) is not None,
        library_words=LIBRARY_WORDS.search(question) is not None,
        equivalent=EQUIVALENT_WORDS.search(question) is not None,
        total=TOTAL_WORDS.search(question) is not None,
        pay=PAY_WORDS.search(question) is not None,
        level_step=_step(question),
        text=question,
    )


def _step(question: str) -> int:
    """How many levels up (+) or down (-) the wording moves: "two levels up" is +2."""
    for sign, pattern in ((1, LEVEL_UP), (-1, LEVEL_DOWN)):
        found = pattern.search(question)
        if found:
            return sign * _HOW_MANY.get((found.group("n") or "").casefold(), 1)
    return 0
