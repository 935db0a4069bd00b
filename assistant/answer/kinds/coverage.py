"""Coverage: which companies (and roles) the library has for a place or a role.

Example:
    >>> spanned = coverage(resolve("Which companies do you cover in Singapore?"), library, lexicon)
    >>> spanned.table.columns
    ('Company', 'Guides with Singapore figures')

Read from the catalog: a company counts for a place when one of its guides has a row that is
that place (the same rule every answer uses), for a role when it has that role's guide. The
caption states the counts; each company's guides are listed so the person can ask for one.
A company counts when it has figures for any of the asked places; the reading keeps at most
`MAX_PLACES` of them (read/places.py), and a no_guide message repeats its note saying so.
"""

from __future__ import annotations

from assistant.answer.evidence import Cell, Spanned, Table
from assistant.answer.library import Library
from assistant.answer.pick.rows import select_rows
from assistant.answer.read.places import AskedPlace, cap_note
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Kind
from assistant.answer.write.cells import and_list
from assistant.places.lexicon import Lexicon

MAX_ROLES_LISTED = 6


def coverage(resolved: Resolved, library: Library, lexicon: Lexicon) -> Spanned:
    """The companies with guides for the asked role and/or place."""
    vocab = library.vocabulary
    if resolved.unknown_role and not resolved.role:
        return Spanned(status="no_guide",
                       message=f"The library has no guides for {resolved.unknown_role}; its "
                               f"roles are: {', '.join(sorted(set(vocab.roles.values())))}.")
    place = _places(resolved.places)
    role = vocab.roles.get(resolved.role, resolved.role)
    found: list[tuple[str, list[str]]] = []
    for company, held in sorted(vocab.guides_by_company.items(),
                                key=lambda item: vocab.companies[item[0]].casefold()):
        ids = [held[resolved.role]] if resolved.role in held else [] if resolved.role \
            else list(held.values())
        names = []
        for guide_id in ids:
            guide = library.guide(guide_id)
            if guide is None:
                continue
            if not resolved.places or select_rows(guide, resolved.places, None, lexicon,
                                                         library).rows:
                names.append(guide.role_display or vocab.roles.get(guide.role, guide.role))
        if names:
            found.append((vocab.companies[company], names))
    what = " ".join(p for p in (role, "guides") if p)
    where = f" with figures for {place}" if place else ""
    if not found:
        return Spanned(status="no_guide",
                       message=f"The library has no {what}{where}; figures from other places "
                               "are not a substitute." + _also(cap_note(resolved.notes)))
    guides = sum(len(names) for _, names in found)
    rows = tuple((Cell(company), Cell(_short(names))) for company, names in found)
    column = f"Guides with {place} figures" if len(resolved.places) == 1 else \
        "Guides with figures for these places" if place else "Guides"
    caption = (f"{len(found)} compan{'y has' if len(found) == 1 else 'ies have'} {what}{where} "
               f"({guides} guide{'s' if guides != 1 else ''} in all):")
    suggestions = tuple(
        f"{company} {names[0]}{' ' + place if place else ''} pay?" for company, names in found[:5])
    return Spanned(table=Table(Kind.COVERAGE, ("Company", column), rows, caption=caption),
                   suggestions=suggestions)


def _places(places: tuple[AskedPlace, ...]) -> str:
    """The asked places as a caption says them: "London", "London or Paris", "A, B or 3 more"."""
    typed = [p.typed for p in places]
    if len(typed) <= 3:
        return " or ".join(typed) if len(typed) <= 2 else f"{', '.join(typed[:2])} or {typed[2]}"
    return f"{', '.join(typed[:2])} or {len(typed) - 2} other places"


def _also(note: str) -> str:
    return f" {note}" if note else ""


def _short(names: list[str]) -> str:
    if len(names) <= MAX_ROLES_LISTED:
        return and_list(names)
    return f"{', '.join(names[:MAX_ROLES_LISTED])} and {len(names) - MAX_ROLES_LISTED} more"
