"""The peer's passages scored as a perfect reader's upper bound."""

from __future__ import annotations

from typing import Any

from assistant.bench.peer.pipeline import PeerHit
from assistant.bench.peer.score import score_set
from assistant.evaluate.gold import _item


class FakeStore:
    """Answers every search with the same passages (what similarity_search would return)."""

    def __init__(self, *passages: tuple[str, str]) -> None:
        self.docs = [type("Doc", (), {"page_content": text,
                                      "metadata": {"guide": guide, "source": guide}})()
                     for guide, text in passages]

    def similarity_search(self, question: str, k: int) -> list[Any]:
        return self.docs[:k]


def item(**fields: Any) -> Any:
    return _item({"id": "t", "question": "q?", "expect_status": "answered", **fields})


def test_a_figure_anywhere_in_the_four_passages_counts() -> None:
    store = FakeStore(("a/x", "intro"), ("b/y", "| London | £75K–£135K |"))
    scores = score_set(store, [item(expect_guide="b/y", expect_figures=["£75K–£135K"],
                                    expect_absent=["$1M–$2M"])])
    assert scores["figures_exact"] == 1.0
    assert scores["right_guide_first"] == 0.0  # the top passage is another guide's
    assert scores["figure_not_asked"] == 0.0


def test_a_forbidden_figure_is_counted_and_refusals_score_nothing() -> None:
    store = FakeStore(("b/y", "Seattle $165K–$235K, New York $170K–$240K"))
    scores = score_set(store, [
        item(expect_guide="b/y", expect_figures=["$165K–$235K"], expect_absent=["$170K–$240K"]),
        item(expect_status="no_guide")])
    assert scores["figures_exact"] == 1.0 and scores["figure_not_asked"] == 1.0
    assert scores["clarify_no_guide_correct"] == 0.0 and scores["refused_items"] == 1


def test_hits_keep_their_guide() -> None:
    assert PeerHit("a/x", "s", "t").guide == "a/x"
