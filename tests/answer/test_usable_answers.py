"""Issue 19's examples over the real library: an answer holds what was asked, once; a counter
plan uses the person's numbers; a stated figure is never dropped; advice answers or says it
cannot. Figures are the guide files' own; each case also names what must NOT appear."""

from __future__ import annotations

import re

import pytest
from answer_support import offline_assistant
from conftest_support import RealLibrary

from assistant.answer.library import Library
from assistant.answer.pipeline import Assistant
from assistant.embed.embedder import get_embedder
from assistant.settings import Settings


@pytest.fixture(scope="module")
def advising_bot(real_library: RealLibrary) -> Assistant:
    """The real library with the default embedder (all-MiniLM-L6-v2): advice is reranked by
    meaning and held to the relevance floor, as `make run` answers it."""
    lexical = offline_assistant(Library(real_library.all_guides))
    return Assistant(lexical.settings, library=lexical.library,
                     embedder=get_embedder(Settings.load(environ={})),
                     search=lexical.retriever.tools.general_search)


def _lines(text: str) -> list[str]:
    return [re.sub(r"\s*\[\d+\]", "", x) for x in text.splitlines()
            if x.startswith(("|", "**")) and not re.match(r"^\|[-| ]+\|$", x)]


def test_a_counter_quotes_no_other_region_of_the_script(library_bot: Assistant) -> None:
    """goldman-sachs/data-engineer.md: Bengaluru base ₹32L / $38K - ₹48L / $58K; its script
    anchors at "the New York range ($273K TC)" and names "$228K TC for New York, £178K TC for
    London, and ₹62L TC for Bengaluru"."""
    text = library_bot.ask("Goldman Sachs data engineer offer in Bengaluru at 30 lakh base: "
                           "how do I counter?").text
    assert "₹32L − ₹30L = ₹2L" in text and "₹62L TC for Bengaluru" in text
    for other in ("$273K", "$228K", "£178K", "$248K", "$262K", "New York", "London"):
        assert other not in text


def test_a_lowball_question_quotes_no_sources_list_or_other_rows(library_bot: Assistant) -> None:
    """sap/software-engineer.md: UK (London) base GBP 60K–GBP 95K; its "Evidence & Sources"
    lists Levels.fyi; Germany base EUR 70K–EUR 105K, US $140K–$195K."""
    text = library_bot.ask("SAP London software engineer offer of GBP 80K - is that a "
                           "lowball?").text
    assert "GBP 60K–GBP 95K" in text
    for never in ("Evidence & Sources", "Levels.fyi", "EUR 70K–EUR 105K", "$140K–$195K",
                  "INR 15L"):
        assert never not in text


@pytest.mark.parametrize("question", [
    "Nvidia or Tesla for a SWE — compare total comp in Santa Clara vs Palo Alto",
    "Amazon L6 senior SDE vs L7 principal SDE: stock grant in NYC?",
])  # fmt: skip
def test_no_row_is_written_twice(library_bot: Assistant, question: str) -> None:
    rows = _lines(library_bot.ask(question).text)
    assert rows and len(rows) == len(set(rows))


def test_marketing_is_never_quoted_as_an_answer(library_bot: Assistant) -> None:
    text = library_bot.ask("Northrop Grumman pays less cash than big tech for software "
                           "engineers. Do the retirement benefits close the gap at all?").text
    assert "Negotiation DNA" not in text and "Evidence & Sources" not in text


def test_ctc_is_total_comp_and_is_placed(library_bot: Assistant) -> None:
    """goldman-sachs/data-engineer.md: Bengaluru total comp ₹52L / $62K - ₹79L / $96K."""
    text = library_bot.ask("I got 40 LPA CTC from Goldman Sachs for a data engineer role in "
                           "Bengaluru, is that ok?").text
    assert "below the low end" in text and "₹52L − ₹40L = ₹12L" in text
    assert "Say which part" not in text and "₹32L" not in text  # not the base band


def test_stock_says_its_basis(library_bot: Assistant) -> None:
    """stripe/software-engineer.md: "Stock (RSU/4yr)" New York $168K–$298K."""
    text = library_bot.ask("Stripe software engineer stock in New York?").text
    assert "stock $168K–$298K (over 4 years)" in text


def test_a_company_named_without_figures_is_mentioned_not_tabled(library_bot: Assistant
                                                                   ) -> None:
    """dropbox/software-engineer.md: Seattle base $155K–$200K; ($160K − $155K) ÷ $45K = 11%."""
    text = library_bot.ask("Is $160K base good for a Dropbox software engineer in Seattle? "
                           "Brex also wants to talk to me.").text
    assert "11% of the way" in text and "Brex" in text
    assert "| Brex" not in text and "not in the guide" not in text


def test_a_figure_without_a_role_is_placed_in_every_role(library_bot: Assistant) -> None:
    """stripe/software-engineer.md New York base $178K–$225K: ($190K − $178K) ÷ $47K = 26%;
    stripe/data-scientist.md $195K–$245K: $190K is $5K below."""
    text = library_bot.ask("Is $190K base at Stripe in New York good?").text
    assert "| your $190K |" in text.splitlines()[2]
    assert "26% of the way: ($190K − $178K) ÷ ($225K − $178K) = 26%" in text
    assert "below by $5K: $195K − $190K" in text


def test_the_counter_script_is_filled_with_the_persons_numbers(library_bot: Assistant) -> None:
    """meta/senior-software-engineer.md: "propose a base of $[X+15-20]K, RSUs of
    $[Y+80-120]K over four years" with X = $200K and Y = $300K, the person's."""
    text = library_bot.ask("Meta E5 software engineer offer in NYC: $200K base, $300K RSUs. "
                           "How do I counter?").text
    plan = text.split("**Counter plan**", 1)[1].split("\n\n", 1)[0]
    assert "a base of $215K–$220K, RSUs of $380K–$420K" in plan and "$[" not in plan
    assert "- Base ask: $200K + $15K–$20K = $215K–$220K" in text
    assert "- Stock ask: $300K + $80K–$120K = $380K–$420K" in text


def test_without_figures_the_plan_says_it_used_the_band(library_bot: Assistant) -> None:
    """alibaba/ml-ai-engineer.md Seattle stock $90K–$250K: midpoint $170K; "$[Y+80K]"."""
    text = library_bot.ask("Alibaba ML engineer Seattle, offer of $190K base, how do I "
                           "counter?").text
    assert "not given, so the midpoint of the guide's band $90K–$250K: ($90K + $250K) ÷ 2 " \
           "= $170K" in text
    assert "- Stock ask: $170K + $80K = $250K" in text


@pytest.mark.parametrize(("question", "never"), [
    ("Should I tell the recruiter my current salary?", ("Ishikawa", "Quark", "glasses")),
    ("My recruiter gave me 24 hours to accept. What do I do?", ("clients", "Sameer")),
    ("The recruiter told me everyone at my level gets the same package. True?",
     ("5-7%", "ML engineer at Facebook")),
])  # fmt: skip
def test_advice_is_not_an_unrelated_passage(advising_bot: Assistant, question: str,
                                            never: tuple[str, ...]) -> None:
    text = advising_bot.ask(question).text
    assert not [n for n in never if n in text]


@pytest.mark.parametrize("question", [
    "Is relocation money taxable? Should I ask them to gross it up?",
    "Is it better to send my counter by email or on a phone call?",
    "Will companies pay to break my apartment lease, or help my spouse find a job?",
])  # fmt: skip
def test_a_question_nothing_answers_says_so(advising_bot: Assistant, question: str) -> None:
    text = advising_bot.ask(question).text
    assert "do not cover" in text and ">" not in text


def test_a_city_in_the_bay_area_is_answered_from_its_row(library_bot: Assistant) -> None:
    """google/senior-software-engineer.md: Bay Area (HQ) base $190K–$265K."""
    answer = library_bot.ask("Google L5 base in Mountain View")
    assert "$190K–$265K" in answer.text and "no figures for Mountain View" not in answer.text


def test_an_article_is_cited_by_its_title_not_its_file_name(library_bot: Assistant) -> None:
    answer = library_bot.ask("Can a sign-on bonus be clawed back if I leave early?")
    article = [c for c in answer.citations if c.guide.startswith("001_")]
    assert article and all(not c.document.startswith("001_") for c in article)


def test_a_shortened_title_reads_that_guide(library_bot: Assistant) -> None:
    """visa/trusted-agent-platform-engineer.md, Foster City row: base $200,000-$280,000."""
    answer = library_bot.ask("Visa trusted agent job: base in Foster City?")
    assert answer.citations[0].guide == "visa/trusted-agent-platform-engineer"
    assert "Trusted Agent Platform Engineer guide" in answer.text  # the note says how
    assert "base $200,000-$280,000" in answer.text
    for never in ("New York", "London", "$435K"):  # other rows, the total not asked
        assert never not in answer.text


def test_a_counter_quotes_the_guides_paragraph_on_what_was_asked(advising_bot: Assistant
                                                                 ) -> None:
    """ally-financial/empathetic-automation-platform-engineer.md, "Relocation and Benefits":
    "If relocating to Detroit, negotiate a comprehensive relocation package ($25K–$40K)"."""
    text = advising_bot.ask("Ally Financial empathetic automation role in Detroit: how do I "
                           "push for relocation money?").text
    assert "comprehensive relocation package ($25K–$40K)" in text


def test_a_sign_on_mention_leaves_the_scripts_blanks_out(library_bot: Assistant) -> None:
    """corpus/guides/alibaba/ml-ai-engineer.md (the sample library's copy, which the test
    library reads), Negotiate Up Strategy: "... RSUs to $[Y+80K] and a $60K sign-on ..."."""
    text = library_bot.ask("Alibaba ML engineer Seattle sign-on?").text
    assert "“…a $60K sign-on…”" in text
    assert "$[" not in text and "[target]" not in text
