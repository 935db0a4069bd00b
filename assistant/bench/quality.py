"""The project's quality on the question sets, as `assistant eval` scores it, for the report.

Runs in a child process on the benchmarked index (ASSISTANT_INDEX in `env`), with the items a
slice keeps (slice.py), so the project and the peer are scored on the same questions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

QUESTION_SETS = ("gold", "adversarial", "everyday")

_EVAL = """
import json, sys
from pathlib import Path
from assistant.answer.pipeline import Assistant
from assistant.bench.slice import keeps
from assistant.evaluate import evaluate, load_gold
from assistant.settings import Settings
companies = json.loads(sys.argv[1])
bot = Assistant(Settings.load())
out = {}
for path in sys.argv[2:]:
    items = [i for i in load_gold(Path(path)) if keeps(i, companies)]
    m = evaluate(bot, items, bot.library.guide).metrics()
    out[Path(path).stem] = {
        "questions": len(items), "right_guide_first": m["guide_cited"],
        "figures_exact": m["figures_exact"],
        "clarify_no_guide_correct": m["clarify_no_guide_correct"],
        "figure_not_asked": m["borrowed_figures"], "unshown_row_figures": m["unasked_figures"],
        "status_correct": m["status_correct"],
        "refused_items": sum(i.refused for i in items)}
print(json.dumps(out))
"""


def question_sets(root: Path) -> list[Path]:
    """The gold, adversarial and everyday sets, gold first (its look-ups are the warm set)."""
    return [root / "tests" / "eval" / f"{name}.jsonl" for name in QUESTION_SETS]


def project_quality(root: Path, env: dict[str, str], companies: tuple[str, ...] | None
                    ) -> dict[str, Any]:
    """Right guide first, figures exact, clarify/no_guide right and figures not asked for."""
    arg = json.dumps(list(companies) if companies is not None else None)
    out = subprocess.run([sys.executable, "-c", _EVAL, arg, *map(str, question_sets(root))],
                         env=env, capture_output=True, text=True, check=True, cwd=root)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result
