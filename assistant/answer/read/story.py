"""A message that tells a story: whose offer each stated figure is, and which company it asks.

Example:
    >>> r = told(resolve("ServiceNow offered $160K base in San Diego. I'm also waiting on "
    ...                  "Qualcomm. Is the ServiceNow number competitive?"), vocab.companies)
    >>> r.company, r.other_companies, [f.text for f in r.stated]
    ('servicenow', (), ['$160K'])

A long message names companies for many reasons: the one offering, one the person only
interviews with, the one they work at now. A figure belongs to the company named nearest
before it in its sentence; a figure of the person's current job ("I make $160K right now") is
no offer and is not placed. The answer is about the company the last question names (else
the one whose offer has figures); another company named without figures is mentioned in a
note, never tabled; two offers with figures stay a comparison.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from assistant.answer.read.reading import Resolved
from assistant.answer.read.stated import StatedFigure
from assistant.corpus.words.normal import norm

CURRENT = re.compile(r"\b(?:current(?:ly)?|right now|i make|i'm making|i am making|i earn|"
                     r"i'm at|i am at|at present|my (?:job|salary|pay|comp)|making)\b", re.I)
ORIGIN = re.compile(r"\b(?:mov\w*|relocat\w*|coming|came|transferr\w*)\b(?:\s+\w+)?\s+"
                    r"from$")  # "I'm moving over from London"
_SENTENCE = re.compile(r"(?:[^.?!;]|\.(?=\d))+[.?!;]?")  # "$1.5M" ends no sentence
OFFER = re.compile(r"\b(?:offer\w*|interview\w*)\b", re.I)
COMPARATIVE = re.compile(r"\b(?:better|worse|higher|lower|more|less|most|least)\b", re.I)
# said right before a company: the person works there now
WORKS_AT = re.compile(r"\b(?:(?:i|i'm|i am)\s+(?:currently\s+|now\s+)?(?:work(?:ing)?\s+)?"
                      r"(?:at|for|with)|(?:i've|i have)\s+been\s+(?:working\s+)?(?:at|for|with)|"
                      r"currently\s+(?:at|with|working\s+(?:at|for))|"
                      r"employed\s+(?:at|by)|my\s+(?:current\s+)?(?:employer|company),?)\s+$",
                      re.I)


# said before a place or level in a sentence that tells no offer: the person's own situation
# ("I'm in Jakarta right now", "I previously spent 2 years at a startup in Stockholm")
MINE = re.compile(r"\b(?:i'm|i am|i've|i have|i was|i live[ds]?|i used to|i worked|i work|"
                  r"previously|formerly|currently|right now|based in|living in)\b", re.I)


def told(resolved: Resolved, companies: Mapping[str, str],
         roles: Mapping[str, str] | None = None) -> Resolved:
    """The reading with its figures given to their companies and its subject set (`roles`,
    the vocabulary's role phrases, finds a role said of the person's own job)."""
    question = resolved.question
    resolved = _without_own_role(_without_own_level(_without_origins(resolved)), roles or {})
    offered = tuple(f for f in resolved.stated if not _current(question, f))
    if offered != resolved.stated:  # "My current job pays $160K": not a figure to place
        resolved = resolved.replaced(stated=offered)
    named = [c for c in (resolved.company, *resolved.other_companies) if c]
    if len(set(named)) < 2:
        return resolved
    spots = {slug: _mentions(question, slug, companies.get(slug, slug)) for slug in set(named)}
    if not resolved.stated:
        employer = _employer(question, spots)
        return _at_employer(resolved, companies, named, employer or _context(question, spots),
                            works=bool(employer))
    owners: dict[str, list[StatedFigure]] = {}
    for figure in resolved.stated:
        owner = _owner(question, figure, spots)
        if owner:
            owners.setdefault(owner, []).append(figure)
    offers = [c for c in dict.fromkeys(named) if owners.get(c)]
    if len(offers) >= 2:  # two offers with figures: compared, each placed in its own band
        asked = _asked(question, spots)
        order = sorted(offers, key=lambda c: c != asked)
        rest = [c for c in dict.fromkeys(named) if c not in order]
        tagged = tuple(replace(f, company=c) for c in order for f in owners[c])
        parts = {f.component for f in tagged if f.component}
        if len(parts) == 1:  # "Wise offered £85k base, Revolut £90k": the same part
            tagged = tuple(f if f.component else replace(f, component=next(iter(parts)))
                           for f in tagged)
        return resolved.replaced(company=order[0], other_companies=(*order[1:], *rest),
                                 stated=tagged)
    employer = _employer(question, spots)
    offering = [c for c in dict.fromkeys(named) if c != employer] if employer else []
    asked = _asked(question, spots) or (offers[0] if offers else offering[0]
                                        if len(offering) == 1 else resolved.company)
    others = [c for c in dict.fromkeys(named) if c != asked]
    # a figure no company stands beside is the offer's, when the other company named is
    # where the person works ("I've been at Stripe ... an offer from Google. The offer is
    # £150,000 base")
    unowned = [f for f in resolved.stated if not _owner(question, f, spots)] \
        if employer and asked != employer else []
    note = (f"You work at {companies.get(employer, employer)}; this answer is about the "
            f"{companies.get(asked, asked)} offer." if others == [employer] else
            f"You also mention {', '.join(companies.get(c, c) for c in others)}; this answer "
            f"is about the {companies.get(asked, asked)} offer (ask about "
            f"{'them' if len(others) > 1 else 'it'} on its own to see its bands).")
    return resolved.replaced(company=asked, other_companies=(),
                             stated=(*owners.get(asked, ()), *unowned),
                             notes=(*resolved.notes, note))


def _mentions(question: str, slug: str, display: str) -> list[int]:
    """Where the question names the company (its name, its first word, its slug's words)."""
    forms = {display, display.split()[0], slug.replace("-", " "), slug.split("-")[0]}
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True) if len(f) >= 2)
    return [m.start() for m in re.finditer(rf"\b(?:{pattern})", question, re.I)]


def _without_origins(resolved: Resolved) -> Resolved:
    """Drop a place the person comes from ("I'm relocating from Jakarta"), or where the
    message says they live or work ("I'm in Jakarta right now", "I currently work at Airbnb in
    San Francisco") in a sentence that tells no offer, when the message names another: it is
    where they are, not what they ask about."""
    said = norm(resolved.question)
    at = [m.start() for m in re.finditer(r"\S+", said)]
    words = said.split()
    kept = tuple(p for p in resolved.places
                 if not ORIGIN.search(" ".join(words[max(0, p.start - 4):p.start]))
                 and not (p.start < len(at) and _own(said, at[p.start])))
    if not kept or len(kept) == len(resolved.places):
        return resolved
    first = kept[0]
    return resolved.replaced(places=kept, region=first.library or first.typed,
                             region_typed=first.typed)


def _without_own_level(resolved: Resolved) -> Resolved:
    """Drop a level said of the person's own job ("I'm a Google L4 in Mountain View making
    $190K. Uber offered me Senior Software Engineer"), when an offer with figures and a role
    are told: the offer's level is the role's."""
    level = resolved.level_asked
    if level is None or not level.typed or not resolved.role or resolved.other_levels \
            or not resolved.stated:  # no offer told: the level is what is asked about
        return resolved
    found = re.search(rf"(?<!\w){re.escape(level.typed)}(?!\w)", resolved.question, re.I)
    if found is None or not _own(resolved.question, found.start()):
        return resolved
    return resolved.replaced(level="", level_asked=None)


def _without_own_role(resolved: Resolved, roles: Mapping[str, str]) -> Resolved:
    """Drop a second role said of the person's own job ("I've been at Stripe as a backend
    engineer … an offer for a Senior Software Engineer role"), when an offer is told."""
    if not resolved.other_roles or not resolved.stated:
        return resolved
    said = norm(resolved.question)
    own = {slug for phrase, slug in roles.items() if slug in (resolved.role,
                                                             *resolved.other_roles)
           for m in re.finditer(rf"\b{re.escape(phrase)}\b", said) if _own(said, m.start())}
    kept = [r for r in (resolved.role, *resolved.other_roles) if r not in own]
    if not kept or len(kept) == 1 + len(resolved.other_roles):
        return resolved
    return resolved.replaced(role=kept[0], other_roles=tuple(kept[1:]))


def _own(question: str, at: int) -> bool:
    """True when the words before `at` in its sentence tell the person's own situation, and
    no offer is told between them and `at`."""
    start, _ = _sentence_at(question, at)
    mine = [m.end() for m in MINE.finditer(question, start, at)]
    # no offer told between the person's words and the place ("I've been at Stripe in
    # Seattle and got an offer in London": Seattle is theirs, London the offer's)
    return bool(mine) and OFFER.search(question, mine[-1], at) is None


def _sentence_at(question: str, at: int) -> tuple[int, int]:
    """The span of the sentence holding character `at`."""
    return next(((s.start(), s.end()) for s in _SENTENCE.finditer(question)
                 if s.start() <= at < s.end()), (0, len(question)))


def _current(question: str, figure: StatedFigure) -> bool:
    """True when the figure's sentence says, before it, that it is the person's current pay
    (and no offer is told between: "I currently work at Google and Stripe offered me $200K")."""
    start, _ = _sentence_at(question, figure.start)
    cues = list(CURRENT.finditer(question, start, figure.start))
    return bool(cues) and OFFER.search(question, cues[-1].end(), figure.start) is None


def _employer(question: str, spots: Mapping[str, list[int]]) -> str:
    """The company the message says the person works at now ("I'm at Google right now", "I
    currently work for Meta"), when it says so of exactly one."""
    found = {c for c, ps in spots.items() for p in ps
             if WORKS_AT.search(question[max(0, p - 40):p])}
    return next(iter(found)) if len(found) == 1 else ""


def _context(question: str, spots: Mapping[str, list[int]]) -> str:
    """With two companies named, the one the message names only before its last question,
    which names the other alone ("I have a Coinbase offer in writing. Will Robinhood match
    it?": Coinbase is what the person holds; the question is about Robinhood)."""
    asked = _questions(question)
    if len(spots) != 2 or not asked or COMPARATIVE.search(asked[-1].group(0)):
        return ""  # "Is Airbnb better?", "Would Snowflake go higher?": both are asked about
    last = asked[-1]
    inside = {c for c, ps in spots.items() for p in ps if last.start() <= p < last.end()}
    before = [c for c in spots if c not in inside and all(p < last.start() for p in spots[c])]
    return before[0] if len(inside) == 1 and len(before) == 1 else ""


def _questions(question: str) -> list[re.Match[str]]:
    """The message's sentences that end with a question mark, in order."""
    return [s for s in _SENTENCE.finditer(question) if s.group(0).strip().endswith("?")]


def _owner(question: str, figure: StatedFigure, spots: Mapping[str, list[int]]) -> str:
    """The company named last before the figure in its sentence (or the sentence's only one);
    "" for a figure no company stands beside."""
    start, end = _sentence_at(question, figure.start)
    before = [(p, c) for c, ps in spots.items() for p in ps if start <= p < figure.start]
    if before:
        return max(before)[1]
    inside = {c for c, ps in spots.items() for p in ps if start <= p < end}
    return next(iter(inside)) if len(inside) == 1 else ""


def _asked(question: str, spots: Mapping[str, list[int]]) -> str:
    """The company the last question of the message names first ("Is the Stripe offer good
    next to Coinbase's?": Stripe)."""
    for sentence in reversed(_questions(question)):
        inside = sorted((p, c) for c, ps in spots.items() for p in ps
                        if sentence.start() <= p < sentence.end())
        if inside:
            return inside[0][1]
    return ""


def _at_employer(resolved: Resolved, companies: Mapping[str, str], named: list[str],
                 employer: str, works: bool = True) -> Resolved:
    """A message with no figures that names where the person works (or a company it names
    only before its last question) and one other company ("I'm at Google and interviewing
    with Airwallex; should I say what I make?"): about the other one, the first said in a
    note; a comparison asked for stays one."""
    others = [c for c in dict.fromkeys(named) if c != employer]
    if not employer or len(others) != 1 or resolved.cues.contrast:  # "or" alone is no ask
        return resolved
    note = (f"You work at {companies.get(employer, employer)}; this answer is about "
            f"{companies.get(others[0], others[0])}." if works else
            f"You also mention {companies.get(employer, employer)}; this answer is about "
            f"{companies.get(others[0], others[0])} (ask about "
            f"{companies.get(employer, employer)} on its own to see its bands).")
    return resolved.replaced(company=others[0], other_companies=(),
                             notes=(*resolved.notes, note))
