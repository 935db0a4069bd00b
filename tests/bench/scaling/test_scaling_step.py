"""The scaling step end to end on the sample corpus grown twice: every size measured, the
ratios, the report's section and the chart's curves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench_support import SAMPLE_CORPUS

from assistant.bench import main
from assistant.bench.scaling.rows import acceptance, curves


def test_the_scaling_step_measures_each_size_and_reports_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_CONFIG", "/nonexistent")
    main(["--corpus", str(SAMPLE_CORPUS), "--index", str(tmp_path / "index"),
          "--report-dir", str(tmp_path / "report"), "--cold-runs", "1", "--edits", "1",
          "--only", "build", "--only", "scaling", "--factors", "1,2"])
    results = json.loads((tmp_path / "report" / "benchmark-report.json").read_text())
    sizes = results["scaling"]["sizes"]
    guides = len(list((SAMPLE_CORPUS / "guides").rglob("*.md")))
    articles = len(list((SAMPLE_CORPUS / "articles").iterdir()))
    assert [sizes[s]["guides"] for s in ("1x", "2x")] == [guides + articles,
                                                         2 * guides + articles]
    assert sizes["2x"]["built"]["embedded"] == 0  # every copy's vector came from the 1x index
    for size in sizes.values():
        assert size["warm_lookup"]["p95_ms"] > 0 and size["cold_lookup_s"] > 0
        assert size["app_rss_mb"]["after_gold"] >= size["app_rss_mb"]["started"] > 0
        assert 0 < size["gold_right_guide_first"] <= 1
    ratio = results["scaling"]["ratios"]["2x"]["index_mb"]
    assert ratio == round(sizes["2x"]["index_mb"] / sizes["1x"]["index_mb"], 2) and ratio > 1
    assert [label for label, _, _ in acceptance(results)][-1].startswith("resolution")
    assert {x for points in curves(results).values() for x, _ in points} == {1.0, 2.0}
    report = (tmp_path / "report" / "benchmark-report.md").read_text()
    assert "| 2x | " in report and "Not measured in this run: `python -m assistant.bench " \
        "--only scaling`" not in report


def test_the_replicas_step_serves_the_library_from_a_chroma_server(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_CONFIG", "/nonexistent")
    monkeypatch.setattr("assistant.bench.scaling.replicas.LOAD_SECONDS", 2.0)
    main(["--corpus", str(SAMPLE_CORPUS), "--index", str(tmp_path / "index"),
          "--report-dir", str(tmp_path / "report"), "--edits", "1",
          "--only", "build", "--only", "replicas"])
    results = json.loads((tmp_path / "report" / "benchmark-report.json").read_text())
    one, two = results["replicas"]["single_embedded"], results["replicas"]["two_replicas"]
    assert '"embedded": 0' in two["build_summary"]  # the server's index reused every vector
    assert len(two["replicas"]) == 2 and two["load"]["errors"] == one["load"]["errors"] == 0
    assert two["load"]["rps"] > 0 and all(r["rss_mb"] > 0 for r in two["replicas"])
    assert all(r["warm_lookup"]["n"] > 0 for r in [one, *two["replicas"]])
    report = (tmp_path / "report" / "benchmark-report.md").read_text()
    assert "| replica 2 of 2, Chroma server |" in report
