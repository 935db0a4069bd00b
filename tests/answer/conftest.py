"""Libraries for answer-stage tests: the shipped sample corpus and a slice of the real one."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_support import offline_assistant

from assistant.answer.library import Library
from assistant.answer.pipeline import Assistant
from assistant.corpus.reader import read_corpus

ROOT = Path(__file__).resolve().parents[2]
SLICE_COMPANIES = ("alibaba", "new-relic", "proofpoint", "stripe", "microsoft", "okta")
# Companies the trust tests ask about, and the look-alikes and relatives they must not borrow.
TRUST_COMPANIES = ("airbnb", "stripe", "workday", "microsoft", "google", "plaid",
                   "plaid-identity", "ramp", "wise", "notion", "snowflake", "snowflake-ai")


@pytest.fixture(scope="session")
def sample_library() -> Library:
    """The sample corpus shipped in corpus/."""
    return Library(read_corpus([ROOT / "corpus"]).guides)


@pytest.fixture(scope="session")
def sample_bot(sample_library: Library) -> Assistant:
    """An Assistant over the sample corpus."""
    return offline_assistant(sample_library)


@pytest.fixture(scope="session")
def slice_root(tmp_path_factory: pytest.TempPathFactory, guides_root: Path) -> Path:
    """A corpus root linking a few companies of the real library (nothing is copied)."""
    root = tmp_path_factory.mktemp("slice")
    for company in SLICE_COMPANIES:
        (root / company).symlink_to(guides_root / company, target_is_directory=True)
    return root


@pytest.fixture(scope="session")
def slice_bot(slice_root: Path, shared_corpus: Path) -> Assistant:
    """An Assistant over the slice plus the real articles."""
    guides = read_corpus([slice_root, shared_corpus / "articles"], follow_links=True).guides
    return offline_assistant(Library(guides))


# The companies of the failures issue 11 reports, their look-alikes, relatives and namesakes.
REPORTED_COMPANIES = ("stripe", "google", "amazon", "microsoft", "l3harris", "american-express",
                      "western-union", "runway", "notion", "block", "visa", "splunk-cisco",
                      "citadel-securities", "snowflake", "snowflake-ai", "epic-games",
                      "epic-systems", "plaid", "plaid-identity", "apple", "lyft", "alibaba")


def _companies_bot(root: Path, guides_root: Path, shared_corpus: Path,
                   companies: tuple[str, ...]) -> Assistant:
    for company in companies:
        (root / company).symlink_to(guides_root / company, target_is_directory=True)
    guides = read_corpus([root, shared_corpus / "articles"], follow_links=True).guides
    return offline_assistant(Library(guides))


@pytest.fixture(scope="session")
def trust_bot(tmp_path_factory: pytest.TempPathFactory, guides_root: Path,
              shared_corpus: Path) -> Assistant:
    """An Assistant over TRUST_COMPANIES of the real library plus its articles."""
    return _companies_bot(tmp_path_factory.mktemp("trust"), guides_root, shared_corpus,
                          TRUST_COMPANIES)


@pytest.fixture(scope="session")
def reported_bot(tmp_path_factory: pytest.TempPathFactory, guides_root: Path,
                 shared_corpus: Path) -> Assistant:
    """An Assistant over REPORTED_COMPANIES of the real library plus its articles."""
    return _companies_bot(tmp_path_factory.mktemp("reported"), guides_root, shared_corpus,
                          REPORTED_COMPANIES)


@pytest.fixture(scope="session")
def library_bot(shared_corpus: Path) -> Assistant:
    """An Assistant over all 4,466 guides and the articles (lexical search only)."""
    guides = read_corpus([shared_corpus / "guides", shared_corpus / "articles"]).guides
    return offline_assistant(Library(guides))
