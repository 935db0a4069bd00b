"""Libraries for answer-stage tests: the shipped sample corpus and a slice of the real one."""

from __future__ import annotations

from pathlib import Path

import pytest
from answer_support import offline_assistant
from conftest_support import RealLibrary

from assistant.answer.library import Library
from assistant.answer.pipeline import Assistant
from assistant.corpus.reader import read_corpus
from assistant.embed.embedder import get_embedder
from assistant.settings import Settings

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
def slice_bot(real_library: RealLibrary) -> Assistant:
    """An Assistant over the slice's companies plus the real articles."""
    return _companies_bot(real_library, SLICE_COMPANIES)


# The companies of the failures issue 11 reports, their look-alikes, relatives and namesakes.
REPORTED_COMPANIES = ("stripe", "google", "amazon", "microsoft", "l3harris", "american-express",
                      "western-union", "runway", "notion", "block", "visa", "splunk-cisco",
                      "citadel-securities", "snowflake", "snowflake-ai", "epic-games",
                      "epic-systems", "plaid", "plaid-identity", "apple", "lyft", "alibaba")


def _companies_bot(real_library: RealLibrary, companies: tuple[str, ...]) -> Assistant:
    """An Assistant over some companies' folders of the real library (parsed once per session)
    plus its articles: the guides a read of just those folders would give."""
    guides = [g for g in real_library.guides.guides if Path(g.path).parts[0] in companies]
    return offline_assistant(Library([*guides, *real_library.articles.guides]))


@pytest.fixture(scope="session")
def trust_bot(real_library: RealLibrary) -> Assistant:
    """An Assistant over TRUST_COMPANIES of the real library plus its articles."""
    return _companies_bot(real_library, TRUST_COMPANIES)


@pytest.fixture(scope="session")
def reported_bot(real_library: RealLibrary) -> Assistant:
    """An Assistant over REPORTED_COMPANIES of the real library plus its articles."""
    return _companies_bot(real_library, REPORTED_COMPANIES)


@pytest.fixture(scope="session")
def library_bot(real_library: RealLibrary) -> Assistant:
    """An Assistant over all 4,466 guides and the articles (lexical search only)."""
    return offline_assistant(Library(real_library.all_guides))


@pytest.fixture(scope="session")
def meaning_bot(real_library: RealLibrary) -> Assistant:
    """An Assistant over all 4,466 guides and the articles that reranks general answers by
    meaning with the product's own model (from .models, which `make test`'s setup exports)
    and holds them to its relevance floor, as the app does."""
    settings = Settings.load(environ={})
    return Assistant(settings, library=Library(real_library.all_guides),
                     embedder=get_embedder(settings))
