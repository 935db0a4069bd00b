"""The paragraphs of found sections (and of whole guides and articles) that answer a question.

Example:
    >>> hits = choose(search("My recruiter says the offer is non-negotiable"), question)
    >>> "non-negotiable" in hits[0].text
    True

Search finds sections; a section holds several paragraphs, of which usually one answers. Each
paragraph of the found sections is scored by BM25 over that pool (so a paragraph holding the
question's rarer words, "non-negotiable", "claw back", "15%", outranks one holding only
"offer" and "negotiation"), with the search's own order as the tie-breaker; BM25's best are
reranked by meaning. A second and third paragraph join the answer only when they score close
to the best. A paragraph that promotes the article's publisher or author (a call to sign up,
the service's record, a biography) is never an answer, nor is a table of figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from assistant.answer.library import tokenize
from assistant.answer.pick.wordforms import (
    MISSPELT,
    generic,
    root,
    spelled_out,
    undotted,
    words_of,
)
from assistant.answer.types import Hit
from assistant.corpus.model import Guide
from assistant.corpus.paragraphs import quoted_paragraphs

if TYPE_CHECKING:
    import numpy as np

Embed = Callable[[Sequence[str]], "np.ndarray"]
Ordinary = Callable[[Sequence[str]], set[str]]  # the English words among some words

MAX_PARAGRAPHS = 3
LENGTH_NORM = 0.3  # BM25 b: a long paragraph holding the rare word still wins
FOUND_BONUS = 0.5  # a paragraph of the n-th found section scores (1 + 0.5 / n) times more
CLOSE = 0.6  # a further paragraph joins when it scores at least this share of the best
RERANKED = 12  # BM25's best paragraphs the meaning order reranks
FUSION_K = 5  # reciprocal-rank fusion: 1 / (K + rank) per order
# The least cosine similarity (question, best paragraph) of an answer, measured with
# all-MiniLM-L6-v2 (docs/testing.md): the 87 right general answers of the gold, adversarial,
# everyday and advice sets score 0.28-0.89; of the 18 advice questions nothing answers, 8
# score under 0.28 (the rest are near misses a floor cannot tell apart).
FLOOR = 0.28
# With `anchor` (advice, and a paragraph added to a counter), a paragraph must hold a word of
# what the question is about (beyond the names of companies, roles and places and the words
# every negotiation paragraph shares; a shortening or misspelling read as the keys are), or be
# this close in meaning. Measured on the advice and everyday sets (docs/testing.md): 8 quotes
# of paragraphs about something else become "not covered", and 3 everyday questions whose
# answer shares no word with them ("best and final" / "non-negotiable") do too, two of which
# had quoted the wrong paragraph of the right article; MiniLM's cosine tells neither apart.
UNANCHORED = 0.5
TEMPLATE_WORDS = 8  # paragraphs whose first words match but for figures are one template
_TEMPLATE = re.compile(r"[$£€₹¥]?\d[\d,.]*[kKmM%]?")
_POINTS_BACK = re.compile(r"(?:This|These|That|Those|Such|It|They)\b(?! is why\b)")
PROMOTION = re.compile(
    r"\bsign up\b|\bfree consultation\b|\bconsultation\b|\bbook (?:a|your) (?:call|session)\b|"
    r"\bcontact us\b|\bget in touch\b|\bour (?:expert|team|negotiators|clients|service|internal)"
    r"|\bhave used \w+ to\b|\bfeatured in\b|\bclients?\b|\bis a (?:lead |senior )?"
    r"(?:negotiator|coach|consultant|advisor)\b|\bhas done over\b|\bmock negotiations?\b|"
    r"\bjoin your (?:recruiter )?calls?\b|\bwe(?:'ve| have) (?:successfully )?(?:helped|"
    r"negotiated)\b|\bbased on our experience\b|\b1:1 support\b", re.IGNORECASE)


@lru_cache(maxsize=16384)
def promotes(text: str) -> bool:
    """True when a paragraph advertises the publisher or its author rather than advises
    (remembered: the articles' paragraphs are read again by every general question)."""
    return PROMOTION.search(text) is not None


def advertises(paragraphs: Sequence[str]) -> bool:
    """True when most of a section's paragraphs promote the publisher: the rest of it is the
    same advertisement in words the pattern does not know ("Step 1 is defining the strategy,
    which often starts by helping you ..." among the service's other steps and record)."""
    return sum(map(promotes, paragraphs)) * 2 > len(paragraphs)


def choose(hits: list[Hit], question: str, limit: int = MAX_PARAGRAPHS,
           articles: Sequence[Guide] = (), embed: Embed | None = None,
           floor: float | None = None, topic: Sequence[str] | None = None,
           anchor: bool = False, ordinary: Ordinary | None = None) -> list[Hit]:
    """The paragraphs that answer `question`, best first, each as its own hit.

    The pool is every paragraph of `hits` (what search found) and of `articles` (the general
    articles, few enough to read whole); a paragraph of a found section scores a little more.
    With `embed` (the index's embedder), the first answer is the one the BM25 order and the
    meaning order, over BM25's best RERANKED, agree on best (reciprocal-rank fusion).
    Given `topic` (the question's words no name took), its words rank the paragraphs.
    With `floor`, a paragraph answers only when it is that close in meaning and, with
    `anchor`, also holds a word of `topic` or is UNANCHORED close. With `ordinary` (the
    lexicon's English words among some words), a question word that is no English word and no
    paragraph's is read as the paragraphs' word it misspells ("excercise").
    """
    pool: list[tuple[Hit, str, int]] = []
    seen: set[tuple[str, str]] = set()
    found = [(rank, hit) for rank, hit in enumerate(hits)]
    found += [(len(hits), Hit(guide=a, text=s.text, score=0.0, anchor=s.anchor,
                              chunk_id=f"{a.id}#{s.anchor}", section=s))
              for a in articles for s in a.sections if s.text.strip() and s.answers]
    for rank, hit in found:
        paragraphs = quoted_paragraphs(hit.text)
        if advertises(paragraphs):
            continue
        for paragraph in paragraphs:
            # a table of figures is never advice (and holds rows nobody asked for)
            # nor is a line that introduces a list the text no longer holds ("… are:")
            if not paragraph.startswith("|") and not promotes(paragraph) \
                    and not paragraph.endswith(":") and (hit.chunk_id, paragraph) not in seen:
                seen.add((hit.chunk_id, paragraph))
                pool.append((hit, paragraph, rank))
    if not pool:
        return []
    tokens = tokenize(undotted(question))
    words = [root(w) for w in tokens]
    known = ordinary(tokens) if ordinary is not None else set(tokens)
    misspelt = frozenset(root(t) for t in tokens
                         if t not in known and t.isalpha() and len(t) >= MISSPELT)
    anchors = {root(t) for w in topic or () for t in tokenize(undotted(w))} - generic()
    # the words of what is asked rank the paragraphs: names do not (every paragraph of the
    # named company's guide holds them)
    keys = [w for w in words if w in anchors] or [w for w in words if w not in generic()] \
        or words
    texts = [(h.section.title if h.section else "", p) for h, p, _ in pool]
    docs = [words_of(*t) for t in texts]
    raw = _bm25_scores(texts, keys, misspelt) if keys else [0.0] * len(pool)
    if anchor and anchors:  # read as the keys are: "relo" is held by "relocation"
        held = _bm25_of(tuple(sorted(set(texts))))[2]
        anchors |= set(spelled_out(sorted(anchors), held, misspelt))
    scores = [x * (1 + FOUND_BONUS / (1 + pool[i][2])) if pool[i][2] < len(hits) else x
              for i, x in enumerate(raw)]
    order = sorted(range(len(pool)), key=lambda i: (-scores[i], pool[i][2], i))
    best = scores[order[0]]

    def answers(i: int) -> bool:
        if floor is None or embed is None:
            return True
        close = _meaning(question, pool[i][1], embed)
        anchored = not anchor or bool(anchors.intersection(docs[i]))
        return close >= floor and (anchored or close >= UNANCHORED)

    if embed is None:
        first = order[0]
    else:  # BM25's best, reranked by meaning
        shortlist = _varied(order, [pool[i][1] for i in range(len(pool))], RERANKED)
        first = _fused_first(shortlist, [pool[i][1] for i in shortlist], question, embed)
        if not answers(first):
            fits = [i for i in shortlist if answers(i)]
            if not fits:
                return []  # every paragraph is about something else: nothing here answers
            first = max(fits, key=lambda i: _meaning(question, pool[i][1], embed))
    picked = [first]
    for i in order:
        if len(picked) >= limit or best <= 0 or scores[i] < CLOSE * best:
            break
        if i != first and answers(i):
            picked.append(i)
    return [replace(pool[i][0], text=_in_context(pool[i][0].text, pool[i][1]),
                    score=float(scores[i])) for i in picked]


def _varied(order: list[int], texts: list[str], limit: int) -> list[int]:
    """The first `limit` of `order` with the copies of a template after its first dropped: a
    company's guides repeat one sentence with their own figures ("Anchor your initial counter
    at $275K TC ..."), and a dozen such copies crowd everything else out of the shortlist."""
    seen: set[str] = set()
    out: list[int] = []
    for i in order:
        if len(out) == limit:
            break
        if (shape := _shape(texts[i])) not in seen:
            seen.add(shape)
            out.append(i)
    return out


@lru_cache(maxsize=16384)
def _shape(text: str) -> str:
    """A paragraph's first words, its figures as "#" (the same for copies of a template)."""
    return " ".join(_TEMPLATE.sub("#", " ".join(text.casefold().split()[:TEMPLATE_WORDS]))
                    .split())


def _meaning(question: str, paragraph: str, embed: Embed) -> float:
    """Cosine similarity of the question and a paragraph (the embedder's vectors are unit)."""
    asked, said = embed([question, paragraph])
    return float(asked @ said)


def _in_context(text: str, paragraph: str) -> str:
    """The paragraph with the one before it when it opens by pointing back ("This growth
    also ..."), and with the one after it when that one does ("This high demand has ...")."""
    paragraphs = quoted_paragraphs(text)
    if paragraph not in paragraphs:
        return paragraph
    at = paragraphs.index(paragraph)
    parts = [paragraph]
    if at > 0 and _POINTS_BACK.match(paragraph):
        parts.insert(0, paragraphs[at - 1])
    if at + 1 < len(paragraphs) and _POINTS_BACK.match(paragraphs[at + 1]):
        parts.append(paragraphs[at + 1])
    return "\n".join(parts)


def _fused_first(candidates: list[int], texts: list[str], question: str, embed: Embed) -> int:
    """The candidate (given in BM25 order) that ranks best by reciprocal-rank fusion of its
    BM25 rank and its cosine similarity to the question."""
    unique = list(dict.fromkeys([question, *texts]))  # `embed` remembers (Library.remembering)
    vectors = dict(zip(unique, embed(unique), strict=True))
    asked = vectors[question]
    meaning = sorted(range(len(texts)), key=lambda k: -float(vectors[texts[k]] @ asked))
    by_meaning = {k: rank for rank, k in enumerate(meaning)}
    fused = max(range(len(texts)),
                key=lambda k: 1 / (FUSION_K + k) + 1 / (FUSION_K + by_meaning[k]))
    return candidates[fused]


def _bm25_scores(texts: list[tuple[str, str]], keys: list[str],
                 misspelt: frozenset[str] = frozenset()) -> list[float]:
    """BM25 scores of `keys` for each (title, paragraph), from a model kept per set of
    paragraphs (`_bm25_of`): the general questions share one pool (every article paragraph)
    and a named company's share theirs, and building the model was most of their time."""
    model, at, words = _bm25_of(tuple(sorted(set(texts))))
    scores = model.get_scores(spelled_out(keys, words, misspelt))
    return [float(scores[at[t]]) for t in texts]


@lru_cache(maxsize=16)  # ~1 MiB each (912 paragraphs: the articles' and one guide's)
def _bm25_of(texts: tuple[tuple[str, str], ...]
             ) -> tuple[Any, dict[tuple[str, str], int], tuple[str, ...]]:
    """BM25 over the paragraphs in a fixed order (scores do not depend on the order), each
    paragraph's place in it, and the pool's words in sorted order."""
    from rank_bm25 import BM25Okapi  # here: it brings numpy, which a look-up never needs

    model = BM25Okapi([words_of(*t) for t in texts], b=LENGTH_NORM)
    return model, {t: i for i, t in enumerate(texts)}, tuple(sorted(model.idf))
