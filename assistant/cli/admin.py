"""`assistant`: the admin CLI (index, lint, eval, serve, feedback). A thin layer over the
library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assistant.cli.common import (
    configure_logging,
    corpus_option,
    corpus_roots,
    echo_line,
    index_option,
    load_settings,
    one_line,
    translate_errors,
)
from assistant.corpus.hidden import visible
from assistant.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from assistant.answer.types import Asker
    from assistant.corpus.model import Guide
    from assistant.evaluate.advice import AdviceItem


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log debug details to stderr.")
def main(verbose: bool) -> None:
    """Administer the negotiation-guide assistant: build the index, lint the library."""
    configure_logging(verbose)


@main.command()
@corpus_option
@index_option
@click.option("--rebuild", is_flag=True, help="Re-embed everything instead of reusing chunks.")
@click.option("--compact", is_flag=True,
              help="Fold the changes kept as a delta into one new base segment (builds do this "
                   "on their own once the delta passes 5% of the library).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@translate_errors
def index(corpus: tuple[Path, ...], index: Path | None, rebuild: bool, compact: bool,
          quiet: bool) -> None:
    """Read the corpus and build or update the index (incremental by content hash).

    A small change is stored as a delta over the live version's records, so an update costs
    about as much as the change itself; the previous version keeps answering until the new
    one is complete.
    """
    from assistant.index.writing.builder import build_index

    settings = load_settings(corpus, index)
    summary = build_index(settings, corpus_roots(settings, corpus), rebuild=rebuild,
                          progress=not quiet, compact=compact)
    click.echo(describe_build(summary.as_dict()))


def describe_build(s: dict[str, object]) -> str:
    """The end-of-build summary a person reads."""
    lines = [f"index version {s['version']}: {s['guides']} guides, {s['chunks']} chunks "
             f"({s['embedded']} embedded, {s['reused']} reused, {s['deleted']} removed) "
             f"in {float(str(s['seconds'])):.1f} s; {s['findings']} lint findings "
             "(see `assistant lint`)"]
    skipped = s.get("skipped") or {}
    assert isinstance(skipped, dict)
    if skipped:
        lines.append(f"skipped {len(skipped)} files:")
        lines += [f"  {one_line(path)}: {one_line(reason)}"
                  for path, reason in sorted(skipped.items())]
    segments = s.get("segments") or []
    assert isinstance(segments, list)
    if len(segments) == 2:
        lines.append(f"stored as a delta over base segment {segments[0]} "
                     f"({s.get('masked', 0)} base records masked)")
    notes = s.get("notes") or []
    assert isinstance(notes, list)
    lines += [f"note: {one_line(n)}" for n in notes]
    return "\n".join(lines)


@main.command()
@corpus_option
@click.option("--json", "as_json", is_flag=True, help="One JSON finding per line.")
@translate_errors
def lint(corpus: tuple[Path, ...], as_json: bool) -> None:
    """Check the guide library; exit 1 when any finding is an error."""
    from assistant.corpus.lint import lint_corpus

    settings = load_settings(corpus)
    findings = lint_corpus(corpus_roots(settings, corpus), follow_links=settings.follow_links)
    for f in findings:
        if as_json:  # json escapes line breaks and C0 escapes; `visible` takes the rest
            click.echo(visible(json.dumps(f.as_dict(), ensure_ascii=False)))
        else:  # a file name may hold escapes or a newline: one finding stays one line
            echo_line(f"{f.path}: {f.level} {f.code} {f.message}")
    errors = sum(1 for f in findings if f.level == "error")
    if not as_json:
        click.echo(f"{len(findings)} findings, {errors} errors", err=True)
    sys.exit(1 if errors else 0)


@main.command(name="eval")
@click.argument("gold_file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@index_option
@click.option("--failures", "show", default=20, show_default=True,
              help="How many failed questions to list.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@translate_errors
def eval_command(gold_file: Path, index: Path | None, show: int, as_json: bool) -> None:
    """Run a gold question file and print guide, figure and status accuracy plus latency."""
    from assistant.answer.pipeline import Assistant
    from assistant.evaluate import evaluate, load_gold
    from assistant.evaluate.advice import is_advice_file, load_advice

    bot = Assistant(load_settings((), index))
    bot.ask("warm-up question about Alibaba sign-on")  # load the index before timing
    lines = gold_file.read_text(encoding="utf-8").splitlines()
    if lines and is_advice_file(lines[0]):
        _advice_report(bot, load_advice(lines, str(gold_file)), show, as_json,
                       bot.library.guide)
        return
    items = load_gold(gold_file)
    report = evaluate(bot, items, bot.library.guide)
    metrics = report.metrics()
    if as_json:
        click.echo(json.dumps(metrics | {
            "by_intent": {k: v[1] for k, v in report.by_intent().items()},
            "by_category": {k: v[1] for k, v in report.by_category().items()}}))
        return
    for failure in report.failures()[:show]:
        echo_line(f"FAIL {failure.item.id} [{failure.item.category}] {failure.item.question!r}: "
                  + "; ".join(failure.problems))
    click.echo(f"\n{'metric':<26}value")
    for name, value in metrics.items():
        counted = name in ("questions", "borrowed_figures", "unasked_figures", "repeated_rows")
        shown = f"{value:.0f}" if counted else f"{value:.1f}" if name.endswith("_ms") \
            else f"{value:.1%}"
        click.echo(f"{name:<26}{shown}")
    for title, groups in (("intent", report.by_intent()), ("category", report.by_category())):
        if groups:
            click.echo(f"\n{title:<26}{'items':>6}  fully right")
            for name, (count, rate) in groups.items():
                click.echo(f"{name:<26}{count:>6}  {rate:.1%}")


@main.command()
@index_option
@click.option("--host", default=None, help="Interface to listen on. Env ASSISTANT_HOST; "
              "default 127.0.0.1.")
@click.option("--port", type=int, default=None, help="Port. Env ASSISTANT_PORT; default 7860.")
@translate_errors
def serve(index: Path | None, host: str | None, port: int | None) -> None:
    """Serve the chat at /, the JSON API under /api (docs at /docs) and /widget.js."""
    from assistant.web.server import serve as run_server

    settings = Settings.load(overrides={"index": index, "host": host, "port": port})
    run_server(settings)


@main.group()
def feedback() -> None:
    """The stored ratings (each with its question and answer): list or delete them."""


@feedback.command(name="list")
@click.option("--limit", type=int, default=20, show_default=True, help="Newest first.")
@translate_errors
def feedback_list(limit: int) -> None:
    """Print the newest ratings: id, date, rating and question."""
    from assistant.web.feedback import open_feedback

    store = open_feedback(Settings.load())
    for row in store.recent(limit):
        echo_line(f"#{row.id}  {row.created}  {row.rating:<4}  {row.question}")


@feedback.command(name="delete")
@click.argument("ids", nargs=-1, type=int, required=True)
@translate_errors
def feedback_delete(ids: tuple[int, ...]) -> None:
    """Delete ratings by id (e.g. when someone asks for theirs to go)."""
    from assistant.web.feedback import open_feedback

    store = open_feedback(Settings.load())
    missing = [i for i in ids if not store.delete(i)]
    click.echo(f"deleted {len(ids) - len(missing)} of {len(ids)}"
               + (f"; no feedback #{', #'.join(map(str, missing))}" if missing else ""))
    if missing:
        sys.exit(1)


if __name__ == "__main__":
    main()


def _advice_report(bot: Asker, items: list[AdviceItem], show: int, as_json: bool,
                   guide_of: Callable[[str], Guide | None]) -> None:
    """Precision of general answers, overall and per topic (evaluate_advice.py)."""
    from assistant.evaluate.advice import evaluate_advice

    report = evaluate_advice(bot, items, guide_of)
    if as_json:
        click.echo(json.dumps({"questions": len(items), "precision": report.precision(),
                               "by_topic": {k: v[1] for k, v in report.by_topic().items()}}))
        return
    for o in [o for o in report.outcomes if not o.right][:show]:
        echo_line(f"FAIL {o.item.id} [{o.item.topic}] {o.item.question!r}: {o.why}")
    click.echo(f"\n{'advice questions':<26}{len(items)}\n{'precision':<26}"
               f"{report.precision():.1%}\n\n{'topic':<26} items  precision")
    for topic, (count, share) in report.by_topic().items():
        click.echo(f"{topic:<26} {count:>5}  {share:.1%}")
