"""The soak (bench/soak.py) on the sample corpus, small, so its code cannot rot: the ordinary
clients see no 5xx and every answer matches its single answer while the hostile client's
attacks are refused or held harmlessly."""

from __future__ import annotations

import os
from pathlib import Path

from bench_support import SAMPLE_CORPUS, bench_settings

from assistant.bench.soak import soak
from assistant.index.writing.builder import build_index

ROOT = Path(__file__).resolve().parents[2]


def test_a_small_soak_runs_end_to_end(tmp_path: Path) -> None:
    index = tmp_path / "index"
    build_index(bench_settings(index, tmp_path / "data"), [SAMPLE_CORPUS], progress=False)
    env = dict(os.environ, ASSISTANT_EMBEDDER="hash", ASSISTANT_CONFIG="/nonexistent")
    result = soak(ROOT, index, tmp_path, env, total=400)
    assert result["quiet"]["requests"] == result["soak"]["requests"] == 400
    assert result["others_5xx"] == 0 and result["mismatches"] == 0
    assert result["quiet"]["p95_ms"] > 0 and result["p95_ratio"] > 0
    told = result["hostile"]
    assert any(k.startswith("spaces 4") for k in told)  # 20,000 spaces: refused (422 or 429)
    assert not any(k.split()[1].startswith("5") for k in told)
