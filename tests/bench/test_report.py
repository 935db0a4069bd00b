"""The report's rows: ratios the right way round, missing steps as dashes, targets checked."""

from __future__ import annotations

from typing import Any

from assistant.bench.report import acceptance, quality_rows, render, speed_rows


def results() -> dict[str, Any]:
    scores = {"questions": 10, "right_guide_first": 0.9, "figures_exact": 0.8,
              "clarify_no_guide_correct": 1.0, "figure_not_asked": 0.0, "refused_items": 2}
    peer_scores = scores | {"right_guide_first": 0.2, "figures_exact": 0.1,
                            "clarify_no_guide_correct": 0.0, "figure_not_asked": 3.0}
    return {"machine": {"cpus": 2, "load_avg_start": [0.5], "load_avg_end": [0.7]},
            "corpus": {"description": "a slice", "guides": 3},
            "full_build": {"seconds": 100.0, "chunks_per_s": 300.0, "peak_rss_mb": 1000.0},
            "cold_ask": {"guide question": {"median_s": 0.4, "runs": 7}},
            "quality": {"gold": scores},
            "peer": {"build": {"seconds": 1000.0, "chunks_per_s": 50.0, "peak_rss_mb": 2000.0},
                     "cold_ask": {"guide question": {"median_s": 8.0, "runs": 5}},
                     "score": {"sets": {"gold": peer_scores}}}}


def test_costs_and_rates_give_the_projects_advantage() -> None:
    rows = {row.what: row for row in speed_rows(results())}
    assert rows["full build, wall time"].ratio == "10.0× faster"
    assert rows["full build, chunks/s (each pipeline's own chunks)"].ratio == "6.0× more"
    assert rows["full build, peak RSS"].ratio == "2.0× less"
    assert rows["warm look-up, p50"].ratio == "—"  # not measured in this run


def test_quality_in_points_and_the_issue_targets() -> None:
    r = results()
    gold = {row.what: row for row in quality_rows(r)["gold"]}
    assert gold["right guide first"].ratio == "+70.0 pts"
    assert gold["answers (peer: contexts) holding a figure not asked for"].peer == "3 of 10"
    checks = {name: met for name, _, met in acceptance(speed_rows(r), quality_rows(r))}
    assert checks["full build ≥ 6× faster"] == "met"
    assert checks["cold answered ask ≥ 15× faster"] == "met"
    assert checks["figures exact ≥ 60 points above the peer's upper bound (gold)"] == "met"
    assert "How cost grows" in render(r, speed_rows(r), quality_rows(r))


def test_each_step_says_when_it_was_last_measured() -> None:
    """A report merged from `--only` runs says each step's own time, not only the last run's;
    a step measured before the times were kept says so."""
    r = results() | {"measured": {"quality": "2026-12-06 23:36 UTC to 2026-12-06 23:36 UTC"}}
    text = render(r, speed_rows(r), quality_rows(r))
    line = next(x for x in text.splitlines() if x.startswith("- each step's figures"))
    assert "quality 2026-12-06 23:36 UTC to 2026-12-06 23:36 UTC" in line
    assert "build an earlier run" in line and "peer an earlier run" in line
    assert "web" not in line  # no figures of that step at all
