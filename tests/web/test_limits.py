"""Guards in front of the API: CORS allow-list, rate limit, body cap."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from starlette.types import Message, Receive, Scope, Send
from web_support import ALLOWED_ORIGIN, ClientFactory

from assistant.web.counters import Counters
from assistant.web.guards import chat_queue
from assistant.web.limits import (
    GRADIO_JOIN,
    LIMITED_HEADER,
    MAX_BODY_BYTES,
    NOTICES_PER_MINUTE,
    RateLimiter,
    RateLimitMiddleware,
)

ASK = {"question": "Alibaba Seattle sign-on?"}
OTHER_ORIGIN = "http://localhost:8123"  # same host and port, another origin


def cors_headers(headers: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower().startswith("access-control-")}


def preflight(client: TestClient, origin: str, path: str = "/api/ask/stream") -> httpx.Response:
    return client.options(path, headers={"Origin": origin,
                                         "Access-Control-Request-Method": "POST",
                                         "Access-Control-Request-Headers": "content-type"})


def test_allowed_origin_gets_its_origin_echoed(client: TestClient) -> None:
    response = client.post("/api/ask", json=ASK, headers={"Origin": ALLOWED_ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "Origin" in response.headers["vary"]


@pytest.mark.parametrize("origin", [OTHER_ORIGIN, "http://127.0.0.1:8124", "null",
                                    "https://127.0.0.1:8123", "http://evil.example"])
def test_other_origins_get_no_cors_headers(client: TestClient, origin: str) -> None:
    response = client.post("/api/ask", json=ASK, headers={"Origin": origin})
    assert response.status_code == 200  # the browser, not the server, withholds the body
    assert cors_headers(dict(response.headers)) == {}
    blocked = preflight(client, origin)
    assert blocked.status_code == 403
    assert cors_headers(dict(blocked.headers)) == {}


def test_preflight_for_allowed_origin(client: TestClient) -> None:
    response = preflight(client, ALLOWED_ORIGIN)
    assert response.status_code in (200, 204)
    headers = response.headers
    assert headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    methods = {m.strip() for m in headers["access-control-allow-methods"].split(",")}
    assert {"GET", "POST"} <= methods
    assert "content-type" in headers["access-control-allow-headers"].lower()


def test_no_origins_configured_means_no_cross_origin_access(make_client: ClientFactory) -> None:
    client = make_client(widget_origins=())
    response = client.post("/api/ask", json=ASK, headers={"Origin": ALLOWED_ORIGIN})
    assert cors_headers(dict(response.headers)) == {}
    assert cors_headers(dict(preflight(client, ALLOWED_ORIGIN).headers)) == {}


def test_rate_limit_answers_429_with_retry_after(make_client: ClientFactory) -> None:
    client = make_client(rate_limit=3)
    assert [client.post("/api/ask", json=ASK).status_code for _ in range(3)] == [200] * 3
    response = client.post("/api/ask", json=ASK, headers={"Origin": ALLOWED_ORIGIN})
    assert response.status_code == 429
    assert 1 <= int(response.headers["retry-after"]) <= 60
    assert "3 per minute" in response.json()["error"]
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN  # widget reads it
    assert client.get("/healthz").status_code == 200  # only /api/* is limited
    assert client.get("/api/guides/alibaba/ml-ai-engineer").status_code == 429


def test_chat_runs_share_the_rate_limit_but_its_page_does_not(
        make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chat_queue, "JOINS_PER_CLIENT", 100)  # no worker runs: joins wait
    client = make_client(mount_chat=True, rate_limit=3)
    join = {"data": ["Alibaba Seattle sign-on?", []], "fn_index": 0, "session_hash": "s1"}
    assert client.post("/gradio_api/queue/join", json=join).status_code != 429
    assert client.post("/api/ask", json=ASK).status_code == 200
    assert client.post("/gradio_api/queue/join", json=join).status_code != 429
    limited = client.post("/api/ask", json=ASK)
    assert limited.status_code == 429 and "3 per minute" in limited.json()["error"]
    # a few joins over the budget go through, marked: the page shows the message in the chat
    for _ in range(NOTICES_PER_MINUTE):
        assert client.post("/gradio_api/queue/join", json=join).status_code != 429
    assert client.post("/gradio_api/queue/join", json=join).status_code == 429  # then no more
    # the page, its config and its event streams are not counted
    assert client.get("/").status_code == 200
    assert client.get("/gradio_api/info").status_code == 200
    assert client.get("/healthz").status_code == 200


def test_only_the_limiter_marks_chat_events() -> None:
    seen: list[dict[bytes, bytes]] = []

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        seen.append(dict(scope["headers"]))
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def nothing() -> Message:
        return {"type": "http.request", "body": b""}

    async def ignore(message: Message) -> None:
        return None

    middleware = RateLimitMiddleware(app, RateLimiter(1))
    forged = [(LIMITED_HEADER.encode(), b"forged"), (b"host", b"x")]
    for _ in range(2):
        scope = {"type": "http", "method": "POST", "path": GRADIO_JOIN, "headers": forged,
                 "client": ("10.0.0.7", 1)}
        # on a thread of its own: an earlier test may leave this thread's event loop running
        worker = threading.Thread(target=asyncio.run, args=(middleware(scope, nothing, ignore),))
        worker.start()
        worker.join()
    key = LIMITED_HEADER.encode()
    assert key not in seen[0] and seen[0][b"host"] == b"x"  # the client's own copy is dropped
    assert seen[1][key].startswith(b"Too many requests: the limit is 1 per minute.")


def test_rate_limit_zero_is_off(make_client: ClientFactory) -> None:
    client = make_client(rate_limit=0)
    assert {client.post("/api/ask", json=ASK).status_code for _ in range(70)} == {200}


def test_limiter_counts_each_client_within_a_minute() -> None:
    limiter = RateLimiter(per_minute=2)
    assert [limiter.hit("a") for _ in range(2)] == [0, 0]
    assert 1 <= limiter.hit("a") <= 60  # the retry is within the one-minute window
    assert limiter.hit("b") == 0  # per client


def test_two_limiters_over_one_counter_share_the_budget() -> None:
    """Two app processes over one Redis: the same storage counts the client once (the
    in-memory storage stands in here; tests/web/test_shared_counters.py uses Redis)."""
    counters = Counters()
    first, second = RateLimiter(3, counters), RateLimiter(3, counters)
    assert [first.hit("c"), second.hit("c"), first.hit("c")] == [0, 0, 0]
    assert second.hit("c") > 0 and first.hit("c") > 0


def test_limiter_is_thread_safe() -> None:
    limiter = RateLimiter(per_minute=50)
    allowed: list[int] = []

    def hammer() -> None:
        allowed.extend(1 for _ in range(40) if limiter.hit("same") == 0)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(allowed) == 50


def test_an_unreachable_counter_store_lets_requests_through(caplog: pytest.LogCaptureFixture
                                                            ) -> None:
    """Redis down: rate limits fail open (answers continue), and the outage is logged."""
    counters = Counters("redis://127.0.0.1:9/0")  # nothing listens on the discard port
    assert RateLimiter(1, counters).hit("d") == 0 and counters.spend("t", 1, 60)
    assert not counters.reachable()
    assert "unreachable" in caplog.text


def test_oversized_body_is_413_before_parsing(client: TestClient) -> None:
    body = b'{"question": "' + b"x" * MAX_BODY_BYTES + b'"}'
    response = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "2,000 characters" in response.json()["error"]


def test_oversized_chunked_body_is_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap is enforced while reading
        for _ in range(100):
            yield b"x" * 1024

    response = client.post("/api/ask", content=chunks(),
                           headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_small_chunked_body_still_works(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"question": "Alibaba Seattle '
        yield b'sign-on?"}'

    response = client.post("/api/ask", content=chunks(),
                           headers={"content-type": "application/json"})
    assert response.status_code == 200
    assert response.json()["status"] == "answered"


def test_full_app_keeps_the_policy_on_chat_paths(make_client: ClientFactory) -> None:
    client = make_client(mount_chat=True)
    page = client.get("/", headers={"Origin": OTHER_ORIGIN})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert cors_headers(dict(page.headers)) == {}  # Gradio defers to our CORS middleware
    assert cors_headers(dict(preflight(client, OTHER_ORIGIN, "/gradio_api/queue/join").headers)) \
        == {}
    allowed = client.get("/config", headers={"Origin": ALLOWED_ORIGIN})
    assert allowed.headers.get("access-control-allow-origin") == ALLOWED_ORIGIN
    assert client.post("/api/ask", json=ASK).json()["status"] == "answered"
    assert client.get("/healthz").json()["index_loaded"] is True
