"""The words a question can use, built from the indexed library plus the aliases people type.

Example:
    >>> vocab = Vocabulary.from_guides(guides)
    >>> vocab.companies["alibaba"]
    'Alibaba'

A pure function of the library's entries and their facts (facts.py): an index version's
catalog derives it from the entries it holds, so a deleted guide leaves nothing behind.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from assistant.corpus.model import Guide
from assistant.corpus.regions import normalize_region
from assistant.corpus.words.alias_code import alias_code
from assistant.corpus.words.facts import GuideFacts, Pooled, facts_of, pooled
from assistant.corpus.words.known_names import TICKER_NAMES, known_names
from assistant.corpus.words.nicknames import SHORT, TICKER, pick_nicknames
from assistant.corpus.words.normal import compact, norm
from assistant.corpus.words.roles import ROLE_ALIASES, STANDARD_ROLES
from assistant.corpus.words.tickers import every_ticker, ticker_aliases
from assistant.places.aliases import REGION_ALIASES

# Places people ask about, recognised even when no loaded guide covers them (so "London" is
# read as a region the guide lacks, never as an unknown company or silently dropped).
WORLD_PLACES = tuple(
    "London|Seattle|San Francisco|New York|Bay Area|Sunnyvale|Mountain View|Palo Alto|"
    "San Jose|Menlo Park|Cupertino|Los Angeles|San Diego|Austin|Boston|Chicago|Denver|Atlanta|"
    "Dallas|Miami|Portland|Washington DC|Pittsburgh|Salt Lake City|Toronto|Vancouver|Montreal|"
    "Dublin|Berlin|Munich|Amsterdam|Paris|Zurich|Stockholm|Copenhagen|Madrid|Barcelona|Lisbon|"
    "Warsaw|Tel Aviv|Dubai|Singapore|Hong Kong|Tokyo|Seoul|Beijing|Shanghai|Hangzhou|Shenzhen|"
    "Guangzhou|Taipei|Bangalore|Hyderabad|Pune|Mumbai|Delhi|Gurgaon|Chennai|Sydney|Melbourne|"
    "Sao Paulo|Mexico City|Remote|Remote US|US|USA|UK|India|China|Canada|Germany|France|Japan|"
    "Australia|Brazil|Israel|Ireland|Netherlands|Switzerland|Europe|EU".split("|")
)

# Words that are also company names; as companies they must be capitalised in the question.
COMMON_WORD_COMPANIES = frozenset(
    "arm block box square target wise snap ramp compass hex linear segment render "
    "elastic toast notion glean mercury sequoia valve unity lattice grab retool sap "
    "deel chime faire optum zoom okta f5 visa discord intel oracle".split()
)


# Some guides put level titles where regions belong ("Senior PM", "SWE I (New Grad)"); those
# must not become region words.
_LEVELISH = re.compile(r"\b(engineer|scientist|manager|designer|architect|analyst|senior|staff|"
                       r"principal|junior|lead|director|grad|intern|swe|sde|pm|tpm|em|level|"
                       r"[LEP]\d+|IC\d)\b", re.IGNORECASE)


def is_levelish(name: str) -> bool:
    """True for a level or title written where a region belongs ("SWE II", "Senior PM")."""
    return bool(_LEVELISH.search(name))


@dataclass
class Vocabulary:
    """Look-up tables from phrases to library entities, built once per loaded index."""

    companies: dict[str, str] = field(default_factory=dict)  # slug -> display
    roles: dict[str, str] = field(default_factory=dict)  # role slug -> display
    company_aliases: dict[str, str] = field(default_factory=dict)  # phrase -> company slug
    compact_aliases: dict[str, str] = field(default_factory=dict)  # "deshaw" -> company slug
    partial_aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "epic" -> slugs
    role_aliases: dict[str, str] = field(default_factory=dict)  # phrase -> role slug
    region_aliases: dict[str, str] = field(default_factory=dict)  # phrase -> region name
    guides_by_company: dict[str, dict[str, str]] = field(default_factory=dict)  # co -> role -> id
    known_words: frozenset[str] = frozenset()  # words the library writes in lower case
    nickname_counts: dict[str, dict[str, int]] = field(default_factory=dict)  # see nicknames.py
    nicknames: dict[str, str] = field(default_factory=dict)  # "amex" -> company slug
    tickers: dict[str, str] = field(default_factory=dict)  # "pypl" -> company slug (tickers.py)
    word_tickers: dict[str, str] = field(default_factory=dict)  # "net": only typed "NET"
    known: dict[str, str] = field(default_factory=dict)  # "facebook" -> "meta" (known_names.py)
    listed: dict[str, str] | None = None  # every ticker -> company, pickled with the index
    article_terms: frozenset[str] = frozenset()  # every word of the articles, compact ("phd")
    max_phrase_words: int = 1

    @classmethod
    def from_guides(cls, guides: Iterable[Guide]) -> Vocabulary:
        """The vocabulary of a library of parsed guides (one without an index)."""
        guides = list(guides)
        return cls.from_entries([_Entry.of(g) for g in guides], [facts_of(g) for g in guides])

    @classmethod
    def from_entries(cls, entries: Iterable[EntryLike], facts: Iterable[GuideFacts]
                     ) -> Vocabulary:
        """The vocabulary of a library, from its entries (names and regions) and their facts
        (words, article terms, nickname uses) alone: a pure function of what it holds."""
        return cls.from_pool(entries, pooled(facts))

    @classmethod
    def from_pool(cls, entries: Iterable[EntryLike], pool: Pooled) -> Vocabulary:
        """The vocabulary of entries whose facts are already pooled (`facts.pooled`)."""
        vocab = cls(roles=dict(STANDARD_ROLES), nickname_counts=pool.nicknames,
                    article_terms=pool.terms)
        by_company: dict[str, dict[str, str]] = defaultdict(dict)
        for entry in entries:
            if not entry.company:
                continue
            vocab.companies.setdefault(entry.company, entry.company_display or entry.company)
            if entry.role:
                vocab.roles[entry.role] = entry.role_display or vocab.roles.get(
                    entry.role, entry.role)
                by_company[entry.company][entry.role] = entry.id
            for region in entry.regions:
                if not _LEVELISH.search(region):
                    vocab.region_aliases.setdefault(norm(region), region)
        vocab.guides_by_company = dict(by_company)
        vocab.known_words = pool.words
        vocab._add_aliases()
        return vocab

    def _add_aliases(self) -> None:
        self._add_company_aliases()
        self.role_aliases = self._role_aliases()
        for place in WORLD_PLACES:
            self.region_aliases.setdefault(norm(place), place)
        known = {norm(name): name for name in self.region_aliases.values()}
        for alias, name in REGION_ALIASES.items():
            self.region_aliases.setdefault(norm(alias), known.get(norm(name), name))
        for name in list(self.region_aliases.values()):
            self.region_aliases.setdefault(norm(normalize_region(name).name), name)
        phrases = [*self.company_aliases, *self.role_aliases, *self.region_aliases]
        self.max_phrase_words = max((len(p.split()) for p in phrases), default=1)

    def _add_company_aliases(self) -> None:
        """Names that are a company, and part-names that only point at one ("Citadel").

        A first word ("Citadel" of Citadel Securities, "Epic" of Epic Games and Epic Systems)
        or a name in parentheses ("Cisco" of "Splunk (Cisco)") may be another firm: the
        parent, a namesake. Those go to `partial_aliases`, which the reader turns into a
        question ("did you mean Citadel Securities?"), never into that company's figures.
        """
        self.company_aliases, self.compact_aliases = {}, {}
        partial: dict[str, set[str]] = defaultdict(set)
        for slug, display in self.companies.items():  # exact names first, then derived forms
            self.company_aliases.setdefault(norm(display), slug)
            self.company_aliases.setdefault(norm(slug.replace("-", " ")), slug)
        for slug, display in self.companies.items():
            for phrase in _company_phrases(slug, display):
                self.company_aliases.setdefault(phrase, slug)
            for inner in re.findall(r"\((.*?)\)", display):
                partial[norm(inner)].add(slug)
            first = norm(display).split()[0]
            if len(norm(display).split()) > 1 and len(first) >= 4:
                partial[first].add(slug)
        self.partial_aliases = {word: tuple(sorted(slugs)) for word, slugs in partial.items()
                                if word not in self.company_aliases}
        self.nicknames = pick_nicknames(self.nickname_counts, self.companies,
                                        self._taken_words())
        for phrase, slug in self.nicknames.items():
            self.company_aliases.setdefault(phrase, slug)
        taken = {*self._taken_words(), *self.nicknames}
        if self.listed is None:  # once, at index time: the package's table is slow to load
            self.listed = every_ticker(self.companies, {t[1:]: by.keys() for t, by in
                                                        self.nickname_counts.items()
                                                        if t[0] == TICKER})
        every = self.listed
        self.tickers = ticker_aliases(self.companies, taken, every)
        self.word_tickers = {t: slug for t, slug in every.items() if t in taken
                             and t not in self.company_aliases and t not in partial}
        for phrase, slug in self.tickers.items():
            self.company_aliases.setdefault(phrase, slug)
        self.known = {}  # read after every name the library itself gives
        for phrase, slug in known_names(self.companies).items():
            if phrase in self.company_aliases or phrase in partial:
                continue
            if phrase in TICKER_NAMES and phrase in taken:  # "SNOW", not "snow"
                self.word_tickers.setdefault(phrase, slug)
            else:
                self.known[phrase] = slug
                self.company_aliases[phrase] = slug
        for phrase, slug in self.company_aliases.items():
            self.compact_aliases.setdefault(compact(phrase), slug)

    def _taken_words(self) -> set[str]:
        """What a mined nickname must not be: a name, part-name, role word, place or a word the
        library writes in lower case."""
        taken = {*self.company_aliases, *self.partial_aliases, *self.known_words,
                 *self.region_aliases, *(norm(p) for p in WORLD_PLACES),
                 *(norm(a) for a in REGION_ALIASES)}
        taken.update(self._role_aliases())
        for phrases in ROLE_ALIASES.values():  # the standard roles' words ("ml", "ds", "ai")
            taken.update(word for phrase in phrases for word in norm(phrase).split())
        return taken

    @cached_property
    def typo_targets(self) -> tuple[str, ...]:
        """The company names a misspelt word may be read as: every alias but the short
        nicknames and tickers ("EA", "CRM"), which count only as typed, in capitals."""
        return tuple(a for a in self.company_aliases if not self.is_short_nickname(a))

    def is_other_name(self, phrase: str) -> bool:
        """A name that is not the company's own: a nickname, ticker or known name ("FB")."""
        return any(phrase in names for names in (self.nicknames, self.tickers, self.known,
                                                 self.word_tickers))

    def is_short_nickname(self, phrase: str) -> bool:
        """A mined nickname or a ticker of SHORT letters or fewer ("EA", "GS", "CRM"): a
        company only when capitalised, as an ordinary word is."""
        return (phrase in self.nicknames or phrase in self.tickers
                or phrase in self.known) and len(phrase) <= SHORT

    def _role_aliases(self) -> dict[str, str]:
        aliases: dict[str, str] = {}
        for slug, display in self.roles.items():
            aliases.setdefault(norm(display), slug)
            aliases.setdefault(norm(slug.replace("-", " ")), slug)
        for slug, role_phrases in ROLE_ALIASES.items():
            for phrase in role_phrases:
                aliases.setdefault(norm(phrase), slug)
        return aliases

    def __getstate__(self) -> dict[str, object]:
        state = {k: v for k, v in self.__dict__.items() if k != "typo_targets"}
        state["_alias_code"] = alias_code()
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        # The aliases come from the code's tables as well as from the index that pickled the
        # vocabulary: a corrected alias ("program manager" is not a TPM) needs no rebuild. They
        # are made again only when that code changed since: making them costs a cold `ask`
        # time in step with the number of companies (0.1 s at three times the library).
        made_by = state.pop("_alias_code", None)
        self.__dict__.update(state)
        if made_by != alias_code():
            self._add_aliases()


class EntryLike(Protocol):
    """What the vocabulary needs of a guide (a catalog entry or a parsed guide)."""

    @property
    def id(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def company_display(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def role_display(self) -> str: ...
    @property
    def regions(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class _Entry:
    id: str
    company: str
    company_display: str
    role: str
    role_display: str
    regions: tuple[str, ...]

    @classmethod
    def of(cls, guide: Guide) -> _Entry:
        return cls(guide.id, guide.company, guide.company_display, guide.role,
                   guide.role_display, tuple(r.name for r in guide.regions()))


def _company_phrases(slug: str, display: str) -> set[str]:
    base = {norm(display), norm(slug.replace("-", " ")), norm(slug)}
    stripped = re.sub(r"\s*\(.*?\)", "", display)  # "Block (Square)" -> "Block"
    base.add(norm(stripped))
    base.add(norm(display).replace(".", " ").strip())  # "Bill.com" -> "bill com"
    base.add(norm(display).replace(".", ""))  # "C3.ai" -> "c3ai"
    return {p for p in base if p}
