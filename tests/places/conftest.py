"""The lexicons place tests run against: the real file and the deterministic fake."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.places.fake import FakeLexicon
from assistant.places.lexicon import Lexicon, build

MODELS = Path(__file__).resolve().parents[2] / ".models"


@pytest.fixture(scope="session")
def lexicon(tmp_path_factory: pytest.TempPathFactory) -> Lexicon:
    """The real lexicon (`make setup` writes it; else it is written here, a few seconds)."""
    path = MODELS / "lexicon.sqlite"
    if not path.is_file():
        path = build(tmp_path_factory.mktemp("lexicon") / "lexicon.sqlite")
    return Lexicon(path)


@pytest.fixture
def fake() -> FakeLexicon:
    """The fake lexicon: a few dozen places, answered from memory."""
    return FakeLexicon()
