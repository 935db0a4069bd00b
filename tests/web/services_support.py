"""Real servers for the replica tests, each started on a loopback port and stopped after:
Debian's redis-server and PostgreSQL (`make services` installs them) and `chroma run` (in the
chromadb package). A missing one fails its test with the command that installs it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

REDIS = shutil.which("redis-server") or "/usr/bin/redis-server"
PG_BIN = next((Path(p) for p in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)),
              Path("/usr/lib/postgresql/15/bin"))
CHROMA = Path(sys.executable).parent / "chroma"


def free_port() -> int:
    """A TCP port nothing listens on now (loopback)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(ready: Callable[[], bool], server: subprocess.Popen[bytes], what: str,
             seconds: float = 30) -> None:
    """Poll `ready` until it holds; fail when the server exits or the time is up."""
    deadline = time.monotonic() + seconds
    while not ready():
        assert server.poll() is None, f"{what} exited with {server.returncode}"
        assert time.monotonic() < deadline, f"{what} did not start in {seconds:.0f} s"
        time.sleep(0.1)


def stop(server: subprocess.Popen[bytes]) -> None:
    """Terminate, then kill if it lingers."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


@contextmanager
def redis_server() -> Iterator[str]:
    """A throwaway redis-server, no persistence: its URL."""
    if not os.access(REDIS, os.X_OK):
        pytest.fail(f"{REDIS} is missing: `make services` installs it (apt-get install "
                    "redis-server)")
    from assistant.web.counters import Counters

    port = free_port()
    server = subprocess.Popen([REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL)
    url = f"redis://127.0.0.1:{port}/0"
    try:
        wait_for(lambda: Counters(url).reachable(), server, "redis-server", 10)
        yield url
    finally:
        stop(server)


def _as_postgres(*command: str) -> list[str]:
    """PostgreSQL refuses to run as root: as root, run it as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else list(command)


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway cluster (trust auth, loopback only, no fsync): its URL."""
    if not (PG_BIN / "initdb").exists() or shutil.which("runuser") is None:
        pytest.fail(f"PostgreSQL is missing under {PG_BIN}: `make services` installs it "
                    "(apt-get install postgresql)")
    home = Path(tempfile.mkdtemp(prefix="pg-"))
    data, sockets = home / "data", home / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
        shutil.chown(sockets, "postgres")
    port = free_port()
    subprocess.run(_as_postgres(str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U",
                                "coach", "--no-sync"), check=True, capture_output=True)
    subprocess.run(_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-l",
                                str(home / "server.log"), "-o",
                                f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 "
                                "-c fsync=off", "start"), check=True, capture_output=True)
    try:
        yield f"postgresql://coach@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast",
                                    "stop"), capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """`chroma run` over `path`: its URL."""
    if not CHROMA.exists():
        pytest.fail(f"{CHROMA} is missing: `make setup` installs chromadb")
    port = free_port()
    server = subprocess.Popen([str(CHROMA), "run", "--path", str(path), "--host", "127.0.0.1",
                               "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        try:
            return httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200
        except httpx.HTTPError:
            return False

    try:
        wait_for(up, server, "chroma run")
        yield url
    finally:
        stop(server)
