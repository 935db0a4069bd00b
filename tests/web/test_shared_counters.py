"""Two replicas over one Redis (Debian's redis-server, started here on a loopback port): a
client's rate limit and an embed token's quota hold across both; Redis down, answers go on."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from web_support import ClientFactory

from assistant.web.counters import Counters
from assistant.web.embed_tokens import mint

pytestmark = pytest.mark.reliability

REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
SECRET = "a-secret-shared-with-the-site"
SITE = "https://careers.example"
ASK = {"question": "Alibaba Seattle sign-on?"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A throwaway redis-server on loopback, no persistence; stopped after the module."""
    if not os.access(REDIS, os.X_OK):
        pytest.fail(f"{REDIS} is missing: `make services` installs it (apt-get install "
                    "redis-server)")
    port = _free_port()
    server = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while not Counters(url).reachable():
        assert time.monotonic() < deadline and server.poll() is None, "redis-server did not start"
        time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(timeout=10)


def test_a_clients_rate_limit_holds_across_two_replicas(make_client: ClientFactory,
                                                        redis_url: str) -> None:
    first, second = (make_client(rate_limit=3, redis_url=redis_url) for _ in range(2))
    codes = [c.post("/api/ask", json=ASK).status_code for c in (first, second, first)]
    assert codes == [200, 200, 200]
    refused = second.post("/api/ask", json=ASK)
    assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60


def test_an_embed_tokens_quota_holds_across_two_replicas(make_client: ClientFactory,
                                                         redis_url: str) -> None:
    first, second = (make_client(embed_secret=SECRET, redis_url=redis_url) for _ in range(2))
    token = mint(SECRET.encode(), SITE, ttl=60, quota=2)
    headers = {"Origin": SITE, "X-Embed-Token": token}
    codes = [c.post("/api/ask", json=ASK, headers=headers).status_code
             for c in (first, second, first)]
    assert codes == [200, 200, 429]


def test_with_redis_down_the_replicas_still_answer(make_client: ClientFactory) -> None:
    down = f"redis://127.0.0.1:{_free_port()}/0"  # nothing listens there
    client = make_client(rate_limit=1, redis_url=down)
    assert [client.post("/api/ask", json=ASK).status_code for _ in range(3)] == [200] * 3
