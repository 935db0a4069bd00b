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


class _Batched(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes the lines waiting in `lines` together: one write per burst, not per request
    (stderr is line-buffered, so each line would be its own system call)."""

    def __init__(self, lines: queue.SimpleQueue[logging.LogRecord]) -> None:
        super().__init__(sys.stderr)
        self._lines = lines
        self._pending: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._pending.append(self.format(record) + self.terminator)
        except Exception:  # noqa: BLE001 - logging's own contract: report, never raise
            self.handleError(record)
        if self._lines.empty() or len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        with self.lock:  # type: ignore[union-attr]
            pending, self._pending = self._pending, []
            if pending:
                self.stream.write("".join(pending))
            super().flush()


BATCH = 256  # lines written at most together


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
        writer = _Batched(lines)
        writer.setFormatter(logging.Formatter("%(message)s"))
        listener = logging.handlers.QueueListener(lines, writer)
        listener.start()
        atexit.register(writer.flush)  # after the listener stops (atexit runs last first)
        atexit.register(listener.stop)
        access_log.addHandler(handler)
        access_log.propagate = False
    access_log.setLevel(level)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
