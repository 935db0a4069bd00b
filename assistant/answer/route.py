"""Resolved -> Route: which guide answers, or why the assistant must ask or decline.

Never substitutes silently: a name that matches nothing is `no_guide`, a name that matches
several things equally is `clarify`, and a company with many roles and no role named is
`clarify` with the roles it has as suggestions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from assistant.answer.library import Library
from assistant.answer.read.ladder import ladder_of, names
from assistant.answer.read.levels import Level, holds, pick_guide
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Kind, Status
from assistant.corpus.model import COMPONENT_LABELS, Guide

ASK_WORDS: dict[str, tuple[str, ...]] = {
    "base": ("base",), "stock": ("rsu", "equity", "stock"), "bonus": ("bonus",),
    "signing_bonus": ("sign-on", "signing"), "total_comp": ("total comp",),
}
FIGURE_ASKS = frozenset({"base", "stock", "bonus", "signing_bonus", "total_comp"})


@dataclass(frozen=True)
class Route:
    """Where a question goes: a guide id (answered), general search, or a message."""

    status: Status
    guide_id: str = ""
    general: bool = False  # answer from articles and prose search, no single guide
    listing: bool = False  # answered from the catalog itself (which guides a company has)
    message: str = ""
    suggestions: tuple[str, ...] = ()
    kind: Kind | None = None  # set when the route answers another kind than the reading's
    spanning: bool = False  # answered across guides by across/ (a table)
    notes: tuple[str, ...] = ()  # said above the answer ("no hardware engineer guide; ...")


SPANNING = frozenset({Kind.COMPARE, Kind.RANK, Kind.COVERAGE, Kind.LEVEL_EQUIVALENCE})


def route(resolved: Resolved, library: Library) -> Route:
    """Decide how to answer a resolved question (the Route's kind says what kind of answer).

    The kind is the reading's, except where the library decides it: a question the articles
    answer is advice, a company's guides listed are coverage, a company at a place with no
    role is across_roles, a guide's own level mapping is level_equivalence.
    """
    decided = _route(resolved, library, resolved.kind)
    if decided.general:
        return replace(decided, kind=Kind.ADVICE)
    return replace(decided, kind=decided.kind or resolved.kind)


def _route(resolved: Resolved, library: Library, kind: Kind) -> Route:
    vocab = library.vocabulary
    if resolved.ambiguous:
        names = [vocab.companies[s] for s in resolved.ambiguous]
        asked = (f"The library has no guide for “{resolved.partial_name}” itself. "
                 if resolved.partial_name else "")
        return Route("clarify", message=f"{asked}Which company did you mean: {_or(names)}?",
                     suggestions=tuple(_rephrase(resolved, library, company=s)
                                       for s in resolved.ambiguous))
    subject = bool(resolved.company and resolved.role)
    if not subject and any(_articles_answer(n, resolved.asks, library)
                           for n in resolved.unknown_names):
        return Route("answered", general=True)  # e.g. "Facebook" questions the articles answer
    if kind in SPANNING and not (kind is Kind.COMPARE and resolved.unknown_names
                                 and not resolved.other_companies) \
            and not (kind is Kind.COVERAGE and resolved.company):
        return Route("answered", spanning=True)
    if kind is Kind.LEVEL_MAPPING and resolved.role and resolved.company:
        roles = vocab.guides_by_company.get(resolved.company, {})
        if resolved.role in roles:  # the named role's guide states its own mapping
            return Route("answered", kind=Kind.LEVEL_EQUIVALENCE,
                         guide_id=guide_at_level(resolved.role, resolved.level_asked, roles,
                                                 library))
    if not resolved.company and resolved.role and resolved.other_roles:
        return Route("answered", general=True)  # "ML vs software engineers": the articles
    if not resolved.company:
        return _no_company(resolved, library)
    roles = vocab.guides_by_company.get(resolved.company, {})
    company = vocab.companies[resolved.company]
    if resolved.unknown_role and not resolved.role:
        if not _wants_figures(resolved) and _articles_mention(company, library):
            # "Is Alibaba hiring hardware engineers?": no guide, but the articles may say
            return Route("answered", general=True, notes=(
                f"The library has no {resolved.unknown_role} guide for {company}, so no pay "
                "figures for that job; what the general articles say:",))
        if kind is Kind.ADVICE:  # "Darktrace's recruiter says ...; anything I can say back?"
            return Route("answered", general=True)
        return Route("no_guide",
                     message=f"The library has no {resolved.unknown_role} guide for {company}, "
                             f"so it holds no figures for that job. Its {company} guides cover: "
                             f"{_role_list(roles, library)}.",
                     suggestions=_role_suggestions(resolved, roles, library))
    if kind is Kind.ADVICE:  # the company's guides and the articles, searched for the answer
        return Route("answered", general=True)
    if resolved.role:
        if resolved.role in roles:
            return Route("answered", guide_id=guide_at_level(resolved.role, resolved.level_asked,
                                                               roles, library))
        role = vocab.roles.get(resolved.role, resolved.role)
        return Route("no_guide",
                     message=f"The library has no {role} guide for {company}. "
                             f"Its {company} guides cover: {_role_list(roles, library)}.",
                     suggestions=_role_suggestions(resolved, roles, library))
    if _asks_coverage(resolved) or kind is Kind.COVERAGE:
        return Route("answered", listing=True, kind=Kind.COVERAGE,
                     message=f"The library has {len(roles)} {company} guide"
                             f"{'s' if len(roles) != 1 else ''}: {_role_list(roles, library)}.",
                     suggestions=_role_suggestions(resolved, roles, library))
    if len(roles) == 1:
        return Route("answered", guide_id=next(iter(roles.values())))
    titled = titled_guide(resolved.level_asked, roles, library)
    if titled:  # "Google L5 in Seattle": the one guide whose title names the level
        return Route("answered", guide_id=titled.id, notes=(
            f"Read {resolved.level} as the {titled.role_display} guide, the {company} guide "
            "whose title names that level.",))
    named = _ladder_guide(resolved.level_asked, roles, library, company)
    if named:  # "Salesforce PMTS tc": the one guide whose own ladder states that title
        title, guide = named
        return Route("answered", guide_id=guide.id, notes=(
            f"Read {title} as the {guide.role_display} guide, the {company} guide whose level "
            "mapping names it.",))
    if resolved.places:  # "Alibaba Seattle sign-on?": across the company's guides for the place
        return Route("answered", spanning=True, kind=Kind.ACROSS_ROLES)
    if not _wants_figures(resolved) and _articles_mention(company, library):
        return Route("answered", general=True)
    return Route("clarify",
                 message=f"Which role at {company}? The library has {len(roles)} {company} "
                         f"guides: {_role_list(roles, library)}.",
                 suggestions=_role_suggestions(resolved, roles, library))


def guide_at_level(role: str, level: Level | None, roles: dict[str, str], library: Library
                   ) -> str:
    """The guide of the role, or of a sibling (senior, staff) whose title or rows hold the level.

    A role named with its rank ("staff engineer") keeps its guide unless the level is a code
    or number that only a sibling holds ("staff engineer L5" is still the staff guide's L5 or
    nothing; "software engineer level 62" is Microsoft's senior guide).
    """
    guide_id = roles[role]
    if level is not None and level.word:  # "what about senior?" after a software engineer
        ranked = f"{level.word.replace(' ', '-')}-{_family(role)}"
        return roles.get(ranked, guide_id) if role == _family(role) else guide_id
    if level is None:
        return guide_id
    family = _family(role)
    siblings = [role, *sorted(r for r in roles if r != role
                                       and _family(r) == family)]
    guides = [g for g in (library.guide(roles[r]) for r in siblings) if g is not None]
    picked = pick_guide(guides, level)
    return picked.id if picked is not None else guide_id


def titled_guide(level: Level | None, roles: dict[str, str], library: Library) -> Guide | None:
    """The one guide of a company whose title holds a coded level ("Senior Software Engineer
    (L5)" for Google L5), or None."""
    if level is None or level.word or level.tentative:
        return None
    found = [g for g in map(library.guide, roles.values()) if g is not None
             and holds(level, g.title.split("|")[0])]
    return found[0] if len(found) == 1 else None


def _ladder_guide(level: Level | None, roles: dict[str, str], library: Library,
                  company: str) -> tuple[str, Guide] | None:
    """(title, guide) when a title typed where a level stands ("PMTS") is stated as its own
    level by exactly one of the company's guides ("Salesforce PMTS = Google L6"), else None."""
    if level is None or not level.tentative:
        return None
    for title in level.titles:
        found = [g for g in map(library.guide, roles.values()) if g is not None
                 and any(names(title, text, company) for text in ladder_of(g).own)]
        if len(found) == 1:
            return title, found[0]
    return None


def _family(role: str) -> str:
    """"senior-software-engineer" -> "software-engineer"."""
    return re.sub(r"^(senior|staff|principal|lead)-", "", role)


def _no_company(resolved: Resolved, library: Library) -> Route:
    vocab = library.vocabulary
    if resolved.unknown_names:
        name = " ".join(resolved.unknown_names)
        near = process.extract(name, list(vocab.companies.values()), scorer=fuzz.WRatio, limit=3)
        names = [n for n, _, _ in near]
        return Route("no_guide",
                     message=f"The library has no guide for “{name}”, so it holds no figures "
                             f"for it. Nearest companies it does cover: {', '.join(names)}.",
                     suggestions=tuple(_rephrase(resolved, library, company=_slug(n, library))
                                       for n in names))
    if resolved.role and not resolved.places and (resolved.leftover or resolved.stated):
        return Route("answered", general=True)  # "why do ML engineers get paid so much more?"
    if resolved.role or resolved.region:
        what = vocab.roles.get(resolved.role, resolved.role) if resolved.role else "this job"
        where = f" in {resolved.region}" if resolved.region else ""
        return Route("clarify",
                     message=f"Which company? Pay for {what}{where} differs by company, and the "
                             "guides never borrow one company's figures for another. Name the "
                             "company (and role), e.g. “Stripe data scientist London base?”.",
                     suggestions=())
    return Route("answered", general=True)


def _asks_coverage(resolved: Resolved) -> bool:
    """"Which roles do you have for Anthropic?": a question about the library, not about pay."""
    # a company with no role and no pay word or topic, asked about in the library's words
    return bool(resolved.company and not resolved.role and not resolved.asks
                and resolved.cues.roles_asked)


def _wants_figures(resolved: Resolved) -> bool:
    """True when the question asks for pay, named by component or in everyday words."""
    named = bool(FIGURE_ASKS.intersection(resolved.asks))
    return named or resolved.cues.pay


def _articles_mention(name: str, library: Library) -> bool:
    """True when a general article names this company or term (whole word)."""
    return _articles_answer(name, (), library)


def _articles_answer(name: str, asks: tuple[str, ...], library: Library) -> bool:
    """True when one section of a general article names `name` and speaks to every ask."""
    # A name typed with capitals is matched as written ("UPS" is not "follow-ups").
    flags = 0 if name != name.casefold() else re.IGNORECASE
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", flags)
    words = [ASK_WORDS[a] for a in asks if a in ASK_WORDS]
    for article in library.articles:
        if library.about(article):
            continue
        for section in article.sections:
            for sentence in re.split(r"(?<=[.!?])\s+", section.text):
                text = sentence.casefold()
                if pattern.search(sentence) and all(any(w in text for w in ws) for ws in words):
                    return True
    return False


def _slug(display: str, library: Library) -> str:
    for slug, name in library.vocabulary.companies.items():
        if name == display:
            return slug
    return display


def _role_list(roles: dict[str, str], library: Library) -> str:
    return ", ".join(sorted(library.vocabulary.roles.get(r, r) for r in roles))


def _role_suggestions(resolved: Resolved, roles: dict[str, str], library: Library
                      ) -> tuple[str, ...]:
    return tuple(_rephrase(resolved, library, role=r) for r in sorted(roles))


def _rephrase(resolved: Resolved, library: Library, company: str = "", role: str = "") -> str:
    """A follow-up question naming the company/role explicitly, for clickable suggestions."""
    vocab = library.vocabulary
    parts = [vocab.companies.get(company or resolved.company, company or resolved.company)]
    role = role or resolved.role
    if role:
        parts.append(vocab.roles.get(role, role))
    if resolved.region:
        parts.append(resolved.region)
    asks = [COMPONENT_LABELS.get(a, a.replace("_", " ")) for a in resolved.asks]
    parts.append(" and ".join(asks) if asks else "pay")
    return " ".join(p for p in parts if p) + "?"


def _or(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
