"""A build that runs out of disk (a small tmpfs holding the index) fails cleanly: a short
message that says what to do, no path-and-tuple dump, and the previous version keeps
answering; with space freed the next build succeeds. Needs root to mount the tmpfs, which
CI has; elsewhere it skips unless CI=true, where it fails."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.answer.pipeline import Assistant
from assistant.cli.admin import main as admin
from assistant.settings import Settings

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "Alibaba ML engineer Seattle base?"  # corpus/guides/alibaba/ml-ai-engineer.md
SEATTLE_BASE = "$165K–$235K"


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but the disk-full test cannot mount a tmpfs (needs root)")
        pytest.skip("mounting a tmpfs needs root")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_fails_cleanly_and_keeps_the_live_version(
        small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index = small_disk / "index"
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_INDEX", str(index))
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "none.toml"))
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    first = CliRunner().invoke(admin, ["index", "--corpus", str(corpus), "--quiet"])
    assert first.exit_code == 0, first.output
    live = (index / "CURRENT").read_text().strip()
    free = shutil.disk_usage(small_disk).free
    ballast = small_disk / "ballast"
    with ballast.open("wb") as out:  # leave 64 KB: far less than a new version needs
        out.truncate(0)
        out.write(b"\0" * max(free - 64 * 1024, 0))
    full = CliRunner().invoke(admin, ["index", "--corpus", str(corpus), "--rebuild", "--quiet"])
    assert full.exit_code != 0
    said = full.output.strip().splitlines()[-1]
    assert "space" in said.casefold() and len(said) < 400, said
    assert "(" + "'" not in said and "Traceback" not in full.output
    assert (index / "CURRENT").read_text().strip() == live
    answer = Assistant(Settings.load()).ask(QUESTION)
    assert answer.index_version == live and SEATTLE_BASE in answer.text
    ballast.unlink()
    again = CliRunner().invoke(admin, ["index", "--corpus", str(corpus), "--rebuild", "--quiet"])
    assert again.exit_code == 0, again.output
    assert (index / "CURRENT").read_text().strip() != live
