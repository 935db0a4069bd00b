"""Signed embed tokens: a site's own server mints a short-lived token for its pages, the widget
sends it, the assistant checks it. No secret is ever in the page.

Example:
    >>> token = mint(b"shared-secret", "https://careers.example", ttl=600, quota=30)
    >>> verify(b"shared-secret", token, "https://careers.example", now=time.time()).quota
    30

A token is `base64url(claims JSON) "." base64url(HMAC-SHA256(secret, claims))`, the claims
being the origin it is bound to, its expiry (Unix seconds), a random id and how many requests
it may make. `EmbedTokenGuard` (ASGI) reads the `X-Embed-Token` header of /api/ requests:
missing where one is needed or forged -> 401, expired -> 401, another origin -> 403, past its
quota -> 429; each reply carries the CORS header for the asking origin, so the widget can
read it and say it as a sentence. Without ASSISTANT_EMBED_SECRET the guard does nothing, and
sites on the origin allow-list need no token at all.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.web.counters import Counters
from assistant.web.limits import API_PREFIX, send_json

HEADER = "x-embed-token"
MAX_TTL_S = 24 * 3600


class TokenError(Exception):
    """Why a token is refused, with the HTTP status to send."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Claims:
    """What a valid token says."""

    origin: str
    expires: int
    id: str
    quota: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def mint(secret: bytes, origin: str, ttl: int = 600, quota: int = 50,
         now: float | None = None) -> str:
    """A token for pages of `origin`, valid `ttl` seconds for `quota` requests."""
    claims = {"origin": origin, "exp": int((now or time.time()) + ttl),
              "id": secrets.token_urlsafe(9), "quota": quota}
    body = json.dumps(claims, separators=(",", ":"), sort_keys=True).encode()
    return f"{_b64(body)}.{_b64(hmac.new(secret, body, hashlib.sha256).digest())}"


def verify(secret: bytes, token: str, origin: str, now: float) -> Claims:
    """The claims of a genuine, unexpired token for `origin`; else TokenError."""
    try:
        body_part, sig_part = token.split(".")
        body, sig = _unb64(body_part), _unb64(sig_part)
    except ValueError:
        raise TokenError(401, "The embed token is malformed; the site must mint a new one.") \
            from None
    if not hmac.compare_digest(sig, hmac.new(secret, body, hashlib.sha256).digest()):
        raise TokenError(401, "The embed token is not valid for this coach.")
    try:
        raw = json.loads(body)
        claims = Claims(str(raw["origin"]), int(raw["exp"]), str(raw["id"]), int(raw["quota"]))
    except (ValueError, KeyError, TypeError):
        raise TokenError(401, "The embed token is not valid for this coach.") from None
    if claims.expires < now:
        raise TokenError(401, "The embed token has expired; reload the page for a new one.")
    if claims.expires > now + MAX_TTL_S:
        raise TokenError(401, "The embed token lives longer than a day; mint a shorter one.")
    if claims.origin != origin:
        raise TokenError(403, "The embed token was minted for another site.")
    return claims


class Usage:
    """Questions asked per token id, counted by `Counters` for as long as the token lives (in
    Redis when replicas share one, so a token's quota holds across all of them)."""

    def __init__(self, counters: Counters | None = None) -> None:
        self.counters = counters or Counters()

    def spend(self, claims: Claims, now: float | None = None) -> None:
        """Count one request; TokenError(429) once the token's quota is used up."""
        left = int(claims.expires - (time.time() if now is None else now)) + 1
        if not self.counters.spend(claims.id, claims.quota, left):
            raise TokenError(429, f"This page has asked its {claims.quota} questions; reload "
                                  "it to ask more.")


class EmbedTokenGuard:
    """Checks X-Embed-Token on /api/ requests from other origins (see the module docstring)."""

    def __init__(self, app: ASGIApp, secret: str, allow_origins: tuple[str, ...],
                 counters: Counters | None = None) -> None:
        self.app = app
        self.secret = secret.encode()
        self.allowed = frozenset(allow_origins)
        self.usage = Usage(counters)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.secret or scope["type"] != "http" or \
                not str(scope["path"]).startswith(API_PREFIX):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers.get("origin", "")
        # the refusal is readable by the widget, which sends no credentials; a request with
        # cookies (a credentialed one) gets no allow header from here
        cors = {"Access-Control-Allow-Origin": origin, "Vary": "Origin"} \
            if origin and "cookie" not in headers else {}
        if scope["method"] == "OPTIONS" and origin and origin not in self.allowed:
            wanted = headers.get("access-control-request-headers", "").casefold()
            if HEADER in wanted:  # the real request is checked when it comes
                await _no_content(send, {**cors, "Access-Control-Allow-Methods": "POST",
                                         "Access-Control-Allow-Headers":
                                             f"content-type, {HEADER}",
                                         "Access-Control-Max-Age": "600"})
                return
        token = headers.get(HEADER, "")
        if scope["method"] == "OPTIONS":  # other preflights: the allow-list's guard decides
            await self.app(scope, receive, send)
            return
        if not token:
            if origin and origin not in self.allowed and not _same_site(origin, headers):
                await send_json(send, 401, {"error": "This site needs an embed token to use "
                                                     "the coach."}, cors)
                return
            await self.app(scope, receive, send)
            return
        try:
            self.usage.spend(verify(self.secret, token, origin, time.time()))
        except TokenError as exc:
            await send_json(send, exc.status, {"error": str(exc)}, cors)
            return
        await self.app(scope, receive, _with_headers(send, cors))


async def _no_content(send: Send, headers: dict[str, str]) -> None:
    await send({"type": "http.response.start", "status": 204,
                "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]})
    await send({"type": "http.response.body", "body": b""})


def _same_site(origin: str, headers: Headers) -> bool:
    """True when the Origin is this server itself (the chat page's own calls)."""
    host = headers.get("host", "")
    return bool(host) and origin.split("://", 1)[-1] == host


def _with_headers(send: Send, extra: dict[str, str]) -> Send:
    """`send` that adds `extra` to the response start (CORS for a token-bearing origin)."""
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start" and extra:
            names = {k.lower().encode() for k in extra}
            kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
            message = {**message, "headers": [*kept, *((k.lower().encode(), v.encode())
                                                       for k, v in extra.items())]}
        await send(message)

    return wrapped
