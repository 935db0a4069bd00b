"""Web benchmark: `python app.py` over the full index, driven by 16 keep-alive clients."""

from __future__ import annotations

import json
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx

from assistant.bench.loadtest import load_test
from assistant.bench.sustained import sustained

CLIENTS = 16
SECONDS = 15.0
MAX_REQUESTS = 20000
SUSTAINED_REQUESTS = 10_000  # issue 13: gold + adversarial, every answer checked
SUSTAINED_CLIENTS = 32
COMPONENTS = ("base salary", "stock", "bonus", "sign-on bonus", "total comp")


def web_load(root: Path, index: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """Requests/s and latency with distinct questions and with repeated ones; server RSS."""
    with serving(root, index, work / "server.log", env, ASSISTANT_RATE_LIMIT="0",
                 ASSISTANT_DATA=str(work / "data")) as (base, pid):
        distinct = distinct_questions(index)
        gold = eval_questions(root, "gold")
        load_test(base, gold[:50], clients=4, seconds=3)  # warm-up, not reported
        runs = {
            "distinct questions": asdict(load_test(base, distinct, CLIENTS, SECONDS,
                                                   min(MAX_REQUESTS, len(distinct)))),
            "gold questions, repeated": asdict(load_test(base, gold, CLIENTS, SECONDS,
                                                         MAX_REQUESTS)),
        }
        checked = sustained(base, eval_questions(root, "gold", "adversarial"),
                            SUSTAINED_REQUESTS, SUSTAINED_CLIENTS,
                            rss=lambda: rss_mb(pid)[0] * 2**20)
        runs["sustained, every answer checked"] = checked.as_dict()
        rss, hwm = rss_mb(pid)
    return {"runs": runs, "server_rss_mb": rss, "server_hwm_mb": hwm}


@contextmanager
def serving(root: Path, index: Path, log_path: Path, env: dict[str, str], **settings: str
            ) -> Iterator[tuple[str, int]]:
    """`python app.py` over `index` with `settings` (environment variables) on a free
    loopback port, healthy: its base URL and pid; stopped (SIGINT, then killed) after."""
    port = free_port()
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=root,
                                  env=dict(env, ASSISTANT_INDEX=str(index), **settings),
                                  stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(base, server)
            yield base, server.pid
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()


def eval_questions(root: Path, *names: str) -> list[str]:
    """The questions of tests/eval/<name>.jsonl for each name, in order."""
    return [json.loads(line)["question"] for name in names
            for line in (root / "tests" / "eval" / f"{name}.jsonl").read_text(
                encoding="utf-8").splitlines() if line.strip()]


def distinct_questions(index: Path, seed: int = 7) -> list[str]:
    """One question per guide, region and pay component of the index, shuffled: none repeats."""
    from assistant.index.handle import open_index
    from assistant.settings import Settings

    catalog = open_index(Settings.load(overrides={"index": str(index)})).catalog
    questions = [f"{e.company_display} {e.role_display} {region} {component}?"
                 for e in catalog.entries if e.company and e.role
                 for region in e.regions for component in COMPONENTS]
    random.Random(seed).shuffle(questions)
    return questions


def wait_healthy(base: str, server: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the app exited during start-up; see its log in the bench folder")
        try:
            if httpx.get(base + "/healthz", timeout=2, trust_env=False).json().get(
                    "index_loaded"):
                return
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.5)
    raise SystemExit(f"the app at {base} did not become healthy in {timeout:.0f} s")


def rss_mb(pid: int) -> tuple[float, float]:
    """Current and peak resident memory of a process, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return (round(int(fields["VmRSS"].split()[0]) / 1024, 1),
            round(int(fields["VmHWM"].split()[0]) / 1024, 1))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
