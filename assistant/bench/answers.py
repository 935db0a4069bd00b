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
from assistant.index.catalog import LOADED_GUIDES
from assistant.evaluate import load_gold
from assistant.settings import Settings
bot = Assistant(Settings.load())
# as the server does: no request pays for loading a guide or reading its row places
bot.library.preload(LOADED_GUIDES, bot.lexicon)
items = load_gold(Path("tests/eval/gold.jsonl"))
roles = ["software engineers", "data scientists", "ML engineers", "product managers",
         "data engineers", "security engineers", "product designers", "DevOps engineers"]
places = ["London", "New York", "Singapore", "Bangalore", "Seattle", "Toronto"]
ranks = [f"Which companies pay the most base for {r} in {p}?" for r in roles for p in places]
everyday = load_gold(Path("tests/eval/everyday.jsonl"))  # conversations carry their history
groups = {"lookup": [(i.question, list(i.history)) for i in items if not i.expect_intent],
          "all_gold": [(i.question, list(i.history)) for i in items],
          "everyday": [(i.question, list(i.history)) for i in everyday],
          "rank": [(q, []) for q in ranks]}
out = {}
for name, asks in groups.items():
    for q, h in asks:  # first pass loads what each question touches
        bot.ask(q, h)
    ms = []
    for _ in range(3):
        for q, h in asks:
            t = time.perf_counter(); bot.ask(q, h)
            ms.append((time.perf_counter() - t) * 1000)
    p = statistics.quantiles(ms, n=100)
    out[name] = {"p50_ms": round(p[49], 2), "p95_ms": round(p[94], 2), "n": len(ms)}
print(json.dumps(out))
"""


def warm_latency(root: Path, env: dict[str, str]) -> dict[str, Any]:
    """p50/p95 of Assistant.ask in-process, after one warm-up pass: the gold look-ups (items of
    no negotiation intent), the whole gold set, the everyday set (conversations read with
    their history, other languages, stories) and 48 rankings over the whole library."""
    os.sync()  # the build steps' writeback must not land in these timings
    out = subprocess.run([sys.executable, "-c", _WARM], env=env, capture_output=True,
                         text=True, check=True, cwd=root)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def cold_ask(env: dict[str, str], runs: int = COLD_RUNS) -> dict[str, Any]:
    """Median wall time of whole `ask --json` processes per kind of question, first discarded."""
    results = {}
    os.sync()
    for name, question in COLD_QUESTIONS.items():
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            subprocess.run([bin_path("ask"), "--json", question], env=env,
                           capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        results[name] = {"median_s": round(statistics.median(times[1:]), 3),
                         "min_s": round(min(times[1:]), 3), "runs": runs,
                         "question": question}
    return results
