"""The typed values at the corpus boundary: Guide, CompRow, Figure, Region, Section, Finding.

Example:
    >>> from assistant.corpus.reader import read_corpus
    >>> result = read_corpus(Path("corpus"))
    >>> guide = result.guides[0]
    >>> guide.rows[0].figure("base").text
    '$165K–$235K'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

# Pay components a row can carry, in the order answers list them.
COMPONENTS: tuple[str, ...] = ("base", "stock", "bonus", "signing_bonus", "total_comp")
COMPONENT_LABELS: dict[str, str] = {
    "base": "base",
    "stock": "stock",
    "bonus": "bonus",
    "signing_bonus": "sign-on bonus",
    "total_comp": "total comp",
}

GuideKind = Literal["guide", "plain", "article"]
FigureSource = Literal["frontmatter", "table"]
Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Region:
    """A region as written plus its normalized place name ("NYC (HQ)" -> "New York", note "HQ")."""

    raw: str
    name: str
    note: str = ""

    @property
    def key(self) -> str:
        """Lower-case comparison key of the normalized name."""
        return self.name.casefold()


@dataclass(frozen=True)
class Figure:
    """One pay component of one row: a range or single value in a currency, or a percentage.

    `unit` is an ISO currency code ("USD"), "%" for percentages, or "" when unknown.
    `text` is the figure as the guide writes it ("$165K–$235K", "15–30%"); for figures that
    only exist in frontmatter it is rendered from the numbers.
    """

    component: str
    low: float | None
    high: float | None
    unit: str
    text: str
    source: FigureSource


@dataclass(frozen=True)
class CompRow:
    """One compensation band: a region (and optionally a level) with its figures."""

    region: Region
    currency: str
    figures: tuple[Figure, ...]
    level: str = ""
    section_anchor: str = ""
    frontmatter_currency: str = ""  # what frontmatter said, when it disagrees with the table

    def figure(self, component: str) -> Figure | None:
        """The figure for `component` ("base", "stock", ...), or None when the row lacks it."""
        for fig in self.figures:
            if fig.component == component:
                return fig
        return None


@dataclass(frozen=True)
class Section:
    """A named part of a guide or article with a stable anchor (slug of its title)."""

    title: str
    anchor: str
    text: str
    depth: int = 2  # heading depth; bold titles and strategy blocks count as 3

    @property
    def answers(self) -> bool:
        """False for a section that describes the guide rather than advises: its marketing
        summary ("Negotiation DNA") and its list of sources ("Evidence & Sources")."""
        title = self.title.casefold()
        return not any(word in title for word in NOT_ANSWER_TITLES) \
            and not PROMOTING_TITLE.fullmatch(title.strip(" *#:"))


# Words of the section titles that never answer a question (3,768 "Negotiation DNA" and
# 4,437 "Evidence & Sources" sections in the library).
NOT_ANSWER_TITLES = ("negotiation dna", "evidence", "sources", "references", "methodology")
# A title that only says the role is the guide's showcase ("SIGNATURE ROLE", "Why This Is the
# SIGNATURE ROLE", "Why This Is Navan's Signature Role": 44 sections) heads praise of the
# company, not advice; a lever "(SIGNATURE ROLE Exclusive)" still answers.
PROMOTING_TITLE = re.compile(r"(?:why this is (?:the |a |[\w.&-]+'s )?)?signature role")


@dataclass(frozen=True)
class Source:
    """A data source a guide names, with an optional URL."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class LevelMapping:
    """How the guide maps its levels: free text and/or per-company equivalents."""

    raw: str = ""
    internal: str = ""
    per_company: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Guide:
    """One parsed file of the library: a company/role guide or a general article."""

    id: str  # "company/role" from frontmatter, else the relative path without extension
    path: str  # relative to the corpus root, with forward slashes
    kind: GuideKind
    title: str
    company: str = ""
    company_display: str = ""
    role: str = ""
    role_display: str = ""
    role_type: str = ""
    last_updated: date | None = None
    next_review_due: date | None = None
    salary_data_quarter: str = ""
    data_quality: str = ""
    rows: tuple[CompRow, ...] = ()
    sections: tuple[Section, ...] = ()
    level_mapping: LevelMapping = field(default_factory=LevelMapping)
    data_sources: tuple[Source, ...] = ()
    negotiation_dna_summary: str = ""
    content_hash: str = ""

    def section(self, anchor: str) -> Section | None:
        """The section with this anchor, or None."""
        for sec in self.sections:
            if sec.anchor == anchor:
                return sec
        return None

    def regions(self) -> list[Region]:
        """Distinct regions of the guide's rows, in order of first appearance."""
        seen: dict[str, Region] = {}
        for row in self.rows:
            seen.setdefault(row.region.key, row.region)
        return list(seen.values())


@dataclass(frozen=True)
class Finding:
    """One lint finding about one file; `code` is stable per kind of finding (e.g. "G101")."""

    path: str
    guide: str
    level: Level
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """The JSON-lines shape `assistant lint --json` prints."""
        return {
            "path": self.path,
            "guide": self.guide,
            "level": self.level,
            "code": self.code,
            "message": self.message,
        }


@dataclass
class CorpusResult:
    """Everything read from a corpus root: good guides plus findings for skipped files."""

    root: str
    guides: list[Guide] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # relative path -> reason
    # relative path -> guide id of files unchanged since the previous build (not re-parsed)
    reused: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # ids of parsed and reused guides, as read
