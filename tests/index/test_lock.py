"""One writer per index: a second writer is refused with a message naming the holder."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from index_support import hash_settings, make_corpus, three_guides

from assistant.errors import IndexLockedError
from assistant.index.lock import IndexLock
from assistant.index.writing.builder import build_from_corpus

ROOT = Path(__file__).resolve().parents[2]
HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from index_support import hash_settings
    from assistant.index.lock import IndexLock
    with IndexLock(hash_settings(Path(sys.argv[1]))):
        print("locked", flush=True)
        sys.stdin.readline()
""")


@pytest.fixture
def holder(tmp_path: Path):
    """A subprocess holding the index lock until its stdin closes."""
    script = tmp_path / "hold.py"
    script.write_text(HOLDER)
    env = {**os.environ, "PYTHONPATH": f"{Path(__file__).parent}{os.pathsep}{ROOT}"}
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path / "index")], env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
    yield proc
    if proc.stdin:
        proc.stdin.close()
    proc.wait(timeout=10)


def test_second_writer_is_refused(tmp_path: Path, holder: subprocess.Popen) -> None:
    settings = hash_settings(tmp_path / "index")
    with pytest.raises(IndexLockedError, match=rf"PID {holder.pid}\b.*Wait for it to finish"):
        IndexLock(settings).acquire()
    with pytest.raises(IndexLockedError):
        build_from_corpus(settings, make_corpus(three_guides()), [], progress=False)
    assert not (settings.index / "CURRENT").exists()


def test_lock_frees_when_holder_dies(tmp_path: Path, holder: subprocess.Popen) -> None:
    holder.kill()
    holder.wait()
    settings = hash_settings(tmp_path / "index")
    with IndexLock(settings) as lock:
        assert lock.path.read_text().strip() == str(os.getpid())
    summary = build_from_corpus(settings, make_corpus(three_guides()), [], progress=False)
    assert summary.chunks == 5


def test_lock_is_reentrant_after_release(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    with IndexLock(settings):
        with pytest.raises(IndexLockedError):
            IndexLock(settings).acquire()  # flock is per open file: refused even in-process
    with IndexLock(settings):
        pass
