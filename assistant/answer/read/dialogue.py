"""A conversation's state: each turn replaces the slots it names and carries the rest.

Example:
    >>> state = Dialogue()
    >>> state, _ = state.after(resolve("Stripe software engineer base in New York?"))
    >>> state, _ = state.after(resolve("and in London?"))
    >>> state, reading = state.after(resolve("what about data scientists there?"))
    >>> reading.company, reading.role, reading.region
    ('stripe', 'data-scientist', 'London')
    >>> state, reading = state.after(resolve("ok, back to engineers: stock?"))
    >>> reading.role, reading.asks
    ('software-engineer', ('stock',))

The state is the list of subjects the conversation has had, each a `Resolved` holding its
latest company, role, level, places, pay parts and the person's stated figures. A turn that
names both a company and a role starts a new subject; "back to X" restores the latest subject
X names (a company, role or place it had), "the first one" the first; an elliptical turn
("and in London?", "what about stock?", "that level", "one level up") fills its silent slots
from the current subject. A question of its own ("can a sign-on be clawed back?") is read
alone and leaves the state as it was. `resolve_in_context` reads a question after the
earlier user turns, which the caller passes in: the server keeps no session. What a reading
took from the state is in `carried`.
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, field, replace

from assistant.answer.read.intent import decided
from assistant.answer.read.reading import Resolved
from assistant.answer.read.resolve import resolve
from assistant.answer.types import Kind, Message
from assistant.corpus.hidden import has_lone_surrogate, visible
from assistant.corpus.words.normal import norm
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.errors import UsageError
from assistant.places.lexicon import Lexicon

MAX_TURNS = 50  # the API's cap too (web/schemas.py)
MAX_TURN_CHARS = 20_000
OPENERS = frozenset({"and", "also", "same", "what about", "how about", "and in", "what of",
                     "then", "for", "ok and", "so", "ok so", "now", "ok what", "and what",
                     "and for", "and at", "what if", "and if", "how about for", "switch to",
                     "change to", "make it", "try"})
SHORT_TURN_WORDS = 6
OWN_WORDS = 3  # words of its own a follow-up may have beyond names, pay words and pointers
# Words that point back at the subject ("the total comp there?", "their stock", "that level").
POINTING_WORDS = frozenset("there that this it them those these same they their its here "
                           "theirs instead then level up down".split())
THAT_LEVEL = re.compile(r"\b(?:that|this|the same|same|my)\s+level\b", re.I)
GENERAL = re.compile(r"\b(?:in general|generally|usually|typically|in most cases)\b", re.I)
ADDING = re.compile(r"\b(?:add|adding|too|as well|also|include|plus)\b", re.I)
_BACK = re.compile(r"\b(?:go(?:ing)?\s+)?back\s+to\s+(.*)$", re.I)
_FIRST = re.compile(r"\b(?:the\s+)?(?:first|original)(?:\s+one)?\b", re.I)
_PREVIOUS = re.compile(r"\b(?:previous|last|earlier)(?:\s+one)?\b", re.I)


@dataclass(frozen=True)
class Dialogue:
    """The subjects of a conversation so far, oldest first; the last one is current."""

    subjects: tuple[Resolved, ...] = ()
    roles: Container[str] = frozenset()  # the library's role slugs: "one level up" may be one
    held: Mapping[str, Container[str]] = field(default_factory=dict)  # company -> its roles

    @property
    def current(self) -> Resolved | None:
        """The subject a follow-up leans on."""
        return self.subjects[-1] if self.subjects else None

    def after(self, turn: Resolved) -> tuple[Dialogue, Resolved]:
        """The state after `turn`, and the turn's reading in that state."""
        if self.current is None or turn.unknown_names or turn.ambiguous:
            return (self._started(turn), turn)
        back = _BACK.search(turn.question)
        if back:
            earlier = self._restored(back.group(1), turn)
            reading = decided(turn.with_context(earlier))
            return replace(self, subjects=(*[s for s in self.subjects if s is not earlier],
                                           reading)), reading
        if is_follow_up(turn):
            current = self.current
            if THAT_LEVEL.search(turn.question):  # "that level": the subject's, no mapping
                asks = tuple(a for a in turn.asks if a != "level_mapping")
                turn = turn.replaced(asks=asks or (("total_comp",) if turn.cues.total else ()))
            if (turn.cues.compare or ADDING.search(turn.question)) and turn.company \
                    and current.company not in ("", turn.company):  # "compare that with X",
                kept = (current.company, *current.other_companies)  # "add amazon too"
                turn = turn.replaced(other_companies=tuple(dict.fromkeys(
                    c for c in (*turn.other_companies, *kept) if c != turn.company)))
            if (turn.cues.compare or ADDING.search(turn.question)) and turn.places \
                    and not turn.company and current.places:  # "add london too"
                before = [p for p in current.places  # "compare that with san jose": both
                           if p.typed.casefold() not in {q.typed.casefold() for q in turn.places}]
                turn = turn.replaced(places=(*before, *turn.places))
            if turn.kind in _MAPPING and turn.company and not turn.role \
                    and current.company not in ("", turn.company):
                # "What level is that at Google?": the subject's level, at the named company
                turn = turn.replaced(company="", other_companies=(turn.company,))
            reading = _reranked(_stepped(turn, current, self.roles).with_context(current),
                                self.held)
            if "asks" in reading.carried and current.cues.counter:  # "how do I counter?" then
                reading = reading.replaced(cues=replace(reading.cues, counter=True))  # a place
            reading = decided(reading)
            if (reading.company, reading.role) != (current.company, current.role):
                return replace(self, subjects=(*self.subjects, reading)), reading  # "And Meta?"
            return replace(self, subjects=(*self.subjects[:-1], reading)), reading
        if turn.company or turn.role:
            return replace(self, subjects=(*self.subjects, turn)), turn
        return self, turn  # a question of its own: the subject stays for the next turn

    def _started(self, turn: Resolved) -> Dialogue:
        return replace(self, subjects=(*self.subjects, turn)) if turn.company or turn.role \
            else self

    def _restored(self, named: str, turn: Resolved) -> Resolved:
        """The earlier subject "back to ..." names: by the company, role or place the words
        share with it (latest first), else the first or the previous one."""
        words = {_stem(w) for w in norm(named).split()}
        best, score = None, 0
        for subject in reversed(self.subjects):
            shared = len(words & {w for k in _SLOTS for w in _slot_words(subject, k)})
            if turn.role and subject.role == turn.role or turn.company \
                    and subject.company == turn.company:
                shared += 2
            if shared > score:
                best, score = subject, shared
        current = self.subjects[-1]
        if best is not None:  # "back to engineers": that slot of it, the rest as now
            slots = {k: getattr(best, k) for k in _SLOTS if words & _slot_words(best, k)}
            if "region" in slots:
                slots.update(places=best.places, region_typed=best.region_typed)
            return current.replaced(**slots) if slots else best
        earlier = self.subjects[0] if _FIRST.search(named) else self.subjects[-2] \
            if _PREVIOUS.search(named) and len(self.subjects) > 1 else current
        # "the first one": that subject's company and role; place, level and pay parts as now
        return current.replaced(company=earlier.company, role=earlier.role)


def _stepped(turn: Resolved, current: Resolved, roles: Container[str]) -> Resolved:
    """"one level up": a coded or numbered level one higher ("L4" -> "L5", "level 62" -> "level
    63"); another level a step up its guide's rows (pick/rows.py finds the row); with no level,
    the role a rank up ("software engineer" -> "senior software engineer") when the library
    has it."""
    step, level = turn.cues.level_step, current.level_asked
    if not step or turn.level_asked is not None:
        return turn
    asks = tuple(a for a in turn.asks if a != "level_mapping")  # the "level" of "level up"
    if level is None:
        role = _ranked(current.role, step)
        return turn.replaced(role=role, asks=asks) if role in roles else turn
    family = current.role[len(_rank_of(current.role)):]
    if level.word in RANK_WORDS and not level.code and level.number is None:
        at = RANK_WORDS.index(level.word) + step  # "senior" one up is "staff", where the
        # library has guides by rank for the role (Target's staff software engineer guide)
        if 0 < at < len(RANK_WORDS) and f"{RANK_WORDS[at]}-{family}" in roles:
            word = RANK_WORDS[at]
            return turn.replaced(level=word, level_asked=replace(level, typed=word, word=word,
                                                                  step=0), asks=asks)
    if level.number is not None and not level.rung and not level.word and not level.suffix:
        number = level.number + level.step + step
        typed = f"{level.code}{number}" if level.code else f"level {number}"
        moved = replace(level, typed=typed, number=number, step=0)
        return turn.replaced(level=typed, level_asked=moved, asks=asks)
    moved = replace(level, step=level.step + step)
    return turn.replaced(level=level.typed, level_asked=moved, asks=asks)


def _reranked(reading: Resolved, held: Mapping[str, Container[str]]) -> Resolved:
    """A rank said in a follow-up ("what about staff?", "and senior?") is that rank of the
    carried role ("senior-software-engineer" -> "staff-software-engineer"; "junior" the
    role's own family) when the company has that guide: the earlier guide's bands are
    another rank's. Without the guide the carried role stays, and its answer says which
    level its bands are for."""
    level = reading.level_asked
    if "role" not in reading.carried or level is None or not level.word \
            or "level" in reading.carried:
        return reading
    family = reading.role[len(_rank_of(reading.role)):]
    rank = f"{level.word}-" if level.word in RANK_WORDS else "" if level.word in BELOW_RANKS \
        else None
    role = f"{rank}{family}"
    if rank is None or role == reading.role or role not in held.get(reading.company, ()):
        return reading
    return reading.replaced(role=role)


RANKS = ("", "senior-", "staff-", "principal-")  # the rank prefixes of the library's roles
RANK_WORDS = ("", "senior", "staff", "principal")  # the same ranks said as a level
BELOW_RANKS = frozenset({"new grad", "intern", "junior", "mid"})  # the unranked role's levels


def _ranked(role: str, step: int) -> str:
    """The role `step` ranks up (down) its family: "senior-software-engineer" one up is
    "staff-software-engineer"; "" past either end."""
    rank = _rank_of(role)
    at = RANKS.index(rank) + step
    return f"{RANKS[at]}{role[len(rank):]}" if role and 0 <= at < len(RANKS) else ""


def _rank_of(role: str) -> str:
    """The rank prefix a role slug starts with ("senior-"), "" for none."""
    return next((r for r in reversed(RANKS) if r and role.startswith(r)), "")


def is_follow_up(resolved: Resolved) -> bool:
    """An elliptical turn ("And in London?", "What about stock?", "what's the signing bonus at
    that level?", "And Meta?").

    A turn that opens as a follow-up ("and", "same for", "what about") always is one; otherwise
    a turn that names both company and role starts a new subject, and a turn with words of its
    own beyond names, pay words and pointing words ("can a sign-on be clawed back?") is a new
    question.
    """
    if resolved.unknown_names or resolved.ambiguous or GENERAL.search(resolved.question):
        return False
    words = [w.strip("?.,!:;") for w in resolved.question.casefold().split()]
    opening = {words[0], " ".join(words[:2])} if words else set()
    if opening & OPENERS:
        return True  # "Same for Mercury PMs?": what it names replaces, the rest carries
    if resolved.company and resolved.role:
        return False
    if resolved.stated and not resolved.company and not resolved.role:
        return True  # "i have an offer at 175k base": the person's offer for the subject
    if (resolved.cues.counter or resolved.cues.compare) and len(words) <= SHORT_TURN_WORDS \
            and not resolved.company and not resolved.role:
        return True  # "what should i ask for?", "which is higher?": of the subject
    if resolved.cues.compare and len(words) <= SHORT_TURN_WORDS \
            and (resolved.company or resolved.places):
        return True  # "compare with Check Point": the subject, set against another
    own = [w for w in resolved.leftover if w not in POINTING_WORDS
           and not ((resolved.company or resolved.places) and ADDING.fullmatch(w))]
    pointing = any(w in POINTING_WORDS for w in words)
    names_something = bool(resolved.asks or resolved.places or resolved.level_asked
                           or resolved.stated or resolved.company or resolved.role)
    if len(words) <= SHORT_TURN_WORDS and (pointing or not own):
        return True
    return names_something and (not own or pointing and len(own) <= OWN_WORDS)


_MAPPING = (Kind.LEVEL_MAPPING, Kind.LEVEL_EQUIVALENCE)
_SLOTS = ("company", "role", "region")  # the slots "back to ..." may name


def _slot_words(subject: Resolved, slot: str) -> set[str]:
    """The words of a subject's company, role or region, singular ("data engineer")."""
    return {_stem(w) for w in norm(getattr(subject, slot).replace("-", " ")).split()}


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") \
        else word


def resolve_in_context(question: str, history: Sequence[Message], vocab: Vocabulary,
                       lexicon: Lexicon) -> Resolved:
    """Resolve `question` in the conversation so far: the dialogue state (dialogue.py) the
    earlier user turns leave fills what the question leaves out."""
    state, language = Dialogue(roles=vocab.roles, held=vocab.guides_by_company), ""
    for message in validate_history(history):
        if message["role"] == "user":  # a follow-up is read in the last question's language
            turn = resolve(message["content"], vocab, lexicon, language)
            state, language = state.after(turn)[0], turn.language
    return state.after(resolve(question, vocab, lexicon, language))[1]


def validate_history(history: Sequence[Message]) -> Sequence[Message]:
    """Check the shape of a conversation; raise UsageError saying what is wrong.

    At most MAX_TURNS turns are taken and each at most MAX_TURN_CHARS long; invisible
    characters are removed as from the question.
    """
    if not isinstance(history, Sequence) or len(history) > MAX_TURNS:
        raise UsageError(f"history must be a list of at most {MAX_TURNS} turns; send the "
                         "latest ones.")
    cleaned: list[Message] = []
    for i, message in enumerate(history):
        if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
            raise UsageError(f"history[{i}] must be {{'role': 'user'|'assistant', 'content'}}.")
        content = message.get("content")
        if not isinstance(content, str):
            raise UsageError(f"history[{i}].content must be a string.")
        if len(content) > MAX_TURN_CHARS or has_lone_surrogate(content):
            raise UsageError(f"history[{i}].content must be UTF-8 text of at most "
                             f"{MAX_TURN_CHARS:,} characters.")
        cleaned.append({"role": message["role"], "content": visible(content)})
    return cleaned
