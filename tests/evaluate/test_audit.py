"""What `make eval` audits on every answer (evaluate/audit.py) and how it judges advice
(evaluate/advice.py), on made-up answers: each check must catch what it is for."""

from __future__ import annotations

from assistant.answer.types import Answer, Citation
from assistant.corpus.model import CompRow, Figure, Guide, Region, Section
from assistant.evaluate.advice import AdviceItem, judge
from assistant.evaluate.audit import repeated_rows, unshown_figures

LIMA = CompRow(Region("Lima", "Lima"), "PEN", (Figure("base", 1, 2, "PEN", "PEN 90K–120K",
                                                      "table"),))
QUITO = CompRow(Region("Quito", "Quito"), "USD", (Figure("base", 1, 2, "USD", "$40K–$55K",
                                                         "table"),))
GUIDE = Guide(id="andes/engineer", path="andes/engineer.md", kind="guide", title="Andes",
              company="andes", role="engineer", rows=(LIMA, QUITO))
CITE = (Citation(1, "andes/engineer", "andes/engineer.md", "pay", "Pay"),)


def _answer(text: str) -> Answer:
    return Answer(question="q", status="answered", text=text, citations=CITE)


def test_a_quoted_figure_of_a_row_not_shown_is_caught() -> None:
    shown = "**Andes Engineer — Lima** (PEN): base PEN 90K–120K [1]"
    assert unshown_figures(_answer(shown), {"andes/engineer": GUIDE}.get) == []
    quoted = shown + "\n\n> Quito pays $40K–$55K, so ask for more. [1]"
    assert unshown_figures(_answer(quoted), {"andes/engineer": GUIDE}.get) == ["$40K–$55K"]


def test_a_row_written_twice_is_caught() -> None:
    table = "| Side | base |\n|---|---|\n| Lima | PEN 90K [1] |\n| Lima | PEN 90K [2] |"
    assert repeated_rows(table) == ["| Lima | PEN 90K |"]
    assert repeated_rows("| Lima | PEN 90K |\n| Quito | $40K |") == []


def test_advice_is_right_only_with_its_passage_or_an_honest_not_covered() -> None:
    item = AdviceItem("a1", "q", "clawback", True, "articles/001_x.txt",
                      "Most companies claw back a portion of the bonus if you leave early.")
    cited = (Citation(1, "001_x", "001_x.txt", "s", "S"),)
    right = Answer("q", "answered", "> Most companies claw back a portion of the bonus.",
                   citations=cited)
    elsewhere = Answer("q", "answered", "> Bonuses are paid in March.", citations=cited)
    assert judge(item, right)[0] and not judge(item, elsewhere)[0]
    uncovered = AdviceItem("a2", "q", "other", False)
    honest = Answer("q", "answered", "The library's guides and articles do not cover this.")
    assert judge(uncovered, honest)[0] and not judge(uncovered, right)[0]


def test_any_passage_the_item_lists_is_right_from_its_own_file() -> None:
    """A question several passages answer lists them all ("also"): each is right quoted
    from its own file, and none from a file that is not its."""
    item = AdviceItem("a4", "q", "exploding_offer", True, "guides/tenable/x.md",
                      "Thank them and ask for five business days to review the offer.",
                      (("guides/hsbc/y.md", "Ask for 48 hours to review the written offer."),))
    quote = "> Ask for 48 hours to review the written offer."
    hsbc = (Citation(1, "hsbc/y", "guides/hsbc/y.md", "s", "S"),)
    tenable = (Citation(1, "tenable/x", "guides/tenable/x.md", "s", "S"),)
    assert judge(item, Answer("q", "answered", quote, citations=hsbc))[0]
    assert not judge(item, Answer("q", "answered", quote, citations=tenable))[0]
    assert not judge(item, Answer("q", "answered", "> Bonuses are paid in March.",
                                  citations=hsbc))[0]



def test_the_passage_from_another_guide_that_holds_it_word_for_word_is_right() -> None:
    """A company's guides share a paragraph: quoted from a sibling guide that holds it, the
    answer is right; a sibling whose text lacks it, or no guides to read, is not."""
    passage = "Scale AI has a $2B+ secondary market for employee shares."
    item = AdviceItem("a3", "q", "startup_equity", True,
                      "guides/scale-ai/senior-software-engineer.md", passage)

    def guide(guide_id: str, text: str) -> Guide:
        return Guide(id=guide_id, path=f"guides/{guide_id}.md", kind="guide", title=guide_id,
                     company="scale-ai", sections=[Section("Equity", "equity", text)])

    sibling = {"scale-ai/data-engineer": guide("scale-ai/data-engineer", f"Intro. {passage}"),
               "scale-ai/designer": guide("scale-ai/designer", "Equity vests over 4 years.")}
    for cited, right in (("scale-ai/data-engineer", True), ("scale-ai/designer", False)):
        answer = Answer("q", "answered", f"> {passage}",
                        citations=(Citation(1, cited, f"{cited}.md", "equity", "Equity"),))
        assert judge(item, answer, sibling.get)[0] is right
        assert judge(item, answer)[0] is False  # without the guides, only the item's own

def test_a_placement_written_twice_is_caught_and_a_quote_is_not() -> None:
    line = "Acme: **Your base of £95k** is 33% of the way through the band of £75K–£135K."
    assert repeated_rows(f"{line} [1]\n\n{line} [2]") == [line]
    quoted = "> Ask for a sign-on of $25K when the stock vests slowly."
    assert repeated_rows(f"{quoted}\n{quoted}") == []
    assert repeated_rows("Short line 1.\nShort line 1.") == []  # no statement of figures
