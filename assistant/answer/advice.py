"""General advice: the paragraphs that answer the question, out of the passages search found.

Example:
    >>> hits = choose(search("My recruiter says the offer is non-negotiable"), question)
    >>> "non-negotiable" in hits[0].text
    True

Search finds sections; a section holds several paragraphs, of which usually one answers. Each
paragraph of the found sections is scored by BM25 over that pool (so a paragraph holding the
question's rarer words, "non-negotiable", "claw back", "15%", outranks one holding only
"offer" and "negotiation"), with the search's own order as the tie-breaker. A second and third
paragraph join the answer only when they score close to the best. A paragraph that promotes
the article's publisher or author (a call to sign up, the service's record, a biography) is
never an answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rank_bm25 import BM25Okapi

from assistant.answer.library import stem, tokenize
from assistant.answer.types import Hit
from assistant.corpus.model import Guide

MAX_PARAGRAPHS = 3
LENGTH_NORM = 0.3  # BM25 b: a long paragraph holding the rare word still wins
FOUND_BONUS = 0.5  # a paragraph of the n-th found section scores (1 + 0.5 / n) times more
CLOSE = 0.6  # a further paragraph joins when it scores at least this share of the best
_GENERIC = frozenset("if now then they they'll theyll them their will would could so much more "
                     "than just about which who when where why get got say says said tell "
                     "telling keep keeps take ask asked think really way very also any "
                     "offer negotiate negotiation negotiating salary pay job company "
                     "companies role recruiter get good normal much".split())
PROMOTION = re.compile(
    r"\bsign up\b|\bfree consultation\b|\bconsultation\b|\bbook (?:a|your) (?:call|session)\b|"
    r"\bcontact us\b|\bget in touch\b|\bour (?:expert|team|negotiators|clients|service|internal)"
    r"|\bhave used \w+ to\b|\bfeatured in\b|\bclients?\b|\bis a (?:lead |senior )?"
    r"(?:negotiator|coach|consultant|advisor)\b|\bhas done over\b|\bmock negotiations?\b|"
    r"\bjoin your (?:recruiter )?calls?\b|\bwe(?:'ve| have) (?:successfully )?(?:helped|"
    r"negotiated)\b|\bbased on our experience\b|\b1:1 support\b", re.IGNORECASE)


def promotes(text: str) -> bool:
    """True when a paragraph advertises the publisher or its author rather than advises."""
    return PROMOTION.search(text) is not None


def choose(hits: list[Hit], question: str, limit: int = MAX_PARAGRAPHS,
           articles: Sequence[Guide] = ()) -> list[Hit]:
    """The paragraphs that answer `question`, best first, each as its own hit.

    The pool is every paragraph of `hits` (what search found) and of `articles` (the general
    articles, few enough to read whole); a paragraph of a found section scores a little more.
    """
    pool: list[tuple[Hit, str, int]] = []
    seen: set[tuple[str, str]] = set()
    found = [(rank, hit) for rank, hit in enumerate(hits)]
    found += [(len(hits), Hit(guide=a, text=s.text, score=0.0, anchor=s.anchor,
                              chunk_id=f"{a.id}#{s.anchor}", section=s))
              for a in articles for s in a.sections if s.text.strip()]
    for rank, hit in found:
        for paragraph in _paragraphs(hit.text):
            if not promotes(paragraph) and (hit.chunk_id, paragraph) not in seen:
                seen.add((hit.chunk_id, paragraph))
                pool.append((hit, paragraph, rank))
    if not pool:
        return []
    words = [stem(w) for w in tokenize(question)]
    keys = [w for w in words if w not in _GENERIC] or words
    docs = [_words(h.section.title if h.section else "", p) for h, p, _ in pool]
    raw = BM25Okapi(docs, b=LENGTH_NORM).get_scores(keys) if keys else [0.0] * len(pool)
    scores = [x * (1 + FOUND_BONUS / (1 + pool[i][2])) if pool[i][2] < len(hits) else x
              for i, x in enumerate(raw)]
    order = sorted(range(len(pool)), key=lambda i: (-scores[i], pool[i][2], i))
    best = scores[order[0]]
    picked = [order[0]]
    for i in order[1:]:
        if len(picked) >= limit or best <= 0 or scores[i] < CLOSE * best:
            break
        picked.append(i)
    return [replace(pool[i][0], text=pool[i][1], score=float(scores[i])) for i in picked]


@lru_cache(maxsize=16384)
def _words(title: str, paragraph: str) -> list[str]:
    """A paragraph's stemmed tokens, remembered (the articles' paragraphs recur every ask)."""
    return [stem(w) for w in tokenize(f"{title} {paragraph}")]


@lru_cache(maxsize=4096)
def _paragraphs(text: str) -> list[str]:
    """Non-empty lines; a table stays whole (its rows mean nothing apart)."""
    out: list[str] = []
    table: list[str] = []
    for line in (x.strip() for x in text.splitlines()):
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            out.append("\n".join(table))
            table = []
        if line:
            out.append(line)
    if table:
        out.append("\n".join(table))
    return out
