"""`ask`: answer a question from the guide library, for a person or as JSON.

    ask "Alibaba Seattle sign-on?"
    ask --json "Stripe London data scientist base?"
    printf 'q1\\nq2\\n' | ask --json -      # one JSON object per line, index loaded once
    ask --chat                               # a conversation: follow-ups use earlier turns

On a terminal the answer is rendered (see `terminal.py`); piped, it is the plain Markdown text
that `render` writes, byte for byte, and rich is never imported.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from assistant.cli.common import (
    configure_logging,
    corpus_option,
    index_option,
    load_settings,
    translate_errors,
)
from assistant.corpus.hidden import visible

if TYPE_CHECKING:
    from assistant.answer.types import Answer, Asker
    from assistant.settings import Settings

EPILOG = """Exit status: 0 for any answer (answered, clarify or no_guide), 2 for usage errors,
1 for failures (e.g. no index yet: build it with `assistant index`)."""


@click.command(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True,
              help="Print one JSON object: question, status, intent, answer, citations, "
                   "suggestions, bands, index_version (and table for a table answer).")
@click.option("--chat", "as_chat", is_flag=True,
              help="Talk: ask one question after another; follow-ups (\"and in London?\") "
                   "use the conversation so far, kept in memory only. /new starts over.")
@click.option("--server", metavar="URL", default=None,
              help="Ask a running app (e.g. http://127.0.0.1:7860) instead of a local index.")
@click.option("--no-pager", is_flag=True,
              help="On a terminal, print a long answer straight through instead of paging it "
                   "(PAGER=cat does the same).")
@corpus_option
@index_option
@translate_errors
def main(question: str | None, as_json: bool, as_chat: bool, server: str | None,
         no_pager: bool, corpus: tuple[Path, ...], index: Path | None) -> None:
    """Answer QUESTION from the guide library, citing guide, section and file.

    With --json and QUESTION "-", read one question per line from stdin; a line may also be a
    JSON object {"question": ..., "history": [...]} to ask a follow-up.
    """
    configure_logging()
    if as_chat:
        if question:
            raise click.UsageError("--chat reads its questions from the prompt: ask --chat")
        from assistant.cli.session import chat

        chat(_asker(load_settings(corpus, index), server), lambda prompt: input(prompt),
             *_outputs(pager=not no_pager))
        return
    if not question:
        raise click.UsageError('Give a question, e.g. ask "Alibaba Seattle sign-on?"')
    settings = load_settings(corpus, index)
    asker = _asker(settings, server)
    if question == "-":
        if not as_json:
            raise click.UsageError('Reading questions from stdin needs --json: ask --json -')
        from assistant.cli.session import batch_items

        for asked, history in batch_items(sys.stdin):
            click.echo(visible(_json(asker.ask(asked, history))))
        return
    answer = asker.ask(question)
    if as_json:
        # guide text (or a remote server) may carry escapes and invisible text: never print them
        click.echo(visible(_json(answer)))
        return
    _, show = _outputs(pager=not no_pager)
    show(answer)


def _asker(settings: Settings, server: str | None) -> Asker:
    """The running app at `server` when given, else the local index."""
    if server:
        from assistant.cli.remote import RemoteAssistant

        return RemoteAssistant(server)
    from assistant.answer.pipeline import Assistant

    return Assistant(settings)


def _outputs(pager: bool) -> tuple[Callable[[str], None], Callable[[Answer], None]]:
    """How a line and an answer reach a person: rendered on a terminal, plain down a pipe."""
    if sys.stdout.isatty():
        from assistant.cli.terminal import Terminal

        screen = Terminal(sys.stdout, pager=pager)
        return screen.say, screen.show
    return (lambda line: click.echo(visible(line)),
            lambda answer: click.echo(visible(render(answer))))


def _json(answer: Answer) -> str:
    return json.dumps(answer.as_dict(), ensure_ascii=False)


def render(answer: Answer) -> str:
    """The answer as plain text (down a pipe): the Markdown text, suggestions, then sources."""
    lines = [answer.text.strip()]
    if answer.suggestions:
        lines += ["", "Try:"] + [f"  - {s}" for s in answer.suggestions]
    if answer.citations:
        lines += ["", "Sources:"]
        for c in answer.citations:
            lines.append(f"  [{c.n}] {c.document or c.guide} — {c.title} (#{c.section}) — "
                         f"{c.source}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
