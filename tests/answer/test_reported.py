"""Every failure issue 11 reports, asked over the real library: the honest answer now.

Figures were copied from the guide files named beside them; `never` lists the rows, companies
and roles each answer used to borrow from.
"""

from __future__ import annotations

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus

ANSWERED = ("answered",)
REFUSED = ("no_guide", "clarify")
STRIPE_DS = ("$195K–$245K", "$182K–$228K")  # stripe/data-scientist base: SF, NY / Remote US
STRIPE_SWE = ("$178K–$225K", "$168K–$212K")  # stripe/software-engineer base
GOOGLE_SWE = ("$152K–$215K", "$148K–$210K", "$145K–$205K", "£75K–£135K", "₹20L–₹38L")
AMAZON_SWE = ("$120K-$160K", "$140K-$180K", "$145K-$180K")  # amazon/software-engineer base
L3HARRIS = ("$105K-$155K", "$100K-$150K")  # l3harris/software-engineer base

# question, history, honest statuses, must contain, must not contain, main guide
CASES = [
    ("Stripe data scientist base in Lagos?", (), ANSWERED, ("Lagos",), STRIPE_DS,
     "stripe/data-scientist"),
    ("Google software engineer base in Cambridge?", (), ANSWERED, ("Cambridge",), GOOGLE_SWE,
     "google/software-engineer"),
    ("Amazon software engineer base in Washington?", (), ANSWERED, ("Washington", "Seattle"),
     AMAZON_SWE, "amazon/software-engineer"),
    ("Microsoft software engineer base in Georgia?", (), ANSWERED, ("Georgia",),
     ("$120K–$145K", "$140K–$170K"), "microsoft/software-engineer"),
    ("Stripe software engineer base in England?", (), ANSWERED, ("England",), STRIPE_SWE,
     "stripe/software-engineer"),
    ("Can you tell us the Stripe data scientist base in London?", (), ANSWERED, ("London",),
     STRIPE_DS, "stripe/data-scientist"),
    ("Does a Google software engineer get an employee stock purchase plan?", (), ANSWERED,
     ("employee stock purchase",), ("Purchase", "$110K–$260K"), "google/software-engineer"),
    ("Stripe data scientist base / stock in London?", (), ANSWERED, ("London",),
     (*STRIPE_DS, "$188K–$332K"), "stripe/data-scientist"),
    ("L3Harris software engineer base in Melbourne, Australia?", (), ANSWERED,
     ("Melbourne, Australia",), L3HARRIS, "l3harris/software-engineer"),
    ("L3Harris software engineer base in NY?", (), ANSWERED, ("Rochester, NY",), L3HARRIS,
     "l3harris/software-engineer"),
    ("What do American companies pay a data scientist in New York?", (), REFUSED, (),
     ("$148K–$202K",), ""),
    ("Software engineer base salary in Western Europe?", (), REFUSED, (),
     ("$115,000-$145,000", "£75,000-£95,000"), ""),
    ("How much runway should a data scientist have before negotiating?", (), REFUSED + ANSWERED,
     (), ("$155K-$215K", "$140K-$194K"), ""),
    ("Motion software engineer base?", (), REFUSED, ("Motion", "Notion"),
     ("$165K–$210K", "£108K–£140K"), ""),
    ("Flock data scientist base in New York?", (), REFUSED, ("Flock",),
     ("$170,000-$230,000",), ""),
    ("Vista software engineer base?", (), REFUSED, ("Vista",), ("$130,000-$165,000",), ""),
    ("Strike software engineer base?", (), REFUSED, ("Strike",), STRIPE_SWE, ""),
    ("Cisco software engineer base in San Jose?", (), REFUSED, ("Cisco", "Splunk"),
     ("$150,000–$190,000", "$195,000–$255,000"), ""),
    ("Citadel software engineer base in Chicago?", (), REFUSED, ("Citadel Securities",),
     ("$175K - $225K",), ""),
    ("Snowflake AI engineer base?", (), ANSWERED, ("Read 'Snowflake AI' as the company",),
     ("$215K–$275K", "$210K–$270K"), "snowflake-ai/ml-ai-engineer"),
    ("Epic software engineer base?", (), ("clarify",), ("Epic Games", "Epic Systems"),
     ("$140K–$195K", "$115K–$165K"), ""),
    ("Plaid Identity Verification Platform Engineer base?", (), ANSWERED, ("$200K–$260K",), (),
     "plaid-identity/identity-verification-platform-engineer"),
    ("Google program manager base in New York?", (), REFUSED, ("program manager",),
     ("$170K–$265K",), ""),
    ("Microsoft security analyst base?", (), REFUSED, (), ("$120K - $168K", "$155K - $218K"),
     ""),
    ("Apple graphic designer base?", (), REFUSED, (), ("$160K–$250K", "$150K–$235K"), ""),
    ("Stripe data science manager base in New York?", (), REFUSED, (),
     (*STRIPE_DS, "$232K–$292K"), ""),
    ("Google L5 software engineer base in Bay Area", (), ANSWERED, ("$190K–$265K",),
     ("$152K–$215K",), "google/senior-software-engineer"),
    ("what's Lyft's base pay for data engineer roles in New York", (), ANSWERED,
     ("$138K–$176K",), ("$145K–$185K", "$128K–$165K"), "lyft/data-engineer"),
    ("How should I counter Alibaba's ML engineer offer in Seattle?", (), ANSWERED, ("$60K",),
     (), "alibaba/ml-ai-engineer"),
    ("Lyft data engineers base in New York?", (), ANSWERED, ("$138K–$176K",), ("$145K–$185K",),
     "lyft/data-engineer"),
    ("Google PMs base in London?", (), ANSWERED, ("£120K–£195K",), (), "google/product-manager"),
    ("Google TPMs base in London?", (), ANSWERED, ("£110K–£180K",), ("£120K–£195K",),
     "google/technical-program-manager"),
    ("Lyft DE base in New York?", (), ANSWERED, ("$138K–$176K",), ("$145K–$185K",),
     "lyft/data-engineer"),
    ("What about bonus?", ("Stripe data scientist base in New York?",
                           "Google software engineer stock?"), ANSWERED, ("15%",),
     ("15–20%",), "google/software-engineer"),
    ("Can sign-on bonuses be clawed back?", ("Stripe data scientist base in New York?",),
     ANSWERED, (), STRIPE_DS, ""),
]


@pytest.mark.parametrize(("question", "history", "statuses", "must", "never", "guide"), CASES,
                         ids=[c[0][:60] for c in CASES])
def test_reported_failure_is_answered_honestly(
        reported_bot: Assistant, question: str, history: tuple[str, ...],
        statuses: tuple[str, ...], must: tuple[str, ...], never: tuple[str, ...],
        guide: str) -> None:
    turns = [{"role": "user", "content": turn} for turn in history]
    answer = reported_bot.ask(question, turns)
    assert answer.status in statuses, answer.text
    for needed in must:
        assert needed.casefold() in answer.text.casefold(), (needed, answer.text)
    for forbidden in never:
        assert forbidden not in answer.text, (forbidden, answer.text)
    assert answer.guide == guide, answer.text
    if history and guide:
        assert "from your earlier question" in answer.text


def test_the_new_york_region_of_another_company_does_not_leak(reported_bot: Assistant) -> None:
    turns = [{"role": "user", "content": "Stripe data scientist base in New York?"},
             {"role": "user", "content": "Google software engineer stock?"}]
    answer = reported_bot.ask("What about bonus?", turns)
    assert "Bay Area" in answer.text and "London" in answer.text  # every Google row, not NY only
