"""A guide's ladder is read from its own side of its level mapping and its level tables' own
columns (never another company's column), and a level picks the sibling guide that states it,
else the one whose ladder comes nearest. Real library."""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.read.ladder import ladder_of
from assistant.answer.read.levels import pick_guide, read_level
from assistant.corpus.model import Guide

pytestmark = pytest.mark.corpus

SWE = ("software-engineer", "senior-software-engineer", "staff-software-engineer")


def _siblings(bot: Assistant, company: str) -> list[Guide]:
    guides = [bot.library.guide(f"{company}/{role}") for role in SWE]
    assert all(guides)
    return [g for g in guides if g is not None]


def test_the_own_column_of_a_level_table(library_bot: Assistant) -> None:
    # mastercard/senior-software-engineer.md: "| Mastercard | Google | Meta | Stripe |
    # JPMorgan | Visa |" then "| Senior Software Engineer (P3) | L5 | E5 | L3 | VP (Senior) | ..."
    senior = _siblings(library_bot, "mastercard")[1]
    ladder = ladder_of(senior)
    assert ladder.cells == ("Senior Software Engineer (P3)", "Senior Software Engineer (P4)")
    assert not any("VP" in cell for cell in ladder.cells)  # JPMorgan's column
    # morgan-stanley/software-engineer.md: "| Morgan Stanley Level | ... | Citi Equivalent |"
    # with "AVP Tech" in Citi's column
    morgan = _siblings(library_bot, "morgan-stanley")[0]
    assert "Software Engineer (Associate)" in ladder_of(morgan).cells
    assert not any("AVP" in cell for cell in ladder_of(morgan).cells)


def test_the_own_side_of_a_mapping_statement(library_bot: Assistant) -> None:
    # amd/staff-software-engineer.md: "AMD Staff SWE (PMTS) = NVIDIA Staff SWE = ..."
    staff = _siblings(library_bot, "amd")[2]
    assert ladder_of(staff).statements == ("AMD Staff SWE (PMTS)",)


@pytest.mark.parametrize(("company", "question", "picked"), [
    ("mastercard", "Mastercard P4 base", "mastercard/senior-software-engineer"),
    ("mastercard", "Mastercard P1 base", "mastercard/software-engineer"),
    # no Mastercard guide states P8; its staff guide's P6 is the nearest
    ("mastercard", "Mastercard P8 base", "mastercard/staff-software-engineer"),
    ("mastercard", "Mastercard P0 base", "mastercard/software-engineer"),
    # the senior guide's "(E5+)" is a high E5: the staff guide states E6 itself
    ("cme-group", "CME Group E6 base", "cme-group/staff-software-engineer"),
    ("cme-group", "CME Group E5 base", "cme-group/senior-software-engineer"),
    ("morgan-stanley", "Morgan Stanley ED base", "morgan-stanley/staff-software-engineer"),
    ("morgan-stanley", "Morgan Stanley VP base", "morgan-stanley/senior-software-engineer"),
    ("amd", "AMD MTS base", "amd/senior-software-engineer"),  # not the SMTS or PMTS guide
])
def test_a_level_picks_the_sibling_that_states_it(library_bot: Assistant, company: str,
                                                  question: str, picked: str) -> None:
    level = read_level(question)
    assert level is not None
    guide = pick_guide(_siblings(library_bot, company), level)
    assert guide is not None and guide.id == picked


def test_a_title_no_sibling_states_picks_none(library_bot: Assistant) -> None:
    level = read_level("Mastercard VP base")  # only JPMorgan's column writes VP
    assert level is not None and pick_guide(_siblings(library_bot, "mastercard"), level) is None
