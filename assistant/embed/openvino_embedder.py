"""all-MiniLM-L6-v2, statically quantized to int8, run by OpenVINO: the default embedder.

Example:
    >>> emb = OpenVinoEmbedder(Path(".models"))  # cheap: the model compiles on first use
    >>> emb.embed(["sign-on bonus"]).shape
    (1, 384)

Why OpenVINO: with weights and activations both int8 (calibrated at export time, export/openvino.py)
it runs the model about 1.5x faster than onnxruntime's dynamic int8 on these cores, which is
what brings a full build of the real library under ten minutes. Queries compile a
latency-tuned model (cached on disk, so a cold process pays ~0.15 s, not ~0.8 s); index builds
compile a throughput-tuned one that keeps one inference stream busy per core.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embed.model import (
    DIM,
    MAX_TOKENS,
    MODEL_NAME,
    OPENVINO_FILE,
    TOKENIZER_FILE,
    missing_export,
    target_dir,
)
from assistant.embed.wordpieces import WordPieces, pad

CACHE_DIR = "openvino-cache"  # compiled blobs beside the model, written when writable


class OpenVinoEmbedder:
    """The int8 OpenVINO model: `embed` and `count_tokens` as every embedder has them."""

    dim = DIM
    max_tokens = MAX_TOKENS
    name = f"{MODEL_NAME}-openvino-int8"

    def __init__(self, model_dir: Path, batch_size: int = 32) -> None:
        self.path = target_dir(model_dir)
        self.batch_size = batch_size
        self.pieces = WordPieces(self.path / TOKENIZER_FILE)
        self._compiled: dict[str, Any] = {}
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed a batch: float32 array (len(texts), dim), rows L2-normalized."""
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        ids, batches = self.pieces.batches(texts, self.batch_size)
        if len(batches) == 1:
            # Queries: one request of the latency model; a request per call is thread-safe.
            request = self.compiled("LATENCY").create_infer_request()
            request.infer(pad(ids))
            out[:] = request.get_output_tensor(0).data
            return out
        self._embed_bulk(ids, batches, out)
        return out

    def count_tokens(self, text: str) -> int:
        """Word pieces `text` takes in the model's window, without [CLS]/[SEP]."""
        return self.pieces.count(text)

    def compiled(self, hint: str) -> Any:
        """The model compiled for `hint` ("LATENCY" or "THROUGHPUT"), once per embedder."""
        with self._lock:
            if hint not in self._compiled:
                self._compiled[hint] = self._compile(hint)
            return self._compiled[hint]

    def _embed_bulk(self, ids: list[list[int]], batches: list[np.ndarray], out: np.ndarray
                    ) -> None:
        """Many batches in flight at once, one stream per core (index builds).

        Requests are reused round-robin and collected from this thread. (OpenVINO's
        AsyncInferQueue calls back into Python from its own threads; freeing the compiled model
        while one of them waits for the GIL deadlocks, seen under pytest.)
        """
        compiled = self.compiled("THROUGHPUT")
        # Twice the streams: a queued request starts the moment a stream frees up.
        slots = 2 * int(compiled.get_property("OPTIMAL_NUMBER_OF_INFER_REQUESTS"))
        requests = [compiled.create_infer_request() for _ in range(slots)]
        pending: list[np.ndarray | None] = [None] * slots
        for n, rows in enumerate(batches):
            slot = n % slots
            self._collect(requests[slot], pending[slot], out)
            requests[slot].start_async(pad([ids[i] for i in rows]))
            pending[slot] = rows
        for request, left in zip(requests, pending, strict=True):
            self._collect(request, left, out)

    @staticmethod
    def _collect(request: Any, rows: np.ndarray | None, out: np.ndarray) -> None:
        """Wait for `request` (the GIL is released meanwhile) and copy its vectors to `rows`."""
        if rows is not None:
            request.wait()
            out[rows] = request.get_output_tensor(0).data

    def _compile(self, hint: str) -> Any:
        ov = _runtime()

        model = self.path / OPENVINO_FILE
        if not model.is_file() or not model.with_suffix(".bin").is_file():
            raise missing_export(model)
        core = ov.Core()
        cache = self.path / CACHE_DIR
        if os.access(self.path, os.W_OK) or os.access(cache, os.W_OK):
            core.set_property({"CACHE_DIR": str(cache)})
        return core.compile_model(str(model), "CPU", {"PERFORMANCE_HINT": hint})


def _runtime() -> Any:
    """The openvino module without its model converter (`openvino.tools.ovc`), which its
    package imports eagerly and nothing here uses: about 0.1 s of a cold question. Imported
    later (the exporter's tools), the converter loads as usual."""
    skipped = "openvino" not in sys.modules and "openvino.tools.ovc" not in sys.modules
    if skipped:
        sys.modules["openvino.tools.ovc"] = None  # type: ignore[assignment]  # ImportError
    try:
        import openvino as ov
    finally:
        if skipped:
            del sys.modules["openvino.tools.ovc"]
    return ov
