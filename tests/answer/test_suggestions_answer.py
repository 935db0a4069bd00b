"""Every suggestion the product makes answers when asked: the suggestions of a few hundred
answers over the real library (the gold, adversarial and everyday questions), each asked."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.answer.pipeline import Assistant

SETS = Path(__file__).resolve().parents[1] / "eval"


def _questions() -> list[str]:
    found = []
    for name in ("gold", "adversarial", "everyday"):
        for line in (SETS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if not item.get("history"):
                found.append(item["question"])
    return found


def test_every_suggestion_answers(library_bot: Assistant) -> None:
    questions = _questions()
    suggested: dict[str, str] = {}
    for question in questions[::2]:
        for suggestion in library_bot.ask(question).suggestions:
            suggested.setdefault(suggestion, question)
    assert len(questions[::2]) >= 300 and len(suggested) >= 300
    unanswered = {s: q for s, q in suggested.items()
                  if library_bot.ask(s).status != "answered"}
    assert unanswered == {}
