"""A dependency's reachability, probed on a thread and cached, so /healthz never waits on it.

Example:
    >>> vector = Reachability(bot.index.reachable)
    >>> vector.known()          # None until the first probe ends; then True or False
    True

A hung Chroma server or LLM endpoint holds the probe's thread, not the request: /healthz
answers at once from the last result (or "unknown" before the first one), and at most one
probe runs at a time, started again once the result is MAX_AGE_S old.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

log = logging.getLogger(__name__)
MAX_AGE_S = 5.0


class Reachability:
    """The cached answer of `probe`, refreshed in the background when stale."""

    def __init__(self, probe: Callable[[], bool], max_age: float = MAX_AGE_S) -> None:
        self.probe = probe
        self.max_age = max_age
        self._value: bool | None = None
        self._checked = -float("inf")
        self._running = False
        self._lock = threading.Lock()

    def known(self) -> bool | None:
        """The last result (None before the first), starting a new probe when it is stale."""
        with self._lock:
            if not self._running and time.monotonic() - self._checked >= self.max_age:
                self._running = True
                threading.Thread(target=self._run, name="health-probe", daemon=True).start()
            return self._value

    def observed(self, value: bool) -> None:
        """A request's own outcome (a vector query that failed, or one that answered): newer
        than any probe, so /healthz says it at once."""
        with self._lock:
            self._value, self._checked = value, time.monotonic()

    def _run(self) -> None:
        try:
            value = bool(self.probe())
        except Exception:  # noqa: BLE001 - a probe that fails says "unreachable"
            log.debug("health probe failed", exc_info=True)
            value = False
        with self._lock:
            self._value, self._checked, self._running = value, time.monotonic(), False
