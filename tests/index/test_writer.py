"""The background writer: batches arrive in order, and a store failure reaches the caller."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from assistant.index.writing.writer import BackgroundWriter


class ListStore:
    """Records what it is given; fails on the batch numbered `fail_at`."""

    def __init__(self, fail_at: int = -1) -> None:
        self.batches: list[list[Any]] = []
        self.fail_at = fail_at

    def add(self, chunks: list[Any], vectors: np.ndarray) -> None:
        if len(self.batches) == self.fail_at:
            raise OSError("disk full")
        self.batches.append(list(chunks))


def test_batches_are_written_in_order_and_counted() -> None:
    store, written = ListStore(), []
    with BackgroundWriter(store, written.append) as writer:  # type: ignore[arg-type]
        for n in range(10):
            writer.put([n, n], np.zeros((2, 3)))
    assert store.batches == [[n, n] for n in range(10)]
    assert written == [2] * 10


def test_a_store_failure_is_raised_in_the_caller() -> None:
    store = ListStore(fail_at=2)
    with pytest.raises(OSError, match="disk full"):  # noqa: PT012 - the error surfaces late
        with BackgroundWriter(store) as writer:  # type: ignore[arg-type]
            for n in range(50):
                writer.put([n], np.zeros((1, 3)))
    assert store.batches == [[0], [1]]
