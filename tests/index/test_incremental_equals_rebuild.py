"""An incremental build equals a rebuild of the same files: catalog, vocabulary and answers.

The vocabulary is derived from the facts each catalog entry keeps (corpus/words/facts.py), so
a guide or article deleted since the last build leaves nothing behind: not its company, not
its words, not the names only it wrote ("Rora", the firm the deleted article summarises).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from index_support import hash_settings

from assistant.answer.pipeline import Assistant
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.index.catalog import Catalog
from assistant.index.handle import open_index
from assistant.index.writing.builder import build_index
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DELETED_GUIDE = Path("globex/product-manager.md")  # Globex's only guide, in the fixtures
DELETED_ARTICLE = Path("articles/ml-offer-negotiation.md")  # the sample library's Rora summary
GLOBEX = "Globex product manager Berlin base?"
RORA = "Should I get a Rora coach?"  # "a Rora": a term while an article writes the name
QUESTIONS = (
    GLOBEX,
    RORA,
    "Alibaba ML engineer Singapore base",
    "Compare Alibaba ML engineer base in Seattle and Singapore",
    "Acme software engineer base?",
    "How do I counter an Alibaba offer?",
    "Can a sign-on bonus be clawed back?",
)


def _library(where: Path) -> list[Path]:
    """Two corpus roots: the repository's sample library and the test fixtures (with the
    broken files, so findings are carried over too)."""
    sample, fixtures = where / "sample", where / "fixtures"
    shutil.copytree(ROOT / "corpus", sample)
    shutil.copytree(ROOT / "tests" / "fixtures" / "corpus", fixtures)
    return [sample, fixtures]


def _answers(settings: Settings) -> dict[str, dict[str, object]]:
    bot = Assistant(settings, today=date(2026, 3, 1))
    answers = {q: bot.ask(q).as_dict() for q in QUESTIONS}
    for answer in answers.values():
        answer.pop("index_version")
    return answers


def _catalog(settings: Settings) -> Catalog:
    return open_index(settings).catalog


def test_an_incremental_build_after_deletions_equals_a_rebuild(tmp_path: Path) -> None:
    sample, fixtures = _library(tmp_path / "library")
    incremental = hash_settings(tmp_path / "incremental")
    build_index(incremental, [sample, fixtures], progress=False)
    before = _catalog(incremental).vocabulary
    assert before is not None and "globex" in before.companies and "rora" in before.article_terms
    bot = Assistant(incremental)
    assert bot.ask(GLOBEX).status == bot.ask(RORA).status == "answered"

    (fixtures / DELETED_GUIDE).unlink()
    (sample / DELETED_ARTICLE).unlink()
    summary = build_index(incremental, [sample, fixtures], progress=False)
    assert summary.deleted > 0 and summary.reused > 0 and summary.embedded == 0  # incremental
    fresh = hash_settings(tmp_path / "fresh")
    build_index(fresh, [sample, fixtures], progress=False)

    kept, rebuilt = _catalog(incremental), _catalog(fresh)
    assert kept.entries == rebuilt.entries
    assert [kept.facts(e) for e in kept.entries] == [rebuilt.facts(e) for e in rebuilt.entries]
    # the same findings (only counted, never listed from the catalog) in another order:
    # carried-over files' findings follow the re-read ones
    assert sorted(map(repr, kept.findings)) == sorted(map(repr, rebuilt.findings))
    assert kept.skipped == rebuilt.skipped
    assert kept.vocabulary == rebuilt.vocabulary == Vocabulary.from_guides(rebuilt.guides)
    assert kept.vocabulary is not None and "globex" not in kept.vocabulary.companies
    assert "rora" not in kept.vocabulary.article_terms

    answers = _answers(incremental)
    assert answers == _answers(fresh)
    assert answers[GLOBEX]["status"] == answers[RORA]["status"] == "no_guide"
