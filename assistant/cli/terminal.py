"""`ask` on a terminal: the answer's Markdown rendered by rich, fitted to the width, paged
when it is taller than the screen.

Example:
    >>> screen = Terminal(sys.stdout)    # cheap: rich loads on the first answer
    >>> screen.show(answer)              # rendered, and paged through $PAGER when long

The only module that imports rich, and only inside `Terminal`, so a piped, `--json` or
`--help` run never loads it; `ask` makes a `Terminal` only when stdout is a terminal, and a
pipe gets the plain text as before. rich itself leaves colour out when NO_COLOR is set (the
layout stays). Every string from the answer goes through `visible` before rich sees it: guide
text or a remote server may carry escapes, and the only escapes printed are rich's own styles
(hyperlinks off, so no OSC 8 link carries a guide's URL).
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
from typing import TYPE_CHECKING, Any, TextIO

from assistant.corpus.hidden import visible

if TYPE_CHECKING:
    from assistant.answer.types import Answer

_SGR = re.compile(r"\x1b\[[0-9;]*m")
_PADDING = re.compile(r"(?: |\x1b\[[0-9;]*m)+$", re.M)
# git's default: quit when the text fits one screen, pass colours through, leave it on screen
LESS_DEFAULT = "FRX"


class Terminal:
    """Renders answers for the terminal `stream` and pages the long ones."""

    def __init__(self, stream: TextIO, pager: bool = True) -> None:
        self.stream = stream
        self.pager = pager
        self._console: Any = None

    @property
    def console(self) -> Any:
        """The rich Console for `stream`, made on first use (width, colours, NO_COLOR)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(file=self.stream, markup=False, emoji=False,
                                    highlight=False)
        return self._console

    def render(self, answer: Answer) -> str:
        """The answer as the terminal shows it: text, suggestions, sources, with styles."""
        from rich.console import Group

        with self.console.capture() as captured:
            self.console.print(Group(*_renderables(answer)))
        # rich pads each line to the width; trailing blanks would follow a copied line
        return _PADDING.sub(lambda m: "".join(_SGR.findall(m.group())), str(captured.get()))

    def say(self, line: str) -> None:
        """Print a line of the program's own (help, an error), wrapped at words."""
        from rich.text import Text

        self.console.print(Text(visible(line)))

    def show(self, answer: Answer) -> None:
        """Print the rendered answer, through the pager when taller than the screen."""
        text = self.render(answer)
        if self.pager and text.count("\n") >= self.console.height and _page(text):
            return
        self.stream.write(text)
        self.stream.flush()


def _renderables(answer: Answer) -> list[Any]:
    """The answer's parts as rich renderables, every string made `visible` first."""
    from rich.markdown import Markdown
    from rich.text import Text

    parts: list[Any] = [Markdown(visible(answer.text.strip()), hyperlinks=False)]
    if answer.suggestions:
        parts += [Text(), Text("Try:", style="bold"),
                  _hanging([("-", Text(visible(s))) for s in answer.suggestions])]
    if answer.citations:
        parts += [Text(), Text("Sources:", style="bold"), _hanging([
            (f"[{c.n}]", Text.assemble(
                f"{visible(c.document or c.guide)} — {visible(c.title)}\n",
                                       (f"{visible(c.source)}#{visible(c.section)}", "dim")))
            for c in answer.citations])]
    return parts


def _hanging(rows: list[tuple[str, Any]]) -> Any:
    """A marker column and a text column, so a wrapped line keeps its indent."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for marker, text in rows:
        grid.add_row(marker, text)
    return grid


def _page(text: str) -> bool:
    """Show `text` in $PAGER (default `less`, with LESS=FRX unless set); False when there
    is no pager to run (PAGER empty or `cat`, or not found), so the caller prints it."""
    command = os.environ.get("PAGER", "less")
    if command.strip() in ("", "cat"):
        return False
    env = dict(os.environ)
    env.setdefault("LESS", LESS_DEFAULT)
    # Ctrl-C belongs to the pager while it runs (as in git): ask waits for it to end
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with subprocess.Popen(shlex.split(command), stdin=subprocess.PIPE, env=env) as proc:
            try:
                proc.communicate(text.encode("utf-8", "replace"))
            except BrokenPipeError:  # the reader quit before the end
                pass
    except (OSError, ValueError):  # not found, or a PAGER shlex cannot split
        return False
    finally:
        signal.signal(signal.SIGINT, previous)
    return True
