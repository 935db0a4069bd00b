"""The names people use for a company, read from data over the real library: the first word of
a name whose rest says only what kind of firm it is, brands its guides join to its name with a
slash, tickers typed in capitals even when they are English words, and the known former
tickers, parents and nicknames of known_names.py, and a name typed in parts its alias writes as
one ("E*TRADE", "e-trade": etrade). Figures are the guide
files' own; each case also names a figure that must not appear."""

from __future__ import annotations

import pytest
from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # etrade/data-engineer.md (company_display "Etrade", its tables "E*TRADE"): New York (HQ)
    # base $135K - $178K, Jersey City $128K - $169K
    ("E*TRADE data engineer base in New York?", "etrade/data-engineer", "$135K - $178K",
     "$128K - $169K"),
    ("e-trade data engineer new york base", "etrade/data-engineer", "$135K - $178K",
     "$128K - $169K"),
    # scale-ai/data-scientist.md: New York base $183K-$233K (San Francisco $178K-$222K)
    ("data scientist at scale in new york, base?", "scale-ai/data-scientist", "$183K-$233K",
     "$178K-$222K"),
    # starling-bank/software-engineer.md: Cardiff base "£47K-£58K / $57K-$71K"
    ("starling swe in cardiff - base?", "starling-bank/software-engineer", "£47K-£58K",
     "£55K-£68K"),
    # take-two-interactive/software-engineer.md writes "Rockstar/Take-Two": San Diego (Rockstar)
    ("Rockstar software engineer base in San Diego?", "take-two-interactive/software-engineer",
     "$125K–$178K", "$130K–$185K"),
    # bytedance guides write "TikTok/ByteDance": Seattle (US) data scientist base
    ("tiktok data scientist seattle base", "bytedance/data-scientist", "$170K–$235K",
     "$175K–$240K"),
    # cloudflare guides state "NYSE: NET"; its level table: Austin Mid (L3-L4) $140,000–$180,000
    ("NET mid level swe in austin, comp?", "cloudflare/software-engineer", "$140,000–$180,000",
     "$155,000–$195,000"),
    # atlassian guides state "NASDAQ: TEAM"; Amsterdam base
    ("TEAM product manager amsterdam base", "atlassian/product-manager",
     "EUR 95,000 - EUR 135,000", "A$195,000 - A$275,000"),
    # known_names.py: a parent's ticker, a former ticker, a nickname, a ticker outside the
    # package's indices. google/product-manager.md London base (Bay Area $190K–$295K)
    ("GOOGL product manager base in London?", "google/product-manager", "£120K–£195K",
     "$190K–$295K"),
    # meta/data-scientist.md US (Menlo Park / NYC) base (Seattle / Austin $165K–$250K)
    ("FB data scientist NYC base?", "meta/data-scientist", "$175K–$265K", "$165K–$250K"),
    # amazon/solutions-architect.md Seattle base (Bay Area $155K-$185K)
    ("the zon solutions architect seattle base", "amazon/solutions-architect", "$150K-$180K",
     "$155K-$185K"),
    # snowflake/data-engineer.md Warsaw base; snowflake-ai's Warsaw row is PLN 295K–445K
    ("SNOW data engineer base in Warsaw?", "snowflake/data-engineer", "PLN 350K–480K",
     "PLN 295K–445K"),
    # a name's first word with a capital, the place between it and the role: mistral-ai/
    # senior-software-engineer.md Paris base (London £79K-£106K)
    ("Mistral Paris senior software engineer base?", "mistral-ai/senior-software-engineer",
     "€85K-€115K", "£79K-£106K"),
    ("What's the base for a senior software engineer at Mistral in Paris?",
     "mistral-ai/senior-software-engineer", "€85K-€115K", "€77K-€104K"),
    # a bracket ends a name: "Coupa (Thoma Bravo owned)" is Coupa, not a firm "Coupa Thoma".
    # coupa/data-engineer.md San Mateo CA base $155,000-$200,000 (New York $150,000-$195,000)
    ("Coupa (Thoma Bravo owned) data engineer base in San Mateo?", "coupa/data-engineer",
     "$155,000-$200,000", "$150,000-$195,000"),
])  # fmt: skip
def test_a_name_people_use_finds_its_company(library_bot: Assistant, question: str,
                                             guide: str, figure: str, absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


@pytest.mark.parametrize(("question", "never"), [
    # "scale", "team" and "net" in running text stay words
    ("How do I negotiate equity at scale when every team asks for more?", "Scale AI"),
    ("Is net pay after tax part of total comp?", "Cloudflare"),
    # a two-letter former ticker counts only in capitals, as the guides' own short names do
    ("fb data scientist NYC base?", "$175K–$265K"),
    # "Citadel" may be another Citadel than Citadel Securities: asked, never assumed
    ("Citadel software engineer base in Chicago?", "$175K - $225K"),
    ("I heard Citadel pays software engineers well. True?", "$175K - $225K"),
])  # fmt: skip
def test_a_word_is_not_taken_for_a_company(library_bot: Assistant, question: str,
                                           never: str) -> None:
    assert never not in library_bot.ask(question).text


@pytest.mark.parametrize(("question", "guide", "figure", "absent"), [
    # google/senior-software-engineer.md, titled "(L5)": Seattle / Kirkland base $180K–$250K;
    # ($210K − $180K) ÷ $70K = 43%
    ("Is a 210k base for Google L5 in Seattle low?", "google/senior-software-engineer", "43%",
     "Data Scientist"),
    # meta/staff-software-engineer.md, titled "(E6)": London (UK) total comp $385K–$620K
    ("Meta E6 in London, total comp?", "meta/staff-software-engineer", "$385K–$620K",
     "Data Engineer"),
])  # fmt: skip
def test_a_level_with_no_role_finds_the_guide_titled_so(library_bot: Assistant, question: str,
                                                         guide: str, figure: str,
                                                         absent: str) -> None:
    assert_answered_from(library_bot.ask(question), guide, figure, absent)


def test_two_companies_levels_compare_their_titled_guides(library_bot: Assistant) -> None:
    """google/senior-software-engineer.md "(L5)" New York City base $185K–$260K;
    meta/senior-software-engineer.md "(E5)" US (Menlo Park / NYC) base $195K–$270K."""
    text = library_bot.ask("Google L5 vs Meta E5 base in New York").text
    assert "$185K–$260K" in text and "$195K–$270K" in text and "Which role" not in text


@pytest.mark.parametrize("question", [
    "Series B startup gave me a choice: more base or a bigger option grant. Which should I take?",
    "Lump-sum relocation or movers paid directly: which is better?",
    "Is it smart to keep a Plan B offer warm while I negotiate?",
    "Do I have to pay back the ENTIRE sign-on if I quit early?",
])  # fmt: skip
def test_capitalised_ordinary_words_are_no_company(library_bot: Assistant, question: str
                                                    ) -> None:
    assert "has no guide for" not in library_bot.ask(question).text


def test_a_name_no_english_word_is_the_company_wherever_it_stands(library_bot: Assistant
                                                                  ) -> None:
    """"JPMorgan" opens only JPMorgan Chase's name and is no word: a subject, not a role,
    follows it here."""
    answer = library_bot.ask("JPMorgan is honestly my favorite of four offers. Do I show them "
                             "all at once or one at a time?")
    assert "Read 'JPMorgan' as JPMorgan Chase." in answer.text
