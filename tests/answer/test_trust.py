"""The promise, over the real library: every figure shown is the asked company's, role's,
level's and place's; what the guides lack is said; a named place, firm or job is never dropped
or swapped. Cases are this file's own; every figure was copied from the guide file named."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from assistant.answer.pipeline import Assistant

pytestmark = pytest.mark.corpus

# Base figures per row, copied from the guides' body tables.
AIRBNB_DS = ("$195K–$245K", "£134K–£168K")  # airbnb/data-scientist: SF / Remote, NY, London
AIRBNB_SWE = ("$175K–$218K", "£120K–£150K")  # airbnb/software-engineer
GOOGLE_DS = {"Bay Area": "$165K–$245K", "New York City": "$160K–$240K",
             "Seattle": "$155K–$230K", "London": "£105K–£170K", "Zurich": "CHF 150K–CHF 230K"}
WORKDAY_SWE = ("$155K–$190K", "€95K–€120K", "£102K–£130K")  # Pleasanton, Dublin, London
PLAID_DS = ("$175K–$222K", "$170K–$215K", "$160K–$202K")
RAMP_SWE = ("$170K–$208K", "$168K–$205K", "$165K–$198K")
WISE_SWE = ("£55,000 – £75,000", "€42,000 – €60,000", "S$72,000 – S$100,000")
STRIPE_DS_STOCK = ("$188K–$332K", "$175K–$308K")
AIRBNB_SWE_STOCK = ("$160K–$272K", "£110K–£185K")


@dataclass(frozen=True)
class Case:
    question: str
    status: tuple[str, ...]
    must: tuple[str, ...] = ()  # figures (or names) the answer must hold
    never: tuple[str, ...] = ()  # figures it must not hold
    guide: str = ""  # the answer's main guide, when answered from one
    history: tuple[str, ...] = field(default=())


ANSWERED = ("answered",)
REFUSED = ("no_guide", "clarify")
CASES = {
    # places no guide row covers: said, with no other region's figures
    "unknown city": Case("Airbnb data scientist base in Nairobi?", ANSWERED, ("Nairobi",),
                         AIRBNB_DS, "airbnb/data-scientist"),
    "qualified namesake": Case("Workday software engineer base in Dublin, Ohio?", ANSWERED,
                               ("Dublin, Ohio",), WORKDAY_SWE, "workday/software-engineer"),
    "country holding a row": Case("Google data scientist base in Switzerland?", ANSWERED,
                                  ("Switzerland", "Zurich"), tuple(GOOGLE_DS.values()),
                                  "google/data-scientist"),
    # the same place however it is typed
    "decomposed diacritic": Case("Google data scientist base in Zu\u0308rich?", ANSWERED,
                                 (GOOGLE_DS["Zurich"],),
                                 tuple(v for k, v in GOOGLE_DS.items() if k != "Zurich"),
                                 "google/data-scientist"),
    "other language": Case("Google data scientist base in Londres?", ANSWERED,
                           (GOOGLE_DS["London"],),
                           tuple(v for k, v in GOOGLE_DS.items() if k != "London"),
                           "google/data-scientist"),
    "two places": Case("Google data scientist base in London and Zurich?", ANSWERED,
                       (GOOGLE_DS["London"], GOOGLE_DS["Zurich"]),
                       (GOOGLE_DS["Bay Area"], GOOGLE_DS["New York City"], GOOGLE_DS["Seattle"]),
                       "google/data-scientist"),
    # ordinary words are not places
    "pronoun": Case("Could you give us the Airbnb software engineer base in London?", ANSWERED,
                    (AIRBNB_SWE[1],), (AIRBNB_SWE[0],), "airbnb/software-engineer"),
    # ordinary words are not companies, and not misspelt ones
    "word that is a company": Case("Is it wise to share my current salary with a recruiter?",
                                   ANSWERED, (), WISE_SWE),
    "word one edit from a company": Case("Plait data scientist base in New York?", REFUSED,
                                         ("Plait",), PLAID_DS),
    "longer firm": Case("Ramp Network software engineer base?", REFUSED, ("Ramp Network",),
                        RAMP_SWE),
    # jobs the library lacks are not a neighbour's
    "analyst is not a scientist": Case("Stripe data analyst base in New York?", REFUSED, (),
                                       ("$195K–$245K", "$182K–$228K")),
    "manager of a job": Case("Airbnb data science manager base in London?", REFUSED, (),
                             AIRBNB_DS),
    # a level selects the guide and row that hold it
    "company level number": Case("Microsoft level 63 software engineer base?", ANSWERED,
                                 ("$195K - $250K",), ("$230K - $280K", "$230K–$280K",
                                                     "$155K - $195K", "$175K - $220K"),
                                 "microsoft/staff-software-engineer"),
    "level the guide lacks": Case("Microsoft level 70 software engineer base?", ANSWERED,
                                  ("level 70",), ("$195K - $250K", "$120K - $145K",
                                                  "$140K - $170K"),
                                  "microsoft/staff-software-engineer"),
    # a new full subject starts afresh: nothing of the one before carries
    "new subject resets the region": Case(
        "What about stock?", ANSWERED, AIRBNB_SWE_STOCK, STRIPE_DS_STOCK,
        "airbnb/software-engineer",
        ("Stripe data scientist base in New York?", "Airbnb software engineer bonus?")),
    "general question after a company": Case(
        "Should I ask for a relocation package before I sign?", ANSWERED, (),
        ("$195K–$245K", "$188K–$332K"), "", ("Stripe data scientist base in New York?",)),
}


@pytest.mark.parametrize("name", list(CASES))
def test_figures_belong_to_what_was_asked(trust_bot: Assistant, name: str) -> None:
    case = CASES[name]
    history = [{"role": "user", "content": turn} for turn in case.history]
    answer = trust_bot.ask(case.question, history)
    assert answer.status in case.status, answer.text
    for needed in case.must:
        assert needed.casefold() in answer.text.casefold(), (needed, answer.text)
    for forbidden in case.never:
        assert forbidden not in answer.text, (forbidden, answer.text)
    if case.guide:
        assert answer.guide == case.guide, answer.text
    elif case.status == ANSWERED:
        assert not answer.guide.startswith(("stripe/", "wise/")), answer.guide
