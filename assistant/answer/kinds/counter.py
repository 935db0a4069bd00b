"""Counter: what to ask for, from the guide's own script and levers and the articles' tactics.

Example:
    >>> lines = counter_lines(retrieved, guide, cites)
    >>> lines[0][:40]
    '**Strongest levers** (Alibaba ML/AI Eng'

The band of the asked row and the placement of the person's figures come first (compose.py);
then the guide's Negotiate Up script, quoted whole, which is where any suggested ask comes
from (its "$60K sign-on"); then the guide's first levers, and the article paragraph that best
answers the question. No figure is suggested that the guide does not write.
"""

from __future__ import annotations

import re

from assistant.answer.evidence import Retrieved
from assistant.answer.pick.sections import levers_section
from assistant.answer.types import Hit
from assistant.answer.write.citations import Citations
from assistant.answer.write.quoting import quote
from assistant.corpus.model import Guide
from assistant.corpus.wording import guide_label

LEVERS_QUOTED = 2
_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+")


def counter_lines(r: Retrieved, guide: Guide, cites: Citations) -> list[str]:
    """The guide's strongest levers and the articles' tactic for a counter question."""
    lines = []
    levers = levers_section(guide)
    if levers is not None:
        items = [line.strip() for line in levers.text.splitlines() if _ITEM.match(line)]
        if items:
            quoted = "\n".join(f"> {item}" for item in items[:LEVERS_QUOTED])
            lines.append(f"**Strongest levers** ({guide_label(guide)}, its first "
                         f"{min(LEVERS_QUOTED, len(items))} of {len(items)}) "
                         f"{cites.mark(guide, levers.anchor)}\n{quoted}")
    for hit in article_hits(r.passages)[:1]:
        lines.append("From the articles: " + quote(hit, cites, r.question))
    return lines


def article_hits(passages: list[Hit]) -> list[Hit]:
    """The passages that come from general articles, not from the guide."""
    return [h for h in passages if h.guide.kind == "article"]
