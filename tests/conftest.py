"""Shared test fixtures: where the real library lives, and the tiny fixture corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """../shared/corpus; tests needing it skip when it is absent, but fail when CI=true."""
    if not SHARED_CORPUS.is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but the real library is missing at {SHARED_CORPUS}")
        pytest.skip(f"{SHARED_CORPUS} is absent")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def guides_root(shared_corpus: Path) -> Path:
    """The frontmatter guide library."""
    return shared_corpus / "guides"


@pytest.fixture(scope="session")
def plain_root(shared_corpus: Path) -> Path:
    """The same library without frontmatter."""
    return shared_corpus / "guides-plain"
