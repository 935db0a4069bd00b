"""The first questions that search the store may arrive together: the Chroma client and a
collection are made once, by one thread (two made at once failed with 500s under load)."""

from __future__ import annotations

import threading
import time
from typing import Any

from assistant.index.connection import ChromaConnection
from assistant.index.store import VectorStore


class _SlowClient:
    def __init__(self, made: list[int]) -> None:
        made.append(1)
        self.opened: list[str] = []

    def get_collection(self, name: str, embedding_function: Any = None) -> str:
        time.sleep(0.05)
        self.opened.append(name)
        return name


def _together(action: Any, n: int = 8) -> None:
    start = threading.Barrier(n)

    def run() -> None:
        start.wait()
        action()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_the_client_is_made_once_when_many_threads_ask_at_once() -> None:
    made: list[int] = []

    def make() -> _SlowClient:
        time.sleep(0.05)  # chromadb's PersistentClient takes this long and more
        return _SlowClient(made)

    conn = ChromaConnection(make)
    seen: list[Any] = []
    _together(lambda: seen.append(conn.client))
    assert made == [1] and len({id(c) for c in seen}) == 1


def test_a_collection_is_opened_once_when_many_threads_ask_at_once() -> None:
    made: list[int] = []
    client = _SlowClient(made)
    store = VectorStore(ChromaConnection(lambda: client), "records", create=False)
    _together(lambda: store.collection)
    assert client.opened == ["records"]
