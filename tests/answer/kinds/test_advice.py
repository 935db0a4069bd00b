"""How advice.py cuts a passage into paragraphs and keeps each one's context (made-up text)."""

from __future__ import annotations

from assistant.answer.kinds.advice import _in_context
from assistant.corpus.paragraphs import quoted_paragraphs

TEXT = """Demand is booming for these engineers in many sectors.
This demand has raised salaries, as companies pay a premium for talent.
Remote work also changed where they live.
The drive targets several areas:
  • Large language models
  • Agents
Image"""


def test_a_list_stays_whole_with_the_line_that_introduces_it() -> None:
    paragraphs = quoted_paragraphs(TEXT)
    assert "The drive targets several areas:\n• Large language models\n• Agents" in paragraphs
    assert "Image" in paragraphs and len(paragraphs) == 5


def test_a_paragraph_that_points_back_comes_with_the_one_before() -> None:
    first, second, third = quoted_paragraphs(TEXT)[:3]
    assert _in_context(TEXT, first) == f"{first}\n{second}"  # the next one opens with "This"
    assert _in_context(TEXT, second) == f"{first}\n{second}"
    assert _in_context(TEXT, third) == third  # stands on its own
