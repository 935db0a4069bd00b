"""The fixture library (tests/fixtures/library) answers every kind of question without ../shared.

Every expected figure below is copied from the fixture files (their README lists them), never
from the program's output. Each answer must hold its own figures and no figure of another
company, role or region: `FIGURES` is every pay band of the library, broken guide included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from conftest_support import FIXTURE_LIBRARY

from assistant.answer.pipeline import Assistant
from assistant.answer.types import Answer
from assistant.corpus.reader import read_corpus

QSE, QSSE = "quillbrook/software-engineer", "quillbrook/senior-software-engineer"
ZSE, KSE, TSE = "zentrova/software-engineer", "kestrova/software-engineer", \
    "tallisyn/software-engineer"
BROKEN = "zentrova/product-manager"

# (guide, region) -> component -> the band as the guide's body table writes it
FIGURES: dict[tuple[str, str], dict[str, str]] = {
    (QSE, "New York"): {"base": "$160K–$210K", "stock": "$120K–$240K",
                        "total_comp": "$205K–$300K"},
    (QSE, "San Francisco"): {"base": "$168K–$218K", "stock": "$128K–$252K",
                             "total_comp": "$214K–$316K"},
    (QSE, "London"): {"base": "£92K–£118K", "stock": "£60K–£110K", "total_comp": "£110K–£150K"},
    (QSSE, "New York"): {"base": "$212K–$256K", "stock": "$260K–$420K",
                         "total_comp": "$295K–$405K"},
    (QSSE, "London"): {"base": "£128K–£156K", "stock": "£140K–£230K",
                       "total_comp": "£162K–£218K"},
    (ZSE, "New York"): {"base": "$152K–$194K", "stock": "$90K–$180K",
                        "total_comp": "$182K–$262K"},
    (ZSE, "London"): {"base": "£84K–£108K", "stock": "£40K–£90K", "total_comp": "£98K–£135K"},
    (KSE, "New York"): {"base": "$170K–$204K", "stock": "$100K–$196K",
                        "total_comp": "$196K–$276K"},
    (KSE, "Austin"): {"base": "$138K–$172K", "stock": "$76K–$150K", "total_comp": "$158K–$226K"},
    (TSE, "London"): {"base": "£88,000 – £112,000", "stock": "£30,000 – £70,000",
                      "signing_bonus": "£6,000 – £12,000", "total_comp": "£100,000 – £142,000"},
    (TSE, "Dublin"): {"base": "€76,000 – €98,000", "stock": "€25,000 – €60,000",
                      "signing_bonus": "€5,000 – €10,000", "total_comp": "€86,000 – €124,000"},
    (BROKEN, "New York"): {"base": "$141K–$177K", "stock": "$70K–$150K",
                           "total_comp": "$166K–$238K"},  # skipped (E101): never shown
}
# The figures each guide's Negotiate Up script names (a counter answer quotes one whole).
SCRIPTS = {QSE: ("$204K", "$230K", "$30K", "$186K", "$200K"),
           QSSE: ("$248K", "$400K", "$45K", "$230K", "$340K"),
           ZSE: ("$188K", "$170K", "$176K"), KSE: ("$198K", "$188K"),
           TSE: ("£108,000", "£12,000", "£100,000")}


@dataclass(frozen=True)
class Case:
    """A question, its status, the bands it must show and what else it must say."""

    kind: str
    question: str
    status: str
    shows: tuple[tuple[str, str, str], ...] = ()  # (guide, region, component) bands shown
    says: tuple[str, ...] = ()  # other text it must hold
    cites: tuple[str, ...] = ()  # guide ids among its citations
    also: tuple[str, ...] = ()  # figures it may write besides its bands
    never: tuple[str, ...] = ()  # names or words it must not write
    ordered: bool = False  # `says` in this order (a ranking)


def _band(guide: str, region: str, component: str) -> str:
    return FIGURES[(guide, region)][component]


CASES = [
    Case("figures", "Quillbrook software engineer New York base?", "answered",
         shows=((QSE, "New York", "base"),), says=("Quillbrook", "New York", "(USD)"),
         cites=(QSE,)),
    Case("figures in GBP", "Zentrova software engineer London base?", "answered",
         shows=((ZSE, "London", "base"),), says=("Zentrova", "London", "(GBP)"), cites=(ZSE,)),
    Case("figures at a level", "Quillbrook L5 New York base?", "answered",
         shows=((QSSE, "New York", "base"),), says=("(L5)", "New York"), cites=(QSSE,)),
    Case("compare", "Which pays more for software engineers in New York, Quillbrook or "
         "Zentrova?", "answered",
         shows=tuple((g, "New York", c) for g in (QSE, ZSE)
                     for c in ("base", "stock", "total_comp")),
         says=("$210K − $194K = $16K", "$160K − $152K = $8K"), cites=(QSE, ZSE),
         also=("$16K", "$8K", "$60K", "$30K", "$38K", "$23K")),
    Case("rank", "highest paying software engineer in London", "answered",
         shows=((QSE, "London", "base"), (TSE, "London", "base"), (ZSE, "London", "base")),
         says=("Quillbrook", "Tallisyn", "Zentrova"), cites=(QSE, TSE, ZSE),
         never=("Kestrova", QSSE), ordered=True),
    Case("coverage", "Which companies do you have in London?", "answered",
         says=("Quillbrook", "Tallisyn", "Zentrova"), never=("Kestrova",)),
    Case("placement", "Is $190K base at Quillbrook software engineer New York good?",
         "answered", shows=((QSE, "New York", "base"),),
         says=("$190K", "($190K − $160K) ÷ ($210K − $160K) = $30K ÷ $50K = 60%"), cites=(QSE,),
         also=("$190K", "$30K", "$50K")),
    Case("counter", "How do I counter Quillbrook software engineer offer?", "answered",
         says=("I'm targeting $204K base and $230K RSUs", "$30K sign-on bonus",
               "Payments Experience", "The Counter-Offer Playbook for Software Engineers"),
         cites=(QSE, "articles/counter-offer-playbook"), also=SCRIPTS[QSE]),
    Case("level equivalence", "Quillbrook L5 at Zentrova?", "answered",
         says=("Quillbrook L5", "Zentrova Senior Engineer (SE3)"), cites=(QSSE,),
         never=("Zentrova SE2",)),
    Case("no_guide: a role", "Zentrova product manager base in New York?", "no_guide",
         says=("Product Manager", "Zentrova")),
    Case("no_guide: a company", "Brackenfold software engineer base?", "no_guide",
         says=("Brackenfold",)),
    Case("clarify: which role", "Quillbrook base?", "clarify", says=("Quillbrook",)),
]


@pytest.fixture(scope="module")
def answers(fixture_library_bot: Assistant) -> dict[str, Answer]:
    """Each case's answer, asked once."""
    return {case.kind: fixture_library_bot.ask(case.question) for case in CASES}


def test_the_library_reads_with_its_one_broken_guide() -> None:
    result = read_corpus([FIXTURE_LIBRARY])
    assert sorted(g.id for g in result.guides) == sorted(
        [QSE, QSSE, ZSE, KSE, TSE, "articles/counter-offer-playbook"])
    assert set(result.skipped) == {"README.md", f"guides/{BROKEN}.md"}
    assert [f.code for f in result.findings if f.level == "error"] == ["E101"]
    regions = {(g.id, r.region.name) for g in result.guides for r in g.rows}
    assert regions == {key for key in FIGURES if key[0] != BROKEN}


@pytest.mark.parametrize("case", CASES, ids=[c.kind for c in CASES])
def test_each_kind_of_question(case: Case, answers: dict[str, Answer]) -> None:
    answer = answers[case.kind]
    text = answer.text
    assert answer.status == case.status, text
    shown = [_band(*key) for key in case.shows]
    for figure in shown:
        assert figure in text, (figure, text)
    assert [s for s in case.says if s not in text] == [], text
    if case.ordered:
        positions = [text.index(s) for s in case.says]
        assert positions == sorted(positions), text
    assert [s for s in case.never if s in text] == [], text
    assert set(case.cites) <= {c.guide for c in answer.citations}, answer.citations
    assert not _borrowed(text + " ".join(answer.suggestions), shown, case.also)


def _borrowed(text: str, shown: list[str], also: tuple[str, ...]) -> list[str]:
    """Bands of the library the answer was not asked for, whole or by either end."""
    allowed = set(also) | {end for band in shown for end in _ends(band)}
    found = []
    for band in (b for figures in FIGURES.values() for b in figures.values()):
        if band in shown:
            continue
        if band in text:
            found.append(band)
        found += [end for end in _ends(band) if end not in allowed and _written(end, text)]
    return found


def _ends(band: str) -> list[str]:
    return [end.strip() for end in re.split(r"–", band)]


def _written(figure: str, text: str) -> bool:
    """True when `figure` stands in `text` as a figure of its own, not inside a longer one."""
    return re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d.,]*\d)", text) is not None


def test_a_clarify_offers_the_companys_guides_and_no_figures(answers: dict[str, Answer]) -> None:
    suggestions = answers["clarify: which role"].suggestions
    assert len(suggestions) == 2 and all(s.startswith("Quillbrook ") for s in suggestions)
    assert any("Senior Software Engineer (L5)" in s for s in suggestions)


def test_no_guide_suggests_only_what_the_library_holds(answers: dict[str, Answer]) -> None:
    role = answers["no_guide: a role"]
    assert role.suggestions and all(s.startswith("Zentrova Software Engineer")
                                    for s in role.suggestions)
    company = answers["no_guide: a company"]
    assert {s.split()[0] for s in company.suggestions} <= {"Quillbrook", "Zentrova",
                                                          "Kestrova", "Tallisyn"}


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "product bug: Vocabulary.roles keeps one display name per role slug (the last guide's "
    "role_display), so a suggestion, a clarify line or a rank heading can name one company's "
    "guide with another company's level, e.g. 'Quillbrook Software Engineer (SE2)' (SE2 is "
    "Zentrova's); asked back, 'Kestrova Software Engineer (SE2) base?' finds no SE2 figures"))
def test_a_guide_is_named_with_its_own_level(answers: dict[str, Answer]) -> None:
    own = {"Quillbrook": "(L4)", "Zentrova": "(SE2)", "Kestrova": "(IC2)",
           "Tallisyn": "(Engineer II)"}
    for kind in ("clarify: which role", "no_guide: a company", "rank"):
        answer = answers[kind]
        for line in (answer.text, *answer.suggestions):
            for company, level in own.items():
                for named in re.findall(rf"{company} Software Engineer (\([^)]*\))", line):
                    assert named == level, (kind, line)
    assert "Software Engineer (SE2) guides" not in answers["rank"].text
