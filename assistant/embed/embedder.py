"""The embedding seam: one method to embed a batch, one to count word pieces.

Example:
    >>> emb = get_embedder(Settings.load())
    >>> emb.embed(["sign-on bonus"]).shape
    (1, 384)

Backends, all-MiniLM-L6-v2 in each but `hash`: `openvino-int8` (static int8 run by OpenVINO;
the default, fastest), `onnx-int8` (onnxruntime, dynamic int8), `onnx` (onnxruntime fp32, equal
to sentence-transformers) and `hash` (a deterministic fake for tests and demos). None needs
torch. Heavy objects load on first use, never in a constructor.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np

if TYPE_CHECKING:
    from assistant.settings import Settings

EMBEDDERS = ("openvino-int8", "onnx-int8", "onnx", "hash")


class Embedder(Protocol):
    """What every embedding backend offers."""

    name: str  # recorded in the index; querying with another name is refused
    dim: int
    max_tokens: int  # the window in word pieces, [CLS] and [SEP] included (chunks fit it)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed a batch: float32 array (len(texts), dim), rows L2-normalized."""
        ...

    def count_tokens(self, text: str) -> int:
        """Word pieces `text` takes in the model's window, without [CLS]/[SEP]."""
        ...


def get_embedder(settings: Settings) -> Embedder:
    """The embedder the settings name (cheap: nothing loads until first use)."""
    from assistant.errors import UsageError

    if settings.embedder == "openvino-int8":
        from assistant.embed.openvino_embedder import OpenVinoEmbedder

        return OpenVinoEmbedder(settings.model_dir)
    if settings.embedder in ("onnx", "onnx-int8"):
        from assistant.embed.onnx_embedder import OnnxEmbedder

        variant = "int8" if settings.embedder == "onnx-int8" else "fp32"
        return OnnxEmbedder(settings.model_dir, variant=variant)
    if settings.embedder == "hash":
        from assistant.embed.hash_embedder import HashEmbedder

        return HashEmbedder()
    raise UsageError(f"Unknown embedder {settings.embedder!r}; use one of {', '.join(EMBEDDERS)}.")
