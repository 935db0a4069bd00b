"""Issue 21, high item 3: the guard binds every figure to the place, company, level, pay part,
period and comparison written near it, and reads figures in any spelling.

Over the fixture library (tests/fixtures/library, see its README): Kestrova software engineer
(IC2) has New York (base $170K–$204K, stock $100K–$196K, bonus 8%) and Austin rows, no London
row; Quillbrook software engineer (L4) has London (base £92K–£118K, stock £60K–£110K over 4
years, bonus 12%, total comp £110K–£150K); Tallisyn (Engineer II) has Dublin and London.
Expectations come from that table, never from the program's output.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from conftest_support import FIXTURE_LIBRARY, FIXTURE_TODAY

from assistant.answer.library import Library
from assistant.answer.llm.fakes import ScriptedChatModel
from assistant.answer.llm.guard import unsupported
from assistant.answer.pipeline import Assistant
from assistant.answer.search import HybridSearch
from assistant.answer.types import Answer
from assistant.corpus.reader import read_corpus
from assistant.settings import Settings

pytestmark = pytest.mark.reliability

KESTROVA_NY = "Kestrova software engineer New York base?"
QUILLBROOK_LONDON = "Quillbrook software engineer London pay?"
TALLISYN_DUBLIN = "Tallisyn software engineer Dublin base?"
REPLACED = "_The language model's answer was replaced"


@lru_cache(maxsize=1)
def bot() -> Assistant:
    """An Assistant over the fixture library, without an index (lexical search only)."""
    library = Library(read_corpus([FIXTURE_LIBRARY]).guides)
    return Assistant(Settings.load(environ={}), library=library, today=FIXTURE_TODAY,
                     search=HybridSearch(library).search)


def answered(question: str, reply: str, streamed: bool) -> tuple[str, Answer]:
    """(the text shown while streaming, the final answer) for a scripted reply."""
    model = ScriptedChatModel(replies=[reply])
    if not streamed:
        return "", bot().ask(question, model=model)
    items = list(bot().stream(question, model=model))
    final = items[-1]
    assert isinstance(final, Answer)
    return "".join(i for i in items[:-1] if isinstance(i, str)), final


MISPLACED = [
    # a place no cited row covers, however it is written near the figure
    (KESTROVA_NY, "In London the base is $170K–$204K [1].", "London"),
    (KESTROVA_NY, "The base is $170K–$204K in Lagos [1].", "Lagos"),
    (KESTROVA_NY, "In London the base is $170K–$204K [1]", "London"),  # no full stop
    (KESTROVA_NY, "London pays more. There the base is $170K–$204K [1].", "London"),
    (KESTROVA_NY, "Denver is similar.\nBase: $170K–$204K [1]", "Denver"),
    (KESTROVA_NY, "In Austin the base is $170K–$204K [1].", "Austin"),  # a row not cited
    (QUILLBROOK_LONDON, "In Manchester the stock is £60K–£110K [1].", "Manchester"),
    (TALLISYN_DUBLIN, "In Cork the base is €76,000 – €98,000 [1].", "Cork"),
    (KESTROVA_NY, "In New York the bonus is 8%; in Paris the bonus is 8% [1].", "Paris"),
    # another company of the library
    (KESTROVA_NY, "At Quillbrook the base is $170K–$204K [1].", "Quillbrook"),
    (QUILLBROOK_LONDON, "Zentrova's London base is £92K–£118K [1].", "Zentrova"),
    # a level the cited figures are not given for
    (KESTROVA_NY, "At L7 the base is $170K–$204K [1].", "L7"),
    (QUILLBROOK_LONDON, "At the senior level (L5) the London base is £92K–£118K [1].", "L5"),
    (KESTROVA_NY, "As an IC4 in New York the base is $170K–$204K [1].", "IC4"),
    # the wrong part, a period that is not the rows', an annual stock grant over 4 years
    (QUILLBROOK_LONDON, "The London stock is £92K–£118K [1].", "stock"),
    (KESTROVA_NY, "The base is $170K–$204K per month [1].", "per month"),
    (KESTROVA_NY, "The base is $170K–$204K every two weeks [1].", "every two weeks"),
    (QUILLBROOK_LONDON, "The annual grant is £60K–£110K [1].", "annual"),
    # a figure made a comparison the passages never make
    (KESTROVA_NY, "Ask for an 8% raise over the top of the band [1].", "comparison"),
    (QUILLBROOK_LONDON, "London pays 12% above New York [1].", "comparison"),
]


@pytest.mark.parametrize("streamed", [False, True])
@pytest.mark.parametrize(("question", "reply", "written_for"), MISPLACED)
def test_a_true_figure_written_for_the_wrong_thing_is_refused(
        question: str, reply: str, written_for: str, streamed: bool) -> None:
    shown, final = answered(question, reply, streamed)
    note = final.text.split("\n\n")[0]
    assert note.startswith(REPLACED) and written_for in note
    assert final.citations  # the grounded answer, with its own citations
    assert not any(ch.isdigit() for ch in shown)  # no figure of it was ever shown


FAITHFUL = [
    (KESTROVA_NY, "New York base is $170K–$204K [1]."),
    (KESTROVA_NY, "Kestrova's New York base for IC2 is $170K–$204K a year [1]."),
    (KESTROVA_NY, "In New York the base is $170K–$204K, with stock of $100K–$196K and an 8% "
                  "bonus [1]."),
    (KESTROVA_NY, "The guide has no London row [1]. In New York the base is $170K–$204K [1]."),
    (QUILLBROOK_LONDON, "Quillbrook L4 London base is £92K–£118K [1]."),
    (QUILLBROOK_LONDON, "In the UK, base is £92K–£118K [1]."),
    (QUILLBROOK_LONDON, "For a Quillbrook software engineer in London, the base is £92K–£118K "
                        "and stock £60K–£110K [1]."),
    (QUILLBROOK_LONDON, "London (GBP): base £92K–£118K, £60K–£110K in stock, 12% bonus, total "
                        "comp £110K–£150K [1]."),
    (TALLISYN_DUBLIN, "In Dublin the base is €76,000 – €98,000 [1]."),
]


@pytest.mark.parametrize("streamed", [False, True])
@pytest.mark.parametrize(("question", "reply"), FAITHFUL)
def test_figures_written_for_the_cited_rows_pass(question: str, reply: str,
                                                 streamed: bool) -> None:
    shown, final = answered(question, reply, streamed)
    assert final.text.startswith(reply), final.text.split("\n\n")[0]
    assert not streamed or shown.strip() == reply


SOURCE = "New York (USD): base $170K–$204K; stock $100K–$196K; bonus 8%. Script: £108,000."


@pytest.mark.parametrize(("text", "flagged"), [
    ("The base is 30万 USD.", "30万 USD"),
    ("La base es de trescientos mil dólares.", "300000"),
    ("Le salaire de base est de deux cent mille euros.", "200000 euros"),
    ("Das Grundgehalt liegt bei zwei Millionen Euro.", "2000000"),
    ("Expect 38 lpa.", "38 lpa"),
    ("Expect 1.2 cr.", "1.2 cr"),
    ("Ask for twice the base.", "2x"),
    ("That is three times the band.", "3x"),
])
def test_figures_in_other_languages_and_lower_case_are_checked(text: str, flagged: str) -> None:
    assert flagged in unsupported(text, [SOURCE])

