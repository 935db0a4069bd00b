"""Counters every replica shares: requests per client per minute, questions per embed token.

Example:
    >>> counters = Counters("memory://")            # or "redis://127.0.0.1:6379/0"
    >>> [counters.rate("10.0.0.1", per_minute=2) for _ in range(3)]
    [0, 0, 60]

The one import of `limits` (a maintained rate-limit library with memory, Redis and other
storages). In memory by default; with ASSISTANT_REDIS_URL every app process counts in the same
Redis, so N replicas allow a client its budget once, not N times. A rate is a moving one-minute
window per client; a token's quota is a fixed window as long as the token lives.

When Redis cannot be reached the counters fail open (the request is allowed and the outage is
logged once a minute): answers matter more than a budget, and a request is still bounded by
the body cap and the in-flight limit, which need no shared state.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)
OUTAGE_LOG_SECONDS = 60.0


class Counters:
    """Rate limits and token quotas over one `limits` storage (memory or Redis)."""

    def __init__(self, uri: str = "memory://") -> None:
        from limits import storage, strategies

        self.uri = uri
        options: dict[str, Any] = {}
        if uri.startswith(("redis://", "rediss://")):  # a stalled Redis must not stall a reply
            options = {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}
        self._storage = storage.storage_from_string(uri, **options)
        self._moving = strategies.MovingWindowRateLimiter(self._storage)
        self._logged = -math.inf

    def rate(self, client: str, per_minute: int) -> int:
        """Count a request of `client`: 0 when allowed, else seconds until it may retry."""
        if per_minute <= 0:
            return 0
        from limits import RateLimitItemPerMinute

        item = RateLimitItemPerMinute(per_minute)
        try:
            if self._twice(lambda: self._moving.hit(item, "rate", client)):
                return 0
            reset = self._moving.get_window_stats(item, "rate", client).reset_time
        except Exception as exc:  # noqa: BLE001 - any storage failure: fail open, say so
            self._outage(exc)
            return 0
        return max(1, math.ceil(reset - time.time()))

    def spend(self, token_id: str, quota: int, seconds: int) -> bool:
        """Count one question of an embed token; False once its `quota` is used up within a
        sliding window of `seconds` (not a clock-aligned one, whose boundary would restart
        the count)."""
        from limits import RateLimitItemPerSecond

        item = RateLimitItemPerSecond(max(quota, 0), max(seconds, 1))
        try:
            return quota > 0 and self._twice(lambda: self._moving.hit(item, "token", token_id))
        except Exception as exc:  # noqa: BLE001 - any storage failure: fail open, say so
            self._outage(exc)
            return True

    @staticmethod
    def _twice(hit: Callable[[], bool]) -> bool:
        """A hit, tried again once after a timeout (a busy process can miss the 0.5 s socket
        timeout once; a Redis that is down refuses at once, and then fails open)."""
        try:
            return bool(hit())
        except Exception as exc:  # redis-py's TimeoutError is its own class, not the builtin
            if "Timeout" not in type(exc).__name__:
                raise
            return bool(hit())

    def reachable(self) -> bool:
        """True when the storage answers (memory always does)."""
        try:
            return bool(self._storage.check())
        except Exception:  # noqa: BLE001 - a health probe never raises
            return False

    def _outage(self, exc: Exception) -> None:
        now = time.monotonic()
        if now - self._logged >= OUTAGE_LOG_SECONDS:
            self._logged = now
            log.warning("rate-limit storage %s unreachable (%s); requests are allowed until it "
                        "is back", self.uri.split("@")[-1], type(exc).__name__)
