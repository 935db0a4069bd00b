"""The articles' section vectors in the catalog: exactly the store's, carried when unchanged,
replaced when an article changes, and what a question naming no company is searched with."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from index_support import CountingEmbedder, hash_settings

from assistant.answer.library import Library
from assistant.answer.pipeline import Assistant
from assistant.answer.search import HybridSearch
from assistant.corpus.paragraphs import quoted_paragraphs
from assistant.embed.hash_embedder import HashEmbedder
from assistant.index.handle import IndexHandle, open_index
from assistant.index.writing.builder import build_index
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = Path("articles/ml-offer-negotiation.md")
GUIDE = Path("guides/alibaba/ml-ai-engineer.md")


def _stored(settings: Settings) -> dict[str, np.ndarray]:
    """The store's vectors of every article section chunk, by chunk id."""
    handle = open_index(settings)
    kinds, live = handle.catalog.kinds(), handle.manifest.chunks
    found: dict[str, np.ndarray] = {}
    for segment in handle.manifest.segments:  # base, then delta: the delta's record wins
        found.update((r.id, r.vector) for r in handle.repo.segment(segment).records()
                     if kinds.get(str(r.metadata["guide"])) == "article"
                     and r.metadata["kind"] == "section" and r.id in live)
    return found


def _kept(settings: Settings) -> dict[str, np.ndarray]:
    articles = open_index(settings).catalog.articles
    assert articles.matrix is not None
    return dict(zip(articles.ids, articles.matrix, strict=True))


def _equal(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> bool:
    return a.keys() == b.keys() and all(np.allclose(a[k], b[k]) for k in a)


def _guide_edited(settings: Settings, library: Path) -> CountingEmbedder:
    """Edit one guide of the library and build again; the embedder that build used."""
    guide = library / GUIDE
    guide.write_text(guide.read_text() + "\nOne more sentence.\n")
    counting = CountingEmbedder()
    build_index(settings, [library], progress=False, embedder=counting)
    return counting


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def test_the_catalog_keeps_the_store_vectors_of_every_article_section(
        tmp_path: Path, library: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    build_index(settings, [library], progress=False, rebuild=True)
    stored = _stored(settings)
    assert len(stored) > 5 and _equal(_kept(settings), stored)
    anchors = set(open_index(settings).catalog.articles.anchors)
    assert anchors and all(a for a in anchors)


def test_an_edit_elsewhere_carries_them_and_an_edited_article_replaces_its_own(
        tmp_path: Path, library: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    build_index(settings, [library], progress=False, rebuild=True)
    before = _kept(settings)
    counting = _guide_edited(settings, library)
    assert counting.texts and _equal(_kept(settings), before)  # nothing of the articles re-read
    article = library / ARTICLE
    text = article.read_text()
    article.write_text(text.replace("\n\n", "\n\nA new first paragraph on sign-on bonuses.\n\n",
                                    1))
    build_index(settings, [library], progress=False)
    after = _kept(settings)
    assert not _equal(after, before) and _equal(after, _stored(settings))


def test_no_general_question_searches_the_store(
        tmp_path: Path, library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = hash_settings(tmp_path / "index")
    build_index(settings, [library], progress=False, rebuild=True)
    queried: list[str] = []
    real = IndexHandle.query

    def query(self: IndexHandle, *args: object, **kwargs: object) -> object:
        queried.append("store")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(IndexHandle, "query", query)
    bot = Assistant(settings)
    general = bot.ask("Can a sign-on bonus be clawed back?")
    assert general.status == "answered" and queried == []
    assert {c.guide for c in general.citations} <= set(open_index(settings).catalog.articles
                                                       .guides)
    handle = open_index(settings)
    search = HybridSearch(Library.from_catalog(handle.catalog), handle, HashEmbedder())
    assert search.search("sign-on bonus clawback", 5) and queried == []
    named = bot.ask("Alibaba's recruiter says the offer is final; anything I can say back?")
    assert named.status == "answered" and named.citations and queried == []
    allowed = search.search("sign-on bonus clawback", 5, frozenset({"alibaba"}))
    assert allowed and queried == []



def _paragraph_vectors(settings: Settings) -> dict[str, np.ndarray]:
    articles = open_index(settings).catalog.articles
    assert articles.paragraph_matrix is not None
    return {text: articles.paragraph_matrix[n] for n, (_, text) in enumerate(articles.paragraphs)}


def test_the_catalog_keeps_each_article_paragraph_vector_as_the_model_makes_it(
        tmp_path: Path, library: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    build_index(settings, [library], progress=False, rebuild=True)
    kept = _paragraph_vectors(settings)
    handle = open_index(settings)
    quoted = {p for guide_id in set(handle.catalog.articles.guides)
              for s in handle.catalog.guide(guide_id).sections  # type: ignore[union-attr]
              if s.text.strip() and s.answers for p in quoted_paragraphs(s.text)}
    assert len(quoted) > 10 and kept.keys() == quoted
    texts = sorted(quoted)
    assert np.allclose(np.stack([kept[t] for t in texts]), HashEmbedder().embed(texts))


def test_a_build_embeds_only_the_paragraphs_an_edit_made(tmp_path: Path, library: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    build_index(settings, [library], progress=False, rebuild=True)
    before = _paragraph_vectors(settings)
    counting = _guide_edited(settings, library)
    assert not set(counting.texts) & before.keys() and _paragraph_vectors(settings).keys() \
        == before.keys()
    article = library / ARTICLE
    new = "A new first paragraph on sign-on bonuses."
    article.write_text(article.read_text().replace("\n\n", f"\n\n{new}\n\n", 1))
    counting = CountingEmbedder()
    build_index(settings, [library], progress=False, embedder=counting)
    after = _paragraph_vectors(settings)
    assert new in after and new in counting.texts and not set(counting.texts) & before.keys()


def test_a_general_question_embeds_the_question_and_no_article_paragraph(
        tmp_path: Path, library: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    build_index(settings, [library], progress=False, rebuild=True)
    counting = CountingEmbedder()
    answer = Assistant(settings, embedder=counting).ask("Can a sign-on bonus be clawed back?")
    assert answer.status == "answered" and answer.citations
    assert counting.texts == ["Can a sign-on bonus be clawed back?"]
