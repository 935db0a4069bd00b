"""Embed tokens are read strictly (issue 21): a signature with characters outside base64url
verified, claims of Infinity or deep nesting gave a 500, and a request whose Host header named
its own Origin passed as the server's own page without a token."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time

import pytest
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient
from web_support import ClientFactory

from assistant.web.embed_tokens import EmbedTokenGuard, TokenError, mint, verify

pytestmark = pytest.mark.reliability

SECRET = b"a-secret-shared-with-the-site"
SITE = "https://careers.example"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _signed(body: bytes) -> str:
    """A token over any body, signed with the real secret (as a careless site could mint)."""
    return f"{_b64(body)}.{_b64(hmac.new(SECRET, body, hashlib.sha256).digest())}"


def _claims(exp: str, quota: str = "5") -> bytes:
    return f'{{"exp":{exp},"id":"abc","origin":"{SITE}","quota":{quota}}}'.encode()


NOW = time.time()
GOOD_EXP = str(int(NOW) + 60)
MANGLED = {  # each decoded to the genuine signature before (four keep the padding right)
    "characters outside the alphabet": lambda sig: sig[:5] + "!!!!" + sig[5:],
    "spaces": lambda sig: sig[:5] + "    " + sig[5:],
    "padding": lambda sig: sig + "=",
    "the other alphabet": lambda sig: sig.replace("-", "+").replace("_", "/") + "+",
    "stray characters at the end": lambda sig: sig + "$*@#",
}
ODD_BODIES = {
    "exp Infinity": _claims("Infinity"),
    "quota Infinity": _claims(GOOD_EXP, "Infinity"),
    "quota -Infinity": _claims(GOOD_EXP, "-Infinity"),
    "exp NaN": _claims("NaN"),
    "exp 1e999": _claims("1e999"),
    "quota 2.5": _claims(GOOD_EXP, "2.5"),
    "quota true": _claims(GOOD_EXP, "true"),
    "quota 0": _claims(GOOD_EXP, "0"),
    "quota 10**30": _claims(GOOD_EXP, "1" + "0" * 30),
    "deep nesting": b"[" * 5000 + b"]" * 5000,
    "nested quota": _claims(GOOD_EXP, "[" * 900 + "1" + "]" * 900),
    "a list": b"[1, 2]",
    "not UTF-8": b"\xff\xfe{}",
}


@pytest.mark.parametrize("mangle", MANGLED.values(), ids=list(MANGLED))
def test_a_signature_with_other_characters_is_malformed(mangle: object) -> None:
    body, sig = mint(SECRET, SITE, ttl=60, quota=3, now=NOW).split(".")
    assert verify(SECRET, f"{body}.{sig}", SITE, NOW).quota == 3
    with pytest.raises(TokenError) as caught:
        verify(SECRET, f"{body}.{mangle(sig)}", SITE, NOW)  # type: ignore[operator]
    assert caught.value.status == 401 and "malformed" in str(caught.value)


@pytest.mark.parametrize("body", ODD_BODIES.values(), ids=list(ODD_BODIES))
def test_signed_claims_of_the_wrong_shape_are_refused(body: bytes) -> None:
    with pytest.raises(TokenError) as caught:
        verify(SECRET, _signed(body), SITE, NOW)
    assert caught.value.status == 401


@pytest.mark.parametrize("name", ["exp Infinity", "quota Infinity", "deep nesting"])
def test_the_api_answers_odd_claims_with_a_401_not_a_500(make_client: ClientFactory,
                                                         name: str) -> None:
    client = make_client(embed_secret=SECRET.decode())
    response = client.post("/api/ask", json={"question": "Alibaba Seattle sign-on?"},
                           headers={"Origin": SITE, "X-Embed-Token": _signed(ODD_BODIES[name])})
    assert response.status_code == 401 and "error" in response.json()


def test_a_host_header_does_not_make_an_origin_the_servers_own(
        make_client: ClientFactory) -> None:
    client = make_client(embed_secret=SECRET.decode())
    spoofed = client.post("/api/ask", json={"question": "Alibaba Seattle sign-on?"},
                          headers={"Origin": "https://evil.example", "Host": "evil.example"})
    assert spoofed.status_code == 401 and "needs an embed token" in spoofed.json()["error"]


def _guarded(served_hosts: tuple[str, ...] = ()) -> TestClient:
    async def ok(request: object) -> PlainTextResponse:
        return PlainTextResponse("ok")

    app = Starlette(routes=[Route("/api/ask", ok, methods=["POST"])])
    return TestClient(EmbedTokenGuard(app, secret=SECRET.decode(), allow_origins=(),
                                      served_hosts=served_hosts))


@pytest.mark.parametrize(("origin", "host", "status"), [
    ("https://coach.example", "anything.example", 200),  # a served host, whatever Host says
    ("https://coach.example:443", "coach.example", 200),
    ("http://localhost:7860", "localhost:7860", 200),
    ("https://evil.example", "evil.example", 401),
    ("https://coach.example:8443", "coach.example:8443", 401),  # another port: another site
    ("http://testserver", "testserver", 401),  # the socket's address counts only by default
])
def test_only_the_served_hosts_are_the_servers_own(origin: str, host: str, status: int) -> None:
    client = _guarded(served_hosts=("coach.example", "localhost:7860"))
    response = client.post("/api/ask", headers={"Origin": origin, "Host": host})
    assert response.status_code == status


def test_without_served_hosts_the_connections_own_address_counts() -> None:
    client = _guarded()  # TestClient connects to "testserver" on port 80
    assert client.post("/api/ask", headers={"Origin": "http://testserver"}).status_code == 200
    evil = client.post("/api/ask", headers={"Origin": "http://evil.example",
                                             "Host": "evil.example"})
    assert evil.status_code == 401
