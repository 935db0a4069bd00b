"""The loaded library the answer stage works over: guides by id, vocabulary, per-guide search.

Example:
    >>> library = Library(guides)
    >>> library.guide("alibaba/ml-ai-engineer").title
    'ML/AI Engineer | Alibaba Global Negotiation Guide'

Built once per index version from its catalog; per-guide lexical indexes are built on first
use and cached, so a question about one guide never scans the others. Whatever the answers
derive from the library (a guide's parsed level mapping, the vectors of the paragraphs they
rerank) is kept on it too, never in a module, so nothing derived outlives the version it
describes or meets another version's.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from assistant.corpus.model import Guide, Section
from assistant.corpus.words.normal import norm
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.places.lexicon import Lexicon, Place
from assistant.places.rows import row_place_ids

if TYPE_CHECKING:
    import numpy as np

    from assistant.embed.embedder import Embedder

MAX_VECTORS = 20_000  # paragraph vectors a library remembers (the articles' recur every ask)
T = TypeVar("T")

class EntryKind(Protocol):
    """The fields of a catalog entry the library needs."""

    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def row_places(self) -> tuple[tuple[str, tuple[str, ...]], ...]: ...
    @property
    def places_from(self) -> str: ...


class NearestArticles(Protocol):
    """The articles' section vectors an index stores (index/articles.py)."""

    def nearest(self, vector: np.ndarray, k: int | None) -> list[tuple[str, str, float]]: ...
    def paragraph_vector(self, text: str) -> np.ndarray | None: ...


class CatalogLike(Protocol):
    """An index catalog: each entry's kind, entries and guides loaded by id, vocabulary, the
    articles' section vectors."""

    @property
    def vocabulary(self) -> Vocabulary | None: ...
    @property
    def articles(self) -> NearestArticles: ...

    def kinds(self) -> dict[str, str]: ...
    def entry(self, guide_id: str) -> EntryKind | None: ...
    def guide(self, guide_id: str) -> Guide | None: ...

_TOKEN = re.compile(r"[a-z0-9$£€₹%]+(?:[-'][a-z0-9]+)*")
_STOP = frozenset("the a an and or of to in at for on is are be with by as it this that your you "
                  "i my me what how do does can should".split())


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens for lexical search, without stop words."""
    return [t for t in _TOKEN.findall(text.casefold()) if t not in _STOP]


def stems(text: str) -> set[str]:
    """Tokens with a plural or verb "s" ending cut ("tactics" and "tactic" meet)."""
    return {stem(t) for t in tokenize(text)}


def stem(token: str) -> str:
    if token.endswith(("'s", "’s")):  # a possessive: "TSMC's" is "tsmc"
        token = token[:-2]
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


class SectionIndex:
    """BM25 over one guide's sections (small: built in well under a millisecond)."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self.sections = [s for s in sections if s.text.strip() and s.answers]
        docs = [tokenize(f"{s.title} {s.text}") for s in self.sections]
        # imported here: rank_bm25 brings numpy (0.1 s), which a plain look-up never needs
        from rank_bm25 import BM25Okapi

        self._bm25 = BM25Okapi(docs) if docs else None

    def search(self, query: str, k: int) -> list[tuple[Section, float]]:
        """The `k` best sections for `query` with their BM25 scores (zero scores dropped)."""
        if self._bm25 is None:
            return []
        scores = self._bm25.get_scores(tokenize(query))
        ranked = sorted(zip(self.sections, scores, strict=True), key=lambda p: -p[1])
        return [(s, float(score)) for s, score in ranked[:k] if score > 0]


class Library:
    """Guides of one index version with the look-ups the resolver and retriever need.

    Built from a list of guides, or from an index catalog whose guides are unpickled only
    when a question touches them (a cold `ask` loads one guide, not 4,466).
    """

    def __init__(self, guides: Sequence[Guide], vocabulary: Vocabulary | None = None) -> None:
        loaded = {g.id: g for g in guides}
        self._kinds: dict[str, str] = {g.id: g.kind for g in guides}
        self._load: Callable[[str], Guide | None] = loaded.get
        self._vocabulary = vocabulary
        self._section_index = lru_cache(maxsize=512)(self._build_section_index)
        self._about: dict[str, frozenset[str]] = {}
        self._entry: Callable[[str], EntryKind | None] = lambda guide_id: None
        self._articles: Callable[[], NearestArticles] | None = None
        self._derived: dict[tuple[str, str, str], Any] = {}  # at most kinds x guides
        self._vectors: dict[tuple[str, str], np.ndarray] = {}  # (model, text) -> vector
        self._vectors_lock = threading.Lock()

    @classmethod
    def from_catalog(cls, catalog: CatalogLike) -> Library:
        """A library over an index catalog, loading guides lazily."""
        library = cls([], vocabulary=catalog.vocabulary)
        library._kinds = catalog.kinds()
        library._load = catalog.guide
        library._entry = catalog.entry
        library._articles = lambda: catalog.articles
        return library

    def __len__(self) -> int:
        return len(self._kinds)

    @property
    def ids(self) -> list[str]:
        """Every guide id, in catalog order."""
        return list(self._kinds)

    @property
    def guides(self) -> list[Guide]:
        """Every guide, loaded (costly on a lazy library: prefer `guide(id)`)."""
        return [g for g in map(self._load, self._kinds) if g is not None]

    def preload(self, limit: int | None, lexicon: Lexicon) -> None:
        """Load every guide now (a long-running server), so no request pays for one; the first
        `limit` only, when the catalog keeps no more than that many loaded. Each guide's row
        places too (its catalog entry read and its places looked up: a tenth of a distinct
        look-up's time, 0.2 s for the whole library)."""
        for guide_id in self.ids[:limit]:
            guide = self._load(guide_id)
            if guide is not None:
                self.row_places(guide, lexicon)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """Companies, roles, regions and known words of the library (built on first use)."""
        return self._vocabulary or Vocabulary.from_guides(self.guides)

    @cached_property
    def articles(self) -> list[Guide]:
        """The general articles (files without company or role)."""
        found = (self._load(i) for i, kind in self._kinds.items() if kind == "article")
        return [g for g in found if g is not None]

    def about(self, doc: Guide) -> frozenset[str]:
        """Companies a document is about: its own, or those its title names (for articles)."""
        if doc.company:
            return frozenset({doc.company})
        if doc.id not in self._about:
            words = norm(doc.title).split()
            aliases = self.vocabulary.company_aliases
            self._about[doc.id] = frozenset(
                aliases[" ".join(words[i:i + n])] for n in (1, 2, 3)
                for i in range(len(words) - n + 1) if " ".join(words[i:i + n]) in aliases)
        return self._about[doc.id]

    def nearest_articles(self, vector: np.ndarray, k: int, allowed: frozenset[str]
                         ) -> list[tuple[Guide, Section]]:
        """The `k` sections, nearest `vector` first, of the articles about no company outside
        `allowed` (by the vectors an index's catalog keeps; none for parsed guides)."""
        if self._articles is None:
            return []
        out: list[tuple[Guide, Section]] = []
        for guide_id, anchor, _ in self._articles().nearest(vector, None):
            guide = self.guide(guide_id)
            section = guide.section(anchor) if guide is not None else None
            if guide is not None and section is not None and self.about(guide) <= allowed:
                out.append((guide, section))
                if len(out) == k:
                    break
        return out

    def guide(self, guide_id: str) -> Guide | None:
        """The guide with this id, or None."""
        return self._load(guide_id) if guide_id in self._kinds else None

    def sections(self, guide: Guide) -> SectionIndex:
        """The cached lexical index of one guide's sections."""
        return self._section_index(guide.id)

    def derived(self, what: str, guide: Guide, make: Callable[[], T]) -> T:
        """What `make` derives from one of this library's guides (and its vocabulary), made
        once per `what` and guide, and kept here: it lives and dies with this version."""
        key = (what, guide.id, guide.content_hash)
        if key not in self._derived:
            self._derived[key] = make()
        result: T = self._derived[key]
        return result

    def remembering(self, embedder: Embedder) -> Callable[[Sequence[str]], np.ndarray]:
        """`embedder.embed`, with the vectors of the texts it embeds kept on this library (at
        most MAX_VECTORS, the oldest dropped first), keyed by the model's name and the text.
        An article paragraph's vector comes from the index's catalog (made by the same model:
        an index refuses another), so no question embeds one."""

        def embed(texts: Sequence[str]) -> np.ndarray:
            import numpy as np

            wanted = list(dict.fromkeys(texts))
            with self._vectors_lock:
                known = {t: v for t in wanted
                         if (v := self._vectors.get((embedder.name, t))) is not None}
            if self._articles is not None:
                stored = self._articles()
                known.update((t, v) for t in wanted if t not in known
                             and (v := stored.paragraph_vector(t)) is not None)
            missing = [t for t in wanted if t not in known]
            if missing:
                made = dict(zip(missing, embedder.embed(missing), strict=True))
                with self._vectors_lock:
                    self._vectors.update(((embedder.name, t), v) for t, v in made.items())
                    while len(self._vectors) > MAX_VECTORS:
                        self._vectors.pop(next(iter(self._vectors)))
                known.update(made)
            if not texts:
                return np.empty((0, embedder.dim), dtype=np.float32)
            return np.stack([known[t] for t in texts])

        return embed

    def row_places(self, guide: Guide, lexicon: Lexicon) -> dict[str, tuple[Place, ...]]:
        """Each of the guide's row regions -> its places, read back once a guide from the ids
        the index stored when it was built (a library of parsed guides, with no index,
        resolves its row labels here instead, once)."""

        def places() -> dict[str, tuple[Place, ...]]:
            entry = self._entry(guide.id)
            stored = entry.row_places if entry is not None and entry.places_from else None
            ids = dict(stored) if stored is not None else row_place_ids(
                ((r.region.name, r.region.raw, r.currency) for r in guide.rows), lexicon)
            return {name: lexicon.places(found) for name, found in ids.items()}

        return self.derived("row places", guide, places)

    def _build_section_index(self, guide_id: str) -> SectionIndex:
        guide = self.guide(guide_id)
        return SectionIndex(guide.sections if guide else ())
