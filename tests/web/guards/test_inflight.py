"""In-flight slots (issue 21, high 1 and 6): a body that trickles in holds no slot, one client
holds only a share, /healthz says when load is shed and is never stalled by slow answers."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import httpx
import pytest
from web_support import slow_answers

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.reliability
ASK = {"question": "Alibaba Seattle sign-on?"}


def _slow_body(url: str, source: str) -> socket.socket:
    """A POST that promises 100 body bytes and sends 12, from loopback address `source`."""
    host, port = url.removeprefix("http://").split(":")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind((source, 0))
    sock.connect((host, int(port)))
    sock.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 100\r\n\r\n" + b'{"question":')
    return sock


def _concurrently(url: str, clients: list[str], path: str = "/api/ask") -> list[int]:
    codes: list[int] = []

    def one(i: int, ip: str) -> None:  # a question of its own: none comes from the cache
        with httpx.Client(base_url=url, trust_env=False, timeout=30) as client:
            codes.append(client.post(path, json={"question": f"Alibaba Seattle base? {i}"},
                                     headers={"X-Forwarded-For": ip}).status_code)

    threads = [threading.Thread(target=one, args=(i, ip)) for i, ip in enumerate(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return codes


def test_slow_bodies_from_two_addresses_hold_no_slot(serve: Any) -> None:
    url = serve(max_in_flight=8, request_timeout=5.0)
    held = [_slow_body(url, f"127.0.0.{2 + i % 2}") for i in range(16)]
    try:
        time.sleep(0.3)
        with httpx.Client(base_url=url, trust_env=False, timeout=10) as client:
            assert client.post("/api/ask", json=ASK).status_code == 200  # from 127.0.0.1
            assert client.get("/healthz").json()["shedding"] is False
    finally:
        for sock in held:
            sock.close()


def test_one_client_holds_a_share_and_healthz_reports_shedding(
        serve: Any, web_bot: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    slow_answers(monkeypatch, web_bot, 2.0)
    url = serve(max_in_flight=4, trusted_proxies=("127.0.0.1",))  # a client may hold 1
    codes = _concurrently(url, ["127.0.1.1"] * 3)
    assert sorted(codes) == [200, 429, 429]
    with httpx.Client(base_url=url, trust_env=False, timeout=10) as client:
        assert client.get("/healthz").json()["shedding"] is False  # refusing a share is not
        codes = _concurrently(url, [f"127.0.1.{i}" for i in range(1, 7)])
        assert set(codes) == {200, 503} and codes.count(200) >= 4
        health = client.get("/healthz").json()
    assert health["shedding"] is True and health["status"] == "degraded"


def test_slow_answers_do_not_stall_healthz(serve: Any, web_bot: Assistant,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    slow_answers(monkeypatch, web_bot, 3.0)
    url = serve(trusted_proxies=("127.0.0.1",))  # 64 slots, 16 a client
    clients = [f"127.0.1.{i % 3 + 1}" for i in range(45)]
    runner = threading.Thread(target=_concurrently, args=(url, clients))
    runner.start()
    time.sleep(0.8)
    with httpx.Client(base_url=url, trust_env=False, timeout=30) as client:
        start = time.monotonic()
        health = client.get("/healthz").json()
        waited = time.monotonic() - start
    runner.join(timeout=60)
    # stalled, it would wait out the 3 s answers; the client threads share this process's
    # CPU with the server, so a busy host takes it past 1 s (1.09 s seen in a CI run)
    assert waited < 2.0 and health["in_flight"] >= 30, (waited, health)  # while they run
