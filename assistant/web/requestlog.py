"""One JSON log line per request, and the last stop for unexpected errors.

    {"method": "POST", "path": "/api/ask", "status": 200, "ms": 4.1, "client": "127.0.0.1"}

No query string, header or body is logged: questions can carry a person's offer.
"""

from __future__ import annotations

import atexit
import json
import logging
import logging.handlers
import queue
import sys
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.web.limits import client_ip, send_json

access_log = logging.getLogger("assistant.web.access")
log = logging.getLogger("assistant.web")


class RequestLogMiddleware:
    """Outermost middleware: times each request, logs it, turns crashes into a bare 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 0

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        except Exception:  # noqa: BLE001 - the HTTP edge: log the traceback, show nothing
            log.exception("unexpected error on %s %s", scope["method"], scope["path"])
            if not status:
                await send_json(send, 500, {"error": "internal error"})
            status = 500
        finally:
            if access_log.isEnabledFor(logging.INFO):
                access_log.info(json.dumps({
                    "method": scope["method"], "path": scope["path"], "status": status,
                    "ms": round((time.perf_counter() - start) * 1000, 1),
                    "client": client_ip(scope)}))


def configure_logging(level: int = logging.INFO) -> None:
    """Send access lines (bare JSON) and app warnings to stderr; safe to call twice.

    Access lines go through a queue: a request only enqueues its line, and one listener
    thread writes them (the write and flush of a line per request was a tenth of a loaded
    server's busy time, profiled with py-spy). The listener drains the queue at exit.
    """
    if not any(getattr(h, "_assistant", False) for h in access_log.handlers):
        lines: queue.SimpleQueue[logging.LogRecord] = queue.SimpleQueue()
        handler = logging.handlers.QueueHandler(lines)
        handler._assistant = True  # type: ignore[attr-defined]
        writer = logging.StreamHandler(sys.stderr)
        writer.setFormatter(logging.Formatter("%(message)s"))
        listener = logging.handlers.QueueListener(lines, writer)
        listener.start()
        atexit.register(listener.stop)
        access_log.addHandler(handler)
        access_log.propagate = False
    access_log.setLevel(level)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
