"""The chat's queue (issue 21, high 2 and 5): an over-limit client is refused before its body
is read, one client queues only a few questions, bad input stays out of the log, and results
nobody reads expire, so memory stays bounded."""

from __future__ import annotations

import gc
import json
import socket
import time
import tracemalloc
from typing import Any

import httpx
import pytest
from web_support import ClientFactory

from assistant.web.guards import chat_queue
from assistant.web.guards.chat_queue import JOINS_PER_CLIENT
from assistant.web.limits import NOTICES_PER_MINUTE

pytestmark = pytest.mark.reliability
SECRET = "my-offer-is-212345-dollars"


def _join(data: list[Any], session: str) -> dict[str, Any]:
    return {"data": data, "fn_index": 0, "session_hash": session, "trigger_id": None}


def _text(text: str) -> list[dict[str, str]]:
    return [{"type": "text", "text": text}]


def test_an_over_limit_join_is_refused_before_its_body_is_read(
        serve: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_queue, "JOINS_PER_CLIENT", 100)  # only the rate limit refuses
    url = serve(mount_chat=True, rate_limit=2, request_timeout=5.0)
    with httpx.Client(base_url=url, trust_env=False, timeout=10) as client:
        codes = [client.post("/gradio_api/queue/join", json=_join(["Hi", []], f"s{i}"))
                 .status_code for i in range(2 + NOTICES_PER_MINUTE)]
    assert 429 not in codes  # two in the budget, a few marked: the page says so in the chat
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=3) as sock:
        sock.sendall(b"POST /gradio_api/queue/join HTTP/1.1\r\nHost: x\r\nContent-Type: "
                     b"application/json\r\nContent-Length: 500000\r\n\r\n")  # no body yet
        reply = sock.recv(200)
    assert reply.startswith(b"HTTP/1.1 429")


def test_one_client_queues_only_a_few_questions(make_client: ClientFactory) -> None:
    client = make_client(mount_chat=True)  # no queue worker runs here: every join waits
    codes = [client.post("/gradio_api/queue/join",
                         json=_join(["Alibaba base?", []], f"q{i}")).status_code
             for i in range(JOINS_PER_CLIENT + 2)]
    assert codes == [200] * JOINS_PER_CLIENT + [429, 429]


def test_malformed_turns_stay_out_of_the_log(serve: Any, capfd: pytest.CaptureFixture[str],
                                             caplog: pytest.LogCaptureFixture) -> None:
    url = serve(mount_chat=True)
    turns = [{"role": "user", "content": f"<p>{SECRET}</p>"}] * 3_000  # content not a list
    with httpx.Client(base_url=url, trust_env=False, timeout=10) as client:
        assert client.post("/gradio_api/queue/join",
                           json=_join(["Hi", turns], "bad")).status_code == 200
        with client.stream("GET", "/gradio_api/queue/data",
                           params={"session_hash": "bad"}) as events:
            said = next(line for line in events.iter_lines() if "process_completed" in line)
    out, err = capfd.readouterr()
    logged = out + err + "".join(r.getMessage() for r in caplog.records)
    assert SECRET not in logged and SECRET not in said and len(logged) < 20_000
    assert "reload the page" in said


def test_unread_results_expire_and_memory_stays_bounded(serve: Any,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    monkeypatch.setattr(chat_queue, "UNREAD_AFTER_S", 1.0)
    url = serve(mount_chat=True, trusted_proxies=("127.0.0.1",))
    turn = {"role": "assistant", "content": _text("<p>" + "Seattle base $165K. " * 450 + "</p>")}
    body = json.dumps(_join(["Alibaba Seattle sign-on?", [turn] * 48], "x"))  # ~460 KB
    held: list[float] = []  # MB of live Python objects after each wave
    # (live objects, not the process's RSS: a long test run's heap keeps freed blocks, and its
    # RSS grew 37-44 MB over these waves with the results freed, 6 MB in a short run)
    tracemalloc.start()
    try:
        with httpx.Client(base_url=url, trust_env=False, timeout=30) as client:
            for wave in range(3):
                for i in range(40):  # 40 questions whose results nobody reads
                    joined = client.post("/gradio_api/queue/join",
                                         content=body.replace('"x"', f'"w{wave}-{i}"'),
                                         headers={"content-type": "application/json",
                                                  "x-forwarded-for": f"127.0.{wave + 2}.{i + 1}"})
                    assert joined.status_code == 200
                time.sleep(4)
                gc.collect()
                held.append(tracemalloc.get_traced_memory()[0] / 2**20)
    finally:
        tracemalloc.stop()
    assert held[2] - held[0] < 10, held  # MB: 0.1 here; unexpired, each wave keeps 22
