"""Write every gold and adversarial answer as JSON, one line per item, to compare two commits.

    python tests/eval/snapshot.py --index DIR OUT.jsonl [GOLD.jsonl ...]

The index version is left out (it names the build, not the answer); everything else an
answer's JSON holds is kept, so two snapshots of the same index are equal byte for byte
exactly when the answers are. Not a test: a tool for "behaviour unchanged" refactors.
"""

from __future__ import annotations

import argparse
import importlib
import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_SETS = ("gold.jsonl", "adversarial.jsonl", "slice.jsonl")


def _assistant_class() -> Any:
    """The Assistant, wherever this commit keeps it (the façade first)."""
    package = importlib.import_module("assistant")
    if hasattr(package, "__all__") and "Assistant" in package.__all__:
        return package.Assistant
    return importlib.import_module("assistant.answer.pipeline").Assistant


def main() -> None:
    """Answer every item of the given sets and write one JSON line per item."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("out", type=Path)
    parser.add_argument("sets", nargs="*", type=Path)
    args = parser.parse_args()
    from assistant.settings import Settings

    settings = Settings.load(overrides={"index": args.index})
    bot = _assistant_class()(settings)
    sets = args.sets or [HERE / name for name in DEFAULT_SETS]
    with args.out.open("w", encoding="utf-8") as out:
        for path in sets:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                item = json.loads(line)
                answer = bot.ask(item["question"], list(item.get("history") or ())).as_dict()
                answer.pop("index_version", None)
                out.write(json.dumps({"id": item.get("id", ""), **answer}, ensure_ascii=False,
                                     sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
