"""Thumbs up/down on answers, behind one small seam: SQLite by default (`sqlite.py`, one file
per app), PostgreSQL when ASSISTANT_DATABASE_URL is set (`postgres.py`, shared by replicas).

Example:
    >>> store = open_feedback(settings)           # FeedbackStore or PostgresFeedback
    >>> stored = store.add("Alibaba Seattle sign-on?", "…", [], "up")
    >>> store.delete(stored.id, stored.token)
    True

This is the only place a question is kept: when its asker rates the answer (see sqlite.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from assistant.settings import Settings
from assistant.web.feedback.record import KEEP_DAYS, RATINGS, Feedback, Stored
from assistant.web.feedback.sqlite import FILENAME, FeedbackStore, feedback_path


class Ratings(Protocol):
    """What the API, the chat page and the CLI need of a feedback store."""

    keep_days: int

    def add(self, question: str, answer: str, citations: list[dict[str, Any]], rating: str,
            comment: str = "") -> Stored: ...

    def delete(self, feedback_id: int, token: str | None = None) -> bool: ...

    def count(self) -> int: ...

    def recent(self, limit: int = 50) -> list[Feedback]: ...

    def close(self) -> None: ...


def open_feedback(settings: Settings) -> Ratings:
    """The store the settings name: PostgreSQL when a database URL is set, else SQLite."""
    if settings.database_url:
        from assistant.web.feedback.postgres import PostgresFeedback

        return PostgresFeedback(settings.database_url, keep_days=settings.feedback_days)
    return FeedbackStore(feedback_path(Path(settings.data_dir)), keep_days=settings.feedback_days)


__all__ = ["FILENAME", "KEEP_DAYS", "RATINGS", "Feedback", "FeedbackStore", "Ratings", "Stored",
           "feedback_path", "open_feedback"]
