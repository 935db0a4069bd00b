"""How a guide and its pay rows are put into words: shared by the index and the answers.

Example:
    >>> guide_label(guide)
    'Alibaba ML/AI Engineer'
    >>> row_text(guide, guide.rows[0])
    'Alibaba ML/AI Engineer — Seattle (US) (USD): base $165K–$235K; ...'

The index embeds and stores these texts and the answers quote them, so both stages must word a
row the same way; that is why they live with the corpus rather than in either stage.
"""

from __future__ import annotations

import re

from assistant.corpus.model import COMPONENT_LABELS, CompRow, Guide

_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_QUESTION = re.compile(r"(?<![^\s])[A-Z][^.?!\n]{20,140}\?")


def guide_label(guide: Guide) -> str:
    """Human label of a guide: 'Alibaba ML/AI Engineer' or the article title."""
    if guide.company_display or guide.role_display:
        return f"{guide.company_display} {guide.role_display}".strip()
    if guide.title.endswith("…") and guide.sections:  # an article with no title line
        asked = _QUESTION.search(guide.sections[0].text)
        if asked:  # the question it sets out to answer: "How do compensation ... look ...?"
            return asked.group(0)
    return guide.title


def row_text(guide: Guide, row: CompRow) -> str:
    """One line that states a pay row in words, e.g. for lexical and dense search."""
    where = row.region.raw + (f", {row.level}" if row.level else "")
    parts = [f"{COMPONENT_LABELS[f.component]} {f.text}" for f in row.figures]
    return f"{guide_label(guide)} — {where} ({row.currency}): " + "; ".join(parts)


def row_key(guide: Guide, row: CompRow) -> str:
    """A pay row in a few words for the model: whose pay, where, which parts (not the numbers).

    Rows are found by structured look-up; their vectors only need to say what they are about,
    and digits cost many word pieces each.
    """
    where = row.region.raw + (f", {row.level}" if row.level else "")
    parts = ", ".join(COMPONENT_LABELS[f.component] for f in row.figures)
    return f"{guide_label(guide)} pay in {where} ({row.currency}): {parts}"


def strip_tables(text: str) -> str:
    """Text without Markdown table lines (pay rows are indexed as records of their own)."""
    return "\n".join(line for line in text.splitlines() if not _TABLE_LINE.match(line)).strip()
