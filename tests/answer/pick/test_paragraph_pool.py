"""paragraphs.choose scores paragraphs by BM25 from a model kept per set of paragraphs: the scores
are those of a model built afresh over the pool in its own order, and the pools general
questions share are built once. Paragraphs are the real articles'."""

from __future__ import annotations

import random

import pytest
from rank_bm25 import BM25Okapi

from assistant.answer.library import tokenize
from assistant.answer.pick import paragraphs, wordforms
from assistant.answer.pipeline import Assistant
from assistant.corpus.paragraphs import quoted_paragraphs


def _pool(bot: Assistant) -> list[tuple[str, str]]:
    out = []
    for article in bot.library.articles:
        for section in article.sections:
            out += [(section.title, p) for p in quoted_paragraphs(section.text)]
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("question", ["Can a sign-on bonus be clawed back?",
                                      "my recruiter says the offer is final"])
def test_kept_scores_are_a_fresh_models(library_bot: Assistant, question: str) -> None:
    texts = _pool(library_bot)
    assert len(texts) > 100
    keys = [wordforms.root(w) for w in tokenize(question)]
    shuffled = random.Random(5).sample(texts, len(texts))
    fresh = BM25Okapi([wordforms.words_of(*t) for t in shuffled], b=paragraphs.LENGTH_NORM)
    expected = fresh.get_scores(keys)
    kept = paragraphs._bm25_scores(shuffled, keys)
    assert max(expected) > 0
    assert kept == pytest.approx(list(expected), rel=1e-9, abs=1e-12)


def test_one_model_per_pool(library_bot: Assistant) -> None:
    texts = _pool(library_bot)
    paragraphs._bm25_of.cache_clear()
    paragraphs._bm25_scores(texts, ["claw"])
    paragraphs._bm25_scores(list(reversed(texts)), ["final"])
    info = paragraphs._bm25_of.cache_info()
    assert (info.misses, info.hits) == (1, 1)
