"""Section titles and their anchors: clean a title, slug it, keep anchors unique."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.corpus.model import Section

_MARKUP = re.compile(r"[*_`]+")
_NON_WORD = re.compile(r"[^\w\s-]")
_SPACES = re.compile(r"[\s_-]+")


def clean_title(raw: str) -> str:
    """A title without Markdown emphasis, trailing colon or extra spaces."""
    title = _MARKUP.sub("", raw).strip()
    title = title.rstrip(":").strip()
    return " ".join(title.split())


def slugify(title: str) -> str:
    """Lower-case, hyphen-joined words of `title` ("Evidence & Sources" -> "evidence-sources")."""
    slug = _NON_WORD.sub("", title.casefold())
    slug = _SPACES.sub("-", slug).strip("-")
    return slug or "section"


class Slugger:
    """Hands out anchors, suffixing repeats with -2, -3 ... in order of appearance."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def anchor(self, title: str) -> str:
        """A unique anchor for `title`."""
        base = slugify(title)
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        if count == 1:
            return base
        candidate = f"{base}-{count}"
        while candidate in self._seen:  # "a-2" written literally earlier
            count += 1
            candidate = f"{base}-{count}"
        self._seen[candidate] = 1
        return candidate


@dataclass(frozen=True)
class SectionSpan:
    """A section plus the 0-based body line where it starts (its title line)."""

    section: Section
    start_line: int
