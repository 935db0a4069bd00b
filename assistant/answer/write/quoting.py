"""Quoting a guide or article passage: the paragraphs that answer, as a cited Markdown quote.

Example:
    >>> quote(hit, cites, "Is the sign-on clawed back?")
    '**Signing bonus** (Rora article) [1]\n> Most companies will reserve the right ...'
"""

from __future__ import annotations

import math
import re
from collections import Counter

from stop_words import get_stop_words

from assistant.answer.library import stems
from assistant.answer.types import Hit
from assistant.answer.write.citations import Citations
from assistant.answer.write.scope import Scope, within
from assistant.corpus.model import Guide
from assistant.corpus.words.wording import guide_label

QUOTE_CHARS = 900
_NUMBER = re.compile(r"\d{1,2}[.)]")
_FUNCTION_WORDS = frozenset(get_stop_words("en"))  # "from", "about": they tell nothing apart


def excerpt(text: str, question: str, limit: int = QUOTE_CHARS,
            names: frozenset[str] = frozenset()) -> str:
    """The paragraphs of `text` that share most words with the question, in order, ≤ limit;
    `names` (stems of the guide's company, role and places) count for none."""
    paras = [unit for line in text.splitlines() if line.strip()
             for unit in _units(line.strip(), limit // 2)]
    if sum(len(p) for p in paras) <= limit:
        return _joined(paras)
    best = _best_unit(paras, stems(question) - names - _FUNCTION_WORDS)
    lo, hi, size = best, best + 1, len(paras[best])
    while hi < len(paras) and size + len(paras[hi]) <= limit:  # what follows the best match
        size += len(paras[hi])
        hi += 1
    while lo > 0 and size + len(paras[lo - 1]) <= limit:  # then what leads into it
        lo -= 1
        size += len(paras[lo])
    picked = _joined(paras[lo:hi])
    return picked if len(picked) <= limit else picked[:limit].rsplit(" ", 1)[0] + "…"


def _best_unit(paras: list[str], words: set[str]) -> int:
    """The unit sharing most with the question, each shared word weighted by how rare it is
    among the units (a word in every unit, the company's or the place's name, tells none
    apart); the first of equals."""
    held = [words & stems(p) for p in paras]
    counts = Counter(w for h in held for w in h)
    weight = {w: math.log(1 + len(paras) / n) for w, n in counts.items()}
    return max(range(len(paras)), key=lambda i: (round(sum(weight[w] for w in held[i]), 9), -i))


def _joined(paras: list[str]) -> str:
    """Paragraphs apart by a blank line; a table's lines kept together so it stays a table."""
    out = ""
    for i, para in enumerate(paras):
        table = para.startswith("|") and i and paras[i - 1].startswith("|")
        out += ("\n" if table else "\n\n" if i else "") + para
    return out


def _units(line: str, size: int) -> list[str]:
    """A line, or its sentences when it is too long to quote whole."""
    if len(line) <= size:
        return [line]
    units: list[str] = []
    for piece in (x for x in re.split(r"(?<=[.!?])\s+", line) if x):
        if units and _NUMBER.fullmatch(units[-1]):  # "1." opens an item: no sentence of its own
            units[-1] += " " + piece
        else:
            units.append(piece)
    return units


def quote(hit: Hit, cites: Citations, question: str = "", scope: Scope | None = None) -> str:
    """The passage's paragraphs that answer, cut to `scope` (scope.py), as a cited quote;
    "" when nothing of it is left to quote (and nothing is cited)."""
    body = _quoted_body(hit, question, scope)
    if not body:
        return ""
    title = hit.section.title if hit.section else hit.guide.title
    return f"**{title}** ({guide_label(hit.guide)}) {cites.mark(hit.guide, hit.anchor)}\n{body}"


def _quoted_body(hit: Hit, question: str, scope: Scope | None) -> str:
    """The "> " lines of a hit's excerpt ("" when scope leaves nothing of it)."""
    body = within(hit.text, scope)
    if not body:
        return ""
    text = excerpt(body, question, names=_names(hit.guide))
    suffix = "" if text.endswith("…") or len(text) >= len(body.strip()) - 2 else " …"
    return "\n".join(f"> {line}" if line else ">" for line in (text + suffix).splitlines())


def _names(guide: Guide) -> frozenset[str]:
    """The stems of a guide's own names: its title, company, role and regions (every part of
    it is about them, so they tell its paragraphs apart from none)."""
    said = [guide.title, guide.company_display, guide.role_display,
            *(r.raw for r in guide.regions())]
    return frozenset(w for text in said for w in stems(text))


def quote_all(hits: list[Hit], cites: Citations, question: str = "",
              scope: Scope | None = None) -> list[str]:
    """Each section's passages as one quote, in the order the sections first come: two
    paragraphs of one section are one quote under one title, each excerpted on its own."""
    groups: dict[tuple[str, str], list[Hit]] = {}
    for hit in hits:
        group = groups.setdefault((hit.guide.id, hit.anchor), [])
        if all(hit.text not in h.text for h in group):
            group.append(hit)
    quotes, titles = [], set()
    for group in groups.values():
        first = group[0]
        title = first.section.title if first.section else first.guide.title
        again = (first.guide.id, title) in titles  # two sections of one name: say which
        titles.add((first.guide.id, title))
        bodies = [b for h in group if (b := _quoted_body(h, question, scope))]
        if bodies:
            shown = f"{title}, another section of that name" if again else title
            quotes.append(f"**{shown}** ({guide_label(first.guide)}) "
                          f"{cites.mark(first.guide, first.anchor)}\n" + "\n>\n".join(bodies))
    return quotes
