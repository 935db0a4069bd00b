"""The app over a Chroma server that goes down, hangs and comes back (a real `chroma run` on
loopback, reached through a proxy the test can stall): once a version is open every question
keeps answering (answers search the vectors its catalog keeps, never the server), /healthz
says "degraded" within its probe's age, and says "ok" again by itself when the server answers;
its version follower outlives the outage (a version built after it is served, no restart).
An app that cannot reach the server to open a version answers 503 at once."""

from __future__ import annotations

import select
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from index_support import hash_settings

from assistant.index.writing.builder import build_index
from assistant.settings import Settings
from assistant.web.guards.health import MAX_AGE_S
from assistant.web.server import create_app

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
# General questions, with a company named and without: both search the articles' vectors the
# catalog keeps (index/articles.py), read once when the version opens.
GENERAL = "Alibaba's recruiter says the offer is final; anything I can say back? ({})"
NO_COMPANY = "How do I negotiate a sign-on bonus when I have a competing offer? ({})"
LOOKUP = "Alibaba ML engineer Seattle base?"  # corpus/guides/alibaba/ml-ai-engineer.md
SEATTLE_BASE = "$165K–$235K"
TIMEOUT_S = 1.0
CHECK_S = 0.5  # how often the app looks for a new index version


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Proxy:
    """A loopback TCP proxy to the Chroma server; `stall` makes it hold every byte."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.stall = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.open = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while self.open:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    def _pipe(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(("127.0.0.1", self.target), timeout=5)
        except OSError:
            client.close()  # the server is down: refuse, as it would
            return
        pair = {client: upstream, upstream: client}
        try:
            while self.open:
                ready, _, _ = select.select(list(pair), [], [], 0.05)
                if self.stall.is_set():
                    continue  # hold everything: a hung server
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    pair[sock].sendall(data)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()

    def close(self) -> None:
        self.open = False
        self.sock.close()


class ChromaServer:
    """`chroma run` on a fixed port and data directory, stoppable and restartable."""

    def __init__(self, data: Path) -> None:
        binary = Path(sys.executable).parent / "chroma"
        found = str(binary) if binary.exists() else shutil.which("chroma")
        assert found, "the `chroma` CLI (from the chromadb package) is missing from the venv"
        self.binary, self.data, self.port = found, data, _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = open(self.data / "server.log", "ab")  # noqa: SIM115 - owned by the process
        self.proc = subprocess.Popen([self.binary, "run", "--path", str(self.data / "db"),
                                      "--host", "127.0.0.1", "--port", str(self.port)],
                                     stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            assert self.proc.poll() is None, (self.data / "server.log").read_text()
            try:
                url = f"http://127.0.0.1:{self.port}/api/v2/heartbeat"
                if httpx.get(url, timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "chroma server did not start in 30 s"
            time.sleep(0.1)

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None


Served = tuple[ChromaServer, Proxy, TestClient, Settings]


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[Served]:
    server = ChromaServer(tmp_path)
    server.start()
    proxy = Proxy(server.port)
    settings = hash_settings(tmp_path / "index", chroma_url=f"http://127.0.0.1:{proxy.port}",
                             chroma_timeout=TIMEOUT_S, rate_limit=0, version_check=CHECK_S,
                             data_dir=tmp_path / "data", corpus=ROOT / "corpus")
    build_index(settings, [ROOT / "corpus"], progress=False)
    client = TestClient(create_app(settings, mount_chat=False), raise_server_exceptions=False)
    try:
        yield server, proxy, client, settings
    finally:
        client.close()
        proxy.close()
        server.stop()


_ASKED = iter(range(10_000))


def _ask(client: TestClient, question: str) -> tuple[int, dict[str, object], float]:
    """POST /api/ask; a general question is made distinct each time (no answer cache hit)."""
    question = question.format(next(_ASKED))
    start = time.monotonic()
    response = client.post("/api/ask", json={"question": question})
    return response.status_code, response.json(), time.monotonic() - start


def _health(client: TestClient, vector_index: str) -> dict[str, object]:
    """/healthz once it says `vector_index` (its probe is at most MAX_AGE_S old)."""
    deadline = time.monotonic() + 10 * MAX_AGE_S
    while True:
        health: dict[str, object] = client.get("/healthz").json()
        if health["vector_index"] == vector_index or time.monotonic() > deadline:
            return health
        time.sleep(0.2)


def test_server_down_then_back(served: Served) -> None:
    server, _, client, settings = served
    assert _ask(client, GENERAL)[0] == 200
    assert _health(client, "ok")["vector_index"] == "ok"
    time.sleep(3 * CHECK_S)  # the version follower has read the live version at least once
    server.stop()
    for question in (GENERAL, NO_COMPANY):
        status, body, took = _ask(client, question)
        assert status == 200 and body["status"] == "answered" and body["citations"]
        assert took < 10 * TIMEOUT_S
    looked_up = _ask(client, LOOKUP)
    assert looked_up[0] == 200 and SEATTLE_BASE in str(looked_up[1]["answer"])
    health = _health(client, "unreachable")
    assert (health["status"], health["vector_index"]) == ("degraded", "unreachable")
    time.sleep(3 * CHECK_S)  # the version follower checks while the server is down
    server.start()  # same port and data: the app finds it again without a restart
    assert _ask(client, GENERAL)[0] == 200
    assert _health(client, "ok")["status"] == "ok"
    # the follower outlived the outage: a version built now is served without a restart
    before = client.get("/healthz").json()["index_version"]
    built = build_index(settings, [ROOT / "corpus"], progress=False, rebuild=True)
    assert built.version != before
    deadline = time.monotonic() + 20 * CHECK_S + 10
    while client.get("/healthz").json()["index_version"] != built.version:
        assert time.monotonic() < deadline, "the new version was never followed"
        time.sleep(CHECK_S)


def test_server_hung_never_holds_an_answer(served: Served) -> None:
    _, proxy, client, _ = served
    assert _ask(client, GENERAL)[0] == 200
    proxy.stall.set()
    results: list[tuple[int, float]] = []

    def one() -> None:
        status, _, took = _ask(client, GENERAL)
        results.append((status, took))

    threads = [threading.Thread(target=one) for _ in range(8)]
    for t in threads:
        t.start()
    looked_up = _ask(client, LOOKUP)
    for t in threads:
        t.join(timeout=60)
    assert looked_up[0] == 200 and SEATTLE_BASE in str(looked_up[1]["answer"])
    assert len(results) == 8 and {s for s, _ in results} == {200}
    assert max(took for _, took in results) < 10 * TIMEOUT_S
    assert _health(client, "unreachable")["vector_index"] == "unreachable"
    proxy.stall.clear()
    assert _health(client, "ok")["vector_index"] == "ok"


def test_app_that_cannot_reach_the_server_answers_503(tmp_path: Path) -> None:
    server = ChromaServer(tmp_path)
    server.start()
    settings = hash_settings(tmp_path / "index", chroma_url=f"http://127.0.0.1:{server.port}",
                             chroma_timeout=TIMEOUT_S, rate_limit=0,
                             data_dir=tmp_path / "data", corpus=ROOT / "corpus")
    build_index(settings, [ROOT / "corpus"], progress=False)
    server.stop()  # the version was built, but the app never opened it
    with TestClient(create_app(settings, mount_chat=False),
                    raise_server_exceptions=False) as client:
        status, body, took = _ask(client, GENERAL)
    assert status == 503 and "vector index server" in str(body["error"])
    assert took < 10 * TIMEOUT_S
