"""One guide's pay rows for the asked places and level, with what the guide lacks.

Example:
    >>> picked = select_rows(guide, resolved.places, resolved.level_asked, lexicon, library)
    >>> [r.region.raw for r in picked.rows], picked.missing
    (['London'], ('Lagos',))

Shared by the single-guide answer and by every answer that spans guides (compare, rank, a
company's roles), so each reads the rows of a guide the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.answer.library import Library
from assistant.answer.pick.regions import match_places
from assistant.answer.read.levels import Level, row_label, rows_at, rows_by_mapping
from assistant.answer.read.places import AskedPlace
from assistant.corpus.model import CompRow, Guide
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
    if level is not None and picked.rows:
        at_level = rows_at(guide, picked.rows, level)
        if not at_level:
            at_level, note = rows_by_mapping(guide, picked.rows, level)
            picked.notes = (*picked.notes, note) if note else picked.notes
        if not at_level and level.word and not any(row_label(r) for r in guide.rows):
            # "new grad", "mid-level": a guide whose pay does not split by level answers with
            # all its bands, and says so
            at_level = picked.rows
            picked.notes = (*picked.notes, f"The {guide_label(guide)} guide does not split its "
                                           f"pay by level, so its bands are shown for "
                                           f"{level.typed}.")
        picked.rows = at_level
        picked.level_missing = "" if at_level else level.typed
    return picked
