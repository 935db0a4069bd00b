"""The package's shape: imports run one way through the pipeline and never in a circle.

Every `import` statement counts, wherever it sits: at module top, inside a function (lazy) or
under `if TYPE_CHECKING:`. A lazy back edge is still a back edge; it only fails later.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"
# The pipeline's order; a module may import from its own stage or an earlier one only.
# errors and settings are shared leaves; cli sits above web because `assistant serve` starts it.
STAGES = ("errors", "settings", "places", "money", "corpus", "chunks", "embed", "index",
          "answer", "evaluate", "web", "cli", "bench")
LEAVES = {"assistant.errors", "assistant.settings"}
# The package's __init__ is the public façade: it sits above every stage (it names the public
# classes of several), so no module of the package may import it.
FACADE = "assistant"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The package modules `path` imports (`from a import b` names a.b when b is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "assistant")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "assistant":
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return found & known


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(path, set(known)) - {name} for name, path in known.items()}


def stage_of(module: str) -> int:
    if module == FACADE:
        return len(STAGES)
    return STAGES.index(module.split(".")[1])


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return groups


def test_every_module_belongs_to_a_stage() -> None:
    for name in modules():
        assert name in LEAVES | {FACADE} or name.split(".")[1] in STAGES, \
            f"{name}: add it to STAGES"


def test_no_import_circle() -> None:
    assert cycles(graph()) == []


def test_no_import_from_a_later_stage() -> None:
    backward = sorted(f"{source} imports {target}" for source, targets in graph().items()
                      for target in targets
                      if target not in LEAVES and stage_of(target) > stage_of(source))
    assert backward == []


# Inside the answer stage the same rule holds for its own pipeline: read the question, route it,
# pick a guide's rows and sections, hold the evidence, write the pieces, answer each kind, then
# gather, compose and serve it. types and library are the stage's shared leaves.
ANSWER_ORDER = ("types", "library", "search", "read", "route", "pick", "evidence", "write",
                "kinds", "retrieve", "compose", "llm", "pipeline", "live", "adapters")
MAX_MODULES_PER_FOLDER = 15


def answer_step(module: str) -> int:
    """The position of an `assistant.answer.*` module in ANSWER_ORDER (-1: the package)."""
    parts = module.split(".")
    return ANSWER_ORDER.index(parts[2]) if len(parts) > 2 else -1


def test_every_answer_module_has_a_step() -> None:
    for name in modules():
        if name.startswith("assistant.answer."):
            assert name.split(".")[2] in ANSWER_ORDER, f"{name}: add it to ANSWER_ORDER"


def test_answer_imports_run_down_its_pipeline() -> None:
    backward = sorted(f"{source} imports {target}" for source, targets in graph().items()
                      if source.startswith("assistant.answer.")
                      for target in targets if target.startswith("assistant.answer.")
                      and answer_step(target) > answer_step(source))
    assert backward == []


def test_no_folder_holds_more_than_15_modules() -> None:
    crowded = {str(folder.relative_to(PACKAGE.parent)): n
               for folder in [PACKAGE, *(p for p in PACKAGE.rglob("*") if p.is_dir())]
               if (n := len([f for f in folder.glob("*.py") if f.name != "__init__.py"]))
               > MAX_MODULES_PER_FOLDER}
    assert crowded == {}


def test_query_path_never_reaches_the_exporter() -> None:
    edges = graph()
    seen: set[str] = set()
    todo = ["assistant.cli.ask", "assistant.answer.pipeline", "assistant.web.server"]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(edges[name])
    assert not {n for n in seen if n.startswith("assistant.embed.export")}
    assert "assistant.index.writing.builder" not in seen - {"assistant.cli.admin"}


def test_no_module_over_300_lines() -> None:
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}


# --- the checks themselves must be able to fail ------------------------------------------------

def test_cycle_finder_sees_a_circle_and_a_self_free_chain() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_an_import_of_the_facade_counts_as_a_back_edge() -> None:
    assert all(stage_of(f"assistant.{stage}") < stage_of(FACADE) for stage in STAGES)


def test_imports_are_read_from_functions_and_type_checking_blocks(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from assistant.index.handle import IndexHandle\n"
        "def f():\n    from assistant.embed import model\n    import assistant.errors\n",
        encoding="utf-8")
    known = {"assistant.index.handle", "assistant.embed", "assistant.embed.model",
             "assistant.errors"}
    assert imports_of(source, known) == {"assistant.index.handle", "assistant.embed.model",
                                         "assistant.errors"}


# --- what a cold `ask` loads -----------------------------------------------------------------

# Setup-time only: the exporter and what it runs on. A query never needs any of them.
EXPORT_ONLY = {"torch", "onnx", "onnxscript", "sentence_transformers", "transformers", "nncf"}
MODEL_RUNTIMES = {"openvino", "onnxruntime", "chromadb", "tokenizers"}


def _loaded_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """Top-level names of the modules a fresh interpreter holds after running `code`."""
    probe = code + "\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            cwd=PACKAGE.parent, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return set(result.stdout.split())


def _tops(loaded: set[str]) -> set[str]:
    return {m.split(".")[0] for m in loaded}


def _exporter(loaded: set[str]) -> set[str]:
    """Setup-time builders a question must never import: the model exporter, the lexicon's."""
    return {m for m in loaded
            if m.startswith("assistant.embed.export") or m == "assistant.places.sources"}


@pytest.mark.parametrize("code", [
    "import assistant",
    "from click.testing import CliRunner\nfrom assistant.cli.ask import main\n"
    "assert CliRunner().invoke(main, ['--help']).exit_code == 0",
    "from click.testing import CliRunner\nfrom assistant.cli.admin import main\n"
    "assert CliRunner().invoke(main, ['--help']).exit_code == 0",
])
def test_help_and_import_load_no_model(code: str) -> None:
    loaded = _loaded_after(code)
    assert not _tops(loaded) & (EXPORT_ONLY | MODEL_RUNTIMES)
    assert not _exporter(loaded)


@pytest.fixture(scope="module")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The sample corpus indexed with the default embedder, and the environment to ask it."""
    index = tmp_path_factory.mktemp("cold") / "index"
    env = {**os.environ, "ASSISTANT_INDEX": str(index), "ASSISTANT_CONFIG": "/nonexistent",
           "ASSISTANT_CORPUS": str(PACKAGE.parent / "corpus"), "HF_HUB_OFFLINE": "1"}
    env.pop("ASSISTANT_EMBEDDER", None)
    built = subprocess.run([sys.executable, "-m", "assistant.cli.admin", "index", "--quiet"],
                           capture_output=True, text=True, cwd=PACKAGE.parent, env=env)
    assert built.returncode == 0, built.stderr[-2000:]
    return env


ASK = ("from click.testing import CliRunner\nfrom assistant.cli.ask import main\n"
       "result = CliRunner().invoke(main, ['--json', {question!r}])\n"
       "assert result.exit_code == 0 and '\"answered\"' in result.output, result.output\n")


def test_a_cold_look_up_loads_no_model_and_no_store(real_index: dict[str, str]) -> None:
    loaded = _loaded_after(ASK.format(question="Alibaba Seattle sign-on?"), real_index)
    assert not _tops(loaded) & (EXPORT_ONLY | MODEL_RUNTIMES)
    assert not _exporter(loaded)


def test_a_cold_general_question_loads_the_runtime_but_not_the_exporter(
        real_index: dict[str, str]) -> None:
    loaded = _loaded_after(ASK.format(question="Can a sign-on bonus be clawed back?"),
                           real_index)
    assert "openvino" in _tops(loaded)  # it ran the model on the question
    assert "chromadb" not in _tops(loaded)  # the articles' vectors the catalog keeps
    assert not _tops(loaded) & EXPORT_ONLY
    assert not _exporter(loaded)
    named = _loaded_after(ASK.format(question="Alibaba's recruiter says the offer is final; "
                                              "anything I can say back?"), real_index)
    assert "openvino" in _tops(named) and "chromadb" not in _tops(named)  # the same
