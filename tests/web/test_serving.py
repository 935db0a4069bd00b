"""The app under real uvicorn on loopback: forwarded-for headers count only from listed proxies,
a request that trickles in is cut off, and a flood past the in-flight cap is shed with 503."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_support import slow_answers, web_settings

from assistant.answer.pipeline import Assistant
from assistant.web.server import create_app, serve_in_background

pytestmark = pytest.mark.reliability

ASK = {"question": "Alibaba Seattle sign-on?"}


def _serve(web_index: Path, web_bot: Assistant, tmp_path: Path, **overrides: Any
           ) -> Iterator[str]:
    settings = web_settings(web_index, tmp_path / "data", **overrides)
    with serve_in_background(create_app(settings, web_bot, mount_chat=False),
                             settings=settings) as url:
        yield url


@pytest.fixture()
def serve(web_index: Path, web_bot: Assistant, tmp_path: Path) -> Any:
    running: list[Iterator[str]] = []

    def start(**overrides: Any) -> str:
        gen = _serve(web_index, web_bot, tmp_path, **overrides)
        running.append(gen)
        return next(gen)

    yield start
    for gen in running:
        next(gen, None)


def _statuses(url: str, forwarded: list[str]) -> list[int]:
    with httpx.Client(base_url=url, trust_env=False, timeout=10) as client:
        return [client.post("/api/ask", json=ASK, headers={"X-Forwarded-For": ip}).status_code
                for ip in forwarded]


def test_forwarded_for_is_ignored_unless_the_proxy_is_listed(serve: Any) -> None:
    ips = [f"203.0.113.{i}" for i in range(1, 6)]
    assert _statuses(serve(rate_limit=2), ips) == [200, 200, 429, 429, 429]  # one client
    # behind a listed proxy, each forwarded address has its own budget
    assert _statuses(serve(rate_limit=2, trusted_proxies=("127.0.0.1",)), ips) == [200] * 5


def test_a_request_that_trickles_in_is_cut_off(serve: Any) -> None:
    url = serve(request_timeout=1.0)
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as slow:
        slow.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\n")  # headers never finish
        start = time.monotonic()
        slow.settimeout(10)
        try:
            data = slow.recv(1024)
        except ConnectionResetError:
            data = b""
        waited = time.monotonic() - start
    assert data == b"" and waited < 8  # closed by the server, about a second later
    with httpx.Client(base_url=url, trust_env=False) as client:  # others are still served
        assert client.post("/api/ask", json=ASK).status_code == 200


def test_a_flood_past_the_in_flight_cap_is_shed(serve: Any, web_bot: Assistant,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    slow_answers(monkeypatch, web_bot, 0.5)
    url = serve(max_in_flight=2, trusted_proxies=("127.0.0.1",))  # 8 clients, 1 request each
    results: list[httpx.Response] = []

    def one(i: int) -> None:
        with httpx.Client(base_url=url, trust_env=False, timeout=30) as client:
            results.append(client.post("/api/ask", json={"question": f"Alibaba base? {i}"},
                                       headers={"X-Forwarded-For": f"127.0.1.{i + 1}"}))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    codes = sorted(r.status_code for r in results)
    assert len(codes) == 8 and 200 in codes and 503 in codes and set(codes) <= {200, 503}
    shed = next(r for r in results if r.status_code == 503)
    assert shed.headers["retry-after"] == "1" and "try again" in shed.json()["error"]
    with httpx.Client(base_url=url, trust_env=False) as client:  # and it recovers at once
        assert client.get("/healthz").status_code == 200
        assert client.post("/api/ask", json=ASK).status_code == 200


def test_a_client_over_its_quota_gets_429_while_another_is_served(serve: Any) -> None:
    url = serve(rate_limit=2, trusted_proxies=("127.0.0.1",))
    with httpx.Client(base_url=url, trust_env=False, timeout=10) as client:
        flood = [client.post("/api/ask", json=ASK, headers={"X-Forwarded-For": "203.0.113.7"})
                 for _ in range(4)]
        other = client.post("/api/ask", json=ASK, headers={"X-Forwarded-For": "198.51.100.2"})
    assert [r.status_code for r in flood] == [200, 200, 429, 429]
    assert 1 <= int(flood[-1].headers["retry-after"]) <= 60
    assert other.status_code == 200 and "$60K sign-on" in other.json()["answer"]
