"""`ask` for a person: on a terminal the Markdown is rendered and fitted to the width, colour
goes with NO_COLOR, a long answer is paged; down a pipe, and with --json, nothing changes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tty_support import ask_env, colour_codes, on_terminal, piped, plain

from assistant.answer.types import Answer, Citation
from assistant.cli.admin import main as admin
from assistant.cli.ask import render
from assistant.cli.terminal import Terminal
from assistant.corpus.hidden import visible

ROOT = Path(__file__).resolve().parents[2]
# corpus/guides/alibaba/ml-ai-engineer.md: Seattle (US) base $165K–$235K, Singapore SGD
COMPARE = "Compare Alibaba ML engineer base in Seattle and Singapore"
SIGN_ON = "Alibaba Seattle sign-on?"  # bold Markdown, a quote and a freshness note
WIDTH = 60


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sample corpus, indexed once with the hash embedder."""
    tmp = tmp_path_factory.mktemp("tty")
    env = {"ASSISTANT_EMBEDDER": "hash", "ASSISTANT_INDEX": str(tmp / "index"),
           "ASSISTANT_CONFIG": str(tmp / "none.toml")}
    built = CliRunner().invoke(admin, ["index", "--corpus", str(ROOT / "corpus"), "--quiet"],
                               env=env)
    assert built.exit_code == 0, built.output
    return tmp / "index"


@pytest.mark.parametrize("question", [COMPARE, SIGN_ON])
def test_a_terminal_gets_the_markdown_rendered_within_its_width(index: Path, tmp_path: Path,
                                                                question: str) -> None:
    screen = on_terminal([question], ask_env(index, tmp_path), columns=WIDTH)
    seen = plain(screen)
    assert "**" not in seen and "|---|" not in seen and "| Guide |" not in seen
    assert max(len(line) for line in seen.splitlines()) <= WIDTH, seen
    assert "Sources:" in seen and "guides/alibaba/ml-ai-engineer.md#compensation" in seen
    assert "\x1b" not in seen  # styles only: no other escape sequence
    assert not any(line.endswith(" ") for line in seen.splitlines())  # copies cleanly
    if question == COMPARE:  # whole figures, in a table whose rows are rows
        assert "$165K–$235K" in seen and "SGD 130K–SGD 200K" in seen
        assert any("Seattle (US)" in line and "$165K–$235K" in line for line in seen.splitlines())
    else:
        assert "$60K" in seen and "**Alibaba" not in seen


def test_no_color_keeps_the_layout_without_colour(index: Path, tmp_path: Path) -> None:
    coloured = on_terminal([COMPARE], ask_env(index, tmp_path), columns=WIDTH)
    bare = on_terminal([COMPARE], ask_env(index, tmp_path, NO_COLOR="1"), columns=WIDTH)
    assert colour_codes(coloured)  # the test would prove nothing otherwise
    assert colour_codes(bare) == []
    assert "\x1b[3" not in bare.replace("\x1b[3m", "") and "\x1b[9" not in bare  # 3m: italic
    assert plain(bare) == plain(coloured)


@pytest.mark.parametrize("question", [COMPARE, SIGN_ON])
def test_a_pipe_gets_the_plain_text_byte_for_byte(index: Path, tmp_path: Path,
                                                  question: str) -> None:
    env = ask_env(index, tmp_path)
    answer = Answer.from_dict(json.loads(piped(["--json", question], env)))
    out = piped([question], env)
    assert out == (visible(render(answer)) + "\n").encode("utf-8")
    assert b"\x1b" not in out and b"Sources:\n  [1] Alibaba ML/AI Engineer" in out


def test_json_on_a_terminal_is_the_same_object(index: Path, tmp_path: Path) -> None:
    env = ask_env(index, tmp_path)
    screen = on_terminal(["--json", COMPARE], env, columns=WIDTH)
    assert "\x1b" not in screen
    assert json.loads(screen) == json.loads(piped(["--json", COMPARE], env))


def test_chat_on_a_terminal_renders_each_answer(index: Path, tmp_path: Path) -> None:
    turns = "Alibaba ML engineer Seattle base?\nAnd in Singapore?\n/quit\n"
    screen = plain(on_terminal(["--chat"], ask_env(index, tmp_path), columns=WIDTH,
                               stdin=turns))
    seattle, singapore = (" ".join(turn.split()) for turn in screen.split("you> ")[1:3])
    assert "$165K–$235K" in seattle and "SGD 130K–SGD 200K" in singapore
    assert "**" not in screen and "Sources:" in singapore
    assert max(len(line) for line in screen.splitlines()) <= WIDTH


def _pager(tmp_path: Path) -> str:
    script = tmp_path / "pager.py"
    script.write_text("import sys\nsys.stdout.write('PAGED\\n' + sys.stdin.read())\n")
    return f"{sys.executable} {script}"


def test_an_answer_taller_than_the_terminal_is_paged(index: Path, tmp_path: Path) -> None:
    env = ask_env(index, tmp_path, PAGER=_pager(tmp_path))
    paged = plain(on_terminal([SIGN_ON], env, columns=WIDTH, rows=8))
    assert paged.startswith("PAGED\n") and "$60K" in paged
    straight = plain(on_terminal(["--no-pager", SIGN_ON], env, columns=WIDTH, rows=8))
    assert "PAGED" not in straight and "$60K" in straight
    assert "PAGED" not in plain(on_terminal([SIGN_ON], env, columns=WIDTH, rows=200))
    assert b"PAGED" not in piped([SIGN_ON], env)  # never a pager down a pipe


@pytest.mark.parametrize("pager", ["cat", "", "/nonexistent/pager"])
def test_without_a_pager_the_answer_is_printed(pager: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", pager)
    answer = Answer(question="q", status="answered", text="line\n\n" * 40 + "$165K [1]",
                    citations=(Citation(1, "a/b", "guides/a/b.md", "pay", "Pay"),))
    stream = io.StringIO()
    Terminal(stream).show(answer)
    assert "$165K [1]" in stream.getvalue() and "guides/a/b.md#pay" in stream.getvalue()
