"""Helpers for benchmark-tool tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.settings import Settings

SAMPLE_CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def bench_settings(index: Path, data_dir: Path, **overrides: Any) -> Settings:
    """Hash embedder, no rate limit, nothing read from the environment or a config file."""
    values = {"index": index, "embedder": "hash", "data_dir": data_dir, "rate_limit": 0,
              "corpus": SAMPLE_CORPUS, **overrides}
    return Settings.load(overrides=values, environ={}, config_file=Path("/nonexistent"))
