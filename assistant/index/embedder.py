"""The embedding seam: one method to embed a batch, one to count word pieces.

Example:
    >>> emb = get_embedder(Settings.load())
    >>> emb.embed(["sign-on bonus"]).shape
    (1, 384)

Backends: `onnx` (all-MiniLM-L6-v2 exported to ONNX, run by onnxruntime; the default, no torch
at query time) and `hash` (a deterministic fake for tests and demos). Heavy objects load on
first use, never in a constructor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from assistant.settings import Settings

MAX_TOKENS = 256  # all-MiniLM-L6-v2's window in word pieces, [CLS] and [SEP] included


class Embedder(Protocol):
    """What every embedding backend offers."""

    name: str  # recorded in the index; querying with another name is refused
    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed a batch: float32 array (len(texts), dim), rows L2-normalized."""
        ...

    def count_tokens(self, text: str) -> int:
        """Word pieces `text` takes in the model's window, without [CLS]/[SEP]."""
        ...


def get_embedder(settings: Settings) -> Embedder:
    """The embedder the settings name (cheap: nothing loads until first use)."""
    from assistant.errors import UsageError

    if settings.embedder in ("onnx", "onnx-int8"):
        from assistant.index.onnx_embedder import OnnxEmbedder

        variant = "int8" if settings.embedder == "onnx-int8" else "fp32"
        return OnnxEmbedder(settings.model_dir, variant=variant)
    if settings.embedder == "hash":
        from assistant.index.hash_embedder import HashEmbedder

        return HashEmbedder()
    raise UsageError(f"Unknown embedder {settings.embedder!r}; use 'onnx', 'onnx-int8' or 'hash'.")
