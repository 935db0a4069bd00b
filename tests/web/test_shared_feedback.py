"""Ratings in PostgreSQL (Debian's server, started here on a loopback port): written through
one replica, read and deleted through another; the schema versioned; the database down, ratings
are 503 and answers go on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from services_support import free_port, postgres_server
from web_support import ClientFactory

from assistant.errors import StorageUnavailableError
from assistant.web.feedback.postgres import MIGRATIONS, PostgresFeedback

pytestmark = pytest.mark.reliability

ASK = {"question": "Alibaba Seattle sign-on?"}


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster on loopback; stopped after the module."""
    with postgres_server() as url:
        yield url


def test_a_rating_written_through_one_replica_is_deleted_through_another(
        make_client: ClientFactory, database_url: str) -> None:
    first, second = (make_client(database_url=database_url) for _ in range(2))
    made = first.post("/api/feedback", json={"question": "Alibaba Seattle sign-on?",
                                             "answer": "…", "citations": [], "rating": "up"})
    assert made.status_code == 201
    stored = made.json()
    store = PostgresFeedback(database_url)
    assert [r.question for r in store.recent(5)][0] == "Alibaba Seattle sign-on?"
    wrong = second.delete(f"/api/feedback/{stored['id']}", params={"token": "A" * 24})
    assert wrong.status_code == 404
    gone = second.delete(f"/api/feedback/{stored['id']}", params={"token": stored["token"]})
    assert gone.status_code == 204 and store.count() == 0


def test_the_schema_is_versioned_and_applied_once(database_url: str) -> None:
    import psycopg

    from assistant.web.feedback.postgres import migrate

    PostgresFeedback(database_url).count()  # the first use applies every migration
    with psycopg.connect(database_url) as conn:
        assert migrate(conn) == []  # nothing left to apply
        versions = [r[0] for r in conn.execute(
            "SELECT version FROM feedback_schema ORDER BY version").fetchall()]
    assert versions == [v for v, _ in MIGRATIONS]


def test_with_the_database_down_ratings_are_503_and_answers_go_on(
        make_client: ClientFactory) -> None:
    down = f"postgresql://coach@127.0.0.1:{free_port()}/postgres"
    client = make_client(database_url=down)
    assert client.post("/api/ask", json=ASK).status_code == 200
    rated = client.post("/api/feedback", json={"question": "q", "answer": "a",
                                                "citations": [], "rating": "up"})
    assert rated.status_code == 503 and "answers are not affected" in rated.json()["error"]
    with pytest.raises(StorageUnavailableError):
        PostgresFeedback(down).count()
