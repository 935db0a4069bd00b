"""FeedbackStore: one SQLite file, created on first use, safe across threads and reopening."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.errors import UsageError
from assistant.web.feedback import FeedbackStore, feedback_path

CITES = [{"n": 1, "guide": "alibaba/ml-ai-engineer", "source": "guides/alibaba/ml-ai-engineer.md",
          "section": "compensation", "title": "Compensation"}]


def test_created_on_first_use_and_readable_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "data" / "feedback.sqlite3"
    store = FeedbackStore(path)
    assert not path.exists()  # constructing is free
    first = store.add("Alibaba Seattle sign-on?", "No band; $60K in the script [1]", CITES, "up",
                      comment="useful")
    second = store.add("Zyxcorp base?", "No guide", [], "down")
    assert (first, second) == (1, 2)
    store.close()

    reopened = FeedbackStore(path)
    assert reopened.count() == 2
    newest, oldest = reopened.recent()
    assert (newest.rating, newest.comment, newest.citations) == ("down", "", [])
    assert oldest.question == "Alibaba Seattle sign-on?"
    assert oldest.citations == CITES and oldest.comment == "useful"


def test_rejects_unknown_rating(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="'up' or 'down'"):
        FeedbackStore(tmp_path / "f.sqlite3").add("q", "a", [], "meh")


def test_concurrent_writers(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    ids: list[int] = []

    def write() -> None:
        ids.extend(store.add(f"q{i}", "a", CITES, "up") for i in range(25))

    threads = [threading.Thread(target=write) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count() == 200
    assert sorted(ids) == list(range(1, 201))


def test_api_writes_to_the_data_dir(client: TestClient, tmp_path: Path) -> None:
    response = client.post("/api/feedback", json={
        "question": "Alibaba Seattle sign-on?", "answer": "…", "citations": CITES,
        "rating": "down", "comment": "wanted a band"})
    assert response.status_code == 201
    store = FeedbackStore(feedback_path(tmp_path / "data"))
    (row,) = store.recent()
    assert (row.id, row.rating, row.comment) == (response.json()["id"], "down", "wanted a band")
