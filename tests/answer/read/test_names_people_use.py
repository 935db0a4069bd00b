"""Names people use that the library writes otherwise, read over the real library (made-up
wording; every figure read from the guide files): a firm's first word before what it did
("Goldman offered"), a former ticker ("sfdc"), a specialty of the software engineer ladder
("backend engineer"), two-letter places in lower case ("ny", "la") and "the bay"."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # goldman-sachs/software-engineer.md "| New York (HQ) | $125K - $165K |"
    ("Goldman offered me 150k base for a software engineer job in NYC, good?",
     "goldman-sachs/software-engineer", "$125K - $165K", "no guide"),
    # jpmorgan-chase/software-engineer.md "| New York (HQ) | $125K - $165K |": 62.5% -> 63%;
    # the person's employer (Google, $148K–$210K there) is not the offer's
    ("I'm at Google as L4 in Mountain View making 190k; JPMorgan offered 150k base for SWE "
     "in NYC. is that good?", "jpmorgan-chase/software-engineer", "= $25K ÷ $40K = 63%",
     "$148K–$210K"),
    # salesforce/product-manager.md "| San Francisco | $175K–$220K |"
    ("sfdc PM salary in san francisco", "salesforce/product-manager", "$175K–$220K",
     "do not cover"),
    # jpmorgan-chase/software-engineer.md New York: 125k is its low end
    ("is 125k base ok for a backend engineer at JPMorgan in New York?",
     "jpmorgan-chase/software-engineer", "= $0 ÷ $40K = 0%", "no backend engineer guide"),
    # capital-one/senior-software-engineer.md "| New York City | $165K–$218K |" (its McLean
    # row, $155K–$205K, is not asked)
    ("capital one senior swe ny base", "capital-one/senior-software-engineer", "$165K–$218K",
     "$155K–$205K"),
    # netflix/senior-software-engineer.md "| Los Angeles | $250K-$315K |"; San Francisco's
    # $258K-$324K is not asked
    ("netflix senior swe la", "netflix/senior-software-engineer", "$250K-$315K",
     "$258K-$324K"),
    # google/software-engineer.md "| Bay Area (HQ) | $152K–$215K |", not its NYC $148K–$210K
    ("swe salary at Google in the bay", "google/software-engineer", "$152K–$215K",
     "$148K–$210K"),
])
def test_a_name_as_people_use_it(library_bot: Assistant, question: str, guide: str,
                                 figure: str, absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


def test_pay_us_is_no_place(library_bot: Assistant) -> None:
    assert "has figures for us" not in library_bot.ask("what does stripe pay us").text
