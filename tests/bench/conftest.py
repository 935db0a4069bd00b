"""A live app over the sample corpus, for the benchmark's load generator."""

from __future__ import annotations

import pytest
from bench_support import SAMPLE_CORPUS, bench_settings

from assistant.answer.pipeline import Assistant
from assistant.index.writing.builder import build_index


@pytest.fixture(scope="session")
def bench_bot(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """An Assistant over a hash index of the sample corpus."""
    root = tmp_path_factory.mktemp("bench")
    settings = bench_settings(root / "index", root / "data")
    build_index(settings, [SAMPLE_CORPUS], progress=False)
    return Assistant(settings)
