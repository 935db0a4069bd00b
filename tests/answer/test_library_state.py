"""What the answers derive from a library lives on that library, and an Assistant takes its
parts as constructor arguments (no test reaches into its attributes)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from answer_support import CORPUS

from assistant.answer.library import Library
from assistant.answer.pipeline import Assistant
from assistant.answer.types import Hit
from assistant.corpus.model import Guide, Section
from assistant.corpus.reader import read_corpus
from assistant.embed.hash_embedder import HashEmbedder
from assistant.settings import Settings

GENERAL = "Can a sign-on bonus be clawed back?"


class CountingEmbedder(HashEmbedder):
    """The hash embedder, recording every text it is asked to embed."""

    def __init__(self, dim: int = 384) -> None:
        super().__init__(dim)
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed like HashEmbedder, after recording the texts."""
        self.texts.extend(texts)
        return super().embed(texts)


def _library() -> Library:
    return Library(read_corpus([CORPUS]).guides)


def _offline(tmp_path: Path) -> Settings:
    """Settings naming an index that does not exist: opening it would raise."""
    return Settings.load(overrides={"index": tmp_path / "no-index"}, environ={},
                         config_file=Path("/nonexistent"))


def test_vectors_are_remembered_per_library_and_model() -> None:
    first, second = _library(), _library()
    embedder = CountingEmbedder()
    embed = first.remembering(embedder)
    vectors = embed(["anchor high", "walk away", "anchor high"])
    assert vectors.shape == (3, 384) and np.array_equal(vectors[0], vectors[2])
    embed(["walk away", "silence"])
    assert embedder.texts == ["anchor high", "walk away", "silence"]  # each text once
    second.remembering(embedder)(["anchor high"])  # another version keeps its own
    other = CountingEmbedder(dim=64)  # another model never gets this model's vectors
    assert first.remembering(other)(["anchor high"]).shape == (1, 64)
    assert embedder.texts[-1] == "anchor high" and other.texts == ["anchor high"]


def test_a_derived_value_is_made_once_per_guide_and_library() -> None:
    guide = Guide(id="notes/tips", path="notes/tips.md", kind="article", title="Tips",
                  sections=(Section(title="Anchor", anchor="anchor", text="Anchor high."),),
                  content_hash="h1")
    made: list[str] = []

    def title() -> str:
        made.append(guide.title)
        return guide.title

    library = Library([guide])
    assert [library.derived("titles", guide, title) for _ in range(2)] == ["Tips", "Tips"]
    assert made == ["Tips"]  # made once, then read back
    Library([guide]).derived("titles", guide, title)  # a new version derives its own
    assert made == ["Tips", "Tips"]


def test_an_assistant_uses_the_search_and_embedder_it_is_given(tmp_path: Path) -> None:
    asked: list[tuple[str, frozenset[str]]] = []

    def search(question: str, k: int, allowed: frozenset[str]) -> list[Hit]:
        asked.append((question, allowed))
        return []

    embedder = CountingEmbedder()
    bot = Assistant(_offline(tmp_path), library=_library(), search=search, embedder=embedder)
    first = bot.ask(GENERAL)
    assert first.status == "answered" and asked == [(GENERAL, frozenset())]
    embedded = len(embedder.texts)
    assert embedded > 0  # the articles' paragraphs were reranked by meaning
    assert bot.ask(GENERAL).text == first.text
    assert len(embedder.texts) == embedded  # the second time, every vector was remembered
    assert first.index_version == ""  # no index was opened (it does not exist)
