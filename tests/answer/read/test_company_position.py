"""A company whose name is an English word is that company where the question puts a company
(before its role, before a level that precedes the role, after "at" / "from" with a role
named), and stays a word elsewhere. Real library; figures read from the guide files."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # meta/senior-software-engineer.md: "| US (Seattle / Austin) | $185K–$255K | $235K–$565K"
    ("meta E5 swe base in seattle?", "meta/senior-software-engineer", "$185K–$255K",
     "$235K–$565K"),
    # box/data-engineer.md: "| Redwood City | $152K–$192K | $102K–$175K RSU/4yr | ..."
    ("data engineer at box, redwood city: stock?", "box/data-engineer", "$102K–$175K",
     "$152K–$192K"),
    # oracle/software-engineer.md: "| Austin | $135K–$168K | ... | $155K–$210K |"
    ("software engineer at oracle (austin): total comp?", "oracle/software-engineer",
     "$155K–$210K", "$135K–$168K"),
    # toast/software-engineer.md: "| Boston MA | $130,000-$165,000 | $50,000-$90,000 | ..."
    ("got a swe offer from toast in boston, what's the base range", "toast/software-engineer",
     "$130,000-$165,000", "$50,000-$90,000"),
])
def test_a_word_in_a_company_s_position_is_the_company(library_bot: Assistant, question: str,
                                                       guide: str, figure: str,
                                                       absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


@pytest.mark.parametrize("question", [
    "how do teams work at scale?",
    "is it smart to negotiate from square one again?",
])
def test_the_same_words_elsewhere_stay_words(library_bot: Assistant, question: str) -> None:
    answer = library_bot.ask(question)
    assert not answer.guide.startswith(("scale-ai/", "square/", "block/"))
    assert all(not c.guide.startswith(("scale-ai/", "square/")) for c in answer.citations)
