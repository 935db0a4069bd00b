"""The slice: the most-asked companies' guides and every article, items filtered alike."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.bench.slice import keeps, make_slice, most_asked
from assistant.evaluate.gold import _item


def shared(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "shared"
    for company in ("acme", "globex", "initech"):
        (root / "guides" / company).mkdir(parents=True)
        (root / "guides" / company / "swe.md").write_text(f"# {company}\n", encoding="utf-8")
    (root / "articles").mkdir()
    (root / "articles" / "a1.txt").write_text("advice\n", encoding="utf-8")
    questions = tmp_path / "gold.jsonl"
    lines = [{"expect_guide": "globex/swe"}, {"expect_guide": "globex/swe"},
             {"expect_guides": ["acme/swe", "globex/swe"]}, {"expect_guide": "a1"}]
    questions.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    return root, questions


def test_the_slice_holds_the_most_asked_companies_and_the_articles(tmp_path: Path) -> None:
    root, questions = shared(tmp_path)
    assert most_asked([questions]) == ["globex", "acme"]
    corpus = make_slice(root, tmp_path / "slice", [questions], companies=1)
    assert corpus.companies == ("globex",) and corpus.guides() == 1
    assert (corpus.root / "articles" / "a1.txt").is_file()
    again = make_slice(root, tmp_path / "slice", [questions], companies=1)
    assert again == corpus
    (tmp_path / "slice" / "index").mkdir()  # this project's index of the slice above
    edited = make_slice(root, tmp_path / "slice", [questions], companies=2, always=["initech"])
    assert edited.companies == ("initech", "globex")
    assert not (tmp_path / "slice" / "index").exists()  # built from another slice: dropped


def test_items_are_kept_when_every_expected_guide_is_in_the_slice() -> None:
    def item(**fields: object) -> object:
        return _item({"id": "t", "question": "q?", "expect_status": "answered", **fields})

    assert keeps(item(expect_guide="globex/swe"), ["globex"])  # type: ignore[arg-type]
    assert not keeps(item(expect_guides=["acme/swe", "globex/swe"]),  # type: ignore[arg-type]
                     ["globex"])
    assert keeps(item(expect_guide="001_article"), ["globex"])  # type: ignore[arg-type]
    assert keeps(item(expect_guide="acme/swe"), None)  # type: ignore[arg-type]
