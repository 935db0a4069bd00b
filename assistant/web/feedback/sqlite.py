"""Ratings kept in one SQLite file (`<data_dir>/feedback.sqlite3`): the default store.

Example:
    >>> store = FeedbackStore(Path("data/feedback.sqlite3"))
    >>> store.add("Alibaba Seattle sign-on?", "…", [{"n": 1, "guide": "alibaba/ml-ai-engineer"}],
    ...           "up", comment="spot on")
    Stored(id=1, token='…')

This is the only place a question is kept: when its asker rates the answer. Each record gets
a random token, returned once to whoever rated, which deletes it (`delete`); the operator can
delete by id (`assistant feedback delete`), and records older than `keep_days` are removed
on every write. The file and its table are created on first use; one connection is shared
under a lock, so the web app's worker threads can all write to it.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from assistant.errors import UsageError
from assistant.web.feedback.record import KEEP_DAYS, RATINGS, Feedback, Stored

FILENAME = "feedback.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    token TEXT NOT NULL DEFAULT ''
)
"""


class FeedbackStore:
    """The feedback table; thread-safe."""

    def __init__(self, path: Path, keep_days: int = KEEP_DAYS) -> None:
        self.path = Path(path)
        self.keep_days = keep_days
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(SCHEMA)
            columns = {row[1] for row in conn.execute("PRAGMA table_info(feedback)")}
            if "token" not in columns:  # a file from before deletion tokens
                conn.execute("ALTER TABLE feedback ADD COLUMN token TEXT NOT NULL DEFAULT ''")
            self._conn = conn
        return self._conn

    def add(self, question: str, answer: str, citations: list[dict[str, Any]], rating: str,
            comment: str = "") -> Stored:
        """Store one rating ("up" or "down"); its id and deletion token. Records older than
        `keep_days` go at the same time."""
        if rating not in RATINGS:
            raise UsageError(f"rating must be 'up' or 'down', not {rating!r}.")
        now = datetime.now(UTC)
        token = secrets.token_urlsafe(18)
        row = (now.isoformat(timespec="seconds"), question, answer,
               json.dumps(citations, ensure_ascii=False), rating, comment, token)
        cutoff = (now - timedelta(days=self.keep_days)).isoformat(timespec="seconds")
        with self._lock:
            conn = self._connect()
            conn.execute("DELETE FROM feedback WHERE created < ?", (cutoff,))
            cursor = conn.execute(
                "INSERT INTO feedback (created, question, answer, citations, rating, comment, "
                "token) VALUES (?, ?, ?, ?, ?, ?, ?)", row)
            return Stored(int(cursor.lastrowid or 0), token)

    def delete(self, feedback_id: int, token: str | None = None) -> bool:
        """Delete one record: by id and its token (the person who rated), or by id alone (the
        operator). True when a record went."""
        with self._lock:
            if token is None:
                cursor = self._connect().execute("DELETE FROM feedback WHERE id = ?",
                                                 (feedback_id,))
            else:
                cursor = self._connect().execute(
                    "DELETE FROM feedback WHERE id = ? AND token = ? AND token != ''",
                    (feedback_id, token))
            return cursor.rowcount > 0

    def count(self) -> int:
        """How many ratings are stored."""
        with self._lock:
            return int(self._connect().execute("SELECT COUNT(*) FROM feedback").fetchone()[0])

    def recent(self, limit: int = 50) -> list[Feedback]:
        """The newest ratings first."""
        with self._lock:
            rows = self._connect().execute(
                "SELECT id, created, question, answer, citations, rating, comment FROM feedback "
                "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [Feedback(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]

    def close(self) -> None:
        """Close the connection (a later call reopens it)."""
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None


def feedback_path(data_dir: Path) -> Path:
    """Where the app keeps its feedback file under the data directory."""
    return Path(data_dir) / FILENAME
