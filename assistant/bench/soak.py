"""The soak (issue 21): the sustained run while a hostile client attacks at its own rate limit.

Example:
    >>> result = soak(ROOT, index, work, env)
    >>> result["others_5xx"], result["p95_ratio"], result["rss_growth_pct"]
    (0, 1.3, 2.4)

`python app.py` serves with the default per-client rate limit and loopback as its trusted
proxy, so each ordinary request is a visitor of its own (X-Forwarded-For), as a widget's
traffic is, and the hostile client one address. First the 32 ordinary connections run alone
(the quiet run: 10,000 requests, every answer checked);
then again while the hostile client sends, at its own rate limit, what issue 21's high items
found: history turns of 20,000 spaces, bodies that stop after 12 of 100 promised bytes and
hold their connection, 460 KB chat joins whose results it never reads, held heartbeat streams.
What passes: no 5xx for the others, their p95 within twice the quiet run's, and the server's
memory growing at most 10% over the soak.
"""

from __future__ import annotations

import collections
import json
import multiprocessing
import socket
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from assistant.bench.sustained import sustained
from assistant.bench.web import eval_questions, rss_mb, serving
from assistant.settings import Settings

REQUESTS = 10_000
CLIENTS = 32
RATE = Settings.rate_limit  # the default per-client limit
PRESSURE = 4  # the hostile client sends 4 times its limit: always at it, the rest refused
HOSTILE = "10.66.0.1"
HELD = 80  # sockets the hostile client keeps open at once (slow bodies, heartbeats)


def soak(root: Path, index: Path, work: Path, env: dict[str, str],
         total: int = REQUESTS) -> dict[str, Any]:
    """The quiet run, the soak, and what the hostile client was told (see the docstring)."""
    with serving(root, index, work / "soak-server.log", env, ASSISTANT_RATE_LIMIT=str(RATE),
                 ASSISTANT_TRUSTED_PROXIES="127.0.0.1",
                 ASSISTANT_DATA=str(work / "soak-data")) as (base, pid):
        questions = eval_questions(root, "gold", "adversarial")
        sustained(base, questions[:50], 200, 4, forwarded=True)  # warm-up, not reported
        memory = lambda: rss_mb(pid)[0] * 2**20  # noqa: E731 - read once per sample
        quiet = sustained(base, questions, total, CLIENTS, rss=memory, forwarded=True)
        # the hostile client is a process of its own: building its bodies must not take the
        # measuring clients' GIL, or its cost would show as the server's
        spawn = multiprocessing.get_context("spawn")
        ready, stop, told = spawn.Event(), spawn.Event(), spawn.Queue()
        attacker = spawn.Process(target=_attack, args=(base, RATE * PRESSURE, ready, stop, told),
                                 daemon=True)
        attacker.start()
        ready.wait(timeout=60)
        try:
            loud = sustained(base, questions, total, CLIENTS, rss=memory, forwarded=True)
        finally:
            stop.set()
            hostile = told.get(timeout=120)
            attacker.join(timeout=30)
    return {"quiet": quiet.as_dict(), "soak": loud.as_dict(),
            "others_5xx": loud.server_errors, "mismatches": loud.mismatches,
            "p95_ratio": round(loud.p95_ms / quiet.p95_ms, 2) if quiet.p95_ms else 0.0,
            "rss_growth_pct": loud.rss_growth_pct, "hostile": hostile}


def _attack(base: str, per_minute: int, ready: Any, stop: Any, told: Any) -> None:
    """The hostile process: attack until `stop` is set, then put what it was told."""
    attacker = Hostile(base, per_minute)
    attacker.start()
    ready.set()
    stop.wait()
    attacker.stop()
    told.put(dict(attacker.told))


_TURN = {"role": "assistant", "content": [{"type": "text", "text": "<p>" + "Seattle base $165K. "
                                           * 450 + "</p>"}]}
_JOIN = json.dumps({"data": ["Alibaba Seattle sign-on?", [_TURN] * 48], "fn_index": 0,
                    "session_hash": "SESSION", "trigger_id": None}).encode()  # ~460 KB


class Hostile:
    """One client (its own address) sending issue 21's attacks in turn, `per_minute` at most."""

    def __init__(self, base: str, per_minute: int) -> None:
        self.base = base
        self.host, port = base.removeprefix("http://").split(":")
        self.port = int(port)
        self.gap = 60.0 / per_minute
        self.told: collections.Counter[str] = collections.Counter()  # "attack status" -> n
        self._held: collections.deque[socket.socket] = collections.deque()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hostile", daemon=True)
        self._http = httpx.Client(base_url=base, trust_env=False, timeout=10,
                                  headers={"X-Forwarded-For": HOSTILE})

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=30)
        while self._held:
            self._held.popleft().close()
        self._http.close()

    def _run(self) -> None:
        attacks = (self._spaces, self._slow_body, self._unread_join, self._heartbeat)
        n = 0
        while not self._stop.is_set():
            started = time.monotonic()
            attack = attacks[n % len(attacks)]
            try:
                self.told[f"{attack.__name__.strip('_')} {attack()}"] += 1
            except (OSError, httpx.HTTPError) as exc:
                self.told[f"{attack.__name__.strip('_')} {type(exc).__name__}"] += 1
            n += 1
            self._stop.wait(max(0.0, self.gap - (time.monotonic() - started)))

    def _spaces(self) -> int:
        """High 1: history turns of 20,000 spaces."""
        turn = {"role": "user", "content": "Stripe" + " " * 19_980 + "base?"}
        return self._http.post("/api/ask", json={"question": "Stripe base?",
                                                 "history": [turn] * 3}).status_code

    def _slow_body(self) -> int:
        """High 6: 12 of 100 promised bytes, the connection held open."""
        sock = self._open()
        sock.sendall(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                     b"\r\nX-Forwarded-For: " + HOSTILE.encode() + b"\r\nContent-Length: 100"
                     b"\r\n\r\n" + b'{"question":')
        return 0

    def _unread_join(self) -> int:
        """High 2 and 5: a 460 KB chat join whose result is never read."""
        body = _JOIN.replace(b"SESSION", uuid.uuid4().hex[:10].encode())
        return self._http.post("/gradio_api/queue/join", content=body,
                               headers={"Content-Type": "application/json"}).status_code

    def _heartbeat(self) -> int:
        """Medium: a heartbeat stream opened and held."""
        sock = self._open()
        sock.sendall(f"GET /gradio_api/heartbeat/{uuid.uuid4().hex[:10]} HTTP/1.1\r\nHost: x"
                     f"\r\nX-Forwarded-For: {HOSTILE}\r\n\r\n".encode())
        return 0

    def _open(self) -> socket.socket:
        """A new held connection; the oldest is closed past HELD."""
        sock = socket.create_connection((self.host, self.port), timeout=5)
        self._held.append(sock)
        while len(self._held) > HELD:
            self._held.popleft().close()
        return sock
