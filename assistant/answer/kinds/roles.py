"""Across a company's roles: "Alibaba Seattle sign-on?" answered from every Alibaba guide.

Example:
    >>> spanned = across_roles(resolve("Alibaba Seattle sign-on?"), library, lexicon)
    >>> spanned.table.columns
    ('Role', 'Region', 'sign-on bonus')

One table row per guide of the company that has a row at the asked place (and level): the
asked part's figure as that guide writes it, or "not in the guide". Guides without the place
are named, never shown. For a sign-on, the sentences of the guides' Negotiate Up scripts that
name one follow the table, quoted and cited. Each role is offered as a closer look.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.evidence import Cell, Line, Spanned, Table
from assistant.answer.kinds.placement import where_short
from assistant.answer.library import Library
from assistant.answer.pick.rows import select_rows
from assistant.answer.pick.sections import sign_on_sentences, topic_sections
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Band, Kind
from assistant.answer.write.cells import (
    and_list,
    band_of,
    figure_cell,
    label,
    where,
)
from assistant.corpus.model import COMPONENTS, CompRow, Guide
from assistant.places.lexicon import Lexicon

MAX_QUOTES = 3


def _held_part(rows: list[CompRow]) -> str:
    """The part to show when none is asked: base, unless the rows hold total comp alone (a
    level table of total comp: "Senior (L5) | €75,000–€105,000")."""
    if any(r.figure("base") is not None for r in rows) or not any(
            r.figure("total_comp") is not None for r in rows):
        return "base"
    return "total_comp"


def across_roles(resolved: Resolved, library: Library, lexicon: Lexicon) -> Spanned:
    """The asked part at the asked place for each of the company's guides."""
    vocab = library.vocabulary
    company = vocab.companies[resolved.company]
    held = vocab.guides_by_company.get(resolved.company, {})
    chosen = [(role, guide, select_rows(guide, resolved.places, resolved.level_asked, lexicon,
                                        library))
              for role in sorted(held, key=lambda r: vocab.roles.get(r, r))
              if (guide := library.guide(held[role])) is not None]
    parts = [a for a in resolved.asks if a in COMPONENTS] or [_held_part(
        [row for _, _, picked in chosen for row in picked.rows])]
    # the person's own figures are placed in each role's band: never dropped for want of a role
    mine = [s if s.component else replace(s, component=parts[0]) for s in resolved.stated]
    mine = [s for s in mine if s.component in parts]
    rows: list[tuple[Cell, ...]] = []
    bands: list[Band] = []
    lacking: list[str] = []
    at_place = 0  # guides with a row at the asked place, before the level is applied
    quotes: list[Line] = []
    for role, guide, picked in chosen:
        at_place += bool(picked.rows or picked.level_missing)
        if not picked.rows:
            lacking.append(guide.role_display or vocab.roles.get(role, role))
            continue
        for row in picked.rows:
            rows.append((Cell(guide.role_display), Cell(where(row)),
                         *[figure_cell(guide, row, p) for p in parts],
                         *[Cell(where_short(s, row) or "not placed") for s in mine]))
            for part in parts:
                band = band_of(guide, row, part, f"{guide.role_display} · {where(row)}")
                if band is not None:
                    bands.append(band)
        if "signing_bonus" in parts and len(quotes) < MAX_QUOTES:
            quotes += _script_sign_on(guide)
    where_ = and_list([p.typed for p in resolved.places]) or "every region"
    if at_place and resolved.level:  # the place is covered; the level is what no guide has
        where_ = f"{resolved.level} in {where_}" if resolved.places else resolved.level
    if not rows:
        return Spanned(status="no_guide",
                       message=f"None of the library's {len(held)} {company} guides has figures "
                               f"for {where_}, and other places' or levels' figures are not a "
                               "substitute.",
                       suggestions=_closer(resolved, library, list(held)))
    table = Table(Kind.ACROSS_ROLES, ("Role", "Region", *[label(p) for p in parts],
                                      *[f"your {s.text}" for s in mine]),
                  tuple(rows), caption=f"{company} {and_list([label(p) for p in parts])}"
                                       f" for {where_}, from each {company} guide "
                                       "that covers it:")
    after = list(quotes)
    for s in mine:
        after.insert(0, (Cell(f"Your {label(s.component)} of {s.text} is placed in each role's "
                              "band above (how far through it, or by how much outside); name "
                              "your role to see its whole answer."),))
    if lacking:
        after.append((Cell(f"No figures for {where_} in the {company} guides for "
                           f"{and_list(lacking)}."),))
    return Spanned(table=table, after=tuple(after), bands=tuple(bands),
                   suggestions=_closer(resolved, library, [r for r in held
                                                           if vocab.roles.get(r) not in lacking]))


def _script_sign_on(guide: Guide) -> list[Line]:
    """The first sentence of the guide's counter-offer script that names a sign-on figure."""
    for section in topic_sections(guide, "script"):
        for sentence in sign_on_sentences(section.text):
            return [(Cell(f"The {guide.role_display} guide's {section.title} asks: “"),
                     Cell(sentence + "”", guide, section.anchor))]
    return []


def _closer(resolved: Resolved, library: Library, roles: list[str]) -> tuple[str, ...]:
    vocab = library.vocabulary
    company = vocab.companies[resolved.company]
    where_ = f" in {resolved.region_typed or resolved.region}" if resolved.places else ""
    asks = " and ".join(label(a) for a in resolved.asks if a in COMPONENTS) or "pay"
    return tuple(f"{company} {vocab.roles.get(r, r)} {asks}{where_}?"
                 for r in sorted(roles, key=lambda r: vocab.roles.get(r, r))[:8])
