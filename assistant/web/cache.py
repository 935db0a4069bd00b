"""A bounded LRU of serialized answers, so a repeated question costs no retrieval.

Example:
    >>> cache = AnswerCache(maxsize=2)
    >>> cache.put(("q", (), "2026-01-01"), b"{}")
    >>> cache.get(("q", (), "2026-01-01"))
    b'{}'

Grounded answers depend only on the question, the history, the index version (fixed for the
life of an Assistant) and today's date (the freshness note), so those make the key. Answers
written by an LLM are not cached. The cache is bounded twice: by entries and by the bytes of
what it holds (a key is kept as a 32-byte digest, so long histories cost nothing to keep).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Hashable

MAX_BYTES = 64 * 1024 * 1024


class AnswerCache:
    """Thread-safe LRU mapping a key to response bytes; maxsize 0 disables it."""

    def __init__(self, maxsize: int = 2048, max_bytes: int = MAX_BYTES) -> None:
        self.maxsize = maxsize
        self.max_bytes = max_bytes
        self.size = 0  # bytes of the values held
        self._items: OrderedDict[bytes, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable | None) -> bytes | None:
        """The cached bytes for `key`, or None (also for key None)."""
        if key is None or not self.maxsize:
            return None
        digest = _digest(key)
        with self._lock:
            value = self._items.get(digest)
            if value is not None:
                self._items.move_to_end(digest)
            return value

    def put(self, key: Hashable | None, value: bytes) -> None:
        """Remember `value`, dropping the least recently used entry when full."""
        if key is None or not self.maxsize or len(value) > self.max_bytes:
            return
        digest = _digest(key)
        with self._lock:
            old = self._items.pop(digest, None)
            self.size += len(value) - (len(old) if old is not None else 0)
            self._items[digest] = value
            while len(self._items) > self.maxsize or self.size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)


def _digest(key: Hashable) -> bytes:
    """A fixed-size key: the SHA-256 of the key's repr (questions, histories, dates)."""
    return hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).digest()
