"""Guards in front of the JSON API: per-client rate limit, body-size cap, CORS allow-list.

Example:
    >>> limiter = RateLimiter(per_minute=2)
    >>> [limiter.hit("10.0.0.1", now=0.0) for _ in range(3)]
    [0, 0, 60]

All three are plain ASGI middleware (no per-request task or thread), applied to /api/*. The
rate limit also counts the requests that make the Gradio chat (mounted at "/") run something:
POSTs that join its queue or call an endpoint, so the chat is no way around the budget. Its
page, assets and event streams are not counted. Over budget, a few queue joins per client per
minute (NOTICES_PER_MINUTE) are let through marked with LIMITED_HEADER, and the chat's handler
replies with the message in the conversation (a 429 there makes Gradio cover the transcript
with "Error"); every other join of that client gets 429 before its body is read, so an
over-budget client can neither fill the chat's queue nor make Gradio parse its bodies.

The body cap reads each capped body whole before passing the request on, so the in-flight
limit inside it (guards/inflight.py) gives a slot only to a request that has fully arrived.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.web.counters import Counters

API_PREFIX = "/api/"
GRADIO_PREFIX = "/gradio_api/"  # the chat's routes, with the chat mounted at "/"
# The ones that run a handler (a question, a rating).
GRADIO_RUNS = tuple(GRADIO_PREFIX + route for route in ("queue/join", "run/", "api/", "call/"))
GRADIO_JOIN = GRADIO_PREFIX + "queue/join"
LIMITED_HEADER = "x-offer-coach-limited"  # set by the middleware only: the message to show
NOTICES_PER_MINUTE = 5  # over-budget joins let through to say so (a question, a rating...)
MAX_BODY_BYTES = 64 * 1024
MAX_CHAT_BODY_BYTES = 512 * 1024  # a chat run carries its transcript (50 turns, rendered)
# Gradio routes the chat page never uses: a file sent there would be stored and served
CLOSED_ROUTES = tuple(GRADIO_PREFIX + route for route in ("upload", "upload_progress"))


async def send_json(send: Send, status: int, body: dict[str, object],
                    headers: dict[str, str] | None = None) -> None:
    """Send a small JSON response straight from middleware."""
    payload = json.dumps(body).encode()
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": payload})


def is_api(scope: Scope) -> bool:
    """True for HTTP requests under /api/."""
    return scope["type"] == "http" and str(scope["path"]).startswith(API_PREFIX)


def is_counted(scope: Scope) -> bool:
    """True for requests the rate limit counts: /api/* and the chat's handler runs."""
    if scope["type"] != "http" or scope["method"] == "OPTIONS":
        return False
    return is_api(scope) or (
        scope["method"] == "POST" and str(scope["path"]).startswith(GRADIO_RUNS))


def client_ip(scope: Scope) -> str:
    """The peer address uvicorn reports (already resolved from trusted proxy headers)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


class RateLimiter:
    """A per-minute budget per client, counted by `Counters` (in memory, or in Redis so every
    replica counts the same client once)."""

    def __init__(self, per_minute: int, counters: Counters | None = None) -> None:
        self.per_minute = per_minute
        self.counters = counters or Counters()

    def hit(self, client: str) -> int:
        """Record a request; 0 when allowed, else seconds until the client may retry."""
        return self.counters.rate(client, self.per_minute)


class RateLimitMiddleware:
    """429 with Retry-After once a client passes its per-minute budget (see is_counted)."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and str(scope["path"]).startswith(GRADIO_PREFIX):
            scope = _without_header(scope, LIMITED_HEADER)  # nobody else may set it
        if is_counted(scope):
            wait = self.limiter.hit(client_ip(scope))
            if wait:
                message = (f"Too many requests: the limit is {self.limiter.per_minute} per "
                           f"minute. Try again in {wait} s.")
                if scope["path"] == GRADIO_JOIN and self._may_say_so(client_ip(scope)):
                    scope = _with_header(scope, LIMITED_HEADER, message)
                else:
                    await send_json(send, 429, {"error": message}, {"Retry-After": str(wait)})
                    return
        await self.app(scope, receive, send)


    def _may_say_so(self, client: str) -> bool:
        """True for an over-budget join that may still reach the page (a few a minute)."""
        return not self.limiter.counters.rate("notice:" + client, NOTICES_PER_MINUTE)


def _without_header(scope: Scope, name: str) -> Scope:
    raw = name.encode()
    return {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != raw]}


def _with_header(scope: Scope, name: str, value: str) -> Scope:
    return {**scope, "headers": [*scope["headers"], (name.encode(), value.encode())]}


class BodyLimitMiddleware:
    """413 for bodies over the cap, checked before anything parses them: /api/* at
    `max_bytes`, the chat's Gradio routes at `chat_max_bytes`; 404 for the Gradio routes the
    chat does not use (uploads)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES,
                 chat_max_bytes: int = MAX_CHAT_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.chat_max_bytes = chat_max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] == "http" and path.startswith(CLOSED_ROUTES):
            await send_json(send, 404, {"error": "The chat takes no files."})
            return
        cap = self.max_bytes if is_api(scope) else self.chat_max_bytes \
            if scope["type"] == "http" and path.startswith(GRADIO_PREFIX) else 0
        if not cap or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > cap):
            await self._too_large(send, cap)
            return
        try:
            body = await self._read_capped(receive, cap)  # whole, before any slot is taken
        except _Gone:  # the client left (or the request timeout closed it) mid-body
            return
        if body is None:
            await self._too_large(send, cap)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read_capped(self, receive: Receive, cap: int) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                raise _Gone
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, send: Send, cap: int) -> None:
        await send_json(send, 413, {"error": f"The request body is over {cap // 1024} KB. "
                                    "Questions are limited to 2,000 characters."})


class _Gone(Exception):
    """The connection closed before its body arrived."""


def _replay(body: bytes, rest: Receive) -> Receive:
    """The body already read, then the connection's own messages (a disconnect, in time)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await rest()

    return receive


class PreflightGuard:
    """Answer CORS preflights from origins off the allow-list without any Access-Control-*.

    Starlette's CORSMiddleware (which sits inside this one and handles allowed origins) would
    still list the allowed methods and headers when it refuses an origin.
    """

    def __init__(self, app: ASGIApp, allow_origins: Collection[str]) -> None:
        self.app = app
        self.allow_origins = frozenset(allow_origins)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "OPTIONS":
            headers = Headers(scope=scope)
            origin = headers.get("origin")
            if origin is not None and "access-control-request-method" in headers \
                    and origin not in self.allow_origins:
                await send_json(send, 403, {"error": f"Origin {origin[:200]} may not call this "
                                            "API; list it in ASSISTANT_WIDGET_ORIGINS."},
                                {"Vary": "Origin"})
                return
        await self.app(scope, receive, send)
