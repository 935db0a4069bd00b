"""Run a benchmarked command: wall time and that child's own peak RSS (reaped with wait4)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def measured(cmd: list[str], env: dict[str, str], cwd: Path | None = None) -> dict[str, Any]:
    """Run `cmd`; seconds, its peak RSS (MB) and the first stdout line. Exits on failure.

    Dirty pages are flushed first (not timed): a full build leaves GBs to write back, and
    that disk traffic would otherwise land in whichever command runs next.
    """
    os.sync()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # reaped here, so rusage is this child's
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, errors = out.read(), err.read()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{errors[-2000:]}")
    first = text.strip().splitlines()[0] if text.strip() else ""
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
            "summary": first}


def bin_path(name: str) -> str:
    """A console script of this virtualenv."""
    return str(Path(sys.executable).parent / name)
