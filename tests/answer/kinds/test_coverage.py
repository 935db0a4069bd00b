"""Questions about the library itself are answered from it, not turned into a clarify."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("question", ["Which roles do you have for Notion?",
                                      "What guides are there for Notion?",
                                      "Do you have guides for Notion?"])
def test_a_companys_guides_are_listed(trust_bot: Assistant, guides_root: Path,
                                      question: str) -> None:
    answer = trust_bot.ask(question)
    roles = sorted(p.stem for p in (guides_root / "notion").glob("*.md"))
    assert answer.status == "answered"
    assert f"The library has {len(roles)} Notion guides" in answer.text
    assert "Notion AI Platform Engineer" in answer.text and "$" not in answer.text
    assert len(answer.suggestions) == len(roles)


def test_a_pay_question_without_a_role_still_asks_which_role(trust_bot: Assistant) -> None:
    assert trust_bot.ask("Notion base salary?").status == "clarify"
