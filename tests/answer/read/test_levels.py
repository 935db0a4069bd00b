"""Levels as questions name them, and the row labels of the real guides that hold them."""

from __future__ import annotations

import pytest

from assistant.answer.read.levels import holds, read_level


@pytest.mark.parametrize(("question", "typed"), [
    ("Microsoft level 62 base?", "level 62"), ("Amazon SDE II sign-on?", "SDE II"),
    ("Meta E5 stock?", "E5"), ("Is IC4 at Okta senior?", "IC4"),
    ("new grad software engineer at Microsoft?", "new grad"), ("L3Harris engineer pay?", None),
])
def test_read_level(question: str, typed: str | None) -> None:
    level = read_level(question)
    assert (level.typed if level else None) == typed


# Labels copied from guides: microsoft/senior-software-engineer, okta/software-engineer,
# amazon/software-engineer, amazon/senior-software-engineer, meta/software-engineer.
@pytest.mark.parametrize(("question", "label", "held"), [
    ("level 62", "Senior SWE (High) (62)", True),
    ("level 62", "Senior SWE (61)", False),
    ("L4", "Mid (L3-L4)", True),
    ("L5", "Mid (L3-L4)", False),
    ("L5", "Senior (L5)", True),
    ("SDE I", "L4 SDE I", True),
    ("SDE I", "L5 SDE II", False),
    ("SDE III", "Senior Software Engineer (SDE III / L6)", True),
    ("E4", "Software Engineer (E3/E4)", True),
    ("E5", "Software Engineer (E3/E4)", False),
    ("new grad", "SWE I (New Grad) (59)", True),
])
def test_labels_hold_only_their_own_levels(question: str, label: str, held: bool) -> None:
    level = read_level(question)
    assert level is not None and holds(level, label) is held
