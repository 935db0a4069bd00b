"""Test helpers for the index stage: hand-made guides and counting / slow fake embedders."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from assistant.corpus.model import CorpusResult, Guide, Section
from assistant.embed.hash_embedder import HashEmbedder
from assistant.settings import Settings


def make_guide(gid: str, *sections: tuple[str, str]) -> Guide:
    """A guide with the given (title, text) sections and no pay rows."""
    secs = tuple(
        Section(title=title, anchor=title.lower().replace(" ", "-"), text=text)
        for title, text in sections
    )
    return Guide(id=gid, path=f"{gid}.md", kind="article", title=gid.title(), sections=secs,
                 content_hash=str(hash(secs)))


def make_corpus(guides: Sequence[Guide]) -> CorpusResult:
    """A CorpusResult holding `guides`."""
    return CorpusResult(root="tmp", guides=list(guides))


def three_guides() -> list[Guide]:
    """Three small guides with distinct vocabulary."""
    return [
        make_guide("acme", ("Negotiation DNA", "Acme matches competing offers for engineers."),
                   ("Sign on", "Acme pays a sign-on bonus of 20K in the first year.")),
        make_guide("globex", ("Negotiation DNA", "Globex rarely moves on base salary."),
                   ("Equity", "Globex stock vests over four years with a cliff.")),
        make_guide("initech", ("Remote", "Initech allows remote work from anywhere.")),
    ]


def hash_settings(index: Path, **overrides: object) -> Settings:
    """Settings for tests: hash embedder, index under tmp, nothing from the environment."""
    values = {"index": index, "embedder": "hash", **overrides}
    return Settings.load(overrides=values, environ={}, config_file=Path("/nonexistent"))


class CountingEmbedder(HashEmbedder):
    """HashEmbedder that records every text it embeds and can sleep per batch."""

    def __init__(self, delay: float = 0.0, marker: Path | None = None) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.delay = delay
        self.marker = marker

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed like HashEmbedder, after recording the texts (and sleeping, if asked)."""
        self.texts.extend(texts)
        if self.marker is not None:
            self.marker.write_text(str(len(self.texts)))
        time.sleep(self.delay)
        return super().embed(texts)
