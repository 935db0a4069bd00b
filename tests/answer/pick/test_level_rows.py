"""A level selects the guide and the rows that hold it, never another level's figures; a guide
that does not split its pay by level answers with a note; a level no guide holds is said to be
missing, by the guide nearest to it. Figures are the guide files' own. Real library."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # mastercard/senior-software-engineer.md level table "Senior Software Engineer (P4)";
    # "| New York | $165,000-$210,000 |"; software-engineer.md (P1, P2): "$125,000-$160,000"
    ("mastercard P4 swe new york base", "mastercard/senior-software-engineer",
     "$165,000-$210,000", "$125,000-$160,000"),
    ("mastercard P4 swe new york base", "mastercard/senior-software-engineer",
     "$165,000-$210,000", "$210,000-$265,000"),  # staff-software-engineer.md (P5, P6)
    # mastercard/software-engineer.md "| London | ... | £35,000-£60,000 / $44,000-$76,000 |";
    # the senior guide's London stock is "£70,000-£120,000 / $89,000-$152,000"
    ("mastercard P2 software engineer london stock", "mastercard/software-engineer",
     "£35,000-£60,000", "£70,000-£120,000"),
    # pure-storage/staff-software-engineer.md level table "ICT6 (Staff)", "ICT7 (Senior
    # Staff)": "| Denver | ... | $332K–$392K |"; the senior guide's (ICT4, ICT5) "$242K–$282K"
    ("pure storage ICT7 swe total comp in denver", "pure-storage/staff-software-engineer",
     "$332K–$392K", "$242K–$282K"),
])  # fmt: skip
def test_a_level_stated_in_a_level_table_answers_from_that_guide(
        library_bot: Assistant, question: str, guide: str, figure: str, absent: str) -> None:
    answer = library_bot.ask(question)
    assert_answered_from(answer, guide, figure, absent)
    assert "does not split its pay by level" in answer.text  # each guide's bands span 2 levels


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # morgan-stanley/staff-software-engineer.md "Staff Software Engineer (ED)": New York base
    # "$230K - $300K"; senior (VP): "$170K - $225K"
    ("morgan stanley ED software engineer new york base", "morgan-stanley/staff-software-engineer",
     "$230K - $300K", "$170K - $225K"),
    ("morgan stanley VP swe base in new york", "morgan-stanley/senior-software-engineer",
     "$170K - $225K", "$230K - $300K"),
    # amd/staff-software-engineer.md "AMD Staff SWE (PMTS)": "| Santa Clara | $248K–$302K |";
    # amd/senior-software-engineer.md "AMD Sr SWE (MTS)": "| Santa Clara | $198K–$248K |"
    ("AMD PMTS swe base", "amd/staff-software-engineer", "$248K–$302K", "$198K–$248K"),
    ("AMD MTS swe base", "amd/senior-software-engineer", "$198K–$248K", "$248K–$302K"),
    ("AMD MTS swe base", "amd/senior-software-engineer", "$198K–$248K", "$160K–$198K"),
    # cme-group/staff-software-engineer.md "(E6)": Chicago total comp "$342K - $495K"; the
    # senior guide's "(E5+)" is a high E5, its Chicago total comp "$238K - $342K"
    ("cme group E6 swe chicago total comp", "cme-group/staff-software-engineer",
     "$342K - $495K", "$238K - $342K"),
])  # fmt: skip
def test_a_title_or_code_picks_the_sibling_that_states_it(
        library_bot: Assistant, question: str, guide: str, figure: str, absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


@pytest.mark.parametrize(("question", "figure", "absents"), [
    # vanta/software-engineer.md: "| Senior (L5) | $200,000–$260,000 | ..." (San Francisco)
    ("vanta L5 swe san francisco comp", "$200,000–$260,000",
     ("$155,000–$195,000", "$250,000–$340,000")),
    # "| Staff+ (L6+) | $250,000–$340,000 |": L7 is above L6, so the "+" row holds it
    ("vanta L7 swe san francisco comp", "$250,000–$340,000",
     ("$155,000–$195,000", "$200,000–$260,000")),
    # "| Mid (L3-L4) | $155,000–$195,000 |"
    ("vanta L3 swe san francisco comp", "$155,000–$195,000",
     ("$200,000–$260,000", "$250,000–$340,000")),
])  # fmt: skip
def test_a_level_never_brings_in_another_level_s_row(library_bot: Assistant, question: str,
                                                     figure: str,
                                                     absents: tuple[str, ...]) -> None:
    answer = library_bot.ask(question)
    for absent in absents:
        assert_answered_from(answer, "vanta/software-engineer", figure, absent)


def test_a_level_no_guide_holds_is_missing_where_the_nearest_is(library_bot: Assistant) -> None:
    answer = library_bot.ask("mastercard P8 swe total comp")
    # no Mastercard guide states P8; staff-software-engineer.md (P5, P6) is the nearest, and
    # none of its figures ("| Purchase NY | ... | $440,000-$670,000 |") stands in for P8
    assert (answer.status, answer.guide) == ("answered", "mastercard/staff-software-engineer")
    assert "has no figures for P8" in answer.text and "(P6)" in answer.text
    assert "$440,000-$670,000" not in answer.text and "$472,000-$713,000" not in answer.text


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # "VP" is only in mastercard's JPMorgan column ("VP (Tech)"): no Mastercard level, so
    # the software engineer guide answers as if no level were named ("| New York |
    # $125,000-$160,000 |"), never with the senior guide's "$165,000-$210,000"
    ("mastercard VP software engineer new york base", "mastercard/software-engineer",
     "$125,000-$160,000", "$165,000-$210,000"),
    # "AVP Tech" is Citi's column in morgan-stanley/software-engineer.md
    ("morgan stanley AVP software engineer new york base", "morgan-stanley/software-engineer",
     "$125K - $165K", "$170K - $225K"),
])  # fmt: skip
def test_a_title_no_guide_states_is_not_a_level(library_bot: Assistant, question: str,
                                                guide: str, figure: str, absent: str) -> None:
    answer = library_bot.ask(question)
    assert_answered_from(answer, guide, figure, absent)
    assert "has no figures for" not in answer.text


def test_a_level_with_rows_elsewhere_is_missing_here_not_read_from_the_place_row(
        library_bot: Assistant) -> None:
    """amazon/software-engineer.md splits pay by level: "| L4 SDE I | Seattle | $120K-$160K",
    "| L4 SDE I | Bay Area | ...", and for NYC only "| L5 SDE II | NYC | $145K-$180K" (its
    frontmatter's NYC row, with no level, holds the same SDE II band)."""
    nyc = library_bot.ask("Amazon SDE I base in NYC")
    assert "$145K" not in nyc.text and "no SDE I figures for NYC" in nyc.text
    assert "Seattle, Bay Area" in nyc.text
    seattle = library_bot.ask("Amazon SDE I base in Seattle")
    assert_answered_from(seattle, "amazon/software-engineer", "$120K-$160K", "$140K-$180K")
