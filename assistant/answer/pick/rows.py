"""One guide's pay rows for the asked places and level, with what the guide lacks.

Example:
    >>> picked = select_rows(guide, resolved.places, resolved.level_asked, lexicon, library)
    >>> [r.region.raw for r in picked.rows], picked.missing
    (['London'], ('Lagos',))

Shared by the single-guide answer and by every answer that spans guides (compare, rank, a
company's roles), so each reads the rows of a guide the same way.

A level's rows are those whose label names or holds it ("Senior (SMTS/L5)" for SMTS, "61-62"
for L61); else those of the level its level table puts it at ("MTS (L3)" -> "Mid (L3-L4)");
else, when the guide's title or ladder states it, the rows of a guide that does not split its
pay by level, with a note saying so when its bands are also other levels'. Never another
level's rows: a level none of these holds is missing, and the answer says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from assistant.answer.library import Library
from assistant.answer.pick.regions import match_places
from assistant.answer.read.ladder import Ladder, ladder_of, names
from assistant.answer.read.levels import (
    Level,
    holds,
    levels_in,
    row_label,
    states,
    written_levels,
)
from assistant.answer.read.places import AskedPlace
from assistant.corpus.model import CompRow, Guide
from assistant.corpus.words.normal import norm
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.corpus.words.wording import guide_label
from assistant.places.lexicon import Lexicon


@dataclass
class Selection:
    """The rows that answer, and every asked thing the guide has no row for."""

    rows: list[CompRow] = field(default_factory=list)
    missing: tuple[str, ...] = ()  # asked places (as typed) without a row
    inside: dict[str, tuple[str, ...]] = field(default_factory=dict)  # missing -> rows within
    level_missing: str = ""  # the asked level (as typed) when no row holds it
    region_missing: bool = False  # places were asked and none has a row
    notes: tuple[str, ...] = ()


def select_rows(guide: Guide, places: Sequence[AskedPlace], level: Level | None,
                lexicon: Lexicon, library: Library) -> Selection:
    """The rows of `guide` (one of `library`'s) at the asked places (all when none) and level
    (all when none)."""
    picked = Selection(rows=list(guide.rows))
    if places:
        found = match_places(guide, places, library.row_places(guide, lexicon))
        picked.rows, picked.missing, picked.inside = found.rows, found.missing, found.inside
        picked.notes, picked.region_missing = found.notes, not found.rows
    level = _as_level(level, library.vocabulary)
    if level is not None and level.step and picked.rows:
        stepped, note = _stepped(guide, level, library)
        picked.rows = [r for r in picked.rows if row_label(r) == stepped]
        picked.notes = (*picked.notes, note)
        picked.level_missing = "" if picked.rows else (stepped or level.typed)
        return picked
    if level is not None and picked.rows:
        ladder = library.derived("ladder", guide, lambda: ladder_of(guide))
        at_level, note = rows_at(guide, picked.rows, level, ladder)
        picked.notes = (*picked.notes, note) if note else picked.notes
        if not at_level and level.tentative:
            at_level = picked.rows  # capitals no guide names as a level: not a level here
        elif not at_level and level.word and not any(row_label(r) for r in guide.rows):
            # "new grad", "mid-level": a guide whose pay does not split by level answers with
            # all its bands, and says so
            at_level = picked.rows
            picked.notes = (*picked.notes, f"The {guide_label(guide)} guide does not split its "
                                           f"pay by level, so its bands are shown for "
                                           f"{level.typed}.")
        picked.rows = at_level
        picked.level_missing = "" if at_level else level.typed
    return picked


def _stepped(guide: Guide, level: Level, library: Library) -> tuple[str, str]:
    """The row label `level.step` levels above (below) the asked level's, in the order the
    guide's table lists its levels (over all its places), and the note that names both; ""
    past the table's last level."""
    ladder = library.derived("ladder", guide, lambda: ladder_of(guide))
    base, _ = rows_at(guide, guide.rows, replace(level, step=0), ladder)
    labels = list(dict.fromkeys(row_label(r) for r in guide.rows if row_label(r)))
    here = [row_label(r) for r in base if row_label(r)]
    way = "up" if level.step > 0 else "down"
    if not here or not labels:
        return "", f"The {guide_label(guide)} guide does not split its pay by level."
    at = labels.index(here[-1] if level.step > 0 else here[0]) + level.step
    if not 0 <= at < len(labels):
        return "", (f"The {guide_label(guide)} guide lists no level {way} from {here[0]} "
                    f"(its levels: {', '.join(labels)}).")
    return labels[at], f"One level {way} from {here[0]}, the guide's next row is {labels[at]}."


def _as_level(level: Level | None, vocabulary: Vocabulary) -> Level | None:
    """The asked level without the capitalised names the library reads as a role, company or
    place ("SWE", "NYC"): those are never ladder titles; None when nothing else is left."""
    if level is None or not level.titles:
        return level
    taken = (vocabulary.role_aliases, vocabulary.company_aliases, vocabulary.region_aliases)
    titles = tuple(t for t in level.titles if not any(norm(t) in aliases for aliases in taken))
    if level.tentative and not titles:
        return None
    return replace(level, typed=titles[0] if level.tentative else level.typed, titles=titles)


def rows_at(guide: Guide, rows: Sequence[CompRow], level: Level, ladder: Ladder
            ) -> tuple[list[CompRow], str]:
    """The rows for `level`, with a note when they are not rows of its own: the rows whose
    label names or holds it; else the level a level table puts it at; else, when the guide's
    title or ladder states it, the rows without a level (saying so when they span others)."""
    labelled = [r for r in rows if row_label(r)]
    named = [r for r in labelled if any(names(t, row_label(r)) for t in level.titles)]
    if named:
        return named, ""
    for open_top in () if level.tentative else (False, True):  # "Staff+ (L6+)" comes last
        if found := [r for r in labelled if holds(level, row_label(r), open_top)]:
            return found, ""
    if labelled and (mapped := rows_by_mapping(ladder, rows, level))[0]:
        return mapped
    if any(holds(level, row_label(r), False) for r in guide.rows if row_label(r)):
        return [], ""  # the guide splits pay by level: its rows for the level are elsewhere
    if _stating(guide, level, ladder):
        texts = (guide.role_display, guide.title, *ladder.own)
        return [r for r in rows if not row_label(r)] or list(rows), _unsplit(guide, level,
                                                                           texts)
    return ([], "") if labelled else rows_by_mapping(ladder, rows, level)


def _stating(guide: Guide, level: Level, ladder: Ladder) -> list[str]:
    """The guide's title and own-level texts that state `level` (for a seniority word, only
    its title and mapping statements: a level table's "Senior boundary" is not its level)."""
    company = guide.company_display or guide.company
    own = ladder.statements if level.word else ladder.own
    return [t for t in (guide.role_display, guide.title)
            if states(level, t, company, bare=False, open_top=False)] \
        + [t for t in own if states(level, t, company, open_top=False)]


def _unsplit(guide: Guide, level: Level, texts: Sequence[str]) -> str:
    """The note for bands shown for a level when the guide's ladder gives them for others
    too ("L3-L4", or P1, P2 and P3); "" when it states that level alone."""
    written = sorted({(typed, low, high) for text in texts
                      for typed, low, high in written_levels(level, text)},
                     key=lambda w: (w[1], w[2]))
    if all(low == high == level.number for _, low, high in written):
        return ""
    widest = [w for w in written if not any(o[1] <= w[1] and w[2] <= o[2]
                                            and o[2] - o[1] > w[2] - w[1] for o in written)]
    spans = ", ".join(dict.fromkeys(typed for typed, _, _ in widest))
    return (f"The {guide_label(guide)} guide does not split its pay by level: its bands are "
            f"for {spans}, so they are shown for {level.typed}.")


def rows_by_mapping(ladder: Ladder, rows: Sequence[CompRow], level: Level
                    ) -> tuple[list[CompRow], str]:
    """Rows for a level the pay table does not write but the guide's level table maps.

    "Software Engineer II" at Okta: its level table's row "| Software Engineer II | L4 | ..."
    puts it at L4, which the "Mid (L3-L4)" row holds. The other cells of the level-table row
    that names the asked level are tried in order; the note says which one was used. A title
    ("MTS") is looked for in the table's own columns only ("MTS (L3)").
    """
    for row in ladder.rows:  # a level table's "IC5+" is a high IC5, not every level above
        if not (any(states(level, c) for c in row.own) if level.tentative
                else any(holds(level, c, open_top=False) for c in row.cells)):
            continue
        for cell in row.cells:
            for other in levels_in(cell):
                if holds(other, level.typed) and holds(level, other.typed):
                    continue  # the asked level itself
                found = [r for r in rows if row_label(r) and holds(other, row_label(r))]
                if found:
                    return found, (f"The guide's level table puts {level.typed} at "
                                   f"{other.typed} (“{' | '.join(row.own or row.cells)}”); "
                                   f"these are its figures for {row_label(found[0])}.")
    return [], ""
