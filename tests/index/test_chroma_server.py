"""The same build/query/lock logic against a real `chroma run` server on loopback."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from index_support import CountingEmbedder, hash_settings, make_corpus, make_guide, three_guides

from assistant.embed.hash_embedder import HashEmbedder
from assistant.errors import IndexLockedError, IndexMissingError
from assistant.index.handle import open_index
from assistant.index.versions.remote import RemoteVersions
from assistant.index.writing.builder import build_from_corpus
from assistant.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `chroma run` server on a free loopback port (the CLI ships with chromadb)."""
    binary = Path(sys.executable).parent / "chroma"
    found = str(binary) if binary.exists() else shutil.which("chroma")
    assert found, "the `chroma` CLI (from the chromadb package) is missing from the venv"
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    log = open(data / "server.log", "wb")  # noqa: SIM115 - closed at teardown
    proc = subprocess.Popen([found, "run", "--path", str(data / "db"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        assert proc.poll() is None, (data / "server.log").read_text()
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "chroma server did not start in 30 s"
        time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    log.close()


def _settings(tmp_path: Path, url: str, collection: str) -> Settings:
    return hash_settings(tmp_path / "index", chroma_url=url, collection=collection)


def _build(settings: Settings, guides: list, emb: CountingEmbedder | None = None):
    return build_from_corpus(settings, make_corpus(guides), [], progress=False,
                             embedder=emb or CountingEmbedder())


def test_build_query_incremental_through_server(tmp_path: Path, chroma_url: str) -> None:
    settings = _settings(tmp_path, chroma_url, "srv")
    with pytest.raises(IndexMissingError):
        open_index(settings)
    first = _build(settings, three_guides())
    handle = open_index(settings)
    assert handle.version == first.version
    hit = handle.query(HashEmbedder().embed(["Globex stock vests four years"])[0], k=1)[0]
    assert hit.id == "globex#equity/0" and hit.metadata["guide"] == "globex"
    assert [g.id for g in handle.guides] == ["acme", "globex", "initech"]
    assert not (settings.index / "versions").exists()  # no local state besides the lock

    guides = three_guides()
    guides[0] = make_guide("acme", ("Negotiation DNA", "Acme now ignores competing offers."),
                           ("Sign on", guides[0].sections[1].text))
    emb = CountingEmbedder()
    second = _build(settings, guides[:2], emb)
    assert (second.embedded, second.reused, second.deleted) == (1, 3, 2)
    assert len(emb.texts) == 1 and "ignores competing offers" in emb.texts[0]
    handle = open_index(settings)
    assert handle.store.count() == 4
    assert handle.store.get(["initech#remote/0"]) == []
    third = _build(settings, guides[:2])
    assert third.embedded == 0

    # the first build's collection is the base both later versions are deltas over
    assert open_index(settings).manifest.segments == [first.version, third.version]
    names = {c for c in RemoteVersions(settings).conn.names() if c.startswith("srv-")}
    assert names == {"srv-meta", f"srv-{first.version}", f"srv-{second.version}",
                     f"srv-{third.version}"}
    old = open_index(settings)  # a replica opened before a switch keeps answering
    _build(settings, guides[:1])
    assert old.store.count() == 4


def test_large_catalog_is_split_into_parts(tmp_path: Path, chroma_url: str, monkeypatch) -> None:
    monkeypatch.setattr("assistant.index.versions.remote.PART_CHARS", 500)
    settings = _settings(tmp_path, chroma_url, "parts")
    _build(settings, three_guides())
    assert [g.id for g in open_index(settings).guides] == ["acme", "globex", "initech"]


def test_server_lease_refuses_a_second_writer(tmp_path: Path, chroma_url: str) -> None:
    settings = _settings(tmp_path, chroma_url, "leased")
    meta = RemoteVersions(settings).meta
    meta.write("lock", "someone-else", kind="lock", pid=4242, host="other-box",
               expires=time.time() + 60)
    with pytest.raises(IndexLockedError, match="PID 4242 on other-box"):
        _build(settings, three_guides())
    meta.write("lock", "someone-else", kind="lock", pid=4242, host="other-box",
               expires=time.time() - 1)  # expired: taken over
    assert _build(settings, three_guides()).chunks == 5
    assert meta.read("lock") is None  # released after the build
