"""The OpenVINO int8 export: the raw ONNX graph, quantized statically with calibration texts.

Example:
    >>> export_openvino(Path("raw.onnx"), Path("openvino-int8.xml"),
    ...                 Path("tokenizer.json"), calibration=Path("corpus"))

Static quantization fixes every activation's int8 range ahead of time from real inputs, so the
runtime does integer matrix products end to end (onnxruntime's dynamic int8 re-measures ranges
on every call). The ranges come from the sample library's own texts at every length the index
and the questions use: whole chunks, paragraphs, section titles, pay-row keys and short
question-shaped phrases. Setup time only: needs the export extra (nncf).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.embed.model import MAX_TOKENS
from assistant.embed.wordpieces import WordPieces, pad
from assistant.errors import AssistantError

if TYPE_CHECKING:
    from assistant.chunks import Chunk

SUBSET = 600  # calibration texts at most; statistics settle well before this
_PARAGRAPH = re.compile(r"\n\s*\n")


def export_openvino(raw: Path, out: Path, tokenizer: Path, calibration: Path) -> None:
    """Write `out` (.xml, with its .bin) from the raw ONNX graph at `raw`."""
    os.environ.setdefault("NNCF_CI", "1")  # no usage telemetry from a setup step
    import nncf
    import openvino as ov

    pieces = WordPieces(tokenizer)
    texts = calibration_texts(calibration, pieces)
    if not texts:
        raise AssistantError(f"No calibration text under {calibration}: it needs guides.")
    model = ov.Core().read_model(str(raw))
    dataset = nncf.Dataset(texts, lambda text: pad(pieces.encode([text])))
    quantized = nncf.quantize(model, dataset, model_type=nncf.ModelType.TRANSFORMER,
                              subset_size=len(texts))
    ov.save_model(quantized, str(out))


def calibration_texts(root: Path, pieces: WordPieces) -> list[str]:
    """Distinct texts of the corpus at `root`, in a stable order, at most SUBSET of them."""
    from assistant.chunks import chunk_guides
    from assistant.corpus.reader import read_corpus

    guides = read_corpus([root], progress=False).guides
    chunks = chunk_guides(guides, pieces.count, MAX_TOKENS)
    seen: dict[str, None] = {}
    for text in _samples(chunks):
        if text.strip():
            seen.setdefault(text.strip(), None)
    texts = list(seen)
    step = max(1, len(texts) // SUBSET)
    return texts[::step][:SUBSET]


def _samples(chunks: Sequence[Chunk]) -> Iterator[str]:
    """Each chunk as embedded, its header and paragraphs; a question-shaped line per pay row."""
    for chunk in chunks:
        yield chunk.embed_text
        if chunk.kind == "row":
            meta = chunk.metadata
            yield f"{meta['company']} {meta['region']} {meta['role']} pay?"
            continue
        header, _, body = chunk.text.partition("\n")
        yield header
        yield from _PARAGRAPH.split(body)
