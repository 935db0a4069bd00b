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
