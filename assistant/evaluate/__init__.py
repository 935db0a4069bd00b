"""Scoring the answerer on question sets (`make eval`, `assistant eval`).

- gold.py: gold, adversarial and everyday sets: status, guide, exact figures, borrowed
  figures, latency;
- audit.py: what no answer may do, on every answer: figures of rows it does not show, rows
  written twice;
- advice.py: general questions: does the passage shown answer, or is "not covered" right.
"""

from assistant.evaluate.gold import (
    FIGURE,
    GoldItem,
    Outcome,
    Report,
    check,
    evaluate,
    load_gold,
)

__all__ = ["FIGURE", "GoldItem", "Outcome", "Report", "check", "evaluate", "load_gold"]
