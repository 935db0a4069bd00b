"""A sustained load run that checks every answer: N requests from many keep-alive clients, each
answer compared with the answer the same question got alone, server memory sampled as it goes.

Example:
    >>> run = sustained("http://127.0.0.1:7860", questions, total=10_000, clients=32,
    ...                 rss=lambda: psutil.Process(pid).memory_info().rss)
    >>> run.server_errors, run.mismatches, run.rss_growth_pct
    (0, 0, 3.1)

First each question is asked once, alone, for its reference answer; then `total` requests go
out in turn over the questions. A 5xx is a server error; a 200 whose body differs from the
reference is a mismatch (429 and 503 are load shed, counted apart). Memory is sampled after
every `sample_every` requests; the growth compares the first sample with the last.
"""

from __future__ import annotations

import http.client
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit


@dataclass
class SustainedRun:
    """What a sustained run saw."""

    requests: int = 0
    server_errors: int = 0
    shed: int = 0  # 429 / 503 answers
    mismatches: int = 0
    rss_mb: list[float] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list, repr=False)

    @property
    def p95_ms(self) -> float:
        """The 95th percentile of the requests' latencies."""
        ordered = sorted(self.latencies_ms)
        return round(ordered[int(0.95 * (len(ordered) - 1))], 2) if ordered else 0.0

    @property
    def rss_growth_pct(self) -> float:
        """Growth from the first memory sample to the last, in percent."""
        if len(self.rss_mb) < 2 or not self.rss_mb[0]:
            return 0.0
        return round((self.rss_mb[-1] - self.rss_mb[0]) / self.rss_mb[0] * 100, 1)

    def as_dict(self) -> dict[str, object]:
        return {"requests": self.requests, "server_errors": self.server_errors,
                "shed": self.shed, "mismatches": self.mismatches,
                "rss_first_mb": self.rss_mb[0] if self.rss_mb else 0.0,
                "rss_last_mb": self.rss_mb[-1] if self.rss_mb else 0.0,
                "rss_growth_pct": self.rss_growth_pct, "p95_ms": self.p95_ms}


def _post(conn: http.client.HTTPConnection, path: str, body: bytes,
          headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn.request("POST", path, body=body, headers={"Content-Type": "application/json",
                                                   "Connection": "keep-alive", **(headers or {})})
    response = conn.getresponse()
    return response.status, response.read()


def sustained(base_url: str, questions: list[str], total: int = 10_000, clients: int = 32,
              rss: Callable[[], float] | None = None, sample_every: int = 1000,
              forwarded: bool = False) -> SustainedRun:
    """Run the load (see the module docstring); bounded by `total`, it stops by itself. With
    `forwarded`, each request says it comes from a person of its own (X-Forwarded-For
    10.x.y.z, for a server that trusts loopback as its proxy): a widget's many visitors, each
    asking a question, each well inside the per-client rate limit."""
    url = urlsplit(base_url)
    host, port, path = url.hostname or "127.0.0.1", url.port or 80, "/api/ask"
    bodies = [json.dumps({"question": q, "history": []}).encode() for q in questions]
    reference: list[bytes] = []
    alone = http.client.HTTPConnection(host, port, timeout=60)
    for i, body in enumerate(bodies):  # each reference asked by a visitor of its own, too
        status, content = _post(alone, path, body, {"X-Forwarded-For": (
            f"172.16.{i >> 8 & 255}.{i & 255}")} if forwarded else None)
        reference.append(content if status == 200 else b"")
    alone.close()
    run = SustainedRun()
    lock = threading.Lock()
    tickets = itertools.count()
    if rss is not None:
        run.rss_mb.append(round(rss() / 2**20, 1))

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=60)
        try:
            while (n := next(tickets)) < total:
                i = n % len(bodies)
                headers = {"X-Forwarded-For": f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}"} \
                    if forwarded else None
                started = time.perf_counter()
                try:
                    status, content = _post(conn, path, bodies[i], headers)
                except (OSError, http.client.HTTPException):
                    conn.close()
                    status, content = 599, b""
                took = (time.perf_counter() - started) * 1000
                with lock:
                    run.requests += 1
                    run.latencies_ms.append(took)
                    if status >= 500 and status != 503:
                        run.server_errors += 1
                    elif status in (429, 503):
                        run.shed += 1
                    elif content != reference[i]:
                        run.mismatches += 1
                    if rss is not None and run.requests % sample_every == 0:
                        run.rss_mb.append(round(rss() / 2**20, 1))
        finally:
            conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return run
