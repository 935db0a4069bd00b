"""The typed reading of one question: what it names and asks, word by word accounted for.

Example:
    >>> r = resolve("Alibba Seattle sign-on?", vocab, lexicon)   # resolve.py builds it
    >>> (r.company, r.region, r.asks, r.notes)
    ('alibaba', 'Seattle', ('signing_bonus',), ("Read 'Alibba' as Alibaba.",))

Every word ends up in a slot (company, role, level, place, pay word), among the question
words, or in `leftover_words()`; a left-over name is kept (`unknown_names`, `unknown_role`)
so the answer deals with it instead of dropping it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from assistant.answer.read.cues import Cues
from assistant.answer.read.levels import Level
from assistant.answer.read.phrases import QUESTION_WORDS
from assistant.answer.read.places import AskedPlace
from assistant.answer.read.stated import StatedFigure
from assistant.answer.types import Kind
from assistant.corpus.words.normal import norm, typed_words


@dataclass(frozen=True)
class Resolved:
    """The entities a question names, with notes about any reading that was not literal."""

    question: str
    company: str = ""
    role: str = ""
    region: str = ""  # the first place asked: the library's region name, else as typed
    region_typed: str = ""
    places: tuple[AskedPlace, ...] = ()  # every place asked, in question order
    level: str = ""  # the level as typed ("L5", "level 62")
    level_asked: Level | None = None
    level_of: str = ""  # a carried level's company: the ladder it was named on, when not ours
    other_levels: tuple[Level, ...] = ()  # further levels named ("L4 vs L5")
    stated: tuple[StatedFigure, ...] = ()  # the person's own figures ("$190K base")
    asks: tuple[str, ...] = ()
    unknown_names: tuple[str, ...] = ()  # capitalised words that match nothing in the library
    ambiguous: tuple[str, ...] = ()  # company slugs a typo or a part-name points at
    partial_name: str = ""  # a part of company names, as typed ("Citadel", "Epic")
    partial_names: tuple[tuple[str, tuple[str, ...], int, bool], ...] = field(
        default=(), repr=False, compare=False)
    other_companies: tuple[str, ...] = ()  # further companies named (comparisons)
    other_roles: tuple[str, ...] = ()  # further roles named (comparisons)
    unknown_role: str = ""  # a job the library has no guides for ("recruiter")
    notes: tuple[str, ...] = ()
    carried: tuple[str, ...] = field(default=())  # fields taken from earlier turns
    matched: tuple[bool, ...] = field(default=(), repr=False, compare=False)  # per word
    spans: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False)
    cues: Cues = field(default_factory=Cues)  # what the wording asks beyond the slots
    # The word accounting, computed once when the reading is complete (`with_words`):
    leftover: tuple[str, ...] = ()  # words no slot or topic took (question words excluded)
    unmatched: tuple[str, ...] = ()  # words after the first that nothing took, as typed
    kind: Kind = Kind.GENERAL  # decided once the reading is complete (intent.py)
    language: str = ""  # the language the question was read from ("" for English)

    def replaced(self, **changes: Any) -> Resolved:
        """This reading with `changes`, as `dataclasses.replace` makes it but without running
        the generated __init__ over all thirty fields again: a question's reading is revised
        about eight times, and `replace` was a tenth of a look-up's time (profiled under
        load). Unknown field names are refused as `replace` refuses them."""
        unknown = changes.keys() - _FIELDS
        if unknown:
            raise TypeError(f"Resolved has no field {', '.join(sorted(unknown))}")
        revised = object.__new__(type(self))
        object.__setattr__(revised, "__dict__", {**self.__dict__, **changes})
        return revised

    def slots(self) -> list[tuple[str, str, tuple[int, int]]]:
        """(slot, value, word span) of every slot read from this question, in question order.

        Slots carried from an earlier turn have no span here and are not listed.
        """
        found = [(kind, str(getattr(self, kind)), span) for kind, span in self.spans.items()
                 if kind in ("company", "role") and getattr(self, kind)]
        found += [("ask", kind.split(":", 1)[1], span) for kind, span in self.spans.items()
                  if kind.startswith("ask:")]
        found += [("place", p.typed, (p.start, p.end)) for p in self.places if p.end > p.start]
        return sorted(found, key=lambda slot: slot[2])

    def accounted(self) -> list[tuple[str, str]]:
        """Each word of the question with what it is: a slot, "question word" or "left over"."""
        words = norm(self.question).split()
        labels = ["question word" if w.strip(".'/-") in QUESTION_WORDS else "left over"
                  for w in words]
        for kind, _value, (start, end) in self.slots():
            labels[start:end] = [kind] * (end - start)
        for i, used in enumerate(self.matched[:len(words)]):
            if used and labels[i] == "left over":
                labels[i] = "matched"
        figures = {norm(f.text) for f in self.stated}
        for i, word in enumerate(words):
            if labels[i] == "left over" and word.strip(".,?!") in figures:
                labels[i] = "stated figure"
        return list(zip(words, labels, strict=True))

    def with_words(self) -> Resolved:
        """The reading with its word accounting (`leftover`, `unmatched`) computed."""
        return self.replaced(leftover=tuple(self._leftover_words()),
                             unmatched=tuple(self._unmatched_typed()))

    def _leftover_words(self) -> list[str]:
        """Words of the question no entity or topic matched (question words excluded)."""
        words = norm(self.question).split()
        if len(self.matched) != len(words):
            return []
        return leftover_tokens(self.question, words, list(self.matched))

    def _unmatched_typed(self) -> list[str]:
        """Words after the first that no slot and no part-name took, as typed ("VP")."""
        words, typed = norm(self.question).split(), typed_words(self.question)
        if not (len(self.matched) == len(words) == len(typed)):
            return []
        parts = {p[0] for p in self.partial_names}
        return [t.strip(".,?!'") for w, t, m in zip(words[1:], typed[1:], self.matched[1:],
                                                   strict=True)
                if not m and w not in QUESTION_WORDS and w.strip(".,?!'") not in parts]

    def with_context(self, earlier: Resolved) -> Resolved:
        """Fill company, role, region and asks from an earlier turn where this one is silent.

        The kind is decided again by the caller (intent.decided): it depends on what was filled.
        """
        if self.unknown_names or self.ambiguous:
            return self
        taken = {k: getattr(earlier, k) for k in ("company", "role", "region", "region_typed",
                                                  "level", "level_asked", "places")
                 if not getattr(self, k)}
        if not self.asks and earlier.asks:
            taken["asks"] = earlier.asks
        if "company" in taken and earlier.other_companies and not self.other_companies:
            taken["other_companies"] = earlier.other_companies  # a comparison stays one
        if "level" in taken and taken["level"]:  # named on the earlier subject's ladder
            taken["level_of"] = earlier.level_of or earlier.company
        if not self.stated and earlier.stated and "company" in taken and "role" in taken \
                and ("places" in taken or all(f.unit for f in earlier.stated)):
            # the same offer: "how do i counter?" after it; at another place only when its
            # currency was said ("200k" in SF is no 200k in London)
            taken["stated"] = earlier.stated
        hidden = ("region_typed", "places", "level_asked", "level_of", "other_companies",
                  "stated")
        carried = tuple(k for k, v in taken.items() if v and k not in hidden)
        return self.replaced(**taken, carried=carried)


_FIELDS = frozenset(f.name for f in fields(Resolved))


def leftover_tokens(question: str, words: list[str], used: list[bool]) -> list[str]:
    """Unmatched tokens that could be a name: not a question word, not a number."""
    return [w.strip(".'/-") for w, u in zip(words, used, strict=True)
            if not u and w not in QUESTION_WORDS and len(w) >= 3 and not w[0].isdigit()]
