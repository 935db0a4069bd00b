"""The peer scored by the project's own scorers, as the best a perfect LLM could do with it.

Example:
    >>> score_set(store, load_gold(Path("tests/eval/gold.jsonl")))
    {'questions': 517, 'right_guide_first': 0.31, 'figures_exact': 0.42, ...}

The peer has no answerer, so its "answer" is the text it would hand an LLM: the four passages
similarity_search returns, the top one's document as its main guide. Then:
- right guide first: the top passage is from the expected guide (evaluate's own check);
- figures exact, upper bound: every expected figure is in the four passages, so a perfect
  reader could quote it (a figure the item forbids is not held against it here: a perfect
  reader would leave it out; the next row counts how often it was there to copy);
- a figure not asked for: the passages hold a figure the item forbids (evaluate's count of
  borrowed figures, computed on the same text);
- clarify / no_guide right: the pipeline always returns passages, so only items where an answer
  is also honest can count, and evaluate scores those as it scores the project.
A conversation's turn is searched by its last question alone, as the textbook chain does (a
history-aware retriever needs an LLM to rewrite the question first).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Sequence
from typing import Any

from assistant.answer.types import Answer, Citation, Message
from assistant.bench.peer.pipeline import PeerHit, search
from assistant.evaluate import GoldItem, evaluate


class PeerAsker:
    """The peer behind the evaluator's Asker protocol: its top-4 passages as the answer."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def ask(self, question: str, history: Sequence[Message] = ()) -> Answer:
        """The four passages as one text, the top passage's document as the main guide."""
        hits = search(self.store, question)
        return as_answer(question, hits)


def as_answer(question: str, hits: list[PeerHit]) -> Answer:
    """Passages as the Answer the scorers read."""
    citations = tuple(Citation(n=n, guide=h.guide, source=h.source, section="", title="")
                      for n, h in enumerate(hits, 1))
    return Answer(question=question, status="answered",
                  text="\n\n".join(h.text for h in hits), citations=citations,
                  guide=hits[0].guide if hits else "")


def score_set(store: Any, items: Sequence[GoldItem]) -> dict[str, float]:
    """The peer's rates on one question set (see the module docstring)."""
    report = evaluate(PeerAsker(store), items)
    metrics = report.metrics()
    with_figures = [o for o in report.outcomes if o.item.answered
                    and (o.item.expect_figures or o.item.expect_absent)]
    reachable = [all(_flat(f) in _flat(o.answer.text) for f in o.item.expect_figures)
                 for o in with_figures]
    return {"questions": len(items),
            "right_guide_first": metrics["guide_cited"],
            "figures_exact": sum(reachable) / len(reachable) if reachable else 1.0,
            "clarify_no_guide_correct": metrics["clarify_no_guide_correct"],
            "figure_not_asked": metrics["borrowed_figures"],
            "status_correct": metrics["status_correct"],
            "refused_items": sum(i.refused for i in items)}


def warm_latency(store: Any, questions: Sequence[str], passes: int = 3) -> dict[str, Any]:
    """p50/p95 of similarity_search in-process, after one warm-up pass (as answers.py does)."""
    for q in questions:
        search(store, q)
    ms = []
    for _ in range(passes):
        for q in questions:
            start = time.perf_counter()
            search(store, q)
            ms.append((time.perf_counter() - start) * 1000)
    if len(ms) < 2:
        return {"p50_ms": round(ms[0], 2) if ms else 0.0,
                "p95_ms": round(ms[0], 2) if ms else 0.0, "n": len(ms)}
    p = statistics.quantiles(ms, n=100)
    return {"p50_ms": round(p[49], 2), "p95_ms": round(p[94], 2), "n": len(ms)}


def _flat(text: str) -> str:
    """Whitespace as the scorers flatten it (a figure may wrap across a line in a passage)."""
    return " ".join(text.replace("\u00a0", " ").split())
