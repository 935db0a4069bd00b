"""`assistant eval` over a slice of the real library, so the evaluation code cannot rot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli.admin import main as admin

HERE = Path(__file__).resolve().parent
COMPANIES = ("alibaba", "new-relic", "proofpoint", "stripe")


@pytest.fixture(scope="module")
def slice_index(tmp_path_factory: pytest.TempPathFactory, shared_corpus: Path) -> Path:
    """An index of four companies' real guides plus the real articles (hash embedder)."""
    root = tmp_path_factory.mktemp("slice-corpus")
    for company in COMPANIES:
        (root / company).symlink_to(shared_corpus / "guides" / company, target_is_directory=True)
    index = tmp_path_factory.mktemp("slice-index")
    mp = pytest.MonkeyPatch()
    mp.setenv("ASSISTANT_EMBEDDER", "hash")
    mp.setenv("ASSISTANT_FOLLOW_LINKS", "1")  # the slice links company folders of the library
    result = CliRunner().invoke(admin, ["index", "--corpus", str(root), "--corpus",
                                        str(shared_corpus / "articles"), "--index", str(index),
                                        "--quiet"])
    assert result.exit_code == 0, result.output
    yield index
    mp.undo()


def test_eval_command_scores_the_slice(slice_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    result = CliRunner().invoke(admin, ["eval", str(HERE / "slice.jsonl"), "--index",
                                        str(slice_index), "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.output.strip().splitlines()[-1])
    assert metrics["questions"] == 44
    assert metrics["figures_exact"] >= 0.98
    assert metrics["guide_cited"] >= 0.98
    assert metrics["clarify_no_guide_correct"] == 1.0
    # every item has a category, and each is reported: the slice's own are all there
    categories = {json.loads(line)["category"]
                  for line in (HERE / "slice.jsonl").read_text(encoding="utf-8").splitlines()
                  if line.strip()}
    assert set(metrics["by_category"]) == categories
    assert all(0.0 <= rate <= 1.0 for rate in metrics["by_category"].values())


def test_eval_command_lists_failures(slice_index: Path, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    gold = tmp_path / "gold.jsonl"
    item = {"id": "x1", "question": "Stripe data scientist London base?",
            "expect_status": "answered", "expect_guide": "stripe/data-scientist",
            "expect_figures": ["£999K"]}
    gold.write_text(json.dumps(item) + "\n", encoding="utf-8")
    result = CliRunner().invoke(admin, ["eval", str(gold), "--index", str(slice_index)])
    assert "FAIL x1" in result.output and "missing figures ['£999K']" in result.output
    assert "category" in result.output and "0.0%" in result.output
