"""Reading guides: fixture corpus (incl. broken files) and the real library."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest_support import RealLibrary

from assistant.corpus.model import CorpusResult, Guide
from assistant.corpus.reader import GuideParseError, read_corpus, read_guide

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def fixture_result() -> CorpusResult:
    return read_corpus([FIXTURE])


def _guide(result: CorpusResult, guide_id: str) -> Guide:
    return next(g for g in result.guides if g.id == guide_id)


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("broken/bad-yaml.md", "E101"),
        ("broken/python-tag.md", "E102"),
        ("broken/alias-bomb.md", "E103"),
        ("broken/latin1.md", "E104"),
        ("broken/empty.md", "E105"),
        ("broken/missing-role.md", "E201"),
        ("broken/duplicate.md", "E301"),
    ],
)
def test_broken_file_gives_finding_and_is_skipped(
    fixture_result: CorpusResult, path: str, code: str
) -> None:
    codes = [f.code for f in fixture_result.findings if f.path == path]
    assert codes == [code]
    assert path in fixture_result.skipped


def test_good_files_are_still_read(fixture_result: CorpusResult) -> None:
    ids = sorted(g.id for g in fixture_result.guides)
    assert ids == [
        "acme/data-scientist", "acme/software-engineer", "globex/product-manager",
        "initech/backend-engineer", "notes/negotiation-tips",
    ]
    assert fixture_result.skipped["notes/data.csv"].startswith("not a guide file")


def test_read_guide_raises_typed_error_with_findings() -> None:
    with pytest.raises(GuideParseError) as info:
        read_guide(FIXTURE / "broken" / "python-tag.md", FIXTURE)
    assert info.value.findings[0].code == "E102"
    assert "python/object" in str(info.value)


def test_frontmatter_guide_fields(fixture_result: CorpusResult) -> None:
    guide = _guide(fixture_result, "acme/software-engineer")
    assert (guide.kind, guide.path, guide.company_display, guide.role_display) == (
        "guide", "acme/software-engineer.md", "Acme", "Software Engineer")
    assert guide.title == "Software Engineer | Acme Global Negotiation Guide"
    assert str(guide.next_review_due) == "2026-04-10"
    assert guide.level_mapping.raw.startswith("Software Engineer at Acme")
    assert [s.name for s in guide.data_sources] == ["Levels.fyi", "Glassdoor"]
    assert len(guide.content_hash) == 64


def test_merged_row_keeps_table_text_and_frontmatter_numbers(fixture_result: CorpusResult) -> None:
    row = _guide(fixture_result, "acme/software-engineer").rows[0]
    base = row.figure("base")
    assert base is not None
    assert (base.text, base.low, base.high, base.source) == (
        "$150K–$210K", 150000, 210000, "frontmatter")
    assert row.section_anchor == "compensation"
    bonus = row.figure("bonus")
    assert bonus is not None and (bonus.text, bonus.unit, bonus.low, bonus.high) == (
        "10–20%", "%", 10, 20)


def test_currency_disagreement_table_wins(fixture_result: CorpusResult) -> None:
    guide = _guide(fixture_result, "acme/software-engineer")
    singapore = next(r for r in guide.rows if r.region.name == "Singapore")
    assert (singapore.currency, singapore.frontmatter_currency) == ("SGD", "USD")
    assert [f.message for f in fixture_result.findings if f.code == "W402"] == [
        "Singapore: frontmatter says USD, table says SGD"]


def test_frontmatter_only_row_is_rendered(fixture_result: CorpusResult) -> None:
    guide = _guide(fixture_result, "acme/software-engineer")
    toronto = next(r for r in guide.rows if r.region.name == "Toronto")
    base = toronto.figure("base")
    assert base is not None and base.source == "frontmatter" and base.text == "C$140K–C$180K"
    assert toronto.section_anchor == ""


def test_null_frontmatter_rows_take_level_table(fixture_result: CorpusResult) -> None:
    guide = _guide(fixture_result, "acme/data-scientist")
    assert [(r.region.name, r.level) for r in guide.rows] == [
        ("Springfield", "Mid (L4)"), ("London", "Mid (L4)"),
        ("Springfield", "Senior (L5)"), ("London", "Senior (L5)")]
    total = guide.rows[1].figure("total_comp")
    assert total is not None and (total.text, total.unit, total.source) == (
        "£70,000–£90,000", "GBP", "table")
    assert guide.data_sources[0].url == "https://example.com/acme/careers"


def test_component_table_and_mapping_variants(fixture_result: CorpusResult) -> None:
    guide = _guide(fixture_result, "globex/product-manager")
    assert guide.level_mapping.internal == "P3"
    assert dict(guide.level_mapping.per_company) == {"google": "L5", "meta": "IC5"}
    row = guide.rows[0]
    sign_on = row.figure("signing_bonus")
    assert sign_on is not None and sign_on.text == "$10,000 – $25,000"
    assert row.section_anchor == "compensation-overview-by-region"


def test_plain_guide_and_article(fixture_result: CorpusResult) -> None:
    plain = _guide(fixture_result, "initech/backend-engineer")
    assert (plain.kind, plain.company, plain.role, plain.company_display) == (
        "plain", "initech", "backend-engineer", "Initech")
    bangalore = plain.rows[1].figure("base")
    assert bangalore is not None and (bangalore.low, bangalore.unit) == (3_000_000, "INR")
    article = _guide(fixture_result, "notes/negotiation-tips")
    assert article.kind == "article" and article.title == "Five Habits of Calm Negotiators"
    assert [s.title for s in article.sections][1:] == ["Anchor First", "Silence Works"]


def test_a_file_loose_in_the_guides_folder_is_no_company(tmp_path: Path) -> None:
    """A guide file without frontmatter directly under guides/ (root above it) is an
    article: "guides" is the library's folder, never a company."""
    body = ("### Product Manager | Acme Global Negotiation Guide\n\n"
            "| Region | Base Salary |\n|---|---|\n| Austin | $120K–$150K |\n")
    (tmp_path / "guides" / "acme").mkdir(parents=True)
    (tmp_path / "guides" / "loose.md").write_text(body, encoding="utf-8")
    (tmp_path / "guides" / "acme" / "product-manager.md").write_text(body, encoding="utf-8")
    result = read_corpus([tmp_path])
    loose, placed = _guide(result, "guides/loose"), _guide(result, "guides/acme/product-manager")
    assert (loose.kind, loose.company) == ("article", "")
    assert (placed.kind, placed.company) == ("plain", "acme")


# --- the real library -------------------------------------------------------------------


@pytest.mark.corpus
def test_whole_library_reads_without_errors(real_library: RealLibrary) -> None:
    result, seconds = real_library.guides, real_library.seconds
    kinds = [g.kind for g in result.guides]
    assert kinds.count("guide") == 4466 and kinds.count("article") == 4
    assert not result.skipped
    assert not [f for f in result.findings if f.level == "error"]
    assert seconds < 120  # 10-30 s wall on a loaded 2-core box; generous to stay unflaky


@pytest.mark.corpus
def test_every_singapore_currency_defect_is_reported(real_library: RealLibrary) -> None:
    result = real_library.guides
    singapore = {f.guide for f in result.findings
                 if f.code == "W402" and f.message.endswith("frontmatter says USD, table says SGD")}
    assert "alibaba/software-engineer" in singapore
    assert 76 <= len(singapore) <= 95
    for guide in result.guides:
        for row in guide.rows:
            if row.frontmatter_currency:
                assert row.currency != row.frontmatter_currency


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("path", "region", "component", "text", "low", "high", "unit", "source"),
    [
        ("alibaba/ml-ai-engineer.md", "Seattle", "base", "$165K–$235K", 165e3, 235e3, "USD",
         "frontmatter"),
        ("alibaba/ml-ai-engineer.md", "Hangzhou", "total_comp", "CNY 780K–CNY 1.6M", 780e3,
         1.6e6, "CNY", "frontmatter"),
        ("alibaba/ml-ai-engineer.md", "Singapore", "base", "SGD 130K–SGD 200K", 130e3, 200e3,
         "SGD", "frontmatter"),
        ("new-relic/data-scientist.md", "London", "signing_bonus", "£8,000 – £16,000", 8e3,
         16e3, "GBP", "frontmatter"),
    ],
)
def test_pinned_real_figures(
    guides_root: Path, path: str, region: str, component: str, text: str,
    low: float, high: float, unit: str, source: str,
) -> None:
    guide = read_guide(guides_root / path, guides_root)
    row = next(r for r in guide.rows if r.region.name == region and not r.level)
    fig = row.figure(component)
    assert fig is not None
    assert (fig.text, fig.low, fig.high, fig.unit, fig.source) == (
        text, low, high, unit, source)


@pytest.mark.corpus
def test_null_frontmatter_guide_takes_table_figures(guides_root: Path) -> None:
    guide = read_guide(guides_root / "proofpoint" / "data-scientist.md", guides_root)
    senior = next(r for r in guide.rows if r.region.name == "London" and r.level == "Senior (L5)")
    fig = senior.figure("total_comp")
    assert fig is not None
    assert (fig.text, fig.low, fig.high, fig.source) == (
        "£95,000–£128,000", 95e3, 128e3, "table")
    assert senior.section_anchor == "compensation-benchmarks-2026"


def _figures(guide: Guide) -> dict[tuple[str, str, str], tuple[object, ...]]:
    return {(r.region.key, r.level, f.component): (f.low, f.high, f.unit, f.text, f.source)
            for r in guide.rows for f in r.figures}


@pytest.mark.corpus
@pytest.mark.parametrize(
    "path",
    [
        "alibaba/ml-ai-engineer.md",  # one row per region
        "alibaba/software-engineer.md",  # region rows with the SGD defect
        "new-relic/data-scientist.md",  # one row per component, a column per region
        "proofpoint/data-scientist.md",  # one row per level, a column per region
        "google/software-engineer.md",
        "stripe/software-engineer.md",
    ],
)
def test_plain_variant_agrees_with_frontmatter(
    guides_root: Path, plain_root: Path, path: str
) -> None:
    rich = _figures(read_guide(guides_root / path, guides_root))
    plain = _figures(read_guide(plain_root / path, plain_root))
    assert plain
    for key, (low, high, unit, text, _) in plain.items():
        assert rich[key][:4] == (low, high, unit, text), key
    for key in rich.keys() - plain.keys():
        assert rich[key][4] == "frontmatter"  # frontmatter-only rows have no table twin


@pytest.mark.corpus
def test_articles_parse_into_titled_sections(real_library: RealLibrary) -> None:
    result = real_library.articles
    assert [g.kind for g in result.guides] == ["article", "article"]
    news = result.guides[1]
    assert news.title.startswith("AI D-A-M-N/Alibaba Plans Major AI Hiring Spree")
    assert all(s.title and s.text for g in result.guides for s in g.sections)
