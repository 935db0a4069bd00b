"""Signed embed tokens: minting, checking, and the API's replies to every kind of bad token."""

from __future__ import annotations

import time

import pytest
from web_support import ALLOWED_ORIGIN, ClientFactory

from assistant.web.embed_tokens import TokenError, mint, verify

pytestmark = pytest.mark.reliability

SECRET = "a-secret-shared-with-the-site"
SITE = "https://careers.example"
ASK = {"question": "Alibaba Seattle sign-on?"}


def test_verify_accepts_its_own_tokens_and_nothing_else() -> None:
    now = time.time()
    token = mint(SECRET.encode(), SITE, ttl=60, quota=3, now=now)
    assert verify(SECRET.encode(), token, SITE, now).quota == 3
    body, sig = token.split(".")
    cases = {
        "expired": (mint(SECRET.encode(), SITE, ttl=60, now=now - 120), SITE, 401),
        "forged": (mint(b"another secret", SITE, ttl=60, now=now), SITE, 401),
        "tampered": (body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1] + "." + sig,
                     SITE, 401),
        "malformed": ("not-a-token", SITE, 401),
        "other site": (token, "https://elsewhere.example", 403),
        "too long-lived": (mint(SECRET.encode(), SITE, ttl=3 * 86_400, now=now), SITE, 401),
    }
    for name, (bad, origin, status) in cases.items():
        with pytest.raises(TokenError) as caught:
            verify(SECRET.encode(), bad, origin, now)
        assert caught.value.status == status, name


def _post(client: object, origin: str | None, token: str | None) -> object:
    headers = {k: v for k, v in (("Origin", origin), ("X-Embed-Token", token)) if v}
    return client.post("/api/ask", json=ASK, headers=headers)  # type: ignore[attr-defined]


def test_the_api_refuses_bad_tokens_with_a_sentence_the_widget_can_read(
        make_client: ClientFactory) -> None:
    client = make_client(embed_secret=SECRET)
    good = mint(SECRET.encode(), SITE, ttl=60, quota=2)
    missing = _post(client, SITE, None)
    assert missing.status_code == 401 and "needs an embed token" in missing.json()["error"]
    assert missing.headers["access-control-allow-origin"] == SITE  # readable by the widget
    for token, origin, status, said in (
            (mint(SECRET.encode(), SITE, ttl=-10), SITE, 401, "expired"),
            (mint(b"guess", SITE, ttl=60), SITE, 401, "not valid"),
            (good, "https://elsewhere.example", 403, "another site")):
        response = _post(client, origin, token)
        assert response.status_code == status and said in response.json()["error"]
    first, second, third = (_post(client, SITE, good) for _ in range(3))
    assert first.status_code == 200 and second.status_code == 200
    assert first.headers["access-control-allow-origin"] == SITE
    assert "$60K sign-on" in first.json()["answer"]
    assert third.status_code == 429 and "asked its 2 questions" in third.json()["error"]


def test_the_allow_list_and_plain_clients_need_no_token(make_client: ClientFactory) -> None:
    client = make_client(embed_secret=SECRET)
    assert _post(client, ALLOWED_ORIGIN, None).status_code == 200
    assert _post(client, None, None).status_code == 200  # curl, ask --server: no Origin
    without_secret = make_client()  # no secret: tokens are not a thing, the allow-list rules
    assert _post(without_secret, SITE, mint(SECRET.encode(), SITE)).status_code == 200
    assert "access-control-allow-origin" not in _post(without_secret, SITE, None).headers


def test_a_token_preflight_is_answered_for_the_real_request_to_be_checked(
        make_client: ClientFactory) -> None:
    client = make_client(embed_secret=SECRET)
    response = client.options("/api/ask/stream", headers={
        "Origin": SITE, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type,x-embed-token"})
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == SITE
    assert "x-embed-token" in response.headers["access-control-allow-headers"]
    plain = client.options("/api/ask/stream", headers={
        "Origin": SITE, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert plain.headers.get("access-control-allow-origin") != SITE


def test_a_credentialed_request_from_an_unlisted_site_gets_no_allow_header(
        make_client: ClientFactory) -> None:
    client = make_client(embed_secret=SECRET)
    response = client.post("/api/ask", json=ASK, headers={"Origin": SITE,
                                                          "Cookie": "session=abc"})
    assert response.status_code == 401
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-credentials" not in response.headers


def test_a_token_s_quota_holds_across_a_clock_window_boundary(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A quota counts every use of the token: two uses just before a whole minute of the
    clock and a third just after it are three (a clock-aligned window had restarted at the
    minute and let the third through)."""
    from assistant.web.counters import Counters
    from assistant.web.embed_tokens import Claims, Usage

    clock = [1_800_000_059.5]  # half a second before a whole minute
    monkeypatch.setattr(time, "time", lambda: clock[0])
    usage = Usage(Counters())
    claims = Claims("https://jobs.example", int(clock[0]) + 60, "tok-1", 2)
    usage.spend(claims, now=clock[0])
    usage.spend(claims, now=clock[0])
    clock[0] += 1.0  # the next minute of the clock
    with pytest.raises(TokenError) as refused:
        usage.spend(claims, now=clock[0])
    assert refused.value.status == 429
