"""The slice `make bench` measures by default: the companies the question sets ask about most.

Example:
    >>> s = make_slice(SHARED, Path(".cache/bench-slice"), QUESTION_SETS, companies=24)
    >>> s.corpus, len(s.companies)
    (PosixPath('.cache/bench-slice/corpus'), 24)
    >>> [i for i in items if keeps(i, s.companies)]   # the items whose guides are in it

Both pipelines index the same slice (the chosen companies' guides and every article), and both
are scored on the same items: those whose expected guides are all in the slice (an item that
expects no guide is kept). `make bench FULL=1` uses the whole library and every item.
The slice is a copy (file times kept), so an unchanged slice keeps both pipelines' indexes; a
changed one drops this project's slice index (root/index), so no step reads another slice's.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.evaluate import GoldItem

DEFAULT_COMPANIES = 24


@dataclass(frozen=True)
class Corpus:
    """What a run indexes: a root holding guides/ and articles/, and its companies (None: all)."""

    root: Path
    companies: tuple[str, ...] | None = None

    @property
    def roots(self) -> list[Path]:
        """The folders both pipelines index, in the project's order."""
        return [self.root / "guides", self.root / "articles"]

    def guides(self) -> int:
        """How many guide files the corpus holds."""
        return sum(1 for p in (self.root / "guides").rglob("*.md") if p.is_file())


def most_asked(question_sets: Iterable[Path]) -> list[str]:
    """Companies by how many items of the sets expect one of their guides, most first."""
    counts: Counter[str] = Counter()
    for path in question_sets:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                counts.update(_companies_of(json.loads(line)))
    return sorted(counts, key=lambda c: (-counts[c], c))


def make_slice(shared: Path, root: Path, question_sets: Sequence[Path],
               companies: int = DEFAULT_COMPANIES, always: Sequence[str] = ()) -> Corpus:
    """Copy the `companies` most-asked companies' guides (`always` among them: the edited and
    the cold-asked one) and every article under root/corpus."""
    ranked = [*always, *(c for c in most_asked(question_sets) if c not in always)]
    chosen = tuple(c for c in ranked if (shared / "guides" / c).is_dir())[:max(companies, 1)]
    corpus = root / "corpus"
    stamp = root / "companies.json"
    if not (stamp.is_file() and json.loads(stamp.read_text()) == list(chosen)):
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(root / "index", ignore_errors=True)  # built from another slice
        for company in chosen:
            shutil.copytree(shared / "guides" / company, corpus / "guides" / company)
        shutil.copytree(shared / "articles", corpus / "articles")
        stamp.write_text(json.dumps(list(chosen)))
    return Corpus(corpus, chosen)


def keeps(item: GoldItem, companies: Iterable[str] | None) -> bool:
    """True when every guide the item expects is in the corpus (articles always are)."""
    if companies is None:
        return True
    wanted = _companies_of({"expect_guide": item.expect_guide,
                            "expect_guides": list(item.expect_guides)})
    return wanted <= set(companies)


def _companies_of(item: Mapping[str, Any]) -> set[str]:
    guides = [item.get("expect_guide") or "", *(item.get("expect_guides") or ())]
    return {str(g).split("/")[0] for g in guides if "/" in str(g)}
