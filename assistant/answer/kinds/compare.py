"""Compare: two or more companies, roles or places side by side, one table row per side.

Example:
    >>> spanned = compare(resolve("Compare Google and Meta software engineer base in London"),
    ...                   library, lexicon)
    >>> [[c.text for c in row] for row in spanned.table.rows]
    [['Google Software Engineer (L3-L4)', 'London', '£75K–£135K'], ['Meta ...', 'London', ...]]

A side is a company's guide for a role at one asked place (every row of the guide when no
place is asked). Every figure cell quotes its guide's row; a side whose guide lacks the place
or level says "not in the guide" and what the guide covers instead; a company without a guide
for the role says so. Only the asked pay parts are columns (every part when none is asked),
and currencies are never converted: a sentence comparing two bands is written only when they
share a currency, with its subtraction shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.evidence import (
    NOT_IN_GUIDE,
    AcrossGuides,
    Cell,
    FromArticles,
    Line,
    Retrieved,
    Spanned,
    Table,
    asked_fields,
)
from assistant.answer.kinds.across import AcrossAnswer
from assistant.answer.kinds.advice import advice_passages
from assistant.answer.kinds.base import Job
from assistant.answer.kinds.placement import placement_line
from assistant.answer.library import Library
from assistant.answer.pick.rows import select_rows
from assistant.answer.read.companies import by_company
from assistant.answer.read.levels import Level
from assistant.answer.read.places import AskedPlace
from assistant.answer.read.reading import Resolved
from assistant.answer.route import guide_at_level, titled_guide
from assistant.answer.types import Band, Kind
from assistant.answer.write.cells import (
    and_list,
    band_of,
    figure_cell,
    label,
    where,
)
from assistant.corpus.model import COMPONENTS, CompRow, Guide
from assistant.corpus.words.wording import guide_label
from assistant.money.format import format_amount
from assistant.places.lexicon import Lexicon

MAX_SIDES = 16


@dataclass(frozen=True)
class Side:
    """One compared thing: a guide (or a company with no guide for the role) at a place."""

    company: str
    role: str
    guide: Guide | None
    place: AskedPlace | None
    row: CompRow | None = None
    missing: str = ""  # why there is no row: the place or level the guide lacks


def compare(resolved: Resolved, library: Library, lexicon: Lexicon) -> Spanned:
    """The comparison table of the sides a question names, or a clarify naming what is missing."""
    vocab = library.vocabulary
    companies = list(dict.fromkeys(c for c in (resolved.company, *resolved.other_companies) if c))
    roles = list(dict.fromkeys(r for r in (resolved.role, *resolved.other_roles) if r))
    # "Google L5 vs Meta E5": each company's guide titled with one of the levels
    titled = _titled_sides(resolved, companies, library) if not roles else None
    if not roles and not titled:
        shared = _shared_roles(companies, library)
        if not shared:
            names = and_list([vocab.companies[c] for c in companies])
            return Spanned(status="clarify",
                           message=f"Which role? The library has no role that {names} all "
                                   "have guides for, so there is nothing to set side by side.")
        if len(shared) > 1:
            names = and_list([vocab.companies[c] for c in companies])
            return Spanned(status="clarify",
                           message=f"Which role should {names} be compared for? "
                                   f"{'They all have' if len(companies) > 1 else 'It has'} "
                                   f"guides for: {', '.join(vocab.roles[r] for r in shared)}.",
                           suggestions=tuple(_ask(resolved, library, r) for r in shared[:6]))
        roles = shared
    sides = _sides(resolved, companies, roles, library, lexicon, titled)
    parts = [a for a in resolved.asks if a in COMPONENTS]
    if parts == ["total_comp"] and not resolved.cues.total and "asks" not in resolved.carried:
        parts = []  # "comp", "pay", "package": every part, not the total-comp column only
    parts = parts or _parts_held(sides)
    return _spanned(sides, parts, resolved, library)


def _titled_sides(resolved: Resolved, companies: list[str], library: Library
                  ) -> dict[str, list[tuple[str, Level]]] | None:
    """company -> (role, level) of the guides titled with the asked coded levels: one per
    company ("Google L5 vs Meta E5": "Senior Software Engineer (L5)", "(E5)"), or one per level
    of a single company ("Google L4 vs L5": "(L3-L4)", "(L5)"); None unless each has one."""
    levels = [lv for lv in (resolved.level_asked, *resolved.other_levels)
              if lv is not None and not lv.word and not lv.tentative]
    picked = {}
    for company in companies:
        held = library.vocabulary.guides_by_company.get(company, {})
        found = [(g.role, lv) for lv in levels if (g := titled_guide(lv, held, library))]
        if len(found) != (1 if len(companies) > 1 else len(levels)):
            return None
        picked[company] = found
    return picked if levels and (len(picked) >= 2 or len(levels) >= 2) else None


def _sides(resolved: Resolved, companies: list[str], roles: list[str], library: Library,
           lexicon: Lexicon, titled: dict[str, list[tuple[str, Level]]] | None = None
           ) -> list[Side]:
    vocab = library.vocabulary
    sides: list[Side] = []
    levels = [resolved.level_asked, *resolved.other_levels]
    # each company's own level and place, when each is named with its own ("Google L5 in
    # Seattle vs Meta E5 in Menlo Park")
    own = by_company(resolved, vocab.company_aliases, [lv for lv in levels if lv and lv.typed],
                     lambda lv: lv.typed)
    where = by_company(resolved, vocab.company_aliases, resolved.places, lambda p: p.typed)
    for company in companies or [""]:
        held = vocab.guides_by_company.get(company, {})
        pairs = titled[company] if titled else [
            (r, lv) for r in roles for lv in (own[company] if own else levels)]
        places: list[AskedPlace | None] = list(where[company] if where else resolved.places) \
            or [None]
        for role, level in pairs:
            guide = library.guide(guide_at_level(role, level, held, library)) \
                if role in held else None
            for place in places:
                if guide is None:
                    sides.append(Side(company, role, None, place))
                    continue
                picked = select_rows(guide, [place] if place else [], level, lexicon,
                                     library)
                if not picked.rows:
                    gap = (place.typed if place and picked.region_missing else
                           picked.level_missing or (place.typed if place else ""))
                    sides.append(Side(company, role, guide, place, missing=gap))
                sides += [Side(company, role, guide, place, row) for row in picked.rows]
    return sides[:MAX_SIDES]


def _parts_held(sides: list[Side]) -> list[str]:
    """Every pay part at least one side's row holds, in the library's order."""
    held = {f.component for s in sides if s.row is not None for f in s.row.figures}
    return [c for c in COMPONENTS if c in held]


def _spanned(sides: list[Side], parts: list[str], resolved: Resolved, library: Library
             ) -> Spanned:
    vocab = library.vocabulary
    rows: list[tuple[Cell, ...]] = []
    after: list[Line] = []
    bands: list[Band] = []
    for side in sides:
        company = vocab.companies.get(side.company, side.company)
        if side.guide is None:
            role = vocab.roles.get(side.role, side.role)
            rows.append((Cell(f"{company} {role}"), Cell("—"),
                         *[Cell("no guide") for _ in parts]))
            after.append((Cell(f"The library has no {role} guide for {company}, so it holds "
                               "no figures for that side."),))
            continue
        if side.row is None:
            rows.append((Cell(guide_label(side.guide)), Cell(side.missing or "—"),
                         *[Cell(NOT_IN_GUIDE) for _ in parts]))
            after.append(_gap_line(side))
            continue
        rows.append((Cell(guide_label(side.guide)), Cell(where(side.row)),
                     *[figure_cell(side.guide, side.row, p) for p in parts]))
        # a guide's frontmatter and body rows for one place are one band: placed once
        after += [line for line in _offer_lines(side, resolved) if line not in after]
        for part in parts:
            band = band_of(side.guide, side.row, part,
                           f"{side.guide.company_display} · {where(side.row)}")
            if band is not None:
                bands.append(band)
    columns = ("Guide", "Region" + (" / level" if any(s.row and s.row.level for s in sides)
                                    else ""), *[label(p) for p in parts])
    table = Table(Kind.COMPARE, columns, tuple(rows),
                  caption=f"Side by side, {and_list([label(p) for p in parts])} as each "
                          "guide states it (currencies are not converted):")
    return Spanned(table=table, after=(*after, *_differences(sides, parts)), bands=tuple(bands))


def _offer_lines(side: Side, resolved: Resolved) -> list[Line]:
    """The person's figures of this side's company placed in its row's band, arithmetic
    shown ("Two offers: Coinbase at $175K base, Stripe at $190K")."""
    assert side.guide is not None and side.row is not None
    lines: list[Line] = []
    for figure in resolved.stated:
        if figure.company == side.company and side.row.figure(figure.component) is not None:
            text = placement_line(figure, side.row, side.guide, "")
            if text:
                text = re.sub(r" {2,}", " ", text).replace(" : ", ": ").strip()  # no mark
                lines.append((Cell(f"{side.guide.company_display}: {text}"),
                              Cell("", side.guide, side.row.section_anchor)))
    return lines


def _gap_line(side: Side) -> Line:
    """"The Meta ... guide has no figures for Lagos; it covers: London, ..." with its cite."""
    guide = side.guide
    assert guide is not None
    covered = ", ".join(r.raw for r in guide.regions())
    anchor = guide.rows[0].section_anchor if guide.rows else ""
    return (Cell(f"The {guide_label(guide)} guide has no figures for {side.missing or 'that'}"
                 f", and other regions' figures are not a substitute. It covers: "),
            Cell(covered or "no regions", guide, anchor), Cell("."))


def _differences(sides: list[Side], parts: list[str]) -> list[Line]:
    """For exactly two sides with figures in one currency: how far apart the bands' ends are."""
    shown = [s for s in sides if s.row is not None and s.guide is not None]
    if len(shown) != 2:
        return []
    lines: list[Line] = []
    for part in parts:
        a, b = (s.row.figure(part) if s.row else None for s in shown)
        if a is None or b is None or a.unit != b.unit or a.unit in ("", "%") \
                or a.high is None or b.high is None or a.low is None or b.low is None:
            continue
        same = len({s.guide.company for s in shown if s.guide}) == 1  # "Stripe SWE vs PM"
        names = [f"{guide_label(s.guide) if same else s.guide.company_display} ({where(s.row)})"
                 for s in shown if s.guide and s.row]
        first, second = shown
        assert first.guide and first.row and second.guide and second.row
        cites = dict.fromkeys([(first.guide, first.row.section_anchor),
                               (second.guide, second.row.section_anchor)])
        lines.append((Cell(f"{label(part).capitalize()}, from the bands above"),
                      *(Cell("", guide, anchor) for guide, anchor in cites),
                      Cell(": " + _gap("high", a.high, b.high, names, a.unit)
                           + "; " + _gap("low", a.low, b.low, names, a.unit) + ".")))
    return lines


def _gap(end: str, x: float, y: float, names: list[str], unit: str) -> str:
    show = lambda v: format_amount(round(v, 2), unit)  # noqa: E731
    if x == y:
        return f"both bands' {end} ends are {show(x)}"
    hi, lo = (0, 1) if x > y else (1, 0)
    big, small = max(x, y), min(x, y)
    return (f"at the {end} end {names[hi]} is higher by {show(big - small)} "
            f"({show(big)} − {show(small)} = {show(big - small)}), over {names[lo]}")


def _shared_roles(companies: list[str], library: Library) -> list[str]:
    held = [set(library.vocabulary.guides_by_company.get(c, {})) for c in companies]
    common = set.intersection(*held) if held else set()
    return sorted(common)


def _ask(resolved: Resolved, library: Library, role: str) -> str:
    vocab = library.vocabulary
    names = " vs ".join(vocab.companies[c] for c in (resolved.company, *resolved.other_companies)
                        if c)
    where_ = f" in {resolved.region}" if resolved.region else ""
    asks = " and ".join(label(a) for a in resolved.asks if a in COMPONENTS) or "pay"
    return f"Compare {names} {vocab.roles[role]} {asks}{where_}"


class CompareAnswer(AcrossAnswer):
    """The side-by-side table; when no side holds the figure, the gaps are said and the
    articles may still answer (advice)."""

    def gather(self, job: Job) -> Retrieved:
        """The comparison, or the articles' paragraphs under the gaps when no side has one."""
        evidence = super().gather(job)
        if not isinstance(evidence, AcrossGuides) or _figures(evidence.spanned):
            return evidence
        gaps = tuple("".join(c.text for c in line) for line in evidence.spanned.after)
        return FromArticles(**{**asked_fields(job.asked), "kind": Kind.ADVICE,
                               "notes": (*job.asked.notes, *gaps)},
                            passages=advice_passages(job))


def _figures(spanned: Spanned) -> bool:
    """True when some table cell quotes a guide's figure (not only "not in the guide")."""
    rows = spanned.table.rows if spanned.table else ()
    return any(c.guide is not None and c.text != NOT_IN_GUIDE for row in rows for c in row)
