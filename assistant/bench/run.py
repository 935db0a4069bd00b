"""The `make bench` runner: which corpus, which steps, the results and the report.

The package's __init__ imports nothing of this, so the peer's whole processes
(`python -m assistant.bench.peer`) pay for no import of the project's benchmark code.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.bench.answers import cold_ask, warm_latency
from assistant.bench.build import EDITED, EDITS, full_build, incremental_updates, live_index_mb
from assistant.bench.peer.measure import COLD_RUNS, measure_peer
from assistant.bench.process import cpu_times, steal_percent
from assistant.bench.quality import project_quality, question_sets
from assistant.bench.report import write
from assistant.bench.scaling.measure import FACTORS, scaling
from assistant.bench.scaling.replicas import replicas_step
from assistant.bench.slice import DEFAULT_COMPANIES, Corpus, make_slice
from assistant.bench.soak import soak
from assistant.bench.web import web_load

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "corpus"
INDEX = ROOT / ".cache" / "shared-index"
SLICE = ROOT / ".cache" / "bench-slice"
PEER_CACHE = ROOT / ".cache" / "peer-index"
RESULTS = ROOT / "bench-results"
REPORT_JSON = "benchmark-report.json"

STEPS = ("build", "answers", "web", "soak", "quality", "peer", "scaling", "replicas")


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks (all, or `--only STEP` re-measured into the last results)."""
    args = _parser().parse_args(argv)
    steps = args.only or list(STEPS)
    if args.render:  # the report again from the last results, nothing measured
        out = args.report_dir or (ROOT / "docs" if args.full else RESULTS)
        write(json.loads((out / REPORT_JSON).read_text()), out)
        return
    corpus, index, out = _where(args)
    latest = out / REPORT_JSON
    results = json.loads(latest.read_text()) if set(steps) != set(STEPS) and \
        latest.is_file() else {}
    work = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    try:
        measured = results.get("measured", {})
        results.update(run_steps(work, steps, corpus, index, args))
        results["measured"] = {**measured, **results["measured"]}  # each step's last run
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for path in write(results, out):
        print(f"[bench] wrote {path}", file=sys.stderr)
    print_table(results)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=STEPS, action="append",
                        help="run only this step (repeatable); others keep their last figures")
    parser.add_argument("--full", action="store_true",
                        help="the whole library, report in docs/ (make bench FULL=1)")
    parser.add_argument("--companies", type=int, default=DEFAULT_COMPANIES,
                        help="companies in the slice (default %(default)s)")
    parser.add_argument("--corpus", type=Path, help="measure this folder (guides/, articles/)")
    parser.add_argument("--index", type=Path, help="this project's index for --corpus")
    parser.add_argument("--report-dir", type=Path, help="where the report goes")
    parser.add_argument("--peer-cache", type=Path, default=PEER_CACHE)
    parser.add_argument("--cold-runs", type=int, default=0,
                        help="cold processes per question (default 7, the peer 5)")
    parser.add_argument("--edits", type=int, default=EDITS, help="one-guide edits timed")
    parser.add_argument("--factors", default=",".join(map(str, FACTORS)),
                        help="library sizes the scaling step measures (default %(default)s)")
    parser.add_argument("--render", action="store_true",
                        help="only write the report again from the last results")
    return parser


def _where(args: argparse.Namespace) -> tuple[Corpus, Path, Path]:
    """The corpus measured, this project's index and the report's folder."""
    if args.corpus:  # scored on the items whose guides it holds, like a slice
        root = args.corpus.resolve()
        companies = tuple(sorted(p.name for p in (root / "guides").iterdir() if p.is_dir()))
        return (Corpus(root, companies), (args.index or SLICE / "custom-index").resolve(),
                args.report_dir or RESULTS)
    if not SHARED.is_dir():
        sys.exit(f"make bench needs the real library at {SHARED}")
    if args.full:
        return Corpus(SHARED), INDEX, args.report_dir or ROOT / "docs"
    corpus = make_slice(SHARED, SLICE, question_sets(ROOT), args.companies, (EDITED[0],))
    return corpus, SLICE / "index", args.report_dir or RESULTS


def run_steps(work: Path, steps: list[str], corpus: Corpus, index: Path,
              args: argparse.Namespace) -> dict[str, Any]:
    """The measurements of `steps`, in one dict."""
    env = dict(os.environ, ASSISTANT_INDEX=str(index), HF_HUB_OFFLINE="1")
    results: dict[str, Any] = {"machine": machine(), "corpus": describe(corpus)}
    steal: dict[str, float] = {}
    results["measured"] = {}
    if "build" in steps or not index.is_dir():
        started = _now()
        before = cpu_times()
        results["full_build"] = full_build(corpus.root, index, env)
        results["index_mb"] = live_index_mb(index)
        print_step("full build", results["full_build"])
        results["updates"] = incremental_updates(corpus.root, index, work, env, args.edits)
        print_step("updates", results["updates"])
        steal["build"] = steal_percent(before, cpu_times())
        results["measured"]["build"] = f"{started} to {_now()}"
    served = Path(results["updates"]["index"]) if "updates" in results else index
    env["ASSISTANT_INDEX"] = str(served)
    results["machine"]["served_index"] = "base + delta" if served != index else "one segment"
    measure = {
        "answers": lambda: {"warm_answers": warm_latency(ROOT, env),
                            "cold_ask": cold_ask(env, args.cold_runs or 7)},
        "web": lambda: {"web": web_load(ROOT, served, work, env)},
        "soak": lambda: {"soak": soak(ROOT, served, work, env)},
        "quality": lambda: {"quality": project_quality(ROOT, env, corpus.companies)},
        "peer": lambda: {"peer": measure_peer(corpus, args.peer_cache.resolve(), work, env,
                                              question_sets(ROOT), args.cold_runs or COLD_RUNS,
                                              args.edits)},
        "scaling": lambda: {"scaling": scaling(
            ROOT, corpus.root, index.parent / "scaling", index, work, env,
            tuple(int(f) for f in args.factors.split(",")), args.cold_runs or 5)},
        "replicas": lambda: {"replicas": replicas_step(ROOT, corpus.root, index.parent / "scaling",
                                                        index, work, env)}}
    for step in STEPS[1:]:
        if step in steps:
            started = _now()
            before = cpu_times()
            found = measure[step]()
            results.update(found)
            print_step(step, found)
            steal[step] = steal_percent(before, cpu_times())
            results["measured"][step] = f"{started} to {_now()}"
    results["machine"]["steal_pct"] = steal
    results["machine"]["load_avg_end"] = os.getloadavg()
    results["machine"]["ended"] = _now()
    return results


def describe(corpus: Corpus) -> dict[str, Any]:
    """What was indexed, for the report."""
    what = ("the whole library" if corpus.companies is None else
            f"a slice: the {len(corpus.companies)} companies the question sets ask about most"
            if corpus.root.is_relative_to(SLICE) else
            f"the folder {corpus.root} ({len(corpus.companies)} companies)")
    return {"root": str(corpus.root), "description": what, "guides": corpus.guides(),
            "companies": list(corpus.companies) if corpus.companies is not None else None}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


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
            "platform": platform.platform(), "load_avg_start": os.getloadavg(),
            "started": _now()}


def print_step(name: str, value: Any) -> None:
    """Progress while the benchmark runs (a full build takes minutes)."""
    print(f"[bench] {name}: {json.dumps(value)}", file=sys.stderr, flush=True)


def print_table(r: dict[str, Any]) -> None:
    """The human summary: this project's own figures, then the side-by-side rows."""
    from assistant.bench.report import quality_rows, speed_rows

    m = r["machine"]
    print(f"machine: {m['cpus']} CPUs ({m['cpu']}), {m['platform']}, Python {m['python']}, "
          f"load {m['load_avg_start'][0]:.1f} at start; corpus: {r['corpus']['description']}")
    if "full_build" in r:
        b, u = r["full_build"], r["updates"]
        print(f"full build          {b['seconds']:>8.1f} s   {b['chunks_per_s']:>6} chunks/s   "
              f"peak RSS {b['peak_rss_mb']} MB   ({b['summary']})")
        print(f"nothing changed     {u['noop']['seconds']:>8.1f} s   peak RSS "
              f"{u['noop']['peak_rss_mb']} MB")
        print(f"one guide edited    median {u['median_s']} s over {len(u['runs'])} edits "
              f"({', '.join(str(x['seconds']) for x in u['runs'])})")
    print(f"answers and web measured on the index as {m.get('served_index', 'one segment')}")
    for name, x in r.get("warm_answers", {}).items():
        print(f"warm answer {name:<8} p50 {x['p50_ms']} ms   p95 {x['p95_ms']} ms   "
              f"({x['n']} asks)")
    for name, x in r.get("cold_ask", {}).items():
        print(f"cold ask --json     {name}: median {x['median_s']} s  min {x['min_s']} s  "
              f"({x['runs']} runs)")
    _print_web(r.get("web"))
    _print_soak(r.get("soak"))
    _print_scaling(r.get("scaling"))
    print("\nside by side: what | this project | LangChain peer | project vs peer")
    for row in speed_rows(r):
        print(f"  {row.what} | {row.project} | {row.peer} | {row.ratio}")
    for name, rows in quality_rows(r).items():
        for row in rows:
            print(f"  {name}: {row.what} | {row.project} | {row.peer} | {row.ratio}")
    stolen = m.get("steal_pct", {})
    if stolen:
        print("CPU stolen by the hypervisor: "
              + ", ".join(f"{step} {pct}%" for step, pct in stolen.items()))


def _print_soak(soaked: dict[str, Any] | None) -> None:
    if soaked:
        print(f"soak (hostile client) p95 {soaked['quiet']['p95_ms']} -> "
              f"{soaked['soak']['p95_ms']} ms (x{soaked['p95_ratio']}), "
              f"{soaked['others_5xx']} 5xx for the others, {soaked['mismatches']} answers "
              f"unlike their single answer, RSS {soaked['rss_growth_pct']:+}%; hostile: "
              + ", ".join(f"{k} x{n}" for k, n in sorted(soaked["hostile"].items())))


def _print_scaling(grown: dict[str, Any] | None) -> None:
    if not grown:
        return
    for name, s in grown["sizes"].items():
        print(f"scaling {name:<4} {s['guides']:>6} guides: warm p95 {s['warm_lookup']['p95_ms']} "
              f"ms, cold look-up {s['cold_lookup_s']} s, app RSS "
              f"{s['app_rss_mb']['after_lookups']} MB, right guide first "
              f"{s['gold_right_guide_first']:.3f}")


def _print_web(web: dict[str, Any] | None) -> None:
    if not web:
        return
    for name, x in web["runs"].items():
        if "mismatches" in x:
            print(f"POST /api/ask       {name}: {x['requests']} requests, {x['server_errors']} "
                  f"5xx, {x['shed']} shed, {x['mismatches']} answers unlike their single "
                  f"answer; server RSS {x['rss_first_mb']} -> {x['rss_last_mb']} MB "
                  f"({x['rss_growth_pct']:+}%)")
            continue
        print(f"POST /api/ask       {name}: {x['rps']} req/s  p50 {x['p50_ms']} ms  "
              f"p95 {x['p95_ms']} ms  ({x['requests']} requests, {x['errors']} errors, "
              f"{x['clients']} clients)")
    print(f"server RSS          {web['server_rss_mb']} MB (peak {web['server_hwm_mb']} MB)")
