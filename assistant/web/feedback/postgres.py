"""Ratings kept in PostgreSQL, shared by every app replica (ASSISTANT_DATABASE_URL).

Example:
    >>> store = PostgresFeedback("postgresql://coach@127.0.0.1:5432/coach")
    >>> store.add("Alibaba Seattle sign-on?", "…", [], "up").token != ""
    True

The one import of psycopg (3, the maintained PostgreSQL driver). The schema is created on first
use and versioned: MIGRATIONS are applied in order inside one transaction, each recorded in
`feedback_schema`, so a later release adds a step instead of editing one. Retention and the
deletion token work as in the SQLite store. A connection is opened per call (ratings are rare;
no pool to leak); a server that cannot be reached raises StorageUnavailableError, which the API
turns into 503 while answers go on.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from assistant.errors import StorageUnavailableError, UsageError
from assistant.web.feedback.record import KEEP_DAYS, RATINGS, Feedback, Stored

T = TypeVar("T")
CONNECT_TIMEOUT_S = 3
# (version, statement): applied once each, in order
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """CREATE TABLE IF NOT EXISTS feedback (
        id BIGSERIAL PRIMARY KEY,
        created TIMESTAMPTZ NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        citations JSONB NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        comment TEXT NOT NULL DEFAULT '',
        token TEXT NOT NULL)"""),
    (2, "CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created)"),
)


class PostgresFeedback:
    """The feedback table in PostgreSQL; safe across threads and processes."""

    def __init__(self, url: str, keep_days: int = KEEP_DAYS) -> None:
        self.url = url
        self.keep_days = keep_days
        self._migrated = False
        self._lock = threading.Lock()

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        import psycopg

        try:
            with psycopg.connect(self.url, connect_timeout=CONNECT_TIMEOUT_S) as conn:
                if not self._migrated:
                    with self._lock:
                        migrate(conn)
                        self._migrated = True
                yield conn
        except psycopg.OperationalError as exc:
            raise StorageUnavailableError(
                "Ratings cannot be stored right now (the feedback database is unreachable); "
                "answers are not affected. Try again later.") from exc

    def _run(self, work: Callable[[Any], T]) -> T:
        with self._connection() as conn:
            return work(conn)

    def add(self, question: str, answer: str, citations: list[dict[str, Any]], rating: str,
            comment: str = "") -> Stored:
        """Store one rating; its id and deletion token. Records past `keep_days` go too."""
        if rating not in RATINGS:
            raise UsageError(f"rating must be 'up' or 'down', not {rating!r}.")
        now, token = datetime.now(UTC), secrets.token_urlsafe(18)

        def insert(conn: Any) -> Stored:
            conn.execute("DELETE FROM feedback WHERE created < %s",
                         (now - timedelta(days=self.keep_days),))
            row = conn.execute(
                "INSERT INTO feedback (created, question, answer, citations, rating, comment, "
                "token) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (now, question, answer, json.dumps(citations, ensure_ascii=False), rating,
                 comment, token)).fetchone()
            return Stored(int(row[0]), token)

        return self._run(insert)

    def delete(self, feedback_id: int, token: str | None = None) -> bool:
        """Delete one record by id and its token, or by id alone (the operator)."""
        if token is None:
            sql, args = "DELETE FROM feedback WHERE id = %s", (feedback_id,)
        else:
            sql = "DELETE FROM feedback WHERE id = %s AND token = %s AND token != ''"
            args = (feedback_id, token)  # type: ignore[assignment]
        return self._run(lambda conn: conn.execute(sql, args).rowcount > 0)

    def count(self) -> int:
        """How many ratings are stored."""
        return self._run(lambda c: int(c.execute("SELECT COUNT(*) FROM feedback").fetchone()[0]))

    def recent(self, limit: int = 50) -> list[Feedback]:
        """The newest ratings first."""
        rows = self._run(lambda conn: conn.execute(
            "SELECT id, created, question, answer, citations, rating, comment FROM feedback "
            "ORDER BY id DESC LIMIT %s", (limit,)).fetchall())
        return [Feedback(int(r[0]), r[1].isoformat(timespec="seconds"), r[2], r[3], r[4], r[5],
                         r[6]) for r in rows]

    def close(self) -> None:
        """Nothing stays open between calls."""


def migrate(conn: Any) -> list[int]:
    """Apply the MIGRATIONS the database lacks, in one transaction; the versions applied."""
    with conn.transaction():
        conn.execute("CREATE TABLE IF NOT EXISTS feedback_schema (version INT PRIMARY KEY)")
        conn.execute("LOCK TABLE feedback_schema IN EXCLUSIVE MODE")  # one replica at a time
        done = {r[0] for r in conn.execute("SELECT version FROM feedback_schema").fetchall()}
        applied = []
        for version, statement in MIGRATIONS:
            if version not in done:
                conn.execute(statement)
                conn.execute("INSERT INTO feedback_schema (version) VALUES (%s)", (version,))
                applied.append(version)
    return applied
