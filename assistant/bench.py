"""`make bench`: index build and answer latency over the real library (../shared/corpus).

Measures, in one run on this machine:
- the full `assistant index` build of guides + articles: wall time, chunks/s, peak RSS;
- the whole `assistant index` command after editing one guide (incremental update);
- warm in-process answer latency (p50/p95) over the gold questions;
- the whole cold `ask --json "…"` process (median of several runs).

Results print as a table and are written to bench-results/latest.json. The corpus is never
modified: the benchmark links it into a temporary root and edits a temporary copy of one
company's folder.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench-results"
EDITED_COMPANY = "alibaba"
COLD_RUNS = 7


def main() -> None:
    """Run every benchmark and print the figures the README quotes."""
    if not SHARED.is_dir():
        sys.exit(f"bench needs the real library at {SHARED}")
    work = Path(tempfile.mkdtemp(prefix="assistant-bench-"))
    try:
        results = run_all(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=1))
    print_table(results)


def run_all(work: Path) -> dict[str, Any]:
    """All measurements, in one dict."""
    corpus = link_corpus(work / "corpus")
    index = work / "index"
    env = dict(os.environ, ASSISTANT_INDEX=str(index), HF_HUB_OFFLINE="1")
    roots = ["--corpus", str(corpus), "--corpus", str(SHARED / "articles")]
    full = timed([bin_path("assistant"), "index", *roots, "--quiet"], env)
    guide = corpus / EDITED_COMPANY / "ml-ai-engineer.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nBenchmark edit.\n", encoding="utf-8")
    update = timed([bin_path("assistant"), "index", *roots, "--quiet"], env)
    return {
        "machine": machine(),
        "full_build": full,
        "one_guide_update": update,
        "warm_answers": warm_latency(env),
        "cold_ask": cold_ask(env),
    }


def link_corpus(root: Path) -> Path:
    """A corpus root of links to the real guides, with one company as an editable copy."""
    root.mkdir(parents=True)
    for company in sorted((SHARED / "guides").iterdir()):
        target = root / company.name
        if company.name == EDITED_COMPANY:
            shutil.copytree(company, target)
        elif company.is_dir():
            target.symlink_to(company, target_is_directory=True)
        else:
            target.symlink_to(company)
    return root


def timed(cmd: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run a command; wall seconds, peak RSS of the child and its last output line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    summary = proc.stdout.strip().splitlines()[0] if proc.stdout.strip() else ""
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(max(peak, before) / 1024, 1),
            "summary": summary, "chunks_per_s": _rate(summary, seconds)}


def _rate(summary: str, seconds: float) -> float:
    """Embedded chunks per second, read from the build summary line."""
    try:
        embedded = int(summary.split("(")[1].split(" embedded")[0])
    except (IndexError, ValueError):
        return 0.0
    return round(embedded / seconds, 1) if seconds else 0.0


def warm_latency(env: dict[str, str]) -> dict[str, float]:
    """p50/p95 of Assistant.ask in-process over the gold questions, index already loaded."""
    code = (
        "import json,time,statistics;from pathlib import Path\n"
        "from assistant.answer.pipeline import Assistant\n"
        "from assistant.evaluate import load_gold\nfrom assistant.settings import Settings\n"
        "bot=Assistant(Settings.load());bot.ask('Alibaba Seattle sign-on?')\n"
        "items=load_gold(Path('tests/eval/gold.jsonl'));ms=[]\n"
        "for _ in range(3):\n"
        "  for it in items:\n"
        "    t=time.perf_counter();bot.ask(it.question,list(it.history))\n"
        "    ms.append((time.perf_counter()-t)*1000)\n"
        "q=statistics.quantiles(ms,n=100)\n"
        "print(json.dumps({'p50_ms':round(q[49],2),'p95_ms':round(q[94],2),'n':len(ms)}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         check=True, cwd=ROOT)
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def cold_ask(env: dict[str, str]) -> dict[str, float]:
    """Median wall time of a whole `ask --json` process, first run discarded."""
    times = []
    for _ in range(COLD_RUNS + 1):
        start = time.perf_counter()
        subprocess.run([bin_path("ask"), "--json", "Alibaba Seattle sign-on?"], env=env,
                       capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return {"median_s": round(statistics.median(times[1:]), 3),
            "min_s": round(min(times[1:]), 3), "runs": COLD_RUNS}


def bin_path(name: str) -> str:
    """A console script of this virtualenv."""
    return str(Path(sys.executable).parent / name)


def machine() -> dict[str, Any]:
    """What the numbers were measured on."""
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), "load_avg": os.getloadavg()}


def print_table(r: dict[str, Any]) -> None:
    """The human summary."""
    m = r["machine"]
    print(f"machine: {m['cpus']} CPUs, {m['platform']}, Python {m['python']}, "
          f"load {m['load_avg'][0]:.1f}")
    for key in ("full_build", "one_guide_update"):
        x = r[key]
        print(f"{key:<18} {x['seconds']:>8.1f} s   {x['chunks_per_s']:>6} chunks/s   "
              f"peak RSS {x['peak_rss_mb']} MB   ({x['summary']})")
    w, c = r["warm_answers"], r["cold_ask"]
    print(f"warm answer        p50 {w['p50_ms']} ms   p95 {w['p95_ms']} ms   ({w['n']} asks)")
    print(f"cold ask --json    median {c['median_s']} s   min {c['min_s']} s   "
          f"({c['runs']} runs)")


if __name__ == "__main__":
    main()
