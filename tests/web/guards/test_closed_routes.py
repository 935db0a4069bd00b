"""Gradio routes outside the guards (issue 21, medium): closed unless the page uses them, the
streams it keeps counted per client, a rating capped as the API caps one."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_support import ClientFactory, web_settings

from assistant.answer.pipeline import Assistant
from assistant.web.chat import ChatHandlers
from assistant.web.feedback import open_feedback
from assistant.web.guards.chat_routes import STREAMS_PER_CLIENT

pytestmark = pytest.mark.reliability


@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/gradio_api/call/ask"), ("POST", "/gradio_api/run/ask"),
    ("POST", "/gradio_api/api/ask"), ("POST", "/gradio_api/process_recording"),
    ("POST", "/gradio_api/component_server"), ("POST", "/gradio_api/component_server/"),
    ("GET", "/gradio_api/deep_link"), ("POST", "/gradio_api/reset"),
    ("GET", "/monitoring"), ("POST", "/gradio_api/vibe-edit"),
])
def test_routes_the_page_does_not_use_are_closed(make_client: ClientFactory, method: str,
                                                 path: str) -> None:
    client = make_client(mount_chat=True)
    response = client.request(method, path, files={"f": ("a.wav", b"x" * 4096)}
                              if method == "POST" else None)
    assert response.status_code == 404 and "Traceback" not in response.text
    assert client.get("/gradio_api/info").status_code == 200  # what the page uses stays


def test_heartbeat_streams_are_counted_per_client(serve: Any) -> None:
    url = serve(mount_chat=True)
    with httpx.Client(base_url=url, trust_env=False, timeout=10) as client, \
            contextlib.ExitStack() as held:
        codes = [held.enter_context(client.stream("GET", f"/gradio_api/heartbeat/s{i}"))
                 .status_code for i in range(STREAMS_PER_CLIENT + 2)]
    assert codes == [200] * STREAMS_PER_CLIENT + [429, 429]


def test_a_chat_rating_is_capped_as_the_api_does(web_bot: Assistant, tmp_path: Path) -> None:
    store = open_feedback(web_settings(tmp_path / "i", tmp_path / "data"))
    rate = ChatHandlers(web_bot, store).rater("up")
    said, *_ = rate({"question": "q" * 100_000, "answer": "a" * 400_000, "citations": []}, "")
    assert "cannot be rated" in said and store.count() == 0
    huge = [{"n": 1, "guide": "g" * 10_000, "extra": "e" * 10_000}] * 50
    rate({"question": "Alibaba base?", "answer": "It is $165K [1].", "citations": huge}, "")
    (kept,) = store.recent()
    assert len(json.dumps(kept.citations)) < 50 * 2_000
