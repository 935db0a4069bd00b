"""The gold set itself: well formed, and every expected figure is the guide's own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluate import load_gold
from assistant.evaluate.advice import load_advice

HERE = Path(__file__).resolve().parent
STATUSES = {"answered", "clarify", "no_guide"}


def _source_text(corpus: Path, guide: str) -> str:
    if "/" not in guide:  # article ids are relative to the articles root
        return (corpus / "articles" / f"{guide}.txt").read_text(encoding="utf-8")
    text = (corpus / "guides" / f"{guide}.md").read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1] if text.startswith("---") else text  # body only


@pytest.mark.parametrize("name", ["gold.jsonl", "slice.jsonl", "adversarial.jsonl",
                                  "everyday.jsonl"])
def test_gold_expectations_come_from_the_guides(name: str, shared_corpus: Path) -> None:
    items = load_gold(HERE / name)
    assert len({i.id for i in items}) == len(items)
    for item in items:
        assert set(item.expect_status) <= STATUSES, item.id
        if item.refused:
            assert not item.expect_guide and not item.expect_figures, item.id
            continue
        if not item.answered:  # several honest statuses: nothing may be required
            assert not item.expect_figures, item.id
            continue
        guides = [g for g in (item.expect_guide, *item.expect_guides) if g]
        if guides:  # a comparison's figure is in one of its sides' guides
            texts = [_source_text(shared_corpus, guide) for guide in guides]
            for figure in item.expect_figures:
                assert any(figure in text for text in texts), (item.id, figure)


def test_adversarial_absent_figures_are_real_figures_of_the_library(shared_corpus: Path) -> None:
    """What must not appear is another row's real figure, never one of the expected ones."""
    library = "\n".join(p.read_text(encoding="utf-8")
                        for p in sorted((shared_corpus / "guides").rglob("*.md")))
    items = load_gold(HERE / "adversarial.jsonl")
    assert len(items) >= 150
    for item in items:
        for absent in item.expect_absent:
            assert absent in library, (item.id, absent)
            assert not any(absent in figure for figure in item.expect_figures), item.id


def test_gold_set_is_large_and_covers_every_category() -> None:
    items = load_gold(HERE / "gold.jsonl")
    assert len(items) >= 200
    categories = {i.category for i in items}
    assert {"base", "stock", "bonus", "signing", "total_comp", "level_mapping", "levers",
            "counter_offer", "aliases", "typos", "no_guide", "uncovered_region", "clarify",
            "sgd_singapore", "body_only", "inr_lakh", "articles", "follow_up"} <= categories


def test_every_advice_passage_is_in_its_file(shared_corpus: Path) -> None:
    """Each passage the advice set names, first or under "also", is its file's own text (the
    whitespace aside), and a covered question names at least one."""
    items = load_advice((HERE / "advice.jsonl").read_text(encoding="utf-8").splitlines())
    assert len({i.id for i in items}) == len(items) >= 80
    for item in items:
        if not item.covered:
            assert not item.passage and not item.also, item.id
            continue
        for source, passage in ((item.source, item.passage), *item.also):
            text = " ".join((shared_corpus / source).read_text(encoding="utf-8").split())
            assert " ".join(passage.split()) in text, (item.id, source)
