"""all-MiniLM-L6-v2's word pieces: counting, cutting to the window, padding into batches.

Example:
    >>> pieces = WordPieces(Path(".models/all-MiniLM-L6-v2/tokenizer.json"))
    >>> pieces.count("sign-on bonus")
    4
    >>> ids, batches = pieces.batches(["sign-on bonus"], size=32)
    >>> [len(row) for row in ids]
    [6]

Shared by the runtimes that execute the exported model (onnxruntime, OpenVINO): they differ
in how a batch is run, not in what goes into it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embed.model import MAX_TOKENS, missing_export

_CLS, _SEP = "[CLS]", "[SEP]"
Feeds = dict[str, np.ndarray]
# Python splits words at these; BERT deletes them (control characters), joining the words:
# texts holding any are counted whole.
_NOT_SPACE_TO_BERT = re.compile("[\x0b\x0c\x1c-\x1f\x85]")
WORD_CACHE = 400_000  # distinct words remembered by `count` (the real library has ~110k)


class WordPieces:
    """The model's tokenizer (loaded on first use) and the batching both runtimes need."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._tokenizer: Any = None
        self._word_pieces: dict[str, int] = {}

    @property
    def tokenizer(self) -> Any:
        """The word-piece tokenizer, without truncation or padding (`encode` does both)."""
        if self._tokenizer is None:
            if not self.path.is_file():
                raise missing_export(self.path)
            from tokenizers import Tokenizer

            tokenizer = Tokenizer.from_file(str(self.path))
            tokenizer.no_truncation()
            tokenizer.no_padding()
            self._tokenizer = tokenizer
        return self._tokenizer

    def count(self, text: str) -> int:
        """Word pieces `text` takes in the model's window, without [CLS]/[SEP].

        Counted word by word with a cache: BERT's tokenizer splits on whitespace before
        anything else, so a text's pieces are its words' pieces, and a library repeats its
        words (chunking the real library: 21 s of tokenizer calls -> ~4 s).
        """
        if _NOT_SPACE_TO_BERT.search(text):
            return self._tokenize_count(text)
        cache = self._word_pieces
        if len(cache) > WORD_CACHE:
            cache.clear()
        total = 0
        for word in text.split():
            pieces = cache.get(word)
            if pieces is None:
                pieces = cache[word] = self._tokenize_count(word)
            total += pieces
        return total

    def _tokenize_count(self, text: str) -> int:
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def batches(self, texts: Sequence[str], size: int
                ) -> tuple[list[list[int]], list[np.ndarray]]:
        """Token ids of `texts` and their row indices in batches of `size`, shortest first."""
        ids = self.encode(texts)
        return ids, length_batches(ids, size)

    def encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids per text, cut as sentence-transformers cuts: 254 pieces + [CLS] + [SEP]."""
        tokenizer = self.tokenizer
        cls_id, sep_id = tokenizer.token_to_id(_CLS), tokenizer.token_to_id(_SEP)
        encodings = tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [[cls_id, *enc.ids[: MAX_TOKENS - 2], sep_id] for enc in encodings]


def length_batches(ids: Sequence[Sequence[int]], size: int) -> list[np.ndarray]:
    """Row indices grouped `size` at a time, shortest texts first, so batches pad little."""
    order = np.argsort([len(row) for row in ids], kind="stable")
    return [order[i : i + size] for i in range(0, len(order), size)]


def pad(batch: Sequence[Sequence[int]]) -> Feeds:
    """The model's three inputs for one batch, zero-padded to its longest row."""
    width = max(len(row) for row in batch)
    input_ids = np.zeros((len(batch), width), dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    for i, row in enumerate(batch):
        input_ids[i, : len(row)] = row
        mask[i, : len(row)] = 1
    return {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(mask)}
