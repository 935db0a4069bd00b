"""How many requests are being answered, in all and per client; past either cap, refuse at once.

Example:
    >>> load = InFlight(max_in_flight=8)          # a client may hold 8 // CLIENT_SHARE = 2
    >>> app.add_middleware(InFlightLimit, load=load)

A request takes a slot only once its body has arrived whole (`BodyLimitMiddleware`, outside
this one, reads it first), so a client that promises 100 bytes and sends 12 holds a connection
until the request timeout, never a slot. One client may hold at most 1/CLIENT_SHARE of the
slots (429 past it), so two addresses cannot fill them all; past the total cap the server sheds
load (503), and /healthz says so for SHED_MEMORY_S seconds afterwards.
"""

from __future__ import annotations

import time
from collections import Counter

from starlette.types import ASGIApp, Receive, Scope, Send

from assistant.web.limits import client_ip, is_counted, send_json

CLIENT_SHARE = 4  # a client may hold a quarter of the slots
SHED_MEMORY_S = 10.0  # /healthz reports shedding this long after the last 503


class InFlight:
    """The requests being answered now: in all, and per client. One event loop: no lock."""

    def __init__(self, max_in_flight: int) -> None:
        self.max_in_flight = max(max_in_flight, 0)
        self.per_client = max(1, self.max_in_flight // CLIENT_SHARE)
        self.total = 0
        self.by_client: Counter[str] = Counter()
        self._last_shed = -float("inf")

    def take(self, client: str) -> int:
        """Take a slot for `client`: 0 when taken, else the status to refuse with (503, 429)."""
        if self.total >= self.max_in_flight:
            self._last_shed = time.monotonic()
            return 503
        if self.by_client[client] >= self.per_client:
            return 429
        self.total += 1
        self.by_client[client] += 1
        return 0

    def give_back(self, client: str) -> None:
        """Free the slot `take` gave `client`."""
        self.total -= 1
        self.by_client[client] -= 1
        if self.by_client[client] <= 0:
            del self.by_client[client]

    @property
    def shedding(self) -> bool:
        """True when a request was refused for want of a slot in the last SHED_MEMORY_S."""
        return time.monotonic() - self._last_shed < SHED_MEMORY_S


class InFlightLimit:
    """503 past `load.max_in_flight` counted requests at once (see is_counted), 429 past a
    client's share; both with Retry-After. A cap of 0 turns it off."""

    def __init__(self, app: ASGIApp, load: InFlight) -> None:
        self.app = app
        self.load = load

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.load.max_in_flight or not is_counted(scope):
            await self.app(scope, receive, send)
            return
        client = client_ip(scope)
        refused = self.load.take(client)
        if refused == 503:
            await send_json(send, 503, {"error": "The assistant is answering as many questions "
                                        "as it can; try again in a second."},
                            {"Retry-After": "1"})
            return
        if refused:
            await send_json(send, 429, {"error": f"You have {self.load.per_client} requests "
                                        "being answered; wait for one to finish."},
                            {"Retry-After": "1"})
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.load.give_back(client)
