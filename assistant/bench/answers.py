"""Answer benchmarks: warm in-process latency, and whole cold `ask --json` processes."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from assistant.bench.process import bin_path

COLD_RUNS = 7
COLD_QUESTIONS = {"guide question": "Alibaba Seattle sign-on?",
                  "general question": "Can a sign-on bonus be clawed back?"}

_WARM = """
import json, statistics, time
from pathlib import Path
from assistant.answer.pipeline import Assistant
from assistant.evaluate import load_gold
from assistant.settings import Settings
bot = Assistant(Settings.load())
items = load_gold(Path("tests/eval/gold.jsonl"))
for it in items:  # first pass loads what each question touches
    bot.ask(it.question, list(it.history))
ms = []
for _ in range(3):
    for it in items:
        t = time.perf_counter(); bot.ask(it.question, list(it.history))
        ms.append((time.perf_counter() - t) * 1000)
q = statistics.quantiles(ms, n=100)
print(json.dumps({"p50_ms": round(q[49], 2), "p95_ms": round(q[94], 2), "n": len(ms)}))
"""


def warm_latency(root: Path, env: dict[str, str]) -> dict[str, Any]:
    """p50/p95 of Assistant.ask in-process over the gold questions, after one warm-up pass."""
    os.sync()  # the build steps' writeback must not land in these timings
    out = subprocess.run([sys.executable, "-c", _WARM], env=env, capture_output=True,
                         text=True, check=True, cwd=root)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def cold_ask(env: dict[str, str]) -> dict[str, Any]:
    """Median wall time of whole `ask --json` processes per kind of question, first discarded."""
    results = {}
    os.sync()
    for name, question in COLD_QUESTIONS.items():
        times = []
        for _ in range(COLD_RUNS + 1):
            start = time.perf_counter()
            subprocess.run([bin_path("ask"), "--json", question], env=env,
                           capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        results[name] = {"median_s": round(statistics.median(times[1:]), 3),
                         "min_s": round(min(times[1:]), 3), "runs": COLD_RUNS,
                         "question": question}
    return results
