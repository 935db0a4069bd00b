"""`ask --chat`: an interactive conversation in the terminal, and `ask --json -` lines.

Example:
    $ ask --chat
    you> Stripe software engineer base in New York?
    ...
    you> and in London?

The conversation lives in this process only: each question is asked with the turns before it
as history (the same history the API and the chat page send), `/new` starts a new subject and
`/quit` (or end of input) ends the session. Nothing is written anywhere.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from assistant.errors import UsageError

if TYPE_CHECKING:
    from assistant.answer.types import Answer, Asker, Message

PROMPT = "you> "
HELP = ("Ask about an offer; follow-ups (\"and in London?\") use the conversation so far. "
        "/new starts over, /quit ends.")


def chat(asker: Asker, read: Callable[[str], str], write: Callable[[str], None],
         show: Callable[[Answer], None]) -> int:
    """Run the session until /quit or end of input; returns how many questions were asked.

    `write` prints a line of the session's own, `show` an answer (rendered on a terminal)."""
    history: list[Message] = []
    asked = 0
    write(HELP)
    while True:
        try:
            line = read(PROMPT).strip()
        except EOFError:
            return asked
        if line in ("/quit", "/exit"):
            return asked
        if line == "/new":
            history = []
            write("(new conversation)")
            continue
        if not line:
            continue
        try:
            answer = asker.ask(line, list(history))
        except UsageError as exc:  # one bad question does not end the session
            write(f"error: {exc}")
            continue
        asked += 1
        show(answer)
        history += [{"role": "user", "content": line},
                    {"role": "assistant", "content": answer.text}]


def batch_items(lines: Iterable[str]) -> Iterable[tuple[str, list[Message]]]:
    """`ask --json -` input: each non-blank line is a question, or a JSON object
    {"question": ..., "history": [...]} whose history is passed along."""
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("{"):
            yield line, []
            continue
        yield _object_line(line, number)


def _object_line(line: str, number: int) -> tuple[str, list[Message]]:
    """One JSON line's question and history, or a UsageError naming the line."""
    try:
        data: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UsageError(f"line {number} starts with '{{' but is not JSON ({exc.msg}); give "
                         "a question, or {\"question\": ..., \"history\": [...]}.") from None
    question = data.get("question") if isinstance(data, dict) else None
    history = data.get("history", []) if isinstance(data, dict) else None
    if not isinstance(question, str) or not isinstance(history, list):
        raise UsageError(f"line {number}: the object needs \"question\" (text) and may have "
                         "\"history\" (a list of {\"role\", \"content\"} turns).")
    return question, history
