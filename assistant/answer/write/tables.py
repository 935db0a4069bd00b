"""Tables in answers (Markdown): comparisons, rankings, a company's roles, placements, level maps.

Example:
    >>> table = Table("compare", ("Side", "base"), ((Cell("Google SWE — London"),
    ...     Cell("£75K–£135K", guide, "google-software-engineer")),))
    >>> markdown_table(table, Citations())
    '| Side | base |\\n|---|---|\\n| Google SWE — London | £75K–£135K [1] |'

A cell is either the guide's own text with the guide and section it comes from (cited when
the table is written), a label (a side, a company, a role), or a plain statement such as "not
in the guide". The cell types live in types.py; `Table.as_dict` is the machine-readable shape
`ask --json` and the API carry.
"""

from __future__ import annotations

from assistant.answer.evidence import Line, Table
from assistant.answer.write.citations import Citations


def markdown_table(table: Table, cites: Citations) -> str:
    """The table as Markdown, each quoted cell followed by its [n] marker."""
    lines = ["| " + " | ".join(_escape(c) for c in table.columns) + " |",
             "|" + "---|" * len(table.columns)]
    for row in table.rows:
        cells = [_escape(cell.text) + (f" {cites.mark(cell.guide, cell.anchor)}"
                                        if cell.guide is not None else "") for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    body = "\n".join(lines)
    return f"{table.caption}\n\n{body}" if table.caption else body


def markdown_line(line: Line, cites: Citations) -> str:
    """A sentence written as cells: each quoted cell's text followed by its [n] marker."""
    return "".join(cell.text + (f" {cites.mark(cell.guide, cell.anchor)}"
                                if cell.guide is not None else "") for cell in line)


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
