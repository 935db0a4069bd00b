"""What a corpus folder may hold besides guides (issue 21): a FIFO hung `index` and `lint` (and
kept the index lock), two symlinks back to their own folder made `lint` walk 2^40 paths, and
an unreadable folder dropped its guides from the index with exit status 0 and no finding.
Each is now a lint finding and a skipped line, within seconds.

The commands run as child processes with a deadline, so a hang fails the test instead of
stalling the suite; as root, the child runs without the capabilities that let root read any
folder (setpriv), so a folder without permissions is unreadable to it as to anyone else.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.index.lock import IndexLock
from assistant.settings import Settings

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "corpus" / "guides" / "alibaba" / "ml-ai-engineer.md"
DEADLINE_S = 90
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search"]


def _admin(*args: str, unprivileged: bool = False) -> subprocess.CompletedProcess[str]:
    """`assistant ARGS` in a child process; fails the test when it is still running at the
    deadline (it is killed then)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update(ASSISTANT_CONFIG="/nonexistent.toml", ASSISTANT_EMBEDDER="hash",
               ASSISTANT_MODEL_DIR=str(ROOT / ".models"))
    command = [sys.executable, "-c", "from assistant.cli.admin import main; main()", *args]
    if unprivileged and os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: no folder is unreadable to root")
        command = [*UNPRIVILEGED, *command]
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True,
                              timeout=DEADLINE_S, check=False)
    except subprocess.TimeoutExpired:
        pytest.fail(f"assistant {' '.join(args)} still ran after {DEADLINE_S} s")


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "alibaba").mkdir(parents=True)
    shutil.copy(REAL, corpus / "alibaba" / "ml-ai-engineer.md")
    return corpus


def _findings(lint: subprocess.CompletedProcess[str], code: str) -> list[str]:
    return [line.split(":", 1)[0] for line in lint.stdout.splitlines() if f" {code} " in line]


def test_a_fifo_is_a_finding_and_a_skipped_line(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    os.mkfifo(corpus / "alibaba" / "pipe.md")  # nobody ever writes to it
    lint = _admin("lint", "--corpus", str(corpus))
    assert lint.returncode == 1 and _findings(lint, "E107") == ["alibaba/pipe.md"]
    index = tmp_path / "index"
    built = _admin("index", "--corpus", str(corpus), "--index", str(index), "--quiet")
    assert built.returncode == 0, built.stderr
    assert "1 guides" in built.stdout and "alibaba/pipe.md: not a regular file" in built.stdout
    lock = IndexLock(Settings.load(overrides={"index": index}, environ={},
                                   config_file=Path("/nonexistent")))
    lock.acquire()  # the build let go of the lock
    lock.release()


def test_symlink_loops_are_findings_and_not_walked(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    folder = corpus / "alibaba"
    (folder / "again").symlink_to(folder, target_is_directory=True)
    (folder / "and-again").symlink_to(corpus, target_is_directory=True)
    (folder / "round.md").symlink_to(folder / "round.md")  # a link to itself
    lint = _admin("lint", "--corpus", str(corpus), "--json")
    assert lint.returncode == 1
    looped = sorted(line for line in lint.stdout.splitlines() if '"E108"' in line)
    assert [p for p in ("alibaba/again", "alibaba/and-again", "alibaba/round.md")
            if any(f'"path": "{p}"' in line for line in looped)] == [
        "alibaba/again", "alibaba/and-again", "alibaba/round.md"]
    assert '"E301"' not in lint.stdout  # the guide was read once, not once per path to it


def test_an_unreadable_folder_is_a_finding_and_a_skipped_line(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    locked = corpus / "acme"
    locked.mkdir()
    shutil.copy(REAL, locked / "ml-ai-engineer.md")
    locked.chmod(0)
    try:
        lint = _admin("lint", "--corpus", str(corpus), unprivileged=True)
        built = _admin("index", "--corpus", str(corpus), "--index", str(tmp_path / "index"),
                       "--quiet", unprivileged=True)
    finally:
        locked.chmod(0o755)
    assert lint.returncode == 1 and _findings(lint, "E109") == ["acme"]
    assert "cannot list folder" in lint.stdout
    assert built.returncode == 0, built.stderr
    assert "1 guides" in built.stdout and "  acme: cannot list folder" in built.stdout
