"""A guide's section as a retrieval hit, and a list of hits without repeats."""

from __future__ import annotations

from assistant.answer.types import Hit
from assistant.corpus.model import Guide, Section


def section_hit(guide: Guide, section: Section, score: float) -> Hit:
    """A section of a guide as a hit (its chunk id names the guide and the anchor)."""
    return Hit(guide=guide, text=section.text, score=score, anchor=section.anchor,
               chunk_id=f"{guide.id}#{section.anchor}", section=section)


def dedupe(hits: list[Hit]) -> list[Hit]:
    """The hits in order, each chunk once."""
    seen: set[str] = set()
    out = []
    for hit in hits:
        if hit.chunk_id not in seen:
            seen.add(hit.chunk_id)
            out.append(hit)
    return out
