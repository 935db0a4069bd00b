"""Index benchmarks: the full build, and the whole command with nothing or one guide changed."""

from __future__ import annotations

import re
import shutil
import statistics
from pathlib import Path
from typing import Any

from assistant.bench.process import bin_path, measured

EDITED = ("alibaba", "ml-ai-engineer.md")
EDITS = 3


def full_build(shared: Path, index: Path, env: dict[str, str]) -> dict[str, Any]:
    """`assistant index --rebuild` over guides + articles into `index`."""
    cmd = [bin_path("assistant"), "index", "--corpus", str(shared / "guides"), "--corpus",
           str(shared / "articles"), "--index", str(index), "--rebuild", "--quiet"]
    result = measured(cmd, env)
    result["chunks_per_s"] = _rate(result["summary"], result["seconds"])
    return result


def incremental_updates(shared: Path, index: Path, work: Path, env: dict[str, str],
                        edits: int = EDITS) -> dict[str, Any]:
    """On a copy of the index: the command with nothing changed, then after each of 3 edits.

    The copy is left in `work` (its path is in the result) for the steps that follow.
    """
    corpus = _linked_corpus(shared / "guides", work / "guides")
    copy = work / "index"
    shutil.copytree(index, copy, symlinks=True)
    cmd = [bin_path("assistant"), "index", "--corpus", str(corpus), "--corpus",
           str(shared / "articles"), "--index", str(copy), "--quiet"]
    env = dict(env, ASSISTANT_FOLLOW_LINKS="1")  # the linked corpus leads into the library
    noop = measured(cmd, env)
    guide = corpus.joinpath(*EDITED)
    runs = []
    for n in range(edits):
        text = guide.read_text(encoding="utf-8")
        guide.write_text(text + f"\nBenchmark edit {n}: one more sentence.\n", encoding="utf-8")
        runs.append(measured(cmd, env))
    return {"noop": noop, "runs": runs, "index": str(copy),
            "median_s": round(statistics.median(r["seconds"] for r in runs), 2)}


def _linked_corpus(guides: Path, root: Path) -> Path:
    """A corpus root of links to the real guides, with the edited company as a copy."""
    root.mkdir(parents=True)
    for company in sorted(guides.iterdir()):
        target = root / company.name
        if company.name == EDITED[0]:
            shutil.copytree(company, target)
        elif company.is_dir():
            target.symlink_to(company, target_is_directory=True)
        else:
            target.symlink_to(company)
    return root


def _rate(summary: str, seconds: float) -> float:
    """Embedded chunks per second, read from the build summary line."""
    found = re.search(r"\((\d+) embedded", summary)
    return round(int(found.group(1)) / seconds, 1) if found and seconds else 0.0


def live_index_mb(index: Path) -> float:
    """The live version's bytes on disk in MB: its catalog and the segments it names."""
    from assistant.index.manifest import Manifest

    version = (index / "CURRENT").read_text().strip()
    manifest = Manifest.from_json((index / "versions" / version / "manifest.json").read_text())
    folders = [index / "versions" / version] + [index / "segments" / name
                                                for name in manifest.segments]
    return round(sum(p.stat().st_size for folder in folders for p in folder.rglob("*")
                     if p.is_file() and not p.is_symlink()) / 2**20, 1)
