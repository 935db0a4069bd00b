"""FeedbackStore: one SQLite file, created on first use, safe across threads and reopening;
what is kept, for how long, and who may delete it."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_support import ClientFactory

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
    assert (first.id, second.id) == (1, 2) and first.token != second.token
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
        ids.extend(store.add(f"q{i}", "a", CITES, "up").id for i in range(25))

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


def test_the_rater_deletes_with_the_token_and_nobody_else_can(client: TestClient) -> None:
    made = client.post("/api/feedback", json={"question": "Stripe base in New York?",
                                              "answer": "…", "rating": "up"})
    assert made.status_code == 201
    body = made.json()
    assert set(body) == {"id", "token", "kept_days"} and body["kept_days"] == 90
    guessed = client.delete(f"/api/feedback/{body['id']}", params={"token": "x" * 24})
    assert guessed.status_code == 404
    assert client.delete(f"/api/feedback/{body['id']}").status_code == 422  # token required
    gone = client.delete(f"/api/feedback/{body['id']}", params={"token": body["token"]})
    assert gone.status_code == 204
    again = client.delete(f"/api/feedback/{body['id']}", params={"token": body["token"]})
    assert again.status_code == 404


def test_old_records_go_and_the_operator_deletes_by_id(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3", keep_days=30)
    old = store.add("q-old", "a", [], "up")
    with store._lock:  # age the first record past the retention
        store._connect().execute("UPDATE feedback SET created = '2000-01-01T00:00:00+00:00' "
                                 "WHERE id = ?", (old.id,))
    kept = store.add("q-new", "a", [], "down")
    assert [r.question for r in store.recent()] == ["q-new"]
    assert store.delete(kept.id) and store.count() == 0


def test_feedback_can_be_turned_off(make_client: ClientFactory) -> None:
    client = make_client(feedback=False)
    response = client.post("/api/feedback", json={"question": "q", "answer": "a",
                                                  "rating": "up"})
    assert response.status_code == 404 and "turned off" in response.json()["error"]
    assert "feedback_up" in make_client(mount_chat=True).get("/config").text
    off = make_client(mount_chat=True, feedback=False).get("/config").text
    assert "feedback_up" not in off  # no handler that could store anything


def test_questions_are_not_logged_at_info(client: TestClient,
                                          caplog: pytest.LogCaptureFixture) -> None:
    secret = "Zorblax offered me 212,345 as a staff engineer"
    with caplog.at_level(logging.INFO):
        client.post("/api/ask", json={"question": secret})
        client.post("/api/ask", content=json.dumps({"question": secret + "\ud800"}),
                    headers={"content-type": "application/json"})
        client.post("/api/ask/stream", json={"question": secret})
    assert all("Zorblax" not in r.getMessage() and "212,345" not in r.getMessage()
               for r in caplog.records)
