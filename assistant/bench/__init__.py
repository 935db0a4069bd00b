"""`make bench`: this project and the textbook LangChain peer, side by side, in one run.

Measures, on this machine, over one corpus (its guides/ and articles/):
- the full `assistant index` build: wall time, chunks/s, peak RSS (build.py);
- the whole `assistant index` command with nothing changed and after editing one guide;
- warm in-process answer latency over the gold questions, and the whole cold
  `ask --json "…"` process (answers.py);
- POST /api/ask from 16 concurrent keep-alive clients against `python app.py`: requests/s,
  p50/p95 and the server's RSS, with every question distinct and with repeated questions
  (web.py);
- quality on the gold, adversarial and everyday sets (quality.py);
- the same figures for the textbook LangChain pipeline (peer/), its index cached by the
  corpus's content.

`make bench` measures a slice (the companies the question sets ask about most, slice.py) and
writes bench-results/benchmark-report.{md,json,png}; `make bench FULL=1` (`--full`) measures
the whole ../shared/corpus into .cache/shared-index (the index `make eval` uses) and writes the
report to docs/. The edits go to a copy of the index (and of one company's folder: the corpus is
never modified), which then holds a base segment plus a delta, the shape a library has after
edits; the answer and web steps are measured on that copy when the build step ran in the run.
"""

from __future__ import annotations


def main(argv: list[str] | None = None) -> None:
    """Run the benchmarks (assistant/bench/run.py)."""
    from assistant.bench.run import main as run

    run(argv)
