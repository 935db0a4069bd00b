"""Shared test fixtures: where the real library lives, the fixture corpora, and a network guard.

    no_network        (autouse) fails a test that connects to anything but loopback or AF_UNIX
    shared_corpus     ../shared/corpus (skips when absent, fails when CI=true)
    real_library      ../shared/corpus guides and articles, parsed once per session
    fixture_library_index / fixture_library_bot
                      tests/fixtures/library (four invented companies in the real guides'
                      format; see its README) indexed once per session with the hash embedder,
                      and an Assistant over that index
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest_support import (
    FIXTURE_LIBRARY,
    FIXTURE_TODAY,
    NetworkGuard,
    RealLibrary,
    refusal,
)

if TYPE_CHECKING:
    from assistant.answer.pipeline import Assistant
    from assistant.settings import Settings

pytest_plugins = ("pytester",)  # tests/test_network_guard.py runs this conftest in a sandbox

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


# --- the network guard ----------------------------------------------------------------------
# Tests never leave the machine: servers they start listen on loopback, and browsers run as
# subprocesses (which are not patched). A connection elsewhere is a test that depends on the
# outside world; it fails at once, and again at teardown when the attempt came from a thread
# or was swallowed by the code under test.

_CALL_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    """Remember whether the test body failed, so the guard does not report it twice."""
    report = yield
    if report.when == "call":
        item.stash[_CALL_FAILED] = report.failed
    return report


@pytest.fixture(autouse=True)
def no_network(request: pytest.FixtureRequest) -> Iterator[NetworkGuard]:
    """Patch socket connects for the test; a non-loopback address fails it, naming the address."""
    guard = NetworkGuard()
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    create_connection = socket.create_connection

    def guarded_connect(self: socket.socket, address: Any) -> None:
        guard.check(self.family, address)
        connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: Any) -> int:
        guard.check(self.family, address)
        return connect_ex(self, address)

    def guarded_create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        guard.check(socket.AF_INET, address)  # before any DNS look-up of a host name
        return create_connection(address, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:  # its own: the test's monkeypatch stays apart
        patch.setattr(socket.socket, "connect", guarded_connect)
        patch.setattr(socket.socket, "connect_ex", guarded_connect_ex)
        patch.setattr(socket, "create_connection", guarded_create_connection)
        yield guard
    if guard.blocked and not request.node.stash.get(_CALL_FAILED, False):
        pytest.fail(refusal(guard.blocked), pytrace=False)


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


@pytest.fixture(scope="session")
def real_library(shared_corpus: Path) -> RealLibrary:
    """../shared/corpus parsed once per session (about 8 s); shared, so never mutate it."""
    from assistant.corpus.reader import read_corpus

    started = time.perf_counter()
    guides = read_corpus([shared_corpus / "guides"])
    seconds = time.perf_counter() - started
    return RealLibrary(guides, read_corpus([shared_corpus / "articles"]), seconds)


@pytest.fixture(scope="session")
def fixture_library_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/library indexed with the hash embedder, once per session (about 1 s)."""
    from assistant.index.writing.builder import build_index

    index = tmp_path_factory.mktemp("fixture-library") / "index"
    build_index(fixture_library_settings(index), [FIXTURE_LIBRARY], progress=False)
    return index


@pytest.fixture(scope="session")
def fixture_library_bot(fixture_library_index: Path) -> Assistant:
    """An Assistant over the fixture library's index, as of FIXTURE_TODAY."""
    from assistant.answer.pipeline import Assistant

    return Assistant(fixture_library_settings(fixture_library_index), today=FIXTURE_TODAY)


def fixture_library_settings(index: Path) -> Settings:
    """Settings for the fixture library: hash embedder, nothing from the environment."""
    from assistant.settings import Settings

    return Settings.load(overrides={"index": index, "embedder": "hash",
                                    "model_dir": ROOT / ".models"},
                         environ={}, config_file=Path("/nonexistent"))
