"""Short names a company's own guides use for it ("AmEx", "BofA", "EA", "Citi"), its brands
("Shopee" of Sea Group) and the tickers they state ("NYSE: NET"), mined at build.

Example:
    >>> counts = nickname_counts(guides)          # at index build (facts.py, per guide)
    >>> counts["amex"]
    {'american-express': 226}
    >>> pick_nicknames(counts, companies, taken)["amex"]
    'american-express'

A candidate is a capitalised word of a guide's text that abbreviates the guide's own company
name: the leading letters of two or more of its words in order ("AmEx" of American Express,
"BofA" of Bank of America, "EA" of Electronic Arts), or, for a one-word name, a shorter
start of it that is no English word ("Citi" of Citigroup). It becomes a nickname when one
company's guides write it often and no other company's guides write it as theirs, and it is
not already a name, role, place or ordinary word of the library ("ML" of Mercado Libre is a
role word; "Data" of Datadog is a word). A brand is a name the guide joins to its company's
with a slash ("Sea Group/Shopee", "Rockstar/Take-Two"); its uses count like a short name's,
so a brand one company's guides name often becomes that company's name. A ticker the guides
state after "NYSE:" or "NASDAQ:" is counted apart (key `TICKER` + ticker) for tickers.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from assistant.corpus.model import Guide

MIN_USES = 10  # times a company's guides write the short name
SHORT = 3  # a nickname this short counts only when the question capitalises it
_TOKEN = re.compile(r"(?<![\w.&/-])([A-Z][A-Za-z]{1,7})(?='s\b|(?![\w./&-]))")
_NAME_WORD = re.compile(r"[A-Za-z]+")
_LISTING = re.compile(r"\b(?:NASDAQ|Nasdaq|NYSE)\s*:\s*([A-Z]{2,5})\b")  # "(NYSE: NET)"
TICKER = "$"  # the key prefix of a ticker the guides state, apart from the short names


def nickname_counts(guides: Iterable[Guide]) -> dict[str, dict[str, int]]:
    """short name (lower case) -> company slug -> uses, over the guides' section texts."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    memo: dict[tuple[str, str], bool] = {}
    for guide in guides:
        if not guide.company:
            continue
        name = re.sub(r"\s*\(.*?\)", "", guide.company_display or guide.company)
        brands = _brands(guide, name)
        for section in guide.sections:
            for token in _TOKEN.findall(section.text):
                key = (token, name)
                if key not in memo:
                    memo[key] = abbreviates(token, name)
                if memo[key] or token in brands:
                    counts[token.casefold()][guide.company] += 1
            for ticker in _LISTING.findall(section.text):
                counts[TICKER + ticker.casefold()][guide.company] += 1
    return {token: dict(by) for token, by in counts.items()}


def _brands(guide: Guide, name: str) -> set[str]:
    """Names the guide joins to its company's with a slash ("Sea Group/Shopee",
    "Rockstar/Take-Two", "TikTok/ByteDance"): a brand or studio the company owns."""
    words = name.split()
    forms = [name, *([words[0]] if len(words) > 1 and len(words[0]) >= 4 else [])]
    own = "(?i:" + "|".join(re.escape(f) for f in forms) + ")"  # "Take-Two", "Bytedance"
    found: set[str] = set()
    for section in guide.sections:
        found.update(re.findall(rf"\b{own}/([A-Z][A-Za-z]+)\b", section.text))
        found.update(re.findall(rf"(?<![\w/])([A-Z][A-Za-z]+)/{own}\b", section.text))
    # a brand is a name ("Shopee"), not capitals ("PANW/CyberArk": the acquirer's ticker)
    return {b for b in found if b.casefold() not in {f.casefold() for f in forms}
            and not b.isupper()}


def pick_nicknames(counts: Mapping[str, Mapping[str, int]], companies: Mapping[str, str],
                   taken: Iterable[str]) -> dict[str, str]:
    """short name -> company slug, for names one company's guides use often and that are not
    `taken` (names, roles, places and ordinary words the library already reads)."""
    taken = frozenset(taken)
    picked = {}
    for token, by in counts.items():
        if token.startswith(TICKER):
            continue
        live = {slug: uses for slug, uses in by.items() if slug in companies}
        if len(live) == 1 and token not in taken:
            (slug, uses), = live.items()
            if uses >= MIN_USES:
                picked[token] = slug
    return picked


def abbreviates(token: str, name: str) -> bool:
    """True when `token` is the leading letters of two or more words of `name`, in order and
    from its first word, or a shorter start (four letters or more, not all capitals) of a
    one-word name."""
    words = [w.casefold() for w in _NAME_WORD.findall(name)]
    short = token.casefold()
    if not words:
        return False
    if len(words) == 1:
        return (not token.isupper() and len(short) >= 4 and len(short) < len(words[0])
                and words[0].startswith(short))
    return _spells(short, words, used=0)


def _spells(rest: str, words: list[str], used: int) -> bool:
    """Whether `rest` is spelt by leading letters of `words` taken in order, skipping none
    but lower-case joiners, with at least two words contributing."""
    if not rest:
        return used >= 2
    if not words:
        return False
    first, others = words[0], words[1:]
    for n in range(min(len(first), len(rest)), 0, -1):
        if rest[:n] == first[:n] and _spells(rest[n:], others, used + 1):
            return True
    return used > 0 and first in ("of", "and", "the", "de") and _spells(rest, others, used)
