"""How cost grows with the library: the same measurements at 1x, 3x and 10x its size.

Example:
    $ python -m assistant.bench --full --only scaling      # ~1 h; results under "scaling"

Each size is the real library plus renamed copies of every company (library.py), built by
the project's own builder with the copies' vectors reused from the 1x index, then measured
as the other steps measure the real one: warm look-up p50/p95 in-process, cold `ask`
processes, the app's memory after answering the gold set, resolution on the gold set with
the look-alikes present, the index on disk, and the build's time per guide.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import httpx

from assistant.bench.answers import cold_ask, warm_latency
from assistant.bench.build import live_index_mb
from assistant.bench.process import measured
from assistant.bench.quality import project_quality
from assistant.bench.scaling.library import grow
from assistant.bench.web import rss_mb, serving

FACTORS = (1, 3, 10)
COLD_RUNS = 5


def scaling(root: Path, shared: Path, cache: Path, vectors_from: Path, work: Path,
            env: dict[str, str], factors: tuple[int, ...] = FACTORS, cold_runs: int = COLD_RUNS
            ) -> dict[str, Any]:
    """Per factor: build, index size, warm and cold answers, app memory and resolution; then
    each figure as a ratio to the 1x one."""
    sizes: dict[str, Any] = {}
    for factor in factors:
        sizes[f"{factor}x"] = one_size(root, shared, cache, vectors_from, work, env, factor,
                                      cold_runs)
        print(f"[bench] scaling {factor}x: {sizes[f'{factor}x']}", file=sys.stderr, flush=True)
    return {"sizes": sizes, "ratios": ratios(sizes, f"{factors[0]}x")}


def one_size(root: Path, shared: Path, cache: Path, vectors_from: Path, work: Path,
             env: dict[str, str], factor: int, cold_runs: int = COLD_RUNS) -> dict[str, Any]:
    """The measurements of the library grown `factor` times."""
    grown = grow(shared, cache / f"{factor}x", factor)
    index = cache / f"{factor}x-index"
    built = measured([sys.executable, "-m", "assistant.bench.scaling.library", "build", "--root",
                      str(grown.root), "--index", str(index), "--vectors-from",
                      str(vectors_from)], env, cwd=root)
    env = dict(env, ASSISTANT_INDEX=str(index), ASSISTANT_FOLLOW_LINKS="1")
    warm = warm_latency(root, env)
    cold = cold_ask(env, cold_runs)
    gold = project_quality(root, env, None)["gold"]
    counts = _summary(built["summary"])
    guides = int(counts.get("guides", 0))
    return {
        "guides": guides, "build_s": built["seconds"], "build_peak_rss_mb": built["peak_rss_mb"],
        "build_ms_per_guide": round(1000 * built["seconds"] / guides, 1) if guides else None,
        "built": counts, "index_mb": live_index_mb(index),
        "warm_lookup": warm["lookup"], "warm_all_gold": warm["all_gold"],
        "cold_lookup_s": cold["guide question"]["median_s"],
        "cold_general_s": cold["general question"]["median_s"],
        "app_rss_mb": app_memory(root, index, work, env),
        "gold_right_guide_first": gold["right_guide_first"],
        "gold_status_correct": gold["status_correct"],
        "gold_figures_exact": gold["figures_exact"],
    }


def app_memory(root: Path, index: Path, work: Path, env: dict[str, str]) -> dict[str, float]:
    """The app's resident memory (MB) once started, after the gold look-ups (questions of no
    negotiation intent: the catalog's share) and after the whole gold set (its general
    questions also load the vector index into an embedded store's process)."""
    from assistant.evaluate import load_gold

    items = load_gold(root / "tests" / "eval" / "gold.jsonl")
    lookups = [i.question for i in items if not i.expect_intent and not i.history]
    rest = [i.question for i in items if i.expect_intent and not i.history]
    with serving(root, index, work / "scaling-server.log", env, ASSISTANT_RATE_LIMIT="0",
                 ASSISTANT_DATA=str(work / "scaling-data")) as (base, pid), \
            httpx.Client(base_url=base, timeout=60, trust_env=False) as client:
        started = rss_mb(pid)[0]
        for question in lookups:
            client.post("/api/ask", json={"question": question})
        after_lookups = rss_mb(pid)[0]
        for question in rest:
            client.post("/api/ask", json={"question": question})
        after_gold, peak = rss_mb(pid)
    return {"started": started, "after_lookups": after_lookups, "after_gold": after_gold,
            "peak": peak}


def ratios(sizes: dict[str, Any], first: str) -> dict[str, dict[str, float]]:
    """Each size's figures divided by the first size's: what the acceptance bounds read."""
    base = sizes[first]
    out = {}
    for name, size in sizes.items():
        if name == first:
            continue
        out[name] = {
            "warm_lookup_p95": _ratio(size["warm_lookup"]["p95_ms"], base["warm_lookup"]["p95_ms"]),
            "warm_lookup_p50": _ratio(size["warm_lookup"]["p50_ms"], base["warm_lookup"]["p50_ms"]),
            "cold_lookup": _ratio(size["cold_lookup_s"], base["cold_lookup_s"]),
            "cold_general": _ratio(size["cold_general_s"], base["cold_general_s"]),
            "app_rss": _ratio(size["app_rss_mb"]["after_lookups"],
                              base["app_rss_mb"]["after_lookups"]),
            "app_rss_all_gold": _ratio(size["app_rss_mb"]["after_gold"],
                                       base["app_rss_mb"]["after_gold"]),
            "index_mb": _ratio(size["index_mb"], base["index_mb"]),
            "build_ms_per_guide": _ratio(size["build_ms_per_guide"], base["build_ms_per_guide"]),
        }
    return out


def _ratio(value: float, base: float) -> float:
    return round(value / base, 2) if base else 0.0


def _summary(line: str) -> dict[str, Any]:
    """The build command's JSON line (library.py's `build`), or {} when it printed none."""
    try:
        found: dict[str, Any] = json.loads(line)
        return found
    except ValueError:
        return {}
