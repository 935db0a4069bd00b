"""The places a question names: library region names and any real place, never ordinary words.

Example:
    >>> found = find_places("Stripe DS base in London and Lagos?", words, used, vocab, lexicon)
    >>> [(p.typed, p.library) for p in found]
    [('London', 'London'), ('Lagos', '')]

A phrase is a place when the library names a region so ("Bay Area", "Remote US") or the
lexicon knows a place by that name (any city of 15,000 people, state, country or world
region, in any spelling or language it records). What is not a place, however it looks:
an ordinary English word typed in lower case ("us", "purchase"), a capitalised ordinary word
that no preposition introduces, punctuation, and a two-letter code that is also a word ("IN",
"ME", "OR") unless a comma puts it after a place. A place followed by its country or state
("Melbourne, Australia", "Portland, Maine", "Cambridge MA") keeps only the places inside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

from assistant.answer.read.phrases import TERM_BEFORE
from assistant.corpus.words.library_words import term_key
from assistant.corpus.words.normal import norm
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.places.aliases import COLLOQUIAL
from assistant.places.lexicon import Lexicon, Place
from assistant.places.names import ABBREVIATION, name_key
from assistant.places.rows import label_parts, narrowed

MAX_WORDS = 4
# Places one question may ask about. Every answer compares each asked place with each row's
# place, so the cost grows with their product: 150 places took 4.6 s of CPU for one coverage
# question. Comparisons name two to five; a question naming more is answered for the first ones.
MAX_PLACES = 10
_CAPPED = "The question names "
PREPOSITIONS = frozenset("in at near around from to outside based for across within".split())
# Before a name that no list knows, only these say "a place follows" ("at" often names a firm).
UNKNOWN_PLACE_PREPOSITIONS = frozenset("in near around outside within".split())
# Words before a capitalised name that make it a person ("my cousin Austin"), not a place.
PERSON_WORDS = frozenset("cousin friend coworker co-worker colleague boss brother sister wife "
                         "husband partner named called mentor dad mom son daughter roommate "
                         "neighbor neighbour buddy uncle aunt manager recruiter".split())
# Two-letter codes that are also words: a place only right after a comma ("Portland, ME").
CODE_WORDS = frozenset("IN ME OR OK HI AS DE ID OH MA PA CO AL GA MO ON SA WA NT".split())
# Words before a code that make it a thing one has or is, not an airport's city ("an MBA",
# "my MBA tuition", "a VP"); "the" stays a place's ("the UK", "the NYC office").
HELD = frozenset("a an my your his her our their".split())
PRONOUNS = frozenset("i me we us you he him she her it they them".split())  # "pay us"
MONEY_WORDS = frozenset("dollar dollars pound pounds euro euros rupee rupees yen".split())
# The languages questions are read from (languages.yaml) whose function words, by the
# stop-words package's lists, are never places: "¿Cómo contraoferto?" names no Italian Como.
FOREIGN = ("spanish", "portuguese", "french", "german")
# A word that starts the question, or one typed in lower case with no preposition before
# it, is a place only when it is a large one or a region the library writes: "Hola, ..." is
# not the Kenyan town of Hola, nor "4 ans" the Belgian town of Ans.
OPENING_PLACE = 100_000
_STOP = frozenset("the a an and or of to in at for on is are be with by as what how much "
                  "does do vs versus per".split())


@dataclass(frozen=True)
class AskedPlace:
    """One place the question names, as typed, with what it can mean."""

    typed: str  # the words as the person wrote them ("Zürich", "Melbourne, Australia")
    start: int  # word span in the question's words
    end: int
    library: str = ""  # the library's region name it is, when a guide writes it so
    candidates: tuple[Place, ...] = ()  # real places it can be, most likely first

    @property
    def ambiguous(self) -> bool:
        """True when it names places neither of which holds the other ("Cambridge", "Georgia")."""
        kept = [p for p in self.candidates if p.kind != "city" or p.population >= 50_000]
        return any(not (a.within(b) or b.within(a))
                   for i, a in enumerate(kept) for b in kept[i + 1:])


def find_places(words: Sequence[str], typed: Sequence[str], used: list[bool],
                vocab: Vocabulary, lexicon: Lexicon) -> list[AskedPlace]:
    """Places among the words not used by other slots, longest phrase first; marks `used`."""
    phrases = _phrases(words, used, vocab.region_aliases.keys())
    known = lexicon.lookup_many(_lookup_names(words, typed, phrases))
    singles = [words[i].strip(".,'/-") for i, n in phrases if n == 1]
    ordinary = lexicon.ordinary(singles) | (set(singles) & foreign_words())
    found: list[AskedPlace] = []
    for i, n in phrases:
        if any(used[i:i + n]):
            continue
        place = _read(words, typed, i, n, vocab, known, ordinary,
                      before_slot=i + n < len(used) and used[i + n],
                      after_slot=i > 0 and used[i - 1])
        if place is None and n == 1:
            place = _unknown(typed, i, ordinary, vocab)
        if place is None:
            continue
        used[place.start:place.end] = [True] * (place.end - place.start)
        found.append(place)
    return _remote(_qualify(sorted(found, key=lambda p: p.start)), words, used, vocab)


def capped(places: Sequence[AskedPlace]) -> tuple[tuple[AskedPlace, ...], tuple[str, ...]]:
    """The first MAX_PLACES places, and a note saying so when the question named more."""
    if len(places) <= MAX_PLACES:
        return tuple(places), ()
    left = ", ".join(p.typed for p in places[MAX_PLACES:MAX_PLACES + 3])
    more = f" and {len(places) - MAX_PLACES - 3} more" if len(places) > MAX_PLACES + 3 else ""
    return tuple(places[:MAX_PLACES]), (
        f"{_CAPPED}{len(places)} places; this answer covers the first {MAX_PLACES} "
        f"(at most {MAX_PLACES} in one question). Ask again for {left}{more}.",)


def cap_note(notes: Sequence[str]) -> str:
    """The note `capped` wrote among a reading's notes, or ""."""
    return next((note for note in notes if note.startswith(_CAPPED)), "")


def _remote(places: list[AskedPlace], words: Sequence[str], used: list[bool],
            vocab: Vocabulary) -> list[AskedPlace]:
    """"fully remote in the US": the country's remote band ("Remote US") where the library
    writes one; the word "remote" is then read."""
    at = next((i for i, w in enumerate(words) if not used[i]
               and w.strip(".,?!") == "remote"), -1)
    if at < 0:
        return places
    out = []
    for place in places:
        band = next((vocab.region_aliases[k] for k in (f"remote {norm(place.typed)}",
                                                        f"remote {norm(place.library)}")
                     if k in vocab.region_aliases), "")
        if band and any(c.kind == "country" for c in place.candidates):
            used[at] = True
            place = AskedPlace(f"remote {place.typed}", place.start, place.end, band,
                               place.candidates)
        out.append(place)
    return out


def _phrases(words: Sequence[str], used: list[bool], aliases: AbstractSet[str] = frozenset()
             ) -> list[tuple[int, int]]:
    """Spans of free words that neither start nor end with a word like "the", unless the
    whole span is a region alias ("the bay")."""
    spans, aliased = [], []  # the aliases last: "the Bay Area" is the Bay Area, not "the bay"
    for n in range(MAX_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            if any(used[i:i + n]):
                continue
            if words[i] not in _STOP and words[i + n - 1] not in _STOP:
                spans.append((i, n))
            elif " ".join(words[i:i + n]) in aliases:
                aliased.append((i, n))
    return spans + aliased


def _lookup_names(words: Sequence[str], typed: Sequence[str],
                  phrases: list[tuple[int, int]]) -> list[str]:
    names = [" ".join(words[i:i + n]) for i, n in phrases]
    names += [ABBREVIATION + t for t in typed if t.isupper() and 2 <= len(t) <= 3]
    names += list(COLLOQUIAL.values())
    return names


def _read(words: Sequence[str], typed: Sequence[str], i: int, n: int, vocab: Vocabulary,
          known: dict[str, tuple[Place, ...]], ordinary: AbstractSet[str],
          before_slot: bool = False, after_slot: bool = False) -> AskedPlace | None:
    phrase = " ".join(words[i:i + n]).strip(".,'/-")
    as_typed = " ".join(typed[i:i + n]).strip(".,'/-?!")
    if not re.search(r"[^\W\d_]", phrase):
        return None  # "/", digits
    library = vocab.region_aliases.get(phrase, "")
    candidates = known.get(name_key(COLLOQUIAL.get(phrase, phrase)), ())
    if as_typed.isupper() and len(as_typed) <= 3 and phrase not in COLLOQUIAL:
        candidates = known.get(name_key(ABBREVIATION + as_typed), ()) or candidates
    if not library and not candidates:
        return None
    if library and not candidates and "," in library:  # "Cambridge, MA": the real place too
        place, qualifier = label_parts(library)[0]
        candidates = tuple(narrowed(known.get(name_key(place), ()), qualifier, set()))
    if not library and n == 1 and i > 0 and words[i - 1] in TERM_BEFORE \
            and term_key(phrase) in vocab.article_terms:
        return None  # "an Ishikawa diagram": a term the articles use, not the prefecture
    if n == 1 and not _may_be_place(as_typed, i, typed, ordinary, candidates, bool(library),
                                     before_slot, after_slot):
        return None
    if n > 1 and i + n < len(typed) and typed[i + n].casefold().strip(".,?!") in MONEY_WORDS:
        return None  # "US dollars"
    return AskedPlace(as_typed, i, i + n, library, candidates)


def _may_be_place(as_typed: str, i: int, typed: Sequence[str], ordinary: AbstractSet[str],
                  candidates: tuple[Place, ...], library: bool, before_slot: bool = False,
                  after_slot: bool = False) -> bool:
    """The one-word rules: codes, ordinary words, capitalisation, what follows.

    `before_slot`: the next word is a company or role ("a remote data scientist");
    `after_slot`: the word before is one ("product manager Amsterdam": a role, no person).
    """
    word = as_typed.casefold()
    before = typed[i - 1].casefold().strip(",") if i > 0 else ""
    after = typed[i + 1].casefold().strip(".,?!") if i + 1 < len(typed) else ""
    if before in PERSON_WORDS and not after_slot or after in MONEY_WORDS:
        return False
    if as_typed.isupper() and len(as_typed) <= 3:
        if before in HELD and word not in COLLOQUIAL:  # "an MBA", "my SVP": held, not a city
            return False
        return as_typed not in CODE_WORDS or typed[i - 1].endswith(",")
    if (word in COLLOQUIAL or library and len(word) == 2) and (
            word not in ordinary or before in PREPOSITIONS
            or after_slot and word not in PRONOUNS):
        return True  # "sf", "nyc", "dc" typed in lower case: the alias table's, no word;
        # "la", "ny" right after a role or "in" ("netflix senior swe la"), never "pay us"
    if len(word) < (3 if word.isascii() else 2):  # "東京" is a name of two letters
        return False
    small = not library and all(c.kind == "city" and c.population < OPENING_PLACE
                                for c in candidates)
    if small and (i == 0 or as_typed.islower() and before not in PREPOSITIONS):
        return False  # "Hola, ...", "sur 4 ans": a word, and only a small town so named
    if word not in ordinary:
        return True
    if as_typed.islower():  # "us", "purchase": words; "…, remote." names the remote band
        return library and (typed[i].endswith((".", ",", "?", "!")) or i == len(typed) - 1
                            or (before_slot and len(word) >= 4))  # "remote data scientist"
    # A capitalised word that is also a word: a place after a preposition, or a major one.
    return before in PREPOSITIONS or any(_major(c) for c in candidates)


@lru_cache(maxsize=1)
def foreign_words() -> frozenset[str]:
    """The function words of the other languages questions come in (FOREIGN)."""
    from stop_words import get_stop_words

    return frozenset(w for lang in FOREIGN for w in get_stop_words(lang)
                     if w not in COLLOQUIAL) - frozenset(get_stop_words("en"))


def _major(place: Place) -> bool:
    return place.kind in ("country", "area") or place.population >= 1_000_000


def _qualify(places: list[AskedPlace]) -> list[AskedPlace]:
    """Join a place and the country or state right after it ("Melbourne, Australia")."""
    out: list[AskedPlace] = []
    for place in places:
        last = out[-1] if out else None
        inside = () if last is None or last.end != place.start else tuple(
            c for c in last.candidates if any(c.within(o) for o in place.candidates))
        if last is not None and inside:
            comma = "" if last.typed.endswith(",") else ","
            # The library's bare name ("Portland") may be another place of that name: only
            # the narrowed candidates decide which rows match.
            out[-1] = AskedPlace(f"{last.typed}{comma} {place.typed}", last.start, place.end,
                                 "", inside)
        else:
            out.append(place)
    return out


def _unknown(typed: Sequence[str], i: int, ordinary: AbstractSet[str],
             vocab: Vocabulary) -> AskedPlace | None:
    """A name no list knows, introduced as a place ("in Smallville", "near Pune-Wakad"); not
    a company's name or anything typed as one's own ("within Booking's range")."""
    word = typed[i].strip(".,'?!")
    before = typed[i - 1].casefold() if i > 0 else ""
    latin = word[:1].isascii()
    if before not in UNKNOWN_PLACE_PREPOSITIONS or len(word) < (3 if latin else 2):
        return None
    if re.search(r"['’]s$", word) or word.casefold() in vocab.company_aliases:
        return None
    if latin and (not word[:1].isupper() or word.casefold() in ordinary or word in CODE_WORDS):
        return None
    return AskedPlace(word, i, i + 1)
