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


def cpu_times() -> tuple[int, int]:
    """(stolen, total) CPU time in jiffies since boot, from /proc/stat; (0, 0) elsewhere.

    Steal is time the hypervisor gave this VM's CPUs to someone else: on a shared host it
    explains runs of the same code that differ by a quarter.
    """
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except (OSError, IndexError):
        return 0, 0
    values = [int(v) for v in fields]
    return (values[7] if len(values) > 7 else 0), sum(values[:8])


def steal_percent(before: tuple[int, int], after: tuple[int, int]) -> float:
    """Share of CPU time stolen between two `cpu_times` readings, in percent."""
    total = after[1] - before[1]
    return round(100 * (after[0] - before[0]) / total, 1) if total > 0 else 0.0
