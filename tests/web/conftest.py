"""Web fixtures: one hash-embedder index of corpus/ + the hostile fixture, built per session.

    client              TestClient over create_app(mount_chat=False), no rate limit
    make_client(...)    the same with settings overrides (rate_limit, widget_origins, index...)
                        and mount_chat=True for the full app with the Gradio page
    web_bot             the session's warmed Assistant (shared: constructing one loads the index)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import HOSTILE_CORPUS, SAMPLE_CORPUS, ClientFactory, web_settings

from assistant.answer.pipeline import Assistant
from assistant.index.writing.builder import build_index
from assistant.web.server import create_app


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the sample corpus plus the hostile guide (hash embedder, ~2 s)."""
    index = tmp_path_factory.mktemp("web") / "index"
    settings = web_settings(index, index.parent / "data")
    build_index(settings, [SAMPLE_CORPUS, HOSTILE_CORPUS], progress=False)
    return index


@pytest.fixture(scope="session")
def web_bot(web_index: Path) -> Assistant:
    """One Assistant over the session index, shared by the apps of all tests."""
    bot = Assistant(web_settings(web_index, web_index.parent / "data"))
    bot.retrieve("How do I negotiate a sign-on bonus?")
    return bot


@pytest.fixture()
def make_client(web_index: Path, web_bot: Assistant, tmp_path: Path) -> Iterator[ClientFactory]:
    """Build a TestClient over a fresh app; overrides go to Settings (new bot if index changes)."""
    clients: list[TestClient] = []

    def make(mount_chat: bool = False, **overrides: Any) -> TestClient:
        overrides.setdefault("index", web_index)
        settings = web_settings(data_dir=tmp_path / "data", **overrides)
        bot = web_bot if settings.index == web_index else None
        client = TestClient(create_app(settings, bot, mount_chat=mount_chat),
                            raise_server_exceptions=False)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture()
def client(make_client: ClientFactory) -> TestClient:
    """The API with default test settings."""
    return make_client()
