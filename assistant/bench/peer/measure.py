"""The peer's side of the benchmark: a cached build, a one-guide edit, cold and warm processes.

Example:
    >>> build = cached_build(corpus, Path(".cache/peer-index"), env)
    >>> build["seconds"], build["cached"]
    (1083.2, True)

The textbook pipeline has no incremental build, and a full build of the library takes about
18 minutes here, so its index is cached under .cache/peer-index/<key>, keyed on the corpus's
content (every file's path and bytes) and the pipeline's settings; the build's own figures
(wall time, chunks/s, peak RSS, when) are kept beside it and reported with the date they were
measured. A changed corpus gets a new key and a new, measured build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.bench.answers import COLD_QUESTIONS
from assistant.bench.build import EDITED, EDITS
from assistant.bench.peer.pipeline import CHUNK_OVERLAP, CHUNK_SIZE, FAKE_ENV, SUFFIXES, K
from assistant.bench.process import measured
from assistant.bench.slice import Corpus
from assistant.embed.model import MODEL_NAME, SOURCE_PACKAGE

COLD_RUNS = 5  # each loads torch and sentence-transformers: about 6 s a process here
PEER = [sys.executable, "-m", "assistant.bench.peer"]


def corpus_key(roots: list[Path], embedder: str = "") -> str:
    """A digest of every document's path and bytes, and of the pipeline's settings."""
    settings = f"{MODEL_NAME}|{SOURCE_PACKAGE}|{CHUNK_SIZE}|{CHUNK_OVERLAP}|{K}"
    digest = hashlib.sha256((settings + (f"|{embedder}" if embedder else "")).encode())
    for n, root in enumerate(roots):
        for path in sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
            digest.update(f"{n}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def cached_build(corpus: Corpus, cache: Path, env: dict[str, str]) -> dict[str, Any]:
    """The peer's build of `corpus`: measured now, or the figures of the cached build."""
    folder = cache / corpus_key(corpus.roots, env.get(FAKE_ENV, ""))
    record = folder / "build.json"
    if record.is_file() and (folder / "chroma").is_dir():
        return json.loads(record.read_text()) | {"cached": True}
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    result = measured([*PEER, "build", "--index", str(folder / "chroma"),
                       *map(str, corpus.roots)], env)
    chunks = int(result["summary"].split(", ")[1].split()[0])
    result |= {"chunks": chunks, "chunks_per_s": round(chunks / result["seconds"], 1),
               "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
               "load_avg_end": os.getloadavg(),
               "index": str(folder / "chroma"), "disk_mb": disk_mb(folder / "chroma")}
    record.write_text(json.dumps(result, indent=1))
    return result | {"cached": False}


def one_guide_update(corpus: Corpus, index: Path, work: Path, env: dict[str, str],
                     edits: int = EDITS) -> dict[str, Any]:
    """On a copy of the peer's store: the edited guide's chunks replaced, whole process, ×3."""
    copy = work / "peer-index"
    shutil.copytree(index, copy)
    guide = corpus.root.joinpath("guides", *EDITED)
    edited = work / EDITED[1]
    text = guide.read_text(encoding="utf-8")
    runs = []
    for n in range(edits):
        text += f"\nBenchmark edit {n}: one more sentence.\n"
        edited.write_text(text, encoding="utf-8")
        runs.append(measured([*PEER, "update", "--index", str(copy), "--guide",
                              f"{EDITED[0]}/{Path(EDITED[1]).stem}", "--file", str(edited)],
                             env))
    shutil.rmtree(copy, ignore_errors=True)
    return {"runs": runs, "median_s": round(statistics.median(r["seconds"] for r in runs), 2)}


def cold_ask(index: Path, env: dict[str, str], runs: int = COLD_RUNS) -> dict[str, Any]:
    """Median wall time of whole processes that open the store and search, first discarded."""
    results = {}
    for name, question in COLD_QUESTIONS.items():
        times = []
        for _ in range(runs + 1):
            start = time.perf_counter()
            subprocess.run([*PEER, "ask", "--index", str(index), question], env=env,
                           capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        results[name] = {"median_s": round(statistics.median(times[1:]), 3),
                         "min_s": round(min(times[1:]), 3), "runs": runs, "question": question}
    return results


def score(index: Path, question_sets: list[Path], companies: tuple[str, ...] | None,
          env: dict[str, str]) -> dict[str, Any]:
    """Warm latency, the scores on each set and the process's memory (peer/__main__.py)."""
    out = subprocess.run([*PEER, "score", "--index", str(index), "--companies",
                          json.dumps(list(companies) if companies is not None else None),
                          *map(str, question_sets)],
                         env=env, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def disk_mb(path: Path) -> float:
    """Bytes of every file under `path`, in MB (links not followed)."""
    return round(sum(p.stat().st_size for p in path.rglob("*")
                     if p.is_file() and not p.is_symlink()) / 2**20, 1)


def measure_peer(corpus: Corpus, cache: Path, work: Path, env: dict[str, str],
                 question_sets: list[Path], cold_runs: int = COLD_RUNS, edits: int = EDITS
                 ) -> dict[str, Any]:
    """Every peer figure of the report: build, edit, cold processes, warm search and quality."""
    env = dict(env, ANONYMIZED_TELEMETRY="False", HF_HUB_OFFLINE="1")
    build = cached_build(corpus, cache, env)
    index = Path(build["index"])
    return {"build": build,
            "update": one_guide_update(corpus, index, work, env, edits),
            "cold_ask": cold_ask(index, env, cold_runs),
            "score": score(index, question_sets, corpus.companies, env)}
