"""The freshness line: said under an answer when a quoted guide's review date has passed."""

from __future__ import annotations

from datetime import date

from assistant.answer.evidence import Cell
from assistant.answer.types import Freshness
from assistant.corpus.model import Guide

FRESHNESS_ALL = ("_Freshness: the review date of {n} guide{s} quoted here has passed, so "
                 "figures may be out of date._")


def freshness_line(guide: Guide, today: date) -> str:
    """The freshness line (Markdown) when the guide's review date has passed, else ""."""
    if guide.next_review_due and guide.next_review_due < today:
        quarter = f" with salary data from {guide.salary_data_quarter}" \
            if guide.salary_data_quarter else ""
        return (f"_Freshness: this guide was last updated {guide.last_updated}{quarter}; its "
                f"review was due {guide.next_review_due}, so figures may be out of date._")
    return ""


def freshness_of_cells(cells: list[Cell], today: date) -> str:
    """One line counting the quoted guides whose review date has passed, else ""."""
    overdue = {c.guide.id for c in cells if c.guide is not None and c.guide.next_review_due
               and c.guide.next_review_due < today}
    return FRESHNESS_ALL.format(n=len(overdue), s="s" if len(overdue) != 1 else "") \
        if overdue else ""


def freshness_fields(guide: Guide) -> Freshness:
    """The guide's dates as the Answer carries them."""
    return Freshness(last_updated=str(guide.last_updated or ""),
                     next_review_due=str(guide.next_review_due or ""),
                     salary_data_quarter=guide.salary_data_quarter)
