"""The chat's Gradio routes: those the page uses stay open and are counted, the rest are closed.

Example:
    >>> app.add_middleware(ChatRouteGuard)

Gradio serves some forty routes; the chat page's client calls a handful (OPEN_ROUTES: join the
queue, read its events, the heartbeat, the API info). The others (`run/`, `call/` and `api/`,
whose results wait in memory for a reader; `process_recording`, which stores an upload;
`component_server`, which logs a traceback per bad request; the monitoring and run-history
pages) answer 404 before Gradio sees them. The two streams the page keeps open, the queue's
events and the heartbeat, are counted per client: past STREAMS_PER_CLIENT at once, 429.
"""

from __future__ import annotations

from collections import Counter

from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.web.limits import GRADIO_PREFIX, client_ip, send_json

# (method, route under /gradio_api/); a route ending in "/" opens everything under it
OPEN_ROUTES = frozenset({("POST", "queue/join"), ("POST", "cancel"), ("GET", "queue/data"),
                         ("GET", "heartbeat/"), ("GET", "info"), ("GET", "app_id")})
STREAMS = ("queue/data", "heartbeat/")
STREAMS_PER_CLIENT = 8  # a few tabs of the page; each holds two streams at most
CLOSED_PAGES = ("/monitoring", "/login", "/logout")  # Gradio's own pages outside /gradio_api/


def is_open(method: str, path: str) -> bool:
    """True for the Gradio routes the chat page uses (see OPEN_ROUTES)."""
    if not path.startswith(GRADIO_PREFIX):
        return not path.startswith(CLOSED_PAGES)
    route = path[len(GRADIO_PREFIX):]
    method = "GET" if method == "HEAD" else method
    return any(m == method and (route == r or (r.endswith("/") and route.startswith(r)))
               for m, r in OPEN_ROUTES)


class ChatRouteGuard:
    """404 for the Gradio routes the page does not use; 429 past a client's open streams."""

    def __init__(self, app: ASGIApp, streams_per_client: int = STREAMS_PER_CLIENT) -> None:
        self.app = app
        self.streams_per_client = streams_per_client
        self.streams: Counter[str] = Counter()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] == "OPTIONS":
            await self.app(scope, receive, send)
            return
        path = str(scope["path"])
        if not is_open(str(scope["method"]), path):
            await send_json(send, 404, {"error": "Not found."})
            return
        if not path.startswith(tuple(GRADIO_PREFIX + s for s in STREAMS)):
            await self.app(scope, receive, send)
            return
        client = client_ip(scope)
        if self.streams[client] >= self.streams_per_client:
            await send_json(send, 429, {"error": f"At most {self.streams_per_client} chat "
                                        "streams at once; close a tab."}, {"Retry-After": "5"})
            return
        self.streams[client] += 1  # one event loop: no lock
        try:
            await self.app(scope, receive, send)
        finally:
            self.streams[client] -= 1
            if self.streams[client] <= 0:
                del self.streams[client]
