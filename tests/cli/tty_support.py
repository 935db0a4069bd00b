"""Run `ask` as a person would: in a fresh interpreter whose stdout is a real pseudo-terminal
of a fixed size, and read back what the screen was sent."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ASK = [sys.executable, "-m", "assistant.cli.ask"]
ROOT = Path(__file__).resolve().parents[2]  # the working directory: .models/ is relative
# rich reads these; a developer's own settings must not leak into the test
TERMINAL_ENV = ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS",
                "LINES", "PAGER", "LESS", "COLORTERM", "CLICOLOR_FORCE")
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def ask_env(index: Path, tmp: Path, **extra: str) -> dict[str, str]:
    """The environment for `ask` over `index` with the hash embedder and a plain terminal."""
    env = {k: v for k, v in os.environ.items() if k not in TERMINAL_ENV}
    env.update(ASSISTANT_EMBEDDER="hash", ASSISTANT_INDEX=str(index),
               ASSISTANT_CONFIG=str(tmp / "none.toml"), TERM="xterm-256color", **extra)
    return env


def on_terminal(args: list[str], env: dict[str, str], columns: int = 60, rows: int = 200,
                stdin: str | None = None, timeout: float = 120.0) -> str:
    """What `ask ARGS` writes to a `columns` x `rows` terminal (stdin piped when given)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    proc = subprocess.Popen([*ASK, *args], stdout=slave, stderr=slave, env=env, cwd=ROOT,
                            stdin=subprocess.DEVNULL if stdin is None else subprocess.PIPE)
    os.close(slave)
    if stdin is not None and proc.stdin is not None:
        proc.stdin.write(stdin.encode())
        proc.stdin.close()
    out = _read_all(master, time.monotonic() + timeout)
    os.close(master)
    assert proc.wait(timeout=10) == 0, out
    return out.replace("\r\n", "\n")  # the terminal's own line ends (ONLCR)


def _read_all(master: int, deadline: float) -> str:
    chunks: list[bytes] = []
    while time.monotonic() < deadline:
        if not select.select([master], [], [], 1.0)[0]:
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: every writer of the terminal has closed it
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode("utf-8")


def piped(args: list[str], env: dict[str, str]) -> bytes:
    """What `ask ARGS` writes down a pipe."""
    done = subprocess.run([*ASK, *args], capture_output=True, env=env, cwd=ROOT, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    return done.stdout


def plain(text: str) -> str:
    """`text` without its SGR style sequences (bold, colours): what a reader sees."""
    return SGR.sub("", text)


def colour_codes(text: str) -> list[str]:
    """The SGR parameters in `text` that set a colour (30-49, 90-107)."""
    params = [p for group in SGR.findall(text) for p in group.split(";") if p]
    return [p for p in params if 30 <= int(p) <= 49 or 90 <= int(p) <= 107]
