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

A token is read strictly: base64url characters only, at most MAX_TOKEN_CHARS, and claims of
the right types (no Infinity, no floats, no nesting), so a bad one is a 401, never a 500. The
server's own pages need no token: an Origin of one of ASSISTANT_SERVED_HOSTS, or without that
setting the address the connection came in on; never what the Host header says, which the
client writes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.web.counters import Counters
from assistant.web.limits import API_PREFIX, send_json

HEADER = "x-embed-token"
MAX_TTL_S = 24 * 3600
MAX_TOKEN_CHARS = 1024  # a minted token is about 150; the claims are four short fields
MAX_QUOTA = 100_000
_B64URL = re.compile(r"[A-Za-z0-9_-]*")
_MALFORMED = "The embed token is malformed; the site must mint a new one."
_INVALID = "The embed token is not valid for this coach."


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
    """Strict base64url without padding: any other character, or a non-canonical last
    character, is refused (the lenient decoder drops unknown characters, so a signature with
    extra characters in it still verified)."""
    if not _B64URL.fullmatch(text) or len(text) % 4 == 1:
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64(data) != text:
        raise ValueError("not canonical base64url")
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number a token may hold")


def _claims(body: bytes) -> Claims:
    """The claims of a signed body: an object of a string origin and id and whole-number exp
    and quota; ValueError for anything else (Infinity, NaN, floats, deep nesting)."""
    try:
        raw = json.loads(body, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if not isinstance(raw, dict):
        raise ValueError("not an object")
    origin, expires, token_id, quota = (raw.get(k) for k in ("origin", "exp", "id", "quota"))
    if not (isinstance(origin, str) and isinstance(token_id, str)
            and all(type(n) is int for n in (expires, quota))):
        raise ValueError("ill-typed claims")
    assert isinstance(expires, int) and isinstance(quota, int)
    if not 1 <= quota <= MAX_QUOTA:
        raise ValueError("quota out of range")
    return Claims(origin, expires, token_id, quota)


def mint(secret: bytes, origin: str, ttl: int = 600, quota: int = 50,
         now: float | None = None) -> str:
    """A token for pages of `origin`, valid `ttl` seconds for `quota` requests."""
    claims = {"origin": origin, "exp": int((now or time.time()) + ttl),
              "id": secrets.token_urlsafe(9), "quota": quota}
    body = json.dumps(claims, separators=(",", ":"), sort_keys=True).encode()
    return f"{_b64(body)}.{_b64(hmac.new(secret, body, hashlib.sha256).digest())}"


def verify(secret: bytes, token: str, origin: str, now: float) -> Claims:
    """The claims of a genuine, unexpired token for `origin`; else TokenError (always 4xx)."""
    try:
        if len(token) > MAX_TOKEN_CHARS:
            raise ValueError("too long")
        body_part, sig_part = token.split(".")
        body, sig = _unb64(body_part), _unb64(sig_part)
    except ValueError:
        raise TokenError(401, _MALFORMED) from None
    if not hmac.compare_digest(sig, hmac.new(secret, body, hashlib.sha256).digest()):
        raise TokenError(401, _INVALID)
    try:
        claims = _claims(body)
    except (ValueError, UnicodeDecodeError):
        raise TokenError(401, _INVALID) from None
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
        """Count one request; TokenError(429) once the token's quota is used up. Every use of
        a token falls within MAX_TTL_S of its first (no token verifies with an expiry further
        off), so a sliding window that long counts them all; a window of the token's seconds
        left, aligned to the clock as fixed windows are, restarted its count at a boundary."""
        if not self.counters.spend(claims.id, claims.quota, MAX_TTL_S):
            raise TokenError(429, f"This page has asked its {claims.quota} questions; reload "
                                  "it to ask more.")


class EmbedTokenGuard:
    """Checks X-Embed-Token on /api/ requests from other origins (see the module docstring)."""

    def __init__(self, app: ASGIApp, secret: str, allow_origins: tuple[str, ...],
                 counters: Counters | None = None, served_hosts: tuple[str, ...] = ()) -> None:
        self.app = app
        self.secret = secret.encode()
        self.allowed = frozenset(allow_origins)
        self.usage = Usage(counters)
        self.served = frozenset(_host_key(h) for h in served_hosts)

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
            if origin and origin not in self.allowed and not self._same_site(origin, scope):
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


    def _same_site(self, origin: str, scope: Scope) -> bool:
        """True when the Origin is this server itself (the chat page's own calls): one of the
        served hosts, never what the request's Host header claims."""
        served = self.served or _served_from(scope)
        return any(key and key in served for key in _origin_keys(origin))


async def _no_content(send: Send, headers: dict[str, str]) -> None:
    await send({"type": "http.response.start", "status": 204,
                "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()]})
    await send({"type": "http.response.body", "body": b""})


_LOOPBACK = ("127.0.0.1", "localhost", "::1")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_key(host: str, port: int | None = None) -> str:
    """"host:port" in lower case, brackets off an IPv6 address; `host` may carry the port."""
    if port is None:
        parts = urlsplit(f"//{host.strip()}")
        host, port = parts.hostname or "", parts.port
    return f"{host.strip('[]').casefold()}:{port or ''}"


def _origin_keys(origin: str) -> tuple[str, str]:
    """The keys an Origin may match: with its port, and bare (a served host written without
    one stands for the default port)."""
    try:
        parts = urlsplit(origin)
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme, 0)
    except ValueError:
        return ("", "")
    host = parts.hostname or ""
    bare = _host_key(host) if port == _DEFAULT_PORTS.get(parts.scheme) else ""
    return _host_key(host, port), bare


def _served_from(scope: Scope) -> frozenset[str]:
    """Without ASSISTANT_SERVED_HOSTS: the address the connection came in on (the socket's,
    which no client writes), with the loopback names when it is a loopback address."""
    server = scope.get("server")
    if not server or server[1] is None:
        return frozenset()
    host, port = str(server[0]), int(server[1])
    names = _LOOPBACK if host in _LOOPBACK else (host,)
    return frozenset(_host_key(name, port) for name in names)


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
