"""Two replicas over one Redis (Debian's redis-server, started here on a loopback port): a
client's rate limit and an embed token's quota hold across both; Redis down, answers go on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from services_support import free_port, redis_server
from web_support import ClientFactory

from assistant.web.embed_tokens import mint

pytestmark = pytest.mark.reliability

SECRET = "a-secret-shared-with-the-site"
SITE = "https://careers.example"
ASK = {"question": "Alibaba Seattle sign-on?"}


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    """A throwaway redis-server on loopback; stopped after the module."""
    with redis_server() as url:
        yield url


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
    down = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    client = make_client(rate_limit=1, redis_url=down)
    assert [client.post("/api/ask", json=ASK).status_code for _ in range(3)] == [200] * 3
