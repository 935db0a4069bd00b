"""Store writes on a background thread, so Chroma's inserts overlap with embedding.

Example:
    >>> with BackgroundWriter(store, on_written=bar.update) as writer:
    ...     writer.put(chunks, vectors)

onnxruntime and Chroma both release the GIL in their native code; on two cores the model
keeps computing while the previous batch is indexed. The queue is short, so memory stays
bounded, and an error on the writer thread is raised again in the caller.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from types import TracebackType

import numpy as np

from assistant.chunks import Chunk
from assistant.index.store import VectorStore

_DONE = None


class BackgroundWriter:
    """Adds (chunks, vectors) batches to a store from one worker thread, in order."""

    def __init__(self, store: VectorStore, on_written: Callable[[int], object] = lambda n: None,
                 depth: int = 4) -> None:
        self.store = store
        self.on_written = on_written
        self._queue: queue.Queue[tuple[Sequence[Chunk], np.ndarray] | None] = queue.Queue(depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="index-writer", daemon=True)

    def __enter__(self) -> BackgroundWriter:
        self._thread.start()
        return self

    def put(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        """Queue one batch (blocks while the queue is full); re-raises a writer failure."""
        self._raise()
        self._queue.put((chunks, vectors))

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._queue.put(_DONE)
        self._thread.join()
        if kind is None:
            self._raise()

    def _run(self) -> None:
        while (item := self._queue.get()) is not _DONE:
            if self._error is not None:
                continue  # drain: the caller sees the error on its next put or at exit
            try:
                self.store.add(item[0], item[1])
                self.on_written(len(item[0]))
            except BaseException as exc:  # handed to the caller's thread
                self._error = exc

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error
