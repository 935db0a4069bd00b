"""Where a guide holds a topic: its sections by title or text, and its sign-on sentences.

Example:
    >>> [s.title for s in topic_sections(guide, "script")]
    ['Negotiate Up Strategy']
    >>> next(sign_on_sentences("Ask for more. I'd ask for a $60K sign-on."))
    "I'd ask for a $60K sign-on."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.corpus.model import Guide, Section

# Which section titles hold which topic (matched against the lower-cased title).
TOPIC_SECTIONS: dict[str, tuple[str, ...]] = {
    "level_mapping": ("level mapping", "level", "leveling", "title"),
    "levers": ("lever",),
    "script": ("negotiate up", "script", "counter"),
    "signing_bonus": ("negotiate up", "lever", "sign-on", "signing"),
    "espp": (),
    "refreshers": (),
}
# Topics found by what a section says rather than by its title.
TOPIC_TEXT: dict[str, re.Pattern[str]] = {
    "espp": re.compile(r"\bESPP\b|stock purchase plan", re.IGNORECASE),
    "refreshers": re.compile(r"\brefresh(?:er)?s?\b", re.IGNORECASE),
}
SIGN_ON = re.compile(r"\bsign(?:-| )?on\b|\bsigning\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+[.!?]?")  # "$1.05M" is one sentence's


def topic_sections(guide: Guide, topic: str) -> list[Section]:
    """The guide's sections whose titles name a topic (e.g. levers, the Negotiate Up script)."""
    if topic in TOPIC_TEXT:
        return [s for s in guide.sections if TOPIC_TEXT[topic].search(s.text)]
    keys = TOPIC_SECTIONS.get(topic, ())
    return [s for s in guide.sections if any(key in s.title.casefold() for key in keys)]


def levers_section(guide: Guide) -> Section | None:
    """The guide's first levers section that has text."""
    return next((s for s in topic_sections(guide, "levers") if s.text.strip()), None)


def sign_on_sentences(text: str) -> Iterator[str]:
    """The sentences of `text` that name a sign-on with a figure, quotes and markup trimmed."""
    for found in _SENTENCE.finditer(text):
        sentence = found.group(0).strip(" >*\"“”")
        if SIGN_ON.search(sentence) and re.search(r"\d", sentence):
            yield _without_blanks(sentence)


_BLANK = re.compile(r"\$?\[[^\]]*\]")  # a script's blank to fill: "$[Y+80K]", "[target]"
_CLAUSE = re.compile(r",\s*|;\s*|\s+(?:and|but|then)\s+")


def _without_blanks(sentence: str) -> str:
    """A script sentence with blanks ("take the RSUs to $[Y+80K] and add a $60K sign-on
    bonus, bringing total compensation to $[target]") cut to its clause that names the
    sign-on ("…add a $60K sign-on bonus…"); a sentence without blanks as it is."""
    if not _BLANK.search(sentence):
        return sentence
    clauses = [c for c in _CLAUSE.split(sentence)
               if SIGN_ON.search(c) and re.search(r"\d", c) and not _BLANK.search(c)]
    if not clauses:
        return sentence
    said = clauses[0].strip(" .")
    return ("" if sentence.startswith(said) else "…") + said + "…"
