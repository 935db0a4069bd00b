"""The peer's cache key follows the corpus's content and the pipeline's settings."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench_support import SAMPLE_CORPUS

from assistant.bench.peer.measure import corpus_key


def test_the_key_changes_with_a_file_and_with_the_embedder(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "c")
    roots = [tmp_path / "c" / "guides", tmp_path / "c" / "articles"]
    key = corpus_key(roots)
    assert corpus_key(roots) == key
    assert corpus_key(roots, "fake") != key
    guide = next(roots[0].rglob("*.md"))
    guide.write_text(guide.read_text(encoding="utf-8") + "\nmore\n", encoding="utf-8")
    assert corpus_key(roots) != key


def test_the_key_ignores_where_the_corpus_lives(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "a")
    shutil.copytree(SAMPLE_CORPUS, tmp_path / "b")
    assert corpus_key([tmp_path / "a" / "guides", tmp_path / "a" / "articles"]) == \
        corpus_key([tmp_path / "b" / "guides", tmp_path / "b" / "articles"])
