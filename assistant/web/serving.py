"""How uvicorn serves the app: whose forwarded-for headers count, and how long a request may take
to arrive.

Example:
    >>> uvicorn.run(app, **uvicorn_options(settings))

uvicorn trusts X-Forwarded-For from 127.0.0.1 by default, so any local proxy or tunnel would
let every client pick its own address (past the rate limit, into the request log): here
forwarded headers count only from the proxies ASSISTANT_TRUSTED_PROXIES lists, and not at all
when it is empty. uvicorn also has no time limit on a request's headers or body, so a client
that sends one byte a second keeps its connection for ever (slowloris): `GuardedHttp` closes a
connection whose request has not fully arrived ASSISTANT_REQUEST_TIMEOUT seconds after it
began (idle keep-alive connections are uvicorn's own `timeout_keep_alive`).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from assistant.settings import Settings

KEEP_ALIVE_S = 30


class GuardedHttp(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline for each request to arrive whole."""

    request_timeout = 10.0

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._deadline: asyncio.TimerHandle | None = None
        self._arm()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._arm()

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._too_slow)

    def _disarm(self) -> None:
        deadline = getattr(self, "_deadline", None)
        if deadline is not None:
            deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        if not self.transport.is_closing():
            self.transport.close()


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for uvicorn.run / uvicorn.Config from the settings."""
    protocol = type("GuardedHttp", (GuardedHttp,), {"request_timeout": settings.request_timeout})
    trusted = list(settings.trusted_proxies)
    return {"http": protocol, "proxy_headers": bool(trusted),
            "forwarded_allow_ips": trusted or None, "timeout_keep_alive": KEEP_ALIVE_S,
            "log_config": None, "access_log": False}
