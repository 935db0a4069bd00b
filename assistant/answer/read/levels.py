"""Levels: read the one a question names, and find the guide and rows that hold it.

Example:
    >>> level = read_level("Microsoft level 62 software engineer base?")
    >>> level.typed, level.number
    ('level 62', 62)
    >>> holds(level, "Senior SWE (High) (62)"), holds(level, "Principal SWE (63)")
    (True, False)

Guides write levels as codes with ranges ("Mid (L3-L4)", "L6+"), half-steps ("L5a"), company
numbers ("61-62"), rungs ("L4 SDE I") and words ("Senior"); questions in their own spellings
("SDE2", "L63" for 63). A capitalised name ("MTS", "VP") is a level only where a guide states
it as one (ladder.py), and never makes the answer say a level is missing.

A level selects the sibling guide whose title, ladder or rows hold it (Microsoft 62 is in its
senior guide, Amazon L7 in its staff guide; a level no sibling holds goes to the sibling with
the nearest level, which says what it has) and the rows that hold it; when no row or statement
does, the answer says the guide lacks that level and names the levels it has, instead of
showing every level's figures.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from assistant.answer.read.ladder import Ladder, ladder_of, names
from assistant.answer.read.ladder import own_levels as own_levels
from assistant.answer.read.phrases import TOPIC_PHRASES
from assistant.answer.read.stated import PAY_PARTS
from assistant.corpus.model import CompRow, Guide
from assistant.corpus.words.vocabulary import ROLE_ALIASES, WORLD_PLACES, is_levelish
from assistant.places.aliases import REGION_ALIASES

_CODE = r"(?:ICT|IC|SE|L|E|P|M|T)"
_ASKED_CODE = re.compile(rf"\b({_CODE})\s?(\d{{1,2}})([a-cA-C])?\b")
# codes typed in lower case ("meta e5"), joined to the number; never "t2", "m2", Spanish "se"
_TYPED_CODE = re.compile(r"\b(ict|ic|l|e|p)(\d{1,2})([a-c])?\b")
_ASKED_NUMBER = re.compile(r"\b(?:level|lvl)\s*(\d{2})\b", re.IGNORECASE)
# "a 62 data scientist", "as a 63": a company number standing where a level does
_BARE_NUMBER = re.compile(r"\b(?:an?|as|at)\s+([5-8]\d)\b(?![.,]\d|\s*(?:k\b|%|years?|yrs?|"
                          r"months?|weeks?|days?|hours?|people|engineers\b))", re.IGNORECASE)
_NUMERAL = r"(IV|I{1,3}|[1-4])"
# "SDE II", "SE 2", "SDE2", "SDE-II", "SDE I-II": rungs; only SDE and SWE are run together
# with their numeral ("SE4" is Snyk's code SE 4, not a rung)
_RUNG = re.compile(rf"\b(?:(SDE|SWE)-?|(SDE|SWE|SE|Engineer)\s+){_NUMERAL}"
                   rf"(?:\s?[-–]\s?{_NUMERAL})?\b", re.IGNORECASE)
_WORDS = re.compile(r"\b(new grad|intern|junior|mid|senior|staff|principal|distinguished|"
                    r"partner|fellow)\b", re.IGNORECASE)
_ROW_CODE = re.compile(rf"\b({_CODE})\s?(\d{{1,2}})([a-cA-C])?(?:\s?[-–/]\s?(?:{_CODE})?\s?"
                       rf"(\d{{1,2}})([a-cA-C])?)?\b(\+)?")
# company numbers as rows write them: "63", "61-62", "67+", "L63"
_ROW_NUMBER = re.compile(r"(?<![\w$£€.])L?(\d{2})(?:\s?[-–]\s?L?(\d{2}))?(?!\d)(\+)?")
_TITLE = re.compile(r"(?<![\w/-])([A-Z]{2,5})(?![\w/-])")
# roman numerals, the words of the library's role aliases ("SWE", "PM") and place names
# ("NYC", "UK") are never titles
_NOT_TITLES = frozenset({"i", "ii", "iii", "iv", "v", "vi", *REGION_ALIASES,
                         *(p.casefold() for p in WORLD_PLACES),
                         *(w for phrases in ROLE_ALIASES.values() for p in phrases
                           for w in re.split(r"[\s/]+", p))})
_PAY_WORDS = "|".join(re.escape(p) for p, part in TOPIC_PHRASES.items() if part in PAY_PARTS)
_PAY_ASKED = re.compile(rf"\b(?:{_PAY_WORDS})\b", re.IGNORECASE)
# a match starts only where a run of spaces starts: tried at every space of a long run, the
# pattern took quadratic time (20,000 spaces: 11 s, holding the GIL)
_BETWEEN = re.compile(r"(?<!\s)\s+(?:vs\.?|versus|v\.?s\.|or|and|against|to)\s+|,\s*"
                      r"|(?<!\s)\s+/\s+", re.IGNORECASE)
_NUMBERS_VS = re.compile(r"\b(?:level\s+)?(?P<a>[5-8]\d(?:-[5-8]\d)?)\s+(?:vs\.?|versus|or)\s+"
                         r"(?:level\s+)?(?P<b>[5-8]\d(?:-[5-8]\d)?)\b", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


@dataclass(frozen=True)
class Level:
    """One level as asked: a code ("L", 5), a company number (62), a rung or a word, with
    the capitalised names the question also writes that may be ladder titles ("MTS")."""

    typed: str
    code: str = ""  # "L", "E", "IC", ... for coded levels; "SDE"/"SWE" for rungs
    number: int | None = None
    word: str = ""  # "senior", "new grad", ...
    rung: bool = False  # a ladder rung ("SDE II", "SE 2", "SDE2"), not a code ("SE5")
    suffix: str = ""  # the half-step of "L5a": held by "L5a" and "L5", never by "L5b"
    titles: tuple[str, ...] = ()  # "MTS", "VP": levels only where a guide names them so
    step: int = 0  # "one level up" from this level (+1), "one level down" (-1)

    @property
    def tentative(self) -> bool:
        """True when only titles were read: a level only where a guide states one."""
        return not (self.code or self.number is not None or self.word)


def read_level(question: str) -> Level | None:
    """The level a question names, most specific form first, with the capitalised names it
    writes beside it; a title-only (tentative) level when a question that asks for pay names
    only those; else None."""
    found = _first_level(question)
    span = found[1] if found else (0, 0)
    titles = tuple(dict.fromkeys(
        m.group(1) for m in _TITLE.finditer(question)
        if m.group(1).casefold() not in _NOT_TITLES and not span[0] <= m.start() < span[1]))
    if found:
        return replace(found[0], titles=titles)
    # Elsewhere (an equivalence) the reading's unmatched words give a title (title_level);
    # typed stays empty: nothing reports or carries a name no guide may state
    return Level("", titles=titles) if titles and _PAY_ASKED.search(question) else None


def _first_level(question: str) -> tuple[Level, tuple[int, int]] | None:
    if found := _ASKED_NUMBER.search(question) or _BARE_NUMBER.search(question):
        return Level(found.group(1) if found.re is _BARE_NUMBER else found.group(0),
                     number=int(found.group(1))), found.span()
    if found := _RUNG.search(question):
        return _rung(found), found.span()
    if found := _ASKED_CODE.search(question) or _TYPED_CODE.search(question):
        return Level(found.group(0), code=found.group(1).upper(), number=int(found.group(2)),
                     suffix=(found.group(3) or "").casefold()), found.span()
    if found := _WORDS.search(question):
        return Level(found.group(0), word=found.group(1).casefold()), found.span()
    return None


def _rung(found: re.Match[str]) -> Level:
    code = (found.group(1) or found.group(2)).upper()
    return Level(found.group(0), code=code, number=_ROMAN[found.group(3).casefold()], rung=True)


def read_levels(question: str) -> tuple[Level, ...]:
    """Two or more levels set against each other ("L4 SDE I vs L5 SDE II", "61 vs 62"), one
    per part of the question between "vs", "or", "and" or commas; () when fewer than two."""
    pair = _NUMBERS_VS.search(question)  # company numbers on both sides: "63 vs 64"
    if pair:
        return tuple(Level(pair.group(side), number=int(pair.group(side)[:2]))
                     for side in ("a", "b"))
    levels = [_first_level(part) for part in _BETWEEN.split(question)]
    found = tuple(dict.fromkeys(level for level, _ in filter(None, levels)))
    return found if len(found) >= 2 else ()


def title_level(unmatched: Sequence[str]) -> Level | None:
    """A title typed where a level stands ("Salesforce PMTS", "Goldman Sachs VP"): the first
    capitalised word of `unmatched` (as typed, words no company, role or place took), matched
    as a word or, typed in capitals, by its initials."""
    for typed in unmatched:
        if typed[:1].isupper() and len(typed) >= 2 and typed.isalpha():
            return Level(typed, word=typed.casefold())
    return None


def holds(level: Level, text: str, open_top: bool = True) -> bool:
    """True when a title or row label holds `level` ("Mid (L3-L4)" holds L4; "Staff+ (L6+)"
    holds L7 unless `open_top` is off: "E5+" may only mean a high E5)."""
    if level.tentative:
        return any(_word_or_initials(title, text) for title in level.titles)
    if level.word:
        return _word_or_initials(level.typed if level.typed.isupper() else level.word, text)
    if level.rung:  # "SWE II", "SDE II", "Software Engineer II": one rung, however named
        return any(_in_range(level, m.group(3), "", m.group(4), "", False)
                   for m in _RUNG.finditer(text))
    if level.code and not _company_number(level):
        return any(_in_range(level, m.group(2), m.group(3), m.group(4), m.group(5),
                             open_top and bool(m.group(6)))
                   for m in _ROW_CODE.finditer(text) if m.group(1).upper() == level.code)
    return any(_in_range(level, m.group(1), "", m.group(2), "", open_top and bool(m.group(3)))
               for m in _ROW_NUMBER.finditer(text))


def states(level: Level, text: str, company: str = "", bare: bool = True,
           open_top: bool = True) -> bool:
    """True when `text` states `level`: a tentative level's title named as a level (strictly,
    see ladder.names), any other level held by it."""
    if level.tentative:
        return any(names(title, text, company, bare) for title in level.titles)
    return holds(level, text, open_top)


def _company_number(level: Level) -> bool:
    """"L63" is Microsoft's 63, written as guides write it bare ("63", "61-62"); no ladder of
    L codes reaches 20 (Google's and Amazon's end near L10-L12)."""
    return level.code == "L" and level.number is not None and level.number >= 20


def _word_or_initials(word: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) is not None \
        or (word.isupper() and _initials(word, text))


def _initials(letters: str, text: str) -> bool:
    """True when capitalised words in a row of `text` start with `letters` ("VP" in "Vice
    President (Engineering)")."""
    words = re.findall(r"\b[A-Z][a-z]+", text)
    n = len(letters)
    return any("".join(w[0] for w in words[i:i + n]) == letters
               for i in range(len(words) - n + 1))


def _in_range(level: Level, low: str, low_half: str | None, high: str | None,
              high_half: str | None, plus: bool) -> bool:
    """True when `level` lies between `low` and `high`. A bound without a half-step spans
    its whole number and a half-step only the halves it includes ("L5a-L6" holds L5a,
    "L5b-L6" does not, "L5" holds both); "67+" has no top."""
    if level.number is None:
        return False
    bottom = _value(low) + _half(low_half)
    top = _value(high) + (_half(high_half) or 0.9) if high \
        else _value(low) + (_half(low_half) or 0.9)
    asked = level.number + _half(level.suffix)
    if not level.suffix:
        bottom, top = math.floor(bottom), math.floor(top) + 0.9
    return bottom <= asked <= (math.inf if plus else top)


def _value(numeral: str) -> int:
    return int(numeral) if numeral.isdigit() else _ROMAN[numeral.casefold()]


def _half(letter: str | None) -> float:
    return (ord(letter.casefold()) - 96) / 10 if letter else 0.0


def row_label(row: CompRow) -> str:
    """The level a row is for: its level column, or a level written where a region belongs."""
    if row.level:
        return row.level
    return row.region.raw if is_levelish(row.region.raw) else ""


def levels_in(cell: str) -> list[Level]:
    """Every level a level-table cell writes ("L4 (SWE II)" -> L4 and SWE II)."""
    found = [Level(m.group(0), code=m.group(1).upper(), number=int(m.group(2)),
                   suffix=(m.group(3) or "").casefold()) for m in _ASKED_CODE.finditer(cell)]
    found += [_rung(m) for m in _RUNG.finditer(cell)]
    found += [Level(m.group(0), word=m.group(1).casefold()) for m in _WORDS.finditer(cell)]
    return found


def levels_of(guide: Guide) -> list[str]:
    """The levels a guide's rows are given for, in order (else its title's, else those its
    ladder states as its own)."""
    labels = list(dict.fromkeys(row_label(r) for r in guide.rows if row_label(r)))
    if labels:
        return labels
    title = re.search(r"\(([^)]*)\)", guide.role_display)
    if title:
        return [title.group(1)]
    company = (guide.company_display or guide.company).casefold()
    return [t[len(company):].strip() if t.casefold().startswith(company) else t
            for t in ladder_of(guide).own if levels_in(t) or "(" in t]


def pick_guide(guides: Sequence[Guide], level: Level) -> Guide | None:
    """The sibling guide that holds `level`: in its title first, then on its own side of its
    level mapping ("Apple ICT4 = Google L5"), then in its level tables, else in its rows (a
    level written exactly before a pay row's open top, "Staff+ (L6+)"); when none does, the
    sibling whose ladder comes nearest (it says which levels it has)."""
    ladders = [(guide, ladder_of(guide)) for guide in guides]
    stated = [(guide, _stated_in(guide, ladder)) for guide, ladder in ladders]
    # an open top ("Staff+ (L6+)") is read only on a pay row, after every exact statement
    for open_top, where in (*((False, w) for w in range(4)), (True, 3)):
        for guide, groups in stated:
            company = guide.company_display or guide.company
            if any(states(level, text, company, where > 0, open_top) for text in groups[where]):
                return guide
    return _nearest(ladders, level)


def _stated_in(guide: Guide, ladder: Ladder) -> tuple[Sequence[str], ...]:
    """Where a guide states its levels, most telling first: its title, its mapping
    statements, its level tables' own cells, its rows' labels."""
    return ((guide.role_display,), ladder.statements, ladder.cells,
            [row_label(r) for r in guide.rows if row_label(r)])


def _nearest(ladders: Sequence[tuple[Guide, Ladder]], level: Level) -> Guide | None:
    """The guide whose stated levels of the asked kind come nearest to it (the first on a
    tie: the named role's own guide)."""
    best: tuple[float, Guide | None] = (math.inf, None)
    for guide, ladder in ladders:
        texts = [*ladder.texts(guide), *(row_label(r) for r in guide.rows)]
        gap = min((abs(n - (level.number or 0)) for text in texts
                   for _, *ends in written_levels(level, text) for n in ends), default=math.inf)
        best = (gap, guide) if gap < best[0] else best
    return best[1]


def written_levels(level: Level, text: str) -> list[tuple[str, int, int]]:
    """The levels of the asked kind (its code, rung or company numbers) that `text` writes,
    as written with their lowest and highest numbers ("L3–L6" -> ("L3–L6", 3, 6))."""
    if level.number is None:
        return []
    if level.rung:
        return [(m.group(0), _value(m.group(3)), _value(m.group(4) or m.group(3)))
                for m in _RUNG.finditer(text) if (m.group(1) or m.group(2)).upper() == level.code]
    if level.code and not _company_number(level):
        found = [(m.group(0), m.group(2), m.group(4)) for m in _ROW_CODE.finditer(text)
                 if m.group(1) == level.code]
    else:
        found = [(m.group(0), m.group(1), m.group(2)) for m in _ROW_NUMBER.finditer(text)]
    return [(typed.strip(), int(low), int(high or low)) for typed, low, high in found]
