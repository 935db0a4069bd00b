"""How pick/paragraphs.py cuts a passage into paragraphs and keeps each one's context, which
it never quotes (tables) and which count once (copies of a template). Made-up text."""

from __future__ import annotations

from assistant.answer.pick.paragraphs import _in_context, _varied, choose
from assistant.answer.types import Hit
from assistant.corpus.model import Guide
from assistant.corpus.paragraphs import quoted_paragraphs

TEXT = """Demand is booming for these engineers in many sectors.
This demand has raised salaries, as companies pay a premium for talent.
Remote work also changed where they live.
The drive targets several areas:
  • Large language models
  • Agents
Image"""


def test_a_list_stays_whole_with_the_line_that_introduces_it() -> None:
    paragraphs = quoted_paragraphs(TEXT)
    assert "The drive targets several areas:\n• Large language models\n• Agents" in paragraphs
    assert "Image" in paragraphs and len(paragraphs) == 5


def test_a_paragraph_that_points_back_comes_with_the_one_before() -> None:
    first, second, third = quoted_paragraphs(TEXT)[:3]
    assert _in_context(TEXT, first) == f"{first}\n{second}"  # the next one opens with "This"
    assert _in_context(TEXT, second) == f"{first}\n{second}"
    assert _in_context(TEXT, third) == third  # stands on its own


def test_copies_of_a_template_count_once_in_the_shortlist() -> None:
    texts = ["Anchor your initial counter at $275K TC for New York, the 75th percentile.",
             "Anchor your initial counter at $220K TC for New York, the 75th percentile.",
             "Do not negotiate total comp as a single number.",
             "Anchor your initial counter at £1.2M TC for New York, the 80th percentile."]
    assert _varied([0, 1, 2, 3], texts, 12) == [0, 2]
    assert _varied([1, 0, 2], texts, 12) == [1, 2]
    assert _varied([0, 2, 1], texts, 1) == [0]


def test_a_table_of_figures_is_never_an_answer() -> None:
    guide = Guide(id="acme/software-engineer", path="guides/acme/software-engineer.md",
                  kind="guide", title="Acme Software Engineer", company="acme",
                  role="software-engineer")
    text = ("| Region | Base | Total comp |\n|---|---|---|\n| London | £90K | £120K |\n"
            "Relocation to London is paid as a lump sum of four weeks' base.\n"
            "Ask for a sign-on bonus when the stock vests slowly.\n"
            "Recruiters expect a counter within a week.\n"
            "Levels are set by the interview loop, not by tenure.")
    hit = Hit(guide=guide, text=text, score=1.0, anchor="comp", chunk_id="acme#comp")
    chosen = choose([hit], "What is the London total comp and base region table?")
    assert chosen and all(not h.text.startswith("|") for h in chosen)
    assert "£90K" not in "".join(h.text for h in chosen)


def test_a_line_that_introduces_a_list_the_text_lost_is_never_an_answer() -> None:
    """A scraped article can keep "… here are a few things to consider:" without the list:
    quoted alone it promises an answer it does not hold."""
    guide = Guide(id="acme/designer", path="guides/acme/designer.md", kind="guide",
                  title="Acme Designer", company="acme", role="designer")
    text = ("Before your interview loop, here are a few things to consider about your pay:\n"
            "Portfolio reviews decide the level more than years of tenure do.")
    hit = Hit(guide=guide, text=text, score=1.0, anchor="prep", chunk_id="acme#prep")
    chosen = choose([hit], "What should I consider about pay before the interview loop?")
    assert chosen and all(not h.text.rstrip().endswith(":") for h in chosen)
    assert "Portfolio reviews" in chosen[0].text


def test_a_section_that_mostly_advertises_is_never_quoted() -> None:
    """The publisher's own steps read like advice; among its record and its sign-up call,
    the whole section is the advertisement."""
    article = Guide(id="010_abc", path="articles/010_abc.txt", kind="article",
                    title="Negotiating a first offer")
    ad = ("Over 500 people have used Haggle to negotiate their offers.\n"
          "Step 1 is mapping your strategy before you start negotiating the offer.\n"
          "Step 2 we join your recruiter calls to guide you.\n"
          "Book a free consultation with our team.")
    advice = "Before you start negotiating, write down the offer you would accept and why."
    other = ("Relocation is paid as a lump sum.\nLevels are set by the interview loop.\n"
             "Stock vests over four years.\nBonuses are paid in March.")
    hits = [Hit(guide=article, text=ad, score=2.0, anchor="ad", chunk_id="010_abc#ad"),
            Hit(guide=article, text=advice, score=1.0, anchor="prep", chunk_id="010_abc#prep"),
            Hit(guide=article, text=other, score=0.5, anchor="misc", chunk_id="010_abc#misc")]
    chosen = choose(hits, "What should I map out before I start negotiating my offer?")
    assert chosen and all("Step 1" not in h.text for h in chosen)
    assert chosen[0].text == advice


def test_a_run_together_question_word_finds_its_paragraph() -> None:
    text = ("Not every offer includes a signing bonus; ask for one when it is missing.\n"
            "Most firms claw back the signing bonus pro rata if you leave within a year.\n"
            "Recruiters expect a counter within a week.")
    hit = _levers(text)
    chosen = choose([hit], "is a clawback on my signing bonus normal?", limit=1)
    assert chosen and "claw back" in chosen[0].text


def test_relo_finds_the_relocation_paragraph() -> None:
    text = ("Ask for a sign-on bonus when the stock vests slowly.\n"
            "Relocation to Detroit: negotiate a relocation package and a housing stipend.\n"
            "Recruiters expect a counter within a week.\n"
            "Levels are set by the interview loop, not by tenure.")
    hit = _levers(text)
    chosen = choose([hit], "what kind of relo should i ask for?", limit=1)
    assert chosen and "relocation package" in chosen[0].text


def test_a_misspelt_question_finds_its_paragraph() -> None:
    text = ("Ask for a sign-on bonus when the stock vests slowly.\n"
            "Negotiate early exercise rights so the capital gains clock starts at once.\n"
            "Recruiters expect a counter within a week.")
    hit = _levers(text)
    english = {"is", "worth", "asking", "for"}
    chosen = choose([hit], "is excercise worth asking for?", limit=1,
                    ordinary=lambda words: {w for w in words if w in english})
    assert chosen and "exercise rights" in chosen[0].text


def _levers(text: str) -> Hit:
    """A made-up guide's levers section holding `text`."""
    guide = Guide(id="acme/data-engineer", path="guides/acme/data-engineer.md", kind="guide",
                  title="Acme Data Engineer", company="acme", role="data-engineer")
    return Hit(guide=guide, text=text, score=1.0, anchor="levers", chunk_id="acme#levers")
