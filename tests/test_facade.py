"""The package façade: its public names resolve lazily, and mypy sees the same ones."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import assistant

INIT = Path(assistant.__file__)


@pytest.mark.parametrize("name", assistant.__all__)
def test_each_public_name_is_the_object_its_table_names(name: str) -> None:
    module, _, attr = assistant._LAZY[name].partition(":")
    __import__(module)
    assert getattr(assistant, name) is getattr(sys.modules[module], attr)


def test_all_the_table_and_dir_agree() -> None:
    assert sorted(assistant.__all__) == sorted(assistant._LAZY)
    assert set(assistant.__all__) <= set(dir(assistant))


def test_the_type_checking_imports_match_the_table() -> None:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    guarded = next(n for n in tree.body if isinstance(n, ast.If)
                   and isinstance(n.test, ast.Name) and n.test.id == "TYPE_CHECKING")
    seen = {a.asname or a.name: f"{n.module}:{a.name}" for n in guarded.body
            if isinstance(n, ast.ImportFrom) for a in n.names}
    assert seen == assistant._LAZY


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Nope'"):
        assistant.Nope  # noqa: B018


def test_a_submodule_still_imports_by_from() -> None:
    code = "from assistant import errors\nprint(errors.AssistantError.__name__)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "AssistantError", result.stderr[-2000:]


def test_importing_the_package_loads_none_of_its_heavy_libraries() -> None:
    code = "import sys, assistant\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    loaded = set(result.stdout.split())
    heavy = {"chromadb", "gradio", "openvino", "onnxruntime", "torch", "fastapi", "langchain",
             "langchain_core", "numpy"}
    assert {m.split(".")[0] for m in loaded} & heavy == set()
    assert {m for m in loaded if m.startswith("assistant.")} == set()  # not even settings
