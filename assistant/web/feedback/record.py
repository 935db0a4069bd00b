"""What a store keeps of a rating, whichever store keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

RATINGS = ("up", "down")
KEEP_DAYS = 90


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


@dataclass(frozen=True)
class Stored:
    """A stored rating's id and the token that deletes it."""

    id: int
    token: str
