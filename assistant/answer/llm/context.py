"""The LLM's context: the grounded answer's citations as numbered passages, quoted as data.

Example:
    >>> passages = numbered_passages(retrieved, grounded)
    >>> passages[0].n, passages[0].text.splitlines()[1]
    (1, 'Alibaba ML/AI Engineer — Seattle (US) (USD): base $165K–$235K; ...')

Passage n carries the same number as citation n of the grounded answer, so an [n] the model
writes maps to the same Citation. A passage's text is the retrieved pay rows and sections of
that citation's (guide, section); where retrieval holds none (e.g. "no figures for Paris"), it
is the grounded answer's own paragraphs for that citation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.answer.evidence import Retrieved, guide_of, passages_of, rows_of
from assistant.answer.types import Answer, Citation
from assistant.corpus.model import Guide
from assistant.corpus.words.wording import guide_label, row_text, strip_tables

MAX_ROWS = 8
MAX_PASSAGE_CHARS = 2500
MAX_HISTORY_TURNS = 6
MAX_TURN_CHARS = 500
_DELIMITER = re.compile(r"<(/?)\s*(context|passage|history)\b", re.IGNORECASE)
_MARKER = re.compile(r"\s*\[\d+\]")


@dataclass(frozen=True)
class Passage:
    """One numbered piece of context: the citation it stands for and its text."""

    n: int
    citation: Citation
    text: str


def numbered_passages(retrieved: Retrieved, grounded: Answer) -> list[Passage]:
    """One passage per citation of the grounded answer, numbered as the citations are."""
    return [Passage(c.n, c, _header(guide_of(retrieved), c) + "\n"
                    + _body(retrieved, grounded, c))
            for c in grounded.citations]


def render_context(passages: Sequence[Passage]) -> str:
    """The passages inside <passage> delimiters; delimiter look-alikes in the text are defused."""
    blocks = []
    for p in passages:
        blocks.append(f'<passage n="{p.n}" source="{p.citation.source}" '
                      f'section="{p.citation.section}">\n{defuse(p.text)}\n</passage>')
    return "\n\n".join(blocks) or "(no passages)"


def render_history(history: Sequence[dict[str, object]]) -> str:
    """The last few turns as "user: ..." lines, each cut short and defused."""
    lines = []
    for turn in list(history)[-MAX_HISTORY_TURNS:]:
        content = " ".join(str(turn.get("content", "")).split())[:MAX_TURN_CHARS]
        lines.append(f"{turn.get('role', 'user')}: {defuse(content)}")
    return "\n".join(lines) or "(none)"


def defuse(text: str) -> str:
    """Text that cannot open or close the prompt's <context>/<passage>/<history> delimiters."""
    return _DELIMITER.sub(lambda m: f"‹{m.group(1)}{m.group(2)}", text)


def _header(guide: Guide | None, citation: Citation) -> str:
    label = guide_label(guide) if guide is not None and guide.id == citation.guide else ""
    dates = []
    if label and guide is not None and guide.last_updated:
        dates.append(f"last updated {guide.last_updated}")
    if label and guide is not None and guide.salary_data_quarter:
        dates.append(f"salary data {guide.salary_data_quarter}")
    head = f"{label} — {citation.title}" if label else citation.title
    return head + (f" ({'; '.join(dates)})" if dates else "")


def _body(retrieved: Retrieved, grounded: Answer, citation: Citation) -> str:
    parts: list[str] = []
    guide = guide_of(retrieved)
    if guide is not None and guide.id == citation.guide:
        parts += [row_text(guide, row) for row in rows_of(retrieved)[:MAX_ROWS]
                  if row.section_anchor == citation.section]
    # Tables are left out of section text: the asked region's rows stand for them, and a full
    # table would put other regions' figures in front of the model.
    parts += [strip_tables(hit.text)[:MAX_PASSAGE_CHARS] for hit in passages_of(retrieved)
              if hit.guide.id == citation.guide and hit.anchor == citation.section]
    parts = [p for p in parts if p]
    if not parts:
        marker = f"[{citation.n}]"
        parts = [_MARKER.sub("", para).strip() for para in grounded.text.split("\n\n")
                 if marker in para]
    return "\n".join(parts)
