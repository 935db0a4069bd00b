"""Access lines are written by a listener thread, off the request's path: every line queued
before the process exits reaches stderr, whole and in order."""

from __future__ import annotations

import json
import subprocess
import sys

LINES = 2000
SCRIPT = f"""
import json, logging
from assistant.web.requestlog import access_log, configure_logging
configure_logging()
configure_logging()  # twice: still one handler, each line once
for n in range({LINES}):
    access_log.info(json.dumps({{"n": n, "path": "/api/ask"}}))
"""


def test_every_queued_line_reaches_stderr_once() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=60, check=True)
    lines = [json.loads(line) for line in done.stderr.splitlines() if line.startswith("{")]
    assert [line["n"] for line in lines] == list(range(LINES))
