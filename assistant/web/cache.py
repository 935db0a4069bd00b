"""A bounded LRU of serialized answers, so a repeated question costs no retrieval.

Example:
    >>> cache = AnswerCache(maxsize=2)
    >>> cache.put(("q", (), "2026-01-01"), b"{}")
    >>> cache.get(("q", (), "2026-01-01"))
    b'{}'

Grounded answers depend only on the question, the history, the index version (fixed for the
life of an Assistant) and today's date (the freshness note), so those make the key. Answers
written by an LLM are not cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable


class AnswerCache:
    """Thread-safe LRU mapping a key to response bytes; maxsize 0 disables it."""

    def __init__(self, maxsize: int = 2048) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable | None) -> bytes | None:
        """The cached bytes for `key`, or None (also for key None)."""
        if key is None or not self.maxsize:
            return None
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable | None, value: bytes) -> None:
        """Remember `value`, dropping the least recently used entry when full."""
        if key is None or not self.maxsize:
            return
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
