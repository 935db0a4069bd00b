"""A long passage is quoted from the part that answers: the question's words count by how
rare they are among the passage's sentences, the guide's own names count for none, and a
numbered item's "1." stays with its sentence. Made-up text."""

from __future__ import annotations

from assistant.answer.write.quoting import _units, excerpt

FILLER = " ".join(["The Lisbon plant pays well and Acme engineers rate it highly."] * 6)
TEXT = "\n".join([
    "Acme's Porto and Braga sites are its biggest, and Acme engineers in Lisbon run them.",
    FILLER,
    "1. **Base:** Acme pays Lisbon engineers at the top of the Portuguese market.",
    "2. **Moving:** When moving, push for a housing allowance of six months.",
])
NAMES = frozenset({"acme", "lisbon", "engineer", "porto", "braga"})
QUESTION = "Acme is moving me from Porto to Braga as an engineer. What should I push for?"


def test_the_rare_word_picks_the_part_quoted_not_the_names() -> None:
    quoted = excerpt(TEXT, QUESTION, limit=300, names=NAMES)
    assert "housing allowance" in quoted and "biggest" not in quoted


def test_without_names_the_names_win() -> None:
    # the test above can fail: counted, the two rare place names tie with "moving" and "push"
    assert "biggest" in excerpt(TEXT, QUESTION, limit=300)


def test_an_item_number_stays_with_its_sentence() -> None:
    line = ("3. **Relocation:** Ask for the move to be paid in full. " + "Then more words. " * 30)
    units = _units(line, 200)
    assert units[0].startswith("3. **Relocation:** Ask for the move")
