"""Thumbs up/down on answers, kept in one SQLite file (`<data_dir>/feedback.sqlite3`).

Example:
    >>> store = FeedbackStore(Path("data/feedback.sqlite3"))
    >>> store.add("Alibaba Seattle sign-on?", "…", [{"n": 1, "guide": "alibaba/ml-ai-engineer"}],
    ...           "up", comment="spot on")
    1

The file and its table are created on first use; one connection is shared under a lock, so
the web app's worker threads can all write to it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.errors import UsageError

RATINGS = ("up", "down")
FILENAME = "feedback.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT ''
)
"""


@dataclass(frozen=True)
class Feedback:
    """One stored rating of one answer."""

    id: int
    created: str
    question: str
    answer: str
    citations: list[dict[str, Any]]
    rating: str
    comment: str


class FeedbackStore:
    """Append-only feedback table; thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(SCHEMA)
            self._conn = conn
        return self._conn

    def add(self, question: str, answer: str, citations: list[dict[str, Any]], rating: str,
            comment: str = "") -> int:
        """Store one rating ("up" or "down") and return its id."""
        if rating not in RATINGS:
            raise UsageError(f"rating must be 'up' or 'down', not {rating!r}.")
        row = (datetime.now(UTC).isoformat(timespec="seconds"), question, answer,
               json.dumps(citations, ensure_ascii=False), rating, comment)
        with self._lock:
            cursor = self._connect().execute(
                "INSERT INTO feedback (created, question, answer, citations, rating, comment) "
                "VALUES (?, ?, ?, ?, ?, ?)", row)
            return int(cursor.lastrowid or 0)

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
