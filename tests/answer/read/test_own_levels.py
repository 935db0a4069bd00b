"""A level written in a company's own ladder selects the sibling guide whose level mapping
states it as its own ("Apple ICT4 = Google L5 ..." is Apple's senior guide). Real library."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant
from assistant.answer.read.levels import own_levels

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # apple/senior-software-engineer.md: "| Cupertino / Bay Area | $180K–$255K |"; the ICT2-3
    # guide's row is "| Cupertino / Bay Area | $145K–$205K |"
    ("Apple ICT4 software engineer base in Cupertino?", "apple/senior-software-engineer",
     "$180K–$255K", "$145K–$205K"),
    # lyft/senior-software-engineer.md, Level Mapping "Lyft Senior Software Engineer (T6) =";
    # "| San Francisco | $170K–$215K |" (the T5 guide is software-engineer.md)
    ("Lyft T6 software engineer San Francisco base", "lyft/senior-software-engineer",
     "$170K–$215K", "$162K–$205K"),
])
def test_a_company_level_picks_the_guide_that_states_it(library_bot: Assistant, question: str,
                                                        guide: str, figure: str,
                                                        absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


def test_own_levels_are_the_guide_s_side_of_its_mapping(library_bot: Assistant) -> None:
    library = library_bot.library
    apple = library.guide("apple/software-engineer")
    meta = library.guide("meta/software-engineer")
    assert apple is not None and meta is not None
    # "Apple ICT2 = Google L3, ... | Apple ICT3 = Google L4, ..."
    assert own_levels(apple) == ["Apple ICT2", "Apple ICT3"]
    # "E3 maps to Google L3 / ...; E4 maps to Google L4 / ..."
    assert [text.split()[0] for text in own_levels(meta)] == ["E3", "E4"]


def test_a_seniority_word_on_a_guide_that_does_not_split_by_level(
        library_bot: Assistant) -> None:
    answer = library_bot.ask("new grad swe at meta in nyc, base?")
    # meta/software-engineer.md (E3/E4): "| US (Menlo Park / NYC) | $155K–$215K | ..."; its
    # table has no level rows, so its band answers, and the answer says why
    assert answer.guide == "meta/software-engineer" and "$155K–$215K" in answer.text
    assert "does not split its pay by level" in answer.text
    assert "has no figures for new grad" not in answer.text
