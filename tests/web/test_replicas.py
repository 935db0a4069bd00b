"""Two app processes behind one Chroma server, one Redis and one PostgreSQL, as
docs/deployment.md describes: each server is real and on loopback (services_support.py), each
app is `assistant serve` in a process of its own over a slice of the real library.

They answer the gold slice identically, a client's embed-token quota holds across both, a
rating written through one is deleted through the other, and a version built while both serve
is picked up by both without a restart."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from services_support import (
    chroma_server,
    free_port,
    postgres_server,
    redis_server,
    stop,
    wait_for,
)

from assistant.web.embed_tokens import mint
from assistant.web.feedback.postgres import PostgresFeedback

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
SLICE = ROOT / "tests" / "eval" / "slice.jsonl"
LINKED = ("new-relic", "proofpoint", "stripe")  # read in place; alibaba is copied (changed)
SECRET = "a-secret-shared-with-the-site"
SITE = "https://careers.example"
SEATTLE = {"question": "Alibaba ML engineer Seattle base?"}
BIN = Path(sys.executable).parent
LOG_WAIT = 3.0  # seconds a test waits for a line the replica logs through its queue


@dataclass
class Deployment:
    """The shared services and the two replicas' base URLs."""

    env: dict[str, str]
    corpus: Path
    articles: Path
    replicas: tuple[str, str]
    database_url: str
    logs: tuple[Path, ...] = ()

    def said(self) -> str:
        """What the replicas logged that is not a request line (for a failure's message)."""
        return "\n".join(line for log in self.logs for line in log.read_text().splitlines()
                         if '"path"' not in line)[-2000:]

    def index(self) -> None:
        """`assistant index` over the slice, written to the Chroma server (one writer)."""
        done = subprocess.run([str(BIN / "assistant"), "index", "--corpus", str(self.corpus),
                               "--corpus", str(self.articles), "--quiet"], env=self.env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def deployment(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path
               ) -> Iterator[Deployment]:
    home = tmp_path_factory.mktemp("replicas")
    corpus = home / "corpus"
    corpus.mkdir()
    shutil.copytree(shared_corpus / "guides" / "alibaba", corpus / "alibaba")
    for company in LINKED:
        (corpus / company).symlink_to(shared_corpus / "guides" / company,
                                      target_is_directory=True)
    with ExitStack() as stack:
        chroma = stack.enter_context(chroma_server(home / "chroma"))
        redis = stack.enter_context(redis_server())
        database = stack.enter_context(postgres_server())
        env = {**os.environ, "ASSISTANT_CHROMA_URL": chroma, "ASSISTANT_REDIS_URL": redis,
               "ASSISTANT_DATABASE_URL": database, "ASSISTANT_EMBEDDER": "hash",
               "ASSISTANT_FOLLOW_LINKS": "1", "ASSISTANT_EMBED_SECRET": SECRET,
               "ASSISTANT_WIDGET_ORIGINS": SITE, "ASSISTANT_RATE_LIMIT": "0",
               "ASSISTANT_VERSION_CHECK": "0.5", "ASSISTANT_CHROMA_TIMEOUT": "10",
               "ASSISTANT_CONFIG": str(home / "none.toml")}
        found = Deployment(env, corpus, shared_corpus / "articles", ("", ""), database)
        found.index()
        urls = []
        for n in (1, 2):
            port = free_port()
            replica_env = {**env, "ASSISTANT_DATA": str(home / f"data-{n}")}
            log = stack.enter_context((home / f"replica-{n}.log").open("w"))
            server = subprocess.Popen([str(BIN / "assistant"), "serve", "--host", "127.0.0.1",
                                       "--port", str(port)], env=replica_env,
                                      stdout=log, stderr=subprocess.STDOUT)
            stack.callback(stop, server)
            url = f"http://127.0.0.1:{port}"
            wait_for(lambda url=url: _loaded(url), server, f"replica {n}", 120)
            urls.append(url)
        found.replicas = (urls[0], urls[1])
        found.logs = (home / "replica-1.log", home / "replica-2.log")
        yield found


def _loaded(url: str) -> bool:
    try:
        return bool(httpx.get(f"{url}/healthz", timeout=2).json().get("index_loaded"))
    except (httpx.HTTPError, ValueError):
        return False


def _ask(url: str, body: dict[str, object], headers: dict[str, str] | None = None
         ) -> httpx.Response:
    return httpx.post(f"{url}/api/ask", json=body, headers=headers, timeout=60)


def test_both_replicas_answer_the_gold_slice_identically(deployment: Deployment) -> None:
    items = [json.loads(line) for line in SLICE.read_text(encoding="utf-8").splitlines()
             if line.strip()]
    first, second = deployment.replicas
    answered = 0
    for item in items:
        body = {"question": item["question"], "history": item.get("history", [])}
        one, two = (_ask(url, body).json() for url in (first, second))
        assert one == two, item["id"]
        answered += one["status"] == "answered"
        for figure in item.get("expect_figures", []) if item["expect_status"] == "answered" \
                else []:
            assert figure in one["answer"], (item["id"], figure)
    assert answered >= len(items) // 2


def test_an_embed_tokens_quota_holds_across_both(deployment: Deployment) -> None:
    """A Redis that does not answer in time fails open, as docs/deployment.md says, and the
    replica logs it; only such a logged outage excuses an attempt, and one of three must hold."""
    first, second = deployment.replicas
    for _ in range(3):
        token = mint(SECRET.encode(), SITE, ttl=60, quota=2)
        headers = {"Origin": SITE, "X-Embed-Token": token}
        codes = [_ask(url, SEATTLE, headers).status_code for url in (first, second, first)]
        if codes == [200, 200, 429]:
            return
        deadline = time.monotonic() + LOG_WAIT  # the replica's log is written off its loop
        while "rate-limit storage" not in deployment.said() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "rate-limit storage" in deployment.said(), (codes, deployment.said())
    pytest.fail(f"the quota never held: {deployment.said()}")


def test_a_rating_written_through_one_is_deleted_through_the_other(deployment: Deployment
                                                                   ) -> None:
    first, second = deployment.replicas
    made = httpx.post(f"{first}/api/feedback", timeout=10, json={
        "question": "Alibaba Seattle sign-on?", "answer": "…", "citations": [],
        "rating": "up"})
    assert made.status_code == 201
    stored = made.json()
    store = PostgresFeedback(deployment.database_url)
    assert store.recent(1)[0].question == "Alibaba Seattle sign-on?"
    gone = httpx.delete(f"{second}/api/feedback/{stored['id']}", timeout=10,
                        params={"token": stored["token"]})
    assert gone.status_code == 204 and store.count() == 0


def test_a_version_built_while_both_serve_is_picked_up_by_both(deployment: Deployment) -> None:
    """alibaba/ml-ai-engineer.md: the Seattle base $165K–$235K, raised here to $166K."""
    before = [_ask(url, SEATTLE).json() for url in deployment.replicas]
    assert all("$165K" in a["answer"] for a in before)
    guide = deployment.corpus / "alibaba" / "ml-ai-engineer.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("165000", "166000").replace("$165K–", "$166K–"), "utf-8")
    deployment.index()
    deadline = time.monotonic() + 60
    seen: list[dict[str, object]] = []
    while time.monotonic() < deadline:
        seen = [_ask(url, SEATTLE).json() for url in deployment.replicas]
        if all("$166K" in str(a["answer"]) for a in seen):
            break
        time.sleep(0.25)
    assert all("$166K" in str(a["answer"]) and "$165K" not in str(a["answer"]) for a in seen)
    assert seen[0]["index_version"] == seen[1]["index_version"] != before[0]["index_version"]
