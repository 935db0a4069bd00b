"""The README stays short, its links into docs/ resolve, and its Python example runs as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
MAX_LINES = 150


def readme() -> str:
    return README.read_text(encoding="utf-8")


def python_example(text: str) -> str:
    """The README's one Python block that imports from the package's façade."""
    blocks = [b for b in re.findall(r"^```python\n(.*?)^```", text, re.S | re.M)
              if "from assistant import" in b]
    assert len(blocks) == 1, f"expected one Python example using the façade, found {len(blocks)}"
    return blocks[0]


def docs_links(text: str) -> list[str]:
    """Every Markdown link target under docs/, without its #anchor."""
    return [t.split("#")[0] for t in re.findall(r"\]\((docs/[^)\s]*)\)", text)]


def test_the_readme_is_at_most_150_lines() -> None:
    assert len(readme().splitlines()) <= MAX_LINES


def test_every_docs_link_points_to_a_file() -> None:
    links = docs_links(readme())
    assert links, "the README links to no page under docs/"
    assert [t for t in links if not (ROOT / t).is_file()] == []


def test_the_example_uses_only_the_facade() -> None:
    imports = re.findall(r"^\s*(?:from|import)\s+(\S+)", python_example(readme()), re.M)
    assert [m for m in imports if m.startswith("assistant") and m != "assistant"] == []


@pytest.fixture()
def sample_env(tmp_path: Path) -> dict[str, str]:
    """Settings that read the sample corpus/ into an index in tmp_path with the hash embedder
    (built here), ignoring the caller's assistant.toml and ASSISTANT_* variables."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("ASSISTANT_") and k != "OPENAI_API_KEY"}
    env.update(ASSISTANT_EMBEDDER="hash", ASSISTANT_INDEX=str(tmp_path / "index"),
               ASSISTANT_CONFIG=str(tmp_path / "none.toml"),
               ASSISTANT_CORPUS=str(ROOT / "corpus"), HF_HUB_OFFLINE="1")
    built = subprocess.run([sys.executable, "-m", "assistant.cli.admin", "index", "--quiet"],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    return env


def test_the_python_example_runs_as_written(sample_env: dict[str, str]) -> None:
    result = subprocess.run([sys.executable, "-c", python_example(readme())],
                            capture_output=True, text=True, cwd=ROOT, env=sample_env,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("answered\n"), result.stdout[:2000]
    assert "[1] alibaba/ml-ai-engineer" in result.stdout

