"""`python -m assistant.bench` end to end on the sample corpus: this project, the peer, the report.

The hash embedder and LangChain's deterministic fake embeddings stand in for the models, so the
whole run (both builds, the edits, cold processes, both scorings, the report) takes seconds and
the benchmark's code cannot rot between the runs that take an hour.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench_support import SAMPLE_CORPUS

from assistant.bench import main
from assistant.bench.peer.pipeline import FAKE_ENV


@pytest.fixture()
def fake_models(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_CONFIG", "/nonexistent")
    monkeypatch.setenv(FAKE_ENV, "fake")


def run(tmp_path: Path, *only: str) -> dict[str, object]:
    main(["--corpus", str(SAMPLE_CORPUS), "--index", str(tmp_path / "index"),
          "--report-dir", str(tmp_path / "report"), "--peer-cache", str(tmp_path / "peer"),
          "--cold-runs", "1", "--edits", "1", *[a for step in only for a in ("--only", step)]])
    result: dict[str, object] = json.loads(
        (tmp_path / "report" / "benchmark-report.json").read_text())
    return result


@pytest.mark.usefixtures("fake_models")
def test_the_peer_and_the_report_run_end_to_end(tmp_path: Path) -> None:
    results = run(tmp_path, "build", "quality", "peer")
    peer = results["peer"]
    assert isinstance(peer, dict)
    assert peer["build"]["chunks"] > 0 and peer["build"]["cached"] is False
    assert peer["update"]["median_s"] > 0
    assert set(peer["cold_ask"]) == {"guide question", "general question"}
    assert set(peer["score"]["sets"]) == {"gold", "adversarial", "everyday"}
    assert peer["score"]["sets"]["gold"]["clarify_no_guide_correct"] == 0.0  # it never refuses
    assert set(results["quality"]) == {"gold", "adversarial", "everyday"}  # type: ignore[arg-type]
    report = (tmp_path / "report" / "benchmark-report.md").read_text()
    assert "| full build, wall time |" in report and "How cost grows" in report
    assert "n/a: the textbook pipeline" in report
    assert (tmp_path / "report" / "benchmark-report.png").read_bytes()[:4] == b"\x89PNG"
    (tmp_path / "report" / "benchmark-report.md").unlink()
    main(["--render", "--report-dir", str(tmp_path / "report")])  # measures nothing
    assert (tmp_path / "report" / "benchmark-report.md").read_text() == report


@pytest.mark.usefixtures("fake_models")
def test_the_peer_index_is_rebuilt_only_when_the_corpus_changes(tmp_path: Path) -> None:
    first = run(tmp_path, "peer")["peer"]
    again = run(tmp_path, "peer")["peer"]
    assert isinstance(first, dict) and isinstance(again, dict)
    assert (first["build"]["cached"], again["build"]["cached"]) == (False, True)
    assert again["build"]["measured_at"] == first["build"]["measured_at"]
