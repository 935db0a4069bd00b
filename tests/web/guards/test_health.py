"""/healthz answers from a cached probe (issue 21, medium): a hung store never stalls it."""

from __future__ import annotations

import time

import pytest
from web_support import ClientFactory

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.reliability


def test_healthz_never_waits_on_a_hung_vector_store(make_client: ClientFactory, web_bot: Assistant,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(web_bot.index, "reachable", lambda: time.sleep(4) or True)
    client = make_client()
    for _ in range(3):
        start = time.monotonic()
        health = client.get("/healthz").json()
        assert time.monotonic() - start < 1.5
        assert health["vector_index"] == "unknown" and health["index_loaded"] is True
