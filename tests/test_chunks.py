"""Guide -> chunks: every section piece fits the window the embedder passes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chunks import WINDOW_MARGIN, chunk_guides
from assistant.corpus.reader import read_corpus

SAMPLE = Path(__file__).resolve().parents[1] / "corpus"


def _words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize("window", [48, 96, 256])
def test_section_pieces_fit_the_window_given(window: int) -> None:
    guides = read_corpus([SAMPLE], progress=False).guides
    chunks = chunk_guides(guides, _words, window)
    sections = [c for c in chunks if c.kind == "section"]
    assert sections
    assert max(_words(c.text) for c in sections) <= window - WINDOW_MARGIN


def test_a_smaller_window_cuts_more_pieces_and_keeps_every_word() -> None:
    guides = read_corpus([SAMPLE], progress=False).guides
    wide = [c for c in chunk_guides(guides, _words, 256) if c.kind == "section"]
    narrow = [c for c in chunk_guides(guides, _words, 48) if c.kind == "section"]
    assert len(narrow) > len(wide)

    def body_words(chunks: list) -> list[str]:  # each piece repeats its one-line header
        return [w for c in chunks for w in c.text.partition("\n")[2].split()]

    assert sorted(body_words(narrow)) == sorted(body_words(wide))
    rows = [c.id for c in chunk_guides(guides, _words, 48) if c.kind == "row"]
    assert rows == [c.id for c in chunk_guides(guides, _words, 256) if c.kind == "row"]
