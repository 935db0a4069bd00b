"""A deterministic fake embedder: hashed bag of words, for tests and demos.

Example:
    >>> emb = HashEmbedder()
    >>> emb.embed(["sign-on bonus", "signing bonus"]).shape
    (2, 384)

Texts that share words get similar vectors, so retrieval tests behave sensibly without a model.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from assistant.embed.model import MAX_TOKENS

_TOKEN = re.compile(r"\w+|[^\w\s]")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _bucket(token: str, dim: int) -> tuple[int, float]:
    # blake2b, not hash(): Python salts str hashes per process.
    digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "little")
    return value % dim, 1.0 if (value >> 63) & 1 else -1.0


class HashEmbedder:
    """Bag of lowercase word tokens hashed into `dim` signed buckets, L2-normalized."""

    name = "hash-384"
    meaningful = False  # word overlap, not meaning: no similarity floor applies to it
    max_tokens = MAX_TOKENS  # chunks are cut for the real model's window

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim
        if dim != 384:
            self.name = f"hash-{dim}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed a batch: float32 array (len(texts), dim), rows L2-normalized."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for token in _tokens(text) or [""]:  # empty text still gets a unit vector
                index, sign = _bucket(token, self.dim)
                out[row, index] += sign
            norm = float(np.linalg.norm(out[row]))
            if norm == 0.0:  # every token cancelled out; fall back to the empty-text vector
                index, sign = _bucket("", self.dim)
                out[row, index], norm = sign, 1.0
            out[row] /= norm
        return out

    def count_tokens(self, text: str) -> int:
        """Approximate word pieces: words and punctuation marks, as a WordPiece count floor."""
        return len(_tokens(text))
