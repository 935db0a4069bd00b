"""The chat page's Gradio routes are no way around the API's caps: bodies are capped, the
history a run carries is cut to the turns that can matter, uploads are off, and errors do not
echo what was sent."""

from __future__ import annotations

import json
import logging

import pytest
from web_support import ClientFactory

from assistant.web.chat_render import history_messages

pytestmark = pytest.mark.reliability


def test_uploads_are_off(make_client: ClientFactory) -> None:
    client = make_client(mount_chat=True)
    for path in ("/gradio_api/upload", "/gradio_api/upload?upload_id=x",
                 "/gradio_api/upload_progress"):
        response = client.post(path, files={"files": ("offer.txt", b"x" * 4096, "text/plain")})
        assert response.status_code == 404, path
        assert "/tmp" not in response.text and "gradio" not in response.text.casefold()


def test_chat_runs_have_a_body_cap(make_client: ClientFactory,
                                   caplog: pytest.LogCaptureFixture) -> None:
    path = "/gradio_api/queue/join"  # the one route that runs a handler (guards/chat_routes)
    client = make_client(mount_chat=True)
    turns = [{"role": "user", "content": ["x"]}] * 100_000  # 100,000 malformed turns, ~3 MB
    body = json.dumps({"data": ["Alibaba Seattle sign-on?", turns], "fn_index": 0,
                       "session_hash": "s1"})
    with caplog.at_level(logging.INFO):
        response = client.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413 and "over 512 KB" in response.json()["error"]
    assert sum(len(r.getMessage()) for r in caplog.records) < 10_000  # nothing echoed to logs


def test_a_long_transcript_is_cut_to_the_turns_that_can_matter() -> None:
    chat = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i} " * 20}
            for i in range(1_000)]
    messages = history_messages(chat)
    assert len(messages) == 50 and messages[-1]["content"].startswith("turn 999")
    huge = history_messages([{"role": "user", "content": "y" * 1_000_000}])
    assert len(huge[0]["content"]) <= 20_000


def test_a_bad_chat_call_does_not_echo_its_input(make_client: ClientFactory) -> None:
    client = make_client(mount_chat=True)
    secret = "my-offer-is-212345-dollars"
    response = client.post("/gradio_api/run/ask", json={"data": ["hi", secret]})
    assert response.status_code >= 400
    assert secret not in response.text and "Traceback" not in response.text


def test_the_chat_queue_is_bounded(make_client: ClientFactory) -> None:
    from assistant.web.chat import MAX_QUEUE

    client = make_client(mount_chat=True)
    blocks = next(r.app.blocks for r in client.app.routes  # the mounted Gradio app
                  if hasattr(getattr(r, "app", None), "blocks"))
    assert blocks._queue.max_size == MAX_QUEUE
