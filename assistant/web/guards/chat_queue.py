"""The chat's queue: each client's questions counted, and results nobody reads dropped.

Example:
    >>> QueueGuard(blocks._queue).install()      # chat.build_chat does this

Gradio's queue keeps every event's messages (each streamed draft carries the conversation)
in memory until the page's event stream reads them, and keeps up to 2,000 sessions of them;
a client that joins and never reads leaves megabytes behind per question. Here the queue's
`push` is wrapped so that a client with JOINS_PER_CLIENT questions waiting or running gets
429 instead of another place, and a sweeper on the event loop drops a session's messages
(and stops its events, as Gradio does when a reader disconnects, and forgets the session's
last outputs) once the oldest has waited UNREAD_AFTER_S seconds unread. The queue is
duck-typed: only the fields Gradio's own routes use are touched.

`quiet_validation` keeps a malformed event's input out of the log: Gradio prints the pydantic
error, every bad value quoted, for each event it cannot read.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from starlette.exceptions import HTTPException

log = logging.getLogger(__name__)

JOINS_PER_CLIENT = 4  # questions of one client waiting or being answered at once
UNREAD_AFTER_S = 30.0  # a page reads its results within milliseconds


def request_client(request: Any) -> str:
    """The address of a request's client (uvicorn resolved trusted proxies already)."""
    client = getattr(request, "client", None)
    return str(client.host) if client else "unknown"


class QueueGuard:
    """Wraps one Gradio queue: joins counted per client, unread results expired."""

    def __init__(self, queue: Any, per_client: int | None = None,
                 unread_after: float | None = None) -> None:
        self.queue = queue
        self.per_client = JOINS_PER_CLIENT if per_client is None else per_client
        self.unread_after = UNREAD_AFTER_S if unread_after is None else unread_after
        self._heads: dict[str, tuple[int, float]] = {}  # session: (its oldest message, since)
        self._sweeper: asyncio.Task[None] | None = None
        self._push = queue.push

    def install(self) -> QueueGuard:
        """Put the guard in front of the queue's `push`."""
        self.queue.push = self.push
        return self

    async def push(self, body: Any, request: Any, username: str | None) -> Any:
        """Gradio's push, refused with 429 for a client with `per_client` events already."""
        if self._sweeper is None or self._sweeper.done():
            self._sweeper = asyncio.get_running_loop().create_task(self._sweep_forever())
        client = request_client(request)
        held = sum(1 for e in list(self.queue.event_ids_to_events.values())
                   if request_client(getattr(e, "request", None)) == client)
        if held >= self.per_client:
            raise HTTPException(429, f"You have {held} questions waiting; wait for an answer "
                                     "before asking more.", headers={"Retry-After": "5"})
        return await self._push(body=body, request=request, username=username)

    async def _sweep_forever(self) -> None:
        while not getattr(self.queue, "stopped", False):
            await asyncio.sleep(max(self.unread_after / 4, 0.05))
            await self.sweep()

    async def sweep(self, now: float | None = None) -> list[str]:
        """Drop the sessions whose oldest message has waited `unread_after` unread."""
        now = time.monotonic() if now is None else now
        stale = []
        sessions = self.queue.pending_messages_per_session
        for session, messages in list(sessions.items()):
            head = messages._queue[0] if messages.qsize() else None  # asyncio.Queue's deque
            if head is None:
                self._heads.pop(session, None)
                continue
            seen = self._heads.get(session)
            if seen is None or seen[0] != id(head):
                self._heads[session] = (id(head), now)
            elif now - seen[1] >= self.unread_after:
                stale.append(session)
        holder = getattr(getattr(self.queue, "server_app", None), "state_holder", None)
        for session in stale:
            await self.queue.clean_events(session_hash=session)  # stops its events' messages
            self.queue.pending_event_ids_session.pop(session, None)
            sessions.pop(session, None)
            self._heads.pop(session, None)
            if holder is not None:  # the session's last outputs (its whole conversation)
                with holder.lock:
                    holder.session_data.pop(session, None)
                    holder.time_last_used.pop(session, None)
        return stale


def quiet_validation(blocks: Any, refuse: Callable[[], Exception]) -> None:
    """Make `blocks` refuse input it cannot read with `refuse()` (logged by type only)."""
    read = blocks.preprocess_data

    async def preprocess_data(*args: Any, **kwargs: Any) -> Any:
        try:
            return await read(*args, **kwargs)
        except (ValidationError, ValueError, TypeError, KeyError) as exc:
            log.warning("a chat event's input was refused (%s)", type(exc).__name__)
            raise refuse() from None

    blocks.preprocess_data = preprocess_data
