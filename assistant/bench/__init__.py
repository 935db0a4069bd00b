"""`make bench`: index build, answer latency and web throughput over the real library.

Measures, in one run on this machine, over ../shared/corpus/guides + ../shared/corpus/articles:
- the full `assistant index` build: wall time, chunks/s, peak RSS (build.py);
- the whole `assistant index` command with nothing changed and after editing one guide;
- warm in-process answer latency over the gold questions, and the whole cold
  `ask --json "…"` process (answers.py);
- POST /api/ask from 16 concurrent keep-alive clients against `python app.py`: requests/s,
  p50/p95 and the server's RSS, with every question distinct and with repeated questions
  (web.py).

The full build goes to .cache/shared-index, the index `make eval` uses. The edits go to a copy
of that index (and of one company's folder: the corpus is never modified), which then holds a
base segment plus a delta, the shape a library has after edits; the answer and web steps are
measured on that copy when the build step ran in the same run. Results print as a table and
are written to bench-results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant.bench.answers import cold_ask, warm_latency
from assistant.bench.build import full_build, incremental_updates
from assistant.bench.process import cpu_times, steal_percent
from assistant.bench.web import web_load

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
INDEX = ROOT / ".cache" / "shared-index"
RESULTS = ROOT / "bench-results"


STEPS = ("build", "answers", "web")


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks (all, or `--only STEP` re-measured into the last results)."""
    parser = argparse.ArgumentParser(prog="python -m assistant.bench", description=__doc__)
    parser.add_argument("--only", choices=STEPS, action="append",
                        help="run only this step (repeatable); others keep their last figures")
    steps = parser.parse_args(argv).only or list(STEPS)
    if not SHARED.is_dir():
        sys.exit(f"make bench needs the real library at {SHARED}")
    latest = RESULTS / "latest.json"
    results = json.loads(latest.read_text()) if set(steps) != set(STEPS) and \
        latest.is_file() else {}
    work = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    try:
        results.update(run_steps(work, steps))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(exist_ok=True)
    latest.write_text(json.dumps(results, indent=1))
    print_table(results)


def run_steps(work: Path, steps: list[str]) -> dict[str, Any]:
    """The measurements of `steps`, in one dict."""
    env = dict(os.environ, ASSISTANT_INDEX=str(INDEX), HF_HUB_OFFLINE="1")
    results: dict[str, Any] = {"machine": machine()}
    steal: dict[str, float] = {}
    if "build" in steps or not INDEX.is_dir():
        before = cpu_times()
        results["full_build"] = full_build(SHARED, INDEX, env)
        print_step("full build", results["full_build"])
        results["updates"] = incremental_updates(SHARED, INDEX, work, env)
        print_step("updates", results["updates"])
        steal["build"] = steal_percent(before, cpu_times())
    served = Path(results["updates"]["index"]) if "updates" in results else INDEX
    env["ASSISTANT_INDEX"] = str(served)
    results["machine"]["served_index"] = "base + delta" if served != INDEX else "one segment"
    if "answers" in steps:
        before = cpu_times()
        results["warm_answers"] = warm_latency(ROOT, env)
        results["cold_ask"] = cold_ask(env)
        steal["answers"] = steal_percent(before, cpu_times())
    if "web" in steps:
        before = cpu_times()
        results["web"] = web_load(ROOT, served, work, env)
        steal["web"] = steal_percent(before, cpu_times())
    results["machine"]["steal_pct"] = steal
    results["machine"]["load_avg_end"] = os.getloadavg()
    return results


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "platform": platform.platform(), "load_avg_start": os.getloadavg()}


def print_step(name: str, value: Any) -> None:
    """Progress while the benchmark runs (a full build takes minutes)."""
    print(f"[bench] {name}: {json.dumps(value)}", file=sys.stderr, flush=True)


def print_table(r: dict[str, Any]) -> None:
    """The human summary."""
    m = r["machine"]
    print(f"machine: {m['cpus']} CPUs ({m['cpu']}), {m['platform']}, Python {m['python']}, "
          f"load {m['load_avg_start'][0]:.1f} at start")
    b = r["full_build"]
    print(f"full build          {b['seconds']:>8.1f} s   {b['chunks_per_s']:>6} chunks/s   "
          f"peak RSS {b['peak_rss_mb']} MB   ({b['summary']})")
    u = r["updates"]
    print(f"nothing changed     {u['noop']['seconds']:>8.1f} s   peak RSS "
          f"{u['noop']['peak_rss_mb']} MB")
    print(f"one guide edited    median {u['median_s']} s over {len(u['runs'])} edits "
          f"({', '.join(str(x['seconds']) for x in u['runs'])})")
    w, c = r["warm_answers"], r["cold_ask"]
    print(f"answers and web measured on the index as {m.get('served_index', 'one segment')}")
    for name, x in w.items():
        print(f"warm answer {name:<8} p50 {x['p50_ms']} ms   p95 {x['p95_ms']} ms   "
              f"({x['n']} asks)")
    for name, x in c.items():
        print(f"cold ask --json     {name}: median {x['median_s']} s  min {x['min_s']} s  "
              f"({x['runs']} runs)")
    for name, x in r["web"]["runs"].items():
        if "mismatches" in x:
            print(f"POST /api/ask       {name}: {x['requests']} requests, {x['server_errors']} "
                  f"5xx, {x['shed']} shed, {x['mismatches']} answers unlike their single "
                  f"answer; server RSS {x['rss_first_mb']} -> {x['rss_last_mb']} MB "
                  f"({x['rss_growth_pct']:+}%)")
            continue
        print(f"POST /api/ask       {name}: {x['rps']} req/s  p50 {x['p50_ms']} ms  "
              f"p95 {x['p95_ms']} ms  ({x['requests']} requests, {x['errors']} errors, "
              f"{x['clients']} clients)")
    web = r["web"]
    print(f"server RSS          {web['server_rss_mb']} MB (peak {web['server_hwm_mb']} MB)")
    stolen = m.get("steal_pct", {})
    if stolen:
        print("CPU stolen by the hypervisor: "
              + ", ".join(f"{step} {pct}%" for step, pct in stolen.items()))
