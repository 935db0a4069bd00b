"""The 1x library over a Chroma server with two app replicas, as docs/deployment.md deploys it.

Example:
    $ python -m assistant.bench --full --only replicas       # results under "replicas"

`chroma run` on a loopback port holds the index (built into it by the project's builder, the
vectors reused from the 1x index); two `python app.py` processes serve it. Measured: each
replica's warm look-ups over HTTP (one client, distinct questions: one per guide, region and
pay part, after 200 others), both under load together (8 clients each, distinct questions),
and each replica's memory; the single app over the embedded index is measured the same way,
with 16 clients, first.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx

from assistant.bench.loadtest import LoadResult, load_test
from assistant.bench.process import measured
from assistant.bench.scaling.library import grow
from assistant.bench.web import distinct_questions, free_port, rss_mb, serving

LOAD_SECONDS = 10.0
CLIENTS_EACH = 8
WARM, TIMED = 200, 600  # distinct look-ups per replica: a warm-up, then the timed ones


def replicas_step(root: Path, shared: Path, cache: Path, vectors_from: Path, work: Path,
                  env: dict[str, str]) -> dict[str, Any]:
    """The 1x library served two ways, measured alike: one app over the embedded index, and
    two replicas over a Chroma server."""
    grown = grow(shared, cache / "1x", 1)
    questions = distinct_questions(vectors_from)
    with serving(root, vectors_from, work / "single.log", env, ASSISTANT_RATE_LIMIT="0",
                 ASSISTANT_DATA=str(work / "single-data")) as (base, pid):
        single = {"warm_lookup": sequential(base, questions),
                  "load": _together([base], questions, 2 * CLIENTS_EACH),
                  "rss_mb": rss_mb(pid)[0]}
    return {"single_embedded": single,
            "two_replicas": over_a_server(root, grown.root, vectors_from, work, env, questions)}


def over_a_server(root: Path, grown: Path, vectors_from: Path, work: Path,
                  env: dict[str, str], questions: list[str]) -> dict[str, Any]:
    """Build `grown` into a fresh Chroma server and measure two replicas over it."""
    with chroma_server(work / "chroma-server", work / "chroma.log") as url:
        env = dict(env, ASSISTANT_CHROMA_URL=url, ASSISTANT_FOLLOW_LINKS="1",
                   ASSISTANT_RATE_LIMIT="0")
        built = measured([sys.executable, "-m", "assistant.bench.scaling.library", "build",
                          "--root", str(grown), "--index", str(work / "unused-index"),
                          "--vectors-from", str(vectors_from)], env, cwd=root)
        with ExitStack() as stack:
            served = [stack.enter_context(serving(
                root, work / "unused-index", work / f"replica-{n}.log", env,
                ASSISTANT_DATA=str(work / f"replica-data-{n}"))) for n in (1, 2)]
            warm = [sequential(base, questions[n :: 2]) for n, (base, _) in enumerate(served)]
            load = _together([base for base, _ in served], questions, CLIENTS_EACH)
            replicas = [{"warm_lookup": w, "rss_mb": rss_mb(pid)[0]}
                        for w, (_, pid) in zip(warm, served, strict=True)]
    return {"build_s": built["seconds"], "build_summary": built["summary"],
            "replicas": replicas, "load": load}


def sequential(base: str, questions: list[str], warm: int = WARM, timed: int = TIMED
               ) -> dict[str, float]:
    """p50/p95 (ms) of one client's look-ups over HTTP: `warm` distinct questions first, then
    `timed` others (none repeats, so the answer cache never hits)."""
    times: list[float] = []
    warm = min(warm, len(questions) // 4)  # a small library (tests) still times three quarters
    with httpx.Client(base_url=base, timeout=60, trust_env=False) as client:
        for n, question in enumerate(questions[: warm + timed]):
            start = time.perf_counter()
            client.post("/api/ask", json={"question": question})
            if n >= warm:
                times.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(times, n=100)
    return {"p50_ms": round(cuts[49], 2), "p95_ms": round(cuts[94], 2), "n": len(times)}


def _together(bases: list[str], questions: list[str], clients: int) -> dict[str, Any]:
    """Every app in `bases` loaded at once, each by `clients` clients on its share of
    `questions`: each one's result and the requests per second of all together."""
    results: list[LoadResult | None] = [None] * len(bases)

    def run(n: int) -> None:
        results[n] = load_test(bases[n], questions[n :: len(bases)], clients, LOAD_SECONDS)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(bases))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done = [r for r in results if r is not None]
    return {"each": [asdict(r) for r in done], "rps": round(sum(r.rps for r in done), 1),
            "errors": sum(r.errors for r in done)}


@contextmanager
def chroma_server(path: Path, log_path: Path) -> Iterator[str]:
    """`chroma run` (the chromadb package's server) over `path` on a free loopback port: its
    URL once it answers; stopped after."""
    port = free_port()
    command = [str(Path(sys.executable).parent / "chroma"), "run", "--path", str(path),
               "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while not _answers(url):
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"chroma run did not start; see {log_path}")
                time.sleep(0.3)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()


def _answers(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/v2/heartbeat", timeout=1, trust_env=False
                         ).status_code == 200
    except httpx.HTTPError:
        return False
