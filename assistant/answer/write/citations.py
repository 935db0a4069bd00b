"""Numbering citations: each (guide, section) gets one [n], in order of first use."""

from __future__ import annotations

from assistant.answer.types import Citation
from assistant.corpus.model import Guide
from assistant.corpus.words.wording import guide_label


class Citations:
    """Collects citations while an answer is written; `mark` returns the "[n]" to append."""

    def __init__(self) -> None:
        self._items: dict[tuple[str, str], Citation] = {}

    def mark(self, guide: Guide, anchor: str) -> str:
        """The marker for this guide section, adding a citation on first use."""
        key = (guide.id, anchor)
        if key not in self._items:
            section = guide.section(anchor) if anchor else None
            title = section.title if section else guide.title
            self._items[key] = Citation(n=len(self._items) + 1, guide=guide.id,
                                        source=guide.path, section=anchor, title=title,
                                        document=guide_label(guide))
        return f"[{self._items[key].n}]"

    def all(self) -> tuple[Citation, ...]:
        """The citations in marker order."""
        return tuple(self._items.values())
