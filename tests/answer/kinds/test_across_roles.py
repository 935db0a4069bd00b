"""A company's roles side by side at a place (kinds/roles.py) over the real library; figures
read from the guide files."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


def test_with_no_part_asked_the_part_the_level_tables_hold_is_shown(
        library_bot: Assistant) -> None:
    """Check Point's guides state pay as total comp by level and place ("| Senior (L5) | ... |
    £93,000–£125,000 |" in data-engineer.md, "£85,000–£115,000" in product-designer.md): asked
    for a level and a place with no pay part, each role's figure is shown, not "not in the
    guide" for a base no guide states."""
    answer = library_bot.ask("check point L5 in london?")
    assert answer.intent == "across_roles"
    assert "£93,000–£125,000" in answer.text and "£85,000–£115,000" in answer.text
    assert "not in the guide" not in answer.text
    assert "₪" not in answer.text and "$205,000" not in answer.text  # other places' figures
