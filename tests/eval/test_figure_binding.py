"""Every figure of every gold and adversarial answer is bound to the cited guide file itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from binding import unbound_figures
from conftest_support import RealLibrary

from assistant.answer.library import Library
from assistant.answer.pipeline import Assistant
from assistant.answer.search import HybridSearch
from assistant.answer.types import Answer
from assistant.evaluate import load_gold
from assistant.settings import Settings

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def library_bot(real_library: RealLibrary) -> Assistant:
    """The whole real library (read once per session), answered without an index (lexical
    search only)."""
    library = Library(real_library.all_guides)
    return Assistant(Settings.load(environ={}), library=library,
                     search=HybridSearch(library).search)


def _sources(answer: Answer, corpus: Path) -> dict[int, Path]:
    found = {}
    for c in answer.citations:
        for root in (corpus / "guides", corpus / "articles"):
            if (root / c.source).is_file():
                found[c.n] = root / c.source
    return found


@pytest.mark.parametrize("name", ["gold.jsonl", "adversarial.jsonl"])
def test_every_figure_is_in_the_cited_file_where_the_answer_says(
        library_bot: Assistant, shared_corpus: Path, name: str) -> None:
    problems = []
    items = load_gold(HERE / name)
    for item in items:
        answer = library_bot.ask(item.question, list(item.history))
        for problem in unbound_figures(answer.text, _sources(answer, shared_corpus),
                                       item.question):
            problems.append(f"{item.id}: {problem}")
    assert len(items) > 150
    assert problems == [], "\n".join(problems[:20])


# --- the check must catch what it is for ---------------------------------------------------

def test_a_figure_of_another_row_is_caught(shared_corpus: Path) -> None:
    guide = shared_corpus / "guides" / "stripe" / "software-engineer.md"
    honest = "**Stripe Software Engineer — Remote US** (USD): base $168K–$212K [1]"
    borrowed = "**Stripe Software Engineer — London** (USD): base $168K–$212K [1]"
    wrong_part = "**Stripe Software Engineer — Remote US** (USD): stock $168K–$212K [1]"
    assert unbound_figures(honest, {1: guide}) == []
    assert unbound_figures(borrowed, {1: guide})
    assert unbound_figures(wrong_part, {1: guide})


def test_a_quoted_figure_must_be_in_the_cited_file(shared_corpus: Path) -> None:
    guide = shared_corpus / "guides" / "alibaba" / "ml-ai-engineer.md"
    assert unbound_figures("The script asks for a $60K sign-on [1]", {1: guide}) == []
    assert unbound_figures("The script asks for a $75K sign-on [1]", {1: guide})
    assert unbound_figures("A $60K sign-on, uncited.", {1: guide})


@pytest.mark.parametrize("figure", ["PLN 420K–560K", "₩85,000,000", "DKK 900K", "SEK 650K",
                                    "₪450,000", "AED 40K", "220K–620K", "A$158K", "HK$1.2M"])
def test_every_currency_of_the_library_is_seen(figure: str, shared_corpus: Path) -> None:
    guide = shared_corpus / "guides" / "stripe" / "software-engineer.md"
    assert unbound_figures(f"Some text with {figure} in it [1]", {1: guide})


def test_a_placement_is_checked_for_whose_figure_and_for_its_sums(shared_corpus: Path) -> None:
    guide = shared_corpus / "guides" / "stripe" / "software-engineer.md"
    question = "Is $190K base at Stripe in New York good?"
    good = ("**Your base of $190K** is 26% of the way through the guide's New York band of "
            "$178K–$225K [1]: ($190K − $178K) ÷ ($225K − $178K) = $12K ÷ $47K = 26%.")
    assert unbound_figures(good, {1: guide}, question) == []
    assert unbound_figures(good.replace("= 26%.", "= 30%."), {1: guide}, question)
    assert unbound_figures(good, {1: guide}, "Is $185K base at Stripe good?")
    below = ("**Your base of $170K** is below the low end of the guide's New York band of "
             "$178K–$225K [1] by $8K: $178K − $170K = $8K.")
    assert unbound_figures(below, {1: guide}, "$170K base?") == []
    assert unbound_figures(below.replace("= $8K.", "= $9K."), {1: guide}, "$170K base?")
