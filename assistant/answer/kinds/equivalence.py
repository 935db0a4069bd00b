"""Level equivalence: "Google L5 at Meta?" from what the guides' level mappings state.

Example:
    >>> spanned = equivalence(resolve("What's Google L5 at Meta?"), library)
    >>> [[c.text for c in row] for row in spanned.table.rows][0]
    ['Google Senior Software Engineer (L5)', 'Senior SWE L5 at Google', 'E5 at Meta']

A guide states a mapping as a chain of equal terms ("SWE L4 at Google = E4 at Meta, SDE II at
Amazon", "Plaid E5 (Staff) = Google L5 = Meta E5") or as a table with a column per company.
A statement answers when one of its terms names the asked company with a level that holds the
asked one and another term names the other company: the two terms are quoted as written, from
the guide that states them. Statements are never chained (A = B in one guide and B = C in
another is not an answer for A at C); when no guide states the pair, the answer says so.
The asking company's own guides come first, then the other company's, then any other guide's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.answer.evidence import Cell, Spanned, Table
from assistant.answer.library import Library
from assistant.answer.read.levels import Level, holds, read_level, title_level
from assistant.answer.read.reading import Resolved
from assistant.answer.route import guide_at_level
from assistant.answer.types import Kind
from assistant.answer.write.cells import and_list
from assistant.corpus.model import Guide
from assistant.corpus.words.normal import norm
from assistant.corpus.words.vocabulary import Vocabulary

SHOWN = 6
_STATEMENTS = re.compile(r"\s+\|\s+|\n|;\s+")
_EQUALS = re.compile(r"\s*(?:=|≈|~|\bmaps? (?:to|onto)\b|\bequals\b|\bis equivalent to\b)\s*")
_LIST = re.compile(r",\s*(?![^()]*\))|\s+/\s+")


@dataclass(frozen=True)
class Term:
    """One side of a stated equality: the company it names and the text as written."""

    company: str
    text: str


@dataclass(frozen=True)
class Found:
    """One guide's statement that the asked level at one company is a level at the other."""

    guide: Guide
    anchor: str
    source: Term
    target: Term


def equivalence(resolved: Resolved, library: Library) -> Spanned:
    """The guides' statements of where the asked level sits at the other company."""
    vocab = library.vocabulary
    level = resolved.level_asked or title_level(resolved.unmatched)
    source, targets = _source_and_targets(resolved, vocab)
    if level is None:
        return Spanned(status="clarify",
                       message=f"Which {vocab.companies[source]} level should be mapped, e.g. "
                               f"“{vocab.companies[source]} L5 at {vocab.companies[targets[0]]}?”")
    found: list[Found] = []
    for guide in _own_guides(source, targets, library, resolved):
        found += _found_in(guide, source, targets, level, library)
    if not found:  # only then read what other companies' guides state
        for guide in _other_guides(source, targets, library):
            found += _found_in(guide, source, targets, level, library)
    name = vocab.companies[source]
    others = and_list([vocab.companies[t] for t in targets])
    if not found:
        return Spanned(message=(f"No guide in the library states where {name} {level.typed} "
                                f"sits at {others}, so there is no mapping to quote; mappings "
                                "that other guides state separately are not chained into one."),
                       before=((Cell(f"No guide in the library states where {name} "
                                     f"{level.typed} sits at {others}. Mappings that guides "
                                     "state separately are not chained into one."),),))
    shown = sorted(_distinct(found), key=lambda f: _width(f.source.text))[:SHOWN]
    rows = tuple((Cell(_label(f.guide)), Cell(f.source.text, f.guide, f.anchor),
                  Cell(f.target.text, f.guide, f.anchor)) for f in shown)
    caption = (f"Where {name} {level.typed} sits at {others}, as the guides' level mappings "
               f"state it ({len(found)} statement{'s' if len(found) != 1 else ''} in "
               f"{len({f.guide.id for f in found})} guide"
               f"{'s' if len({f.guide.id for f in found}) != 1 else ''}; "
               f"{len(shown)} shown):")
    return Spanned(table=Table(Kind.LEVEL_EQUIVALENCE, ("Stated in", name, others), rows,
                               caption=caption), guide=shown[0].guide.id)


def on_own_ladder(resolved: Resolved, library: Library) -> Resolved:
    """A follow-up that moves a level to another company ("Google L5 in Seattle?" then "and at
    Meta?") asks for the level that company's guides state it equals: the level is read as
    that one (E5), with a note quoting the statement; when no guide states the pair, the
    note says so and no level is asked (no row of another ladder's L5 answers it)."""
    level, source, target = resolved.level_asked, resolved.level_of, resolved.company
    vocab = library.vocabulary
    if level is None or not source or not target or source == target or vocab is None:
        return resolved
    if level.word and not level.code and level.number is None:
        return resolved  # "senior", "staff": every company's word, read on its own guides
    found: list[Found] = []
    for guide in _own_guides(source, [target], library, resolved):
        found += _found_in(guide, source, [target], level, library)
    name, other = vocab.companies.get(source, source), vocab.companies.get(target, target)
    mapped = [(f, m) for f in sorted(found, key=lambda f: _width(f.source.text))
              if (m := read_level(f.target.text)) is not None]
    if not mapped:  # said, and left out: another ladder's L4 is no level of this one
        return replace(resolved, level="", level_asked=None, level_of="",
                       carried=tuple(c for c in resolved.carried if c != "level"),
                       notes=(*resolved.notes, (
                           f"{level.typed} was {name}'s level; no guide states where it sits "
                           f"at {other}, so it is not read as any {other} level.")))
    f, moved = mapped[0]
    return replace(resolved, level=moved.typed, level_asked=moved, level_of="", notes=(
        *resolved.notes, f"Read {name} {level.typed} as {other} {moved.typed}: the "
        f"{_label(f.guide)} guide's level mapping states “{f.source.text} = "
        f"{f.target.text}”."))


def _source_and_targets(resolved: Resolved, vocab: Vocabulary) -> tuple[str, list[str]]:
    """The company the level belongs to (the one written next to it) and the others."""
    companies = list(dict.fromkeys(c for c in (resolved.company, *resolved.other_companies)
                                   if c))
    level = resolved.level_asked
    if level is None or len(companies) < 2:
        return companies[0], companies[1:]
    question = norm(resolved.question)
    at = question.find(norm(level.typed))
    nearest = min(companies, key=lambda c: _distance(question, c, at, vocab))
    return nearest, [c for c in companies if c != nearest]


def _distance(question: str, company: str, at: int, vocab: Vocabulary) -> int:
    """Characters between the level and the nearest mention of the company (before it wins)."""
    best = 10_000
    for name in (p for p, slug in vocab.company_aliases.items() if slug == company):
        for found in re.finditer(rf"\b{re.escape(name)}\b", question):
            gap = at - found.end() if found.end() <= at else found.start() - at + 5
            best = min(best, abs(gap))
    return best


def _own_guides(source: str, targets: list[str], library: Library, resolved: Resolved
                ) -> list[Guide]:
    """The named role's guides first (the source company's, then the others'), then every
    other guide of the companies asked about."""
    vocab = library.vocabulary
    first: list[str] = []
    for company in (source, *targets):
        held = vocab.guides_by_company.get(company, {})
        if resolved.role in held:
            first.append(guide_at_level(resolved.role, resolved.level_asked, held, library))
        if resolved.role:  # then the role's senior and staff guides ("senior-software-engineer")
            first += [gid for role, gid in sorted(held.items())
                      if role.endswith(f"-{resolved.role}")]
    first += vocab.guides_by_company.get(source, {}).values()
    for target in targets:
        first += vocab.guides_by_company.get(target, {}).values()
    return [g for g in map(library.guide, dict.fromkeys(first)) if g is not None]


def _other_guides(source: str, targets: list[str], library: Library) -> list[Guide]:
    """Guides of other companies whose level mappings name both companies."""
    vocab = library.vocabulary
    own = {source, *targets}
    names = [vocab.companies[c].casefold() for c in own]
    out = []
    for guide_id in library.ids:
        guide = library.guide(guide_id)
        if guide is not None and guide.kind != "article" and guide.company not in own and all(
                n in _mapping_text(guide).casefold() for n in names):
            out.append(guide)
    return out


def _found_in(guide: Guide, source: str, targets: list[str], level: Level, library: Library
              ) -> list[Found]:
    found = []
    for anchor, statement in _statements(guide, library):
        sources = [t for t in statement if t.company == source and holds(level, t.text)]
        if not sources:
            continue
        for target in targets:
            hits = [t for t in statement if t.company == target]
            found += [Found(guide, anchor, sources[0], hit) for hit in hits[:1]]
    return found


def _width(text: str) -> int:
    """How many levels a term spans ("L5" 1, "L4-L5" 2): the narrowest statement first."""
    spans = [int(b) - int(a) + 1 for a, b in re.findall(r"(\d{1,2})\s?[-–/]\s?\D{0,3}(\d{1,2})",
                                                       text) if int(b) >= int(a)]
    return max(spans, default=1)


def _distinct(found: list[Found]) -> list[Found]:
    """One statement per guide and target reading."""
    seen: set[tuple[str, str]] = set()
    out = []
    for f in found:
        key = (f.guide.id, f.target.text)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _label(guide: Guide) -> str:
    return f"{guide.company_display} {guide.role_display}".strip() or guide.title


def _mapping_text(guide: Guide) -> str:
    parts = [guide.level_mapping.raw]
    parts += [s.text for s in guide.sections if "level" in s.title.casefold()]
    return "\n".join(parts)


def _parse(text: str, own: str, anchor: str, vocab: Vocabulary
           ) -> tuple[tuple[str, tuple[Term, ...]], ...]:
    """Statements of one guide's mapping text: table rows and chains of equal terms."""
    out: list[tuple[str, tuple[Term, ...]]] = []
    table: list[str] = []
    for line in text.splitlines():
        line = line.strip().strip("-* ").replace("**", "")
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if set("".join(cells)) <= set("-: "):
                continue
            if not table:
                table = [_company(c, vocab) or (own if i == 0 else "") for i, c in
                         enumerate(cells)]
                continue
            terms = tuple(Term(table[i], c) for i, c in enumerate(cells)
                          if i < len(table) and table[i] and c)
            out.append((anchor, terms))
            continue
        table = []
        for statement in _STATEMENTS.split(line):
            pieces = [p.strip() for part in _EQUALS.split(statement) for p in _LIST.split(part)]
            terms = tuple(Term(_company(p, vocab) or (own if i == 0 else ""), p)
                          for i, p in enumerate(x for x in pieces if x))
            if len(terms) >= 2 and _EQUALS.search(statement):
                out.append((anchor, tuple(t for t in terms if t.company)))
    return tuple(out)


def _statements(guide: Guide, library: Library) -> tuple[tuple[str, tuple[Term, ...]], ...]:
    """(section anchor, terms) of every equality the guide's level mapping states (parsed
    once per guide of the library's version, and kept on the library)."""
    section = next((s for s in guide.sections if "level" in s.title.casefold()
                    and "mapping" in s.title.casefold()), None) or next(
        (s for s in guide.sections if "level" in s.title.casefold()), None)
    anchor = section.anchor if section else ""
    text = _mapping_text(guide)
    return library.derived("level statements", guide,
                           lambda: _parse(text, guide.company, anchor, library.vocabulary))


def _company(term: str, vocab: Vocabulary) -> str:
    """The company a term names by a capitalised name ("E4 at Meta", "Google L5 Security")."""
    typed = re.findall(r"[\w.&'-]+", term)
    for n in (3, 2, 1):
        for i in range(len(typed) - n + 1):
            words = typed[i:i + n]
            if not words[0][:1].isupper():
                continue
            phrase = norm(" ".join(words))
            slug = vocab.company_aliases.get(phrase)
            partial = vocab.partial_aliases.get(phrase, ())
            if slug or len(partial) == 1:  # "JPMorgan" is the one company so named
                return slug or partial[0]
    return ""
