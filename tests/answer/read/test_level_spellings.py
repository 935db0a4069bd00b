"""A level written the ways questions write it ("SDE2", "SDE-2", "L63", "L5a", "VP") is read
as one level, and a label holds it only when it is that level: a half-step is not its
sibling, a company number is not the next one, "MTS" is not "SMTS" or "MTS II"."""

from __future__ import annotations

import pytest

from assistant.answer.read.ladder import names
from assistant.answer.read.levels import holds, read_level


@pytest.mark.parametrize(("question", "typed", "code", "number"), [
    ("Coinbase SDE2 base in New York?", "SDE2", "SDE", 2),
    ("dLocal SDE-2 offer, stock?", "SDE-2", "SDE", 2),
    ("Fortinet SWE II in Ottawa, comp?", "SWE II", "SWE", 2),
    ("mastercard P4 swe base", "P4", "P", 4),
    ("pure storage ICT5 stock", "ICT5", "ICT", 5),
    ("linkedin L64 total comp", "L64", "L", 64),
    ("lyft L5b base", "L5b", "L", 5),
])
def test_a_level_reads_as_one_code_and_number(question: str, typed: str, code: str,
                                              number: int) -> None:
    level = read_level(question)
    assert level is not None and (level.typed, level.code, level.number) == (typed, code, number)


@pytest.mark.parametrize(("question", "code", "number"), [
    ("pinterest e6 total comp in sf", "E", 6),
    ("is l4 at snowflake good money", "L", 4),
    ("apple ict3 base cupertino", "ICT", 3),
    ("oracle ic5 vs ic4 base", "IC", 5),
    ("atlassian p5 in sydney", "P", 5),
])
def test_a_code_typed_in_lower_case_is_a_level(question: str, code: str, number: int) -> None:
    level = read_level(question)
    assert level is not None and (level.code, level.number) == (code, number)


@pytest.mark.parametrize("question", [
    "t2 tier city offer base", "a 5 day week at stripe", "my m2 laptop stipend",
])
def test_lower_case_words_that_end_in_a_digit_are_no_level(question: str) -> None:
    found = read_level(question)
    assert found is None or found.code not in ("T", "SE", "M"), found


def test_a_half_step_is_kept_and_a_plural_is_no_level() -> None:
    level = read_level("zendesk L5A swe base")
    assert level is not None and (level.number, level.suffix) == (5, "a")
    assert read_level("do L5s at zendesk get stock?") is None


# Labels made up in the guides' shapes ("Staff (L5b-L6)", "Senior PM (61-62)", "CVP (67+)")
@pytest.mark.parametrize(("asked", "label", "held"), [
    ("L5a", "Senior SWE (L5a)", True),
    ("L5a", "Staff SWE (L5b-L6)", False),
    ("L5b", "Senior SWE (L5a)", False),
    ("L5b", "Staff SWE (L5b-L6)", True),
    ("L5", "Staff SWE (L5b-L6)", True),  # L5 spans both half-steps
    ("L5a", "Senior (L5)", True),
    ("L63", "Principal PM (63)", True),
    ("L63", "Senior PM (61-62)", False),
    ("L61", "Senior PM (61-62)", True),
    ("level 63", "Principal (L63)", True),
    ("L63", "CVP / VP PM (67+)", False),
    ("level 68", "CVP / VP PM (67+)", True),
    ("SDE2", "L5 SDE II", True),
    ("SDE-2", "L6 SDE III", False),
    ("SWE II", "Software Engineer (SWE I-II)", True),
    ("L7", "Staff+ (L6+)", True),
    ("L5", "Staff+ (L6+)", False),
])
def test_a_label_holds_only_its_own_levels(asked: str, label: str, held: bool) -> None:
    level = read_level(f"Zendesk {asked} base?")
    assert level is not None and holds(level, label) is held


def test_an_open_top_can_be_read_closed() -> None:
    """cme-group/senior-software-engineer.md's level table: "Senior Software Engineer (E5+)"
    is a high E5; its staff guide states E6."""
    level = read_level("CME Group E6 swe total comp")
    assert level is not None
    assert holds(level, "Senior Software Engineer (E5+)")
    assert not holds(level, "Senior Software Engineer (E5+)", open_top=False)
    assert holds(level, "Staff Software Engineer (E6)", open_top=False)


@pytest.mark.parametrize(("question", "titles"), [
    # a title where pay is asked: a level only where a guide names it so
    ("morgan stanley VP software engineer new york base", ("VP",)),
    ("AMD PMTS swe base in Austin?", ("AMD", "PMTS")),
])
def test_a_capitalised_title_is_a_tentative_level(question: str,
                                                  titles: tuple[str, ...]) -> None:
    level = read_level(question)
    assert level is not None and level.tentative and level.titles == titles
    assert level.typed == ""  # nothing reports or carries a name no guide may state


@pytest.mark.parametrize("question", [
    "Coinbase SWE base in NYC?",  # a role's own abbreviation is no title ("NYC" is no pay ask)
    "Morgan Stanley VP equivalent at Goldman Sachs?",  # an equivalence reads its own title
])
def test_no_tentative_level(question: str) -> None:
    level = read_level(question)
    assert level is None or not level.tentative


@pytest.mark.parametrize(("title", "text", "named"), [
    ("VP", "Senior Software Engineer (VP)", True),  # morgan-stanley/senior-software-engineer
    ("ED", "Staff Software Engineer (ED)", True),
    ("PMTS", "AMD Staff SWE (PMTS)", True),  # amd/staff-software-engineer
    ("MTS", "AMD SWE (SMTS)", False),
    ("MTS", "MTS II (L4)", False),
    ("MTS", "Member of Technical Staff", True),
    ("VP", "Vice President Engineer", False),  # a longer title is not the title
    ("AVP", "Software Engineer (Associate)", False),
])
def test_a_ladder_text_names_a_title_exactly(title: str, text: str, named: bool) -> None:
    assert names(title, text, "AMD") is named


def test_a_role_title_names_a_level_only_in_parentheses() -> None:
    assert names("ML", "ML/AI Engineer")  # as a ladder's own text
    assert not names("ML", "ML/AI Engineer", bare=False)  # as a role's title
