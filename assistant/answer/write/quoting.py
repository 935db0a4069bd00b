"""Quoting a guide or article passage: the paragraphs that answer, as a cited Markdown quote.

Example:
    >>> quote(hit, cites, "Is the sign-on clawed back?")
    '**Signing bonus** (Rora article) [1]\n> Most companies will reserve the right ...'
"""

from __future__ import annotations

import re

from assistant.answer.library import stems
from assistant.answer.types import Hit
from assistant.answer.write.citations import Citations
from assistant.corpus.words.wording import guide_label

QUOTE_CHARS = 900


def excerpt(text: str, question: str, limit: int = QUOTE_CHARS) -> str:
    """The paragraphs of `text` that share most words with the question, in order, ≤ limit."""
    paras = [unit for line in text.splitlines() if line.strip()
             for unit in _units(line.strip(), limit // 2)]
    if sum(len(p) for p in paras) <= limit:
        return "\n\n".join(paras)
    words = stems(question)
    best = max(range(len(paras)), key=lambda i: (len(words & stems(paras[i])), -i))
    lo, hi, size = best, best + 1, len(paras[best])
    while hi < len(paras) and size + len(paras[hi]) <= limit:  # what follows the best match
        size += len(paras[hi])
        hi += 1
    while lo > 0 and size + len(paras[lo - 1]) <= limit:  # then what leads into it
        lo -= 1
        size += len(paras[lo])
    picked = "\n\n".join(paras[lo:hi])
    return picked if len(picked) <= limit else picked[:limit].rsplit(" ", 1)[0] + "…"


def _units(line: str, size: int) -> list[str]:
    """A line, or its sentences when it is too long to quote whole."""
    return [line] if len(line) <= size else [x for x in re.split(r"(?<=[.!?])\s+", line) if x]


def quote(hit: Hit, cites: Citations, question: str = "") -> str:
    text = excerpt(hit.text, question)
    suffix = "" if text.endswith("…") or len(text) >= len(hit.text.strip()) - 2 else " …"
    title = hit.section.title if hit.section else hit.guide.title
    quoted = "\n".join(f"> {line}" if line else ">" for line in (text + suffix).splitlines())
    return f"**{title}** ({guide_label(hit.guide)}) {cites.mark(hit.guide, hit.anchor)}\n{quoted}"
