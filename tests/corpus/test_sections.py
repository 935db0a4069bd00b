"""Sections: Markdown headings, bold titles, inline labels, strategy quotes, plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.frontmatter import split_frontmatter
from assistant.corpus.paragraphs import GROUP_CHARS, is_title_line
from assistant.corpus.sections import anchor_at, section_spans, split_sections
from assistant.corpus.slugs import slugify

BODY = """### Engineer | Acme Global Negotiation Guide

**Negotiation DNA:** Anvils | **PREMIUM**

| Region | Base Salary |
|---|---|
| Springfield | $100K–$150K |

**Negotiation DNA**

Long prose.

**Level Mapping:** E3 = L3 at Google

#### Global Levers

1. **Offer:** "I have an offer."

> **Negotiate Up Strategy:** "Thank you. I need a $30K sign-on
> and more RSUs."

**Evidence & Sources:**
- Levels.fyi
"""


def test_markdown_sections_and_anchors() -> None:
    sections = split_sections(BODY)
    assert [s.anchor for s in sections] == [
        "engineer-acme-global-negotiation-guide",
        "negotiation-dna",
        "compensation",
        "negotiation-dna-2",
        "level-mapping",
        "global-levers",
        "negotiate-up-strategy",
        "evidence-sources",
    ]
    by_anchor = {s.anchor: s for s in sections}
    assert by_anchor["level-mapping"].text == "E3 = L3 at Google"
    assert by_anchor["negotiation-dna"].text == "Anvils | **PREMIUM**"
    assert by_anchor["global-levers"].depth == 4
    assert by_anchor["negotiate-up-strategy"].text == (
        '"Thank you. I need a $30K sign-on\nand more RSUs."'
    )
    assert by_anchor["evidence-sources"].title == "Evidence & Sources"


def test_table_line_maps_to_its_section() -> None:
    spans = section_spans(BODY)
    table_line = BODY.split("\n").index("| Springfield | $100K–$150K |")
    assert anchor_at(spans, table_line) == "compensation"
    assert anchor_at(spans, 0) == "engineer-acme-global-negotiation-guide"


def test_preamble_before_first_heading_is_an_overview() -> None:
    sections = split_sections("Intro words.\n\n## Pay\n\nMoney.")
    assert [(s.title, s.text) for s in sections] == [
        ("Overview", "Intro words."), ("Pay", "Money.")]


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Evidence & Sources", "evidence-sources"), ("🤖 AI Lever", "ai-lever"), ("***", "section")],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_duplicate_titles_get_numbered_anchors() -> None:
    anchors = [s.anchor for s in split_sections("## A\nx\n## A\ny\n## A\nz\n")]
    assert anchors == ["a", "a-2", "a-3"]


def test_plain_text_titles_and_groups() -> None:
    long_para = " ".join(["Negotiation prose goes on and on."] * 60)
    text = f"{long_para}\n{long_para}\n\nAnchor First\nSay a number first.\n"
    sections = split_sections(text)
    assert sections[-1].title == "Anchor First"
    assert sections[-1].text == "Say a number first."
    assert all(len(s.text) <= GROUP_CHARS * 2 for s in sections)
    assert sections[0].title.startswith("Negotiation prose goes on")


@pytest.mark.parametrize(
    ("line", "title_like"),
    [
        ("Demand is Booming", True),
        ("Key Points:", True),
        ("Image", False),
        ("  • Large language models development", False),
        ("As an example - if you are granted $800K in RSUs, you will receive:", False),
        ("This ends with a period.", False),
    ],
)
def test_title_lines(line: str, title_like: bool) -> None:
    assert is_title_line(line) is title_like


@pytest.mark.corpus
def test_real_guide_sections(guides_root: Path) -> None:
    text = (guides_root / "alibaba" / "ml-ai-engineer.md").read_text(encoding="utf-8")
    anchors = [s.anchor for s in split_sections(split_frontmatter(text).body)]
    for expected in ("negotiation-dna", "level-mapping", "global-levers",
                     "negotiate-up-strategy", "evidence-sources", "the-commerce-ai-premium"):
        assert expected in anchors


@pytest.mark.corpus
def test_real_articles_split_into_titled_sections(shared_corpus: Path) -> None:
    first = (shared_corpus / "articles" / "001_9176ef9d3a5aa0a7.txt").read_text(encoding="utf-8")
    titles = [s.title for s in split_sections(first)]
    assert {"Demand is Booming", "Educational Requirements"} <= set(titles)
    assert len(titles) >= 6
    second = (shared_corpus / "articles" / "002_5ca264379d7d4dae.txt").read_text(encoding="utf-8")
    titles = [s.title for s in split_sections(second)]
    assert {"Focus Areas for Recruitment", "Key Points"} <= set(titles)


@pytest.mark.corpus
def test_a_section_praising_the_role_never_answers(guides_root: Path) -> None:
    """airwallex/reliability-leads-platform-engineer.md: "Why This is the SIGNATURE ROLE"
    praises the company; its "Lever 6 — … (SIGNATURE ROLE Exclusive)" is advice."""
    text = (guides_root / "airwallex" / "reliability-leads-platform-engineer.md").read_text(
        encoding="utf-8")
    answering = {s.title: s.answers for s in split_sections(split_frontmatter(text).body)}
    assert answering["Why This is the SIGNATURE ROLE"] is False
    lever = next(t for t in answering if t.startswith("Lever 6"))
    assert "SIGNATURE ROLE Exclusive" in lever and answering[lever] is True
    assert answering["SIGNATURE ROLE"] is False and answering["Negotiation DNA"] is False
    assert answering["Global Levers — Extended for SIGNATURE ROLE"] is True
