"""Drive POST /api/ask from many keep-alive clients and report throughput and latency.

Example:
    >>> result = load_test("http://127.0.0.1:7860", ["Alibaba Seattle sign-on?"], seconds=5)
    >>> result.rps, result.p95_ms

    python -m assistant.bench.loadtest http://127.0.0.1:7860 --clients 16 --seconds 10

Start the server with ASSISTANT_RATE_LIMIT=0, or the limiter answers most requests with 429
(counted here as errors). Bounded in time and in request count.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import math
import threading
import time
from dataclasses import asdict, dataclass
from urllib.parse import urlsplit

DEFAULT_QUESTIONS = ("Alibaba Seattle sign-on?", "Alibaba ML engineer Singapore base",
                     "Can a sign-on bonus be clawed back?", "Alibaba ML engineer levels?")


@dataclass(frozen=True)
class LoadResult:
    """What one load test measured (latencies over every request, errors included)."""

    requests: int
    errors: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    seconds: float = 0.0
    clients: int = 0


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of an ascending list (0.0 when empty)."""
    if not sorted_values:
        return 0.0
    rank = max(1, min(len(sorted_values), math.ceil(pct / 100 * len(sorted_values))))
    return sorted_values[rank - 1]


class _Budget:
    """Hands out request tickets until the deadline or the request cap."""

    def __init__(self, seconds: float, max_requests: int) -> None:
        self.deadline = time.perf_counter() + seconds
        self._tickets = itertools.count()
        self._lock = threading.Lock()
        self.max_requests = max_requests

    def take(self) -> int | None:
        with self._lock:
            n = next(self._tickets)
        if n >= self.max_requests or time.perf_counter() >= self.deadline:
            return None
        return n


def _client(host: str, port: int, path: str, bodies: list[bytes], budget: _Budget,
            latencies: list[float], errors: list[int]) -> None:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Content-Type": "application/json", "Connection": "keep-alive"}
    try:
        while (n := budget.take()) is not None:
            start = time.perf_counter()
            try:
                conn.request("POST", path, body=bodies[n % len(bodies)], headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                conn.close()  # reconnects on the next request
                ok = False
            latencies.append((time.perf_counter() - start) * 1000)
            if not ok:
                errors.append(n)
    finally:
        conn.close()


def load_test(base_url: str, questions: list[str], clients: int = 16, seconds: float = 10.0,
              max_requests: int = 20000) -> LoadResult:
    """Run `clients` keep-alive threads asking `questions` in turn; stop at time or count."""
    if not questions:
        raise ValueError("load_test needs at least one question")
    url = urlsplit(base_url)
    if url.scheme != "http" or not url.hostname:
        raise ValueError(f"load_test needs an http:// base URL, not {base_url!r}")
    path = url.path.rstrip("/") + "/api/ask"
    bodies = [json.dumps({"question": q, "history": []}).encode() for q in questions]
    latencies: list[float] = []  # list.append is atomic under the GIL
    errors: list[int] = []
    budget = _Budget(seconds, max_requests)
    threads = [threading.Thread(target=_client, daemon=True, args=(
        url.hostname, url.port or 80, path, bodies, budget, latencies, errors))
        for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)
    return LoadResult(requests=len(ordered), errors=len(errors),
                      rps=round(len(ordered) / elapsed, 1) if elapsed else 0.0,
                      p50_ms=round(percentile(ordered, 50), 1),
                      p95_ms=round(percentile(ordered, 95), 1),
                      p99_ms=round(percentile(ordered, 99), 1),
                      seconds=round(elapsed, 2), clients=clients)


def main(argv: list[str] | None = None) -> None:
    """Command line: print one JSON object with the result."""
    parser = argparse.ArgumentParser(prog="python -m assistant.bench.loadtest",
                                     description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("base_url")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--max-requests", type=int, default=20000)
    parser.add_argument("--question", action="append", help="repeatable; default: a small mix")
    args = parser.parse_args(argv)
    result = load_test(args.base_url, args.question or list(DEFAULT_QUESTIONS), args.clients,
                       args.seconds, args.max_requests)
    print(json.dumps(asdict(result)))


if __name__ == "__main__":
    main()
