"""Whole peer processes the benchmark times: `python -m assistant.bench.peer COMMAND …`.

- build --index DIR ROOT…: a new Chroma from every document under the roots;
- ask --index DIR QUESTION: a cold process that opens the store and runs similarity_search;
- update --index DIR --guide ID --file PATH: one document's chunks replaced;
- score --index DIR [--companies JSON] SET…: warm search latency over the gold look-ups, the
  scores on each question set, and this process's memory (one JSON line).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

from assistant.bench.peer import pipeline


def main(argv: list[str] | None = None) -> None:
    """Run one command; its result is one line on stdout."""
    parser = argparse.ArgumentParser(prog="python -m assistant.bench.peer")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("build", "ask", "update", "score"):
        sub.add_parser(name).add_argument("--index", type=Path, required=True)
    sub.choices["build"].add_argument("roots", type=Path, nargs="+")
    sub.choices["ask"].add_argument("question")
    sub.choices["update"].add_argument("--guide", required=True)
    sub.choices["update"].add_argument("--file", type=Path, required=True)
    sub.choices["score"].add_argument("--companies", default="null")
    sub.choices["score"].add_argument("sets", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "build":
        shutil.rmtree(args.index, ignore_errors=True)
        built = pipeline.build(args.roots, args.index)
        print(f"{built.documents} documents, {built.chunks} chunks")
    elif args.command == "ask":
        hits = pipeline.search(pipeline.open_store(args.index), args.question)
        print(json.dumps([{"guide": h.guide, "source": h.source} for h in hits]))
    elif args.command == "update":
        text = args.file.read_text(encoding="utf-8")
        added = pipeline.update(pipeline.open_store(args.index), args.guide, str(args.file), text)
        print(f"{added} chunks added")
    else:
        print(json.dumps(_score(args.index, args.sets, json.loads(args.companies))))


def _score(index: Path, sets: list[Path], companies: list[str] | None) -> dict[str, object]:
    from assistant.bench.peer.score import score_set, warm_latency
    from assistant.bench.slice import keeps
    from assistant.evaluate import load_gold

    store = pipeline.open_store(index)
    gold = load_gold(sets[0])
    lookups = [i.question for i in gold if not i.expect_intent]
    result: dict[str, object] = {"warm_lookup": warm_latency(store, lookups)}
    result["sets"] = {path.stem: score_set(store, [i for i in load_gold(path)
                                                   if keeps(i, companies)]) for path in sets}
    result["rss_mb"], result["hwm_mb"] = _memory()
    return result


def _memory() -> tuple[float, float]:
    """This process's resident and peak memory in MB, from /proc."""
    fields = dict(line.split(":", 1) for line in
                  Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return (round(int(fields["VmRSS"].split()[0]) / 1024, 1),
            round(int(fields["VmHWM"].split()[0]) / 1024, 1))


if __name__ == "__main__":
    main()
