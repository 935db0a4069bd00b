"""parse_tables: each table shape, real guides pinned, and agreement with frontmatter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.corpus.regions import normalize_region
from assistant.corpus.tables import TableRow, component_of, parse_tables, table_kind

REGION_TABLE = """## Pay
| Region | Base Salary | Stock (RSU/4yr) | Bonus | Total Comp |
|--------|-------------|-----------------|-------|------------|
| Seattle (US) | $165K–$235K | $90K–$250K | 15% | $245K–$390K |
| **London (GBP)** | £98K–£148K | — | 10–15% | £132K–£235K |
| Hangzhou (CNY) | ¥300,000 – ¥550,000 | N/A | 15–30% | CNY 780K–CNY 1.6M |
"""

LEVEL_TABLE = """#### Compensation Benchmarks (2026)

| Level | Sunnyvale (USD) | London (GBP) |
|-------|----------------|---------------|
| Senior (L5) | $215,000–$290,000 | 95,000–128,000 |

*Total compensation includes base salary, equity and bonus.*
"""

COMPONENT_TABLE = """**Compensation Overview**

| Component | San Francisco (USD) | London (GBP) |
|---|---|---|
| Base Salary | $160,000 – $210,000 | £90,000 – £130,000 |
| Options (4yr vesting) | 15,000 – 30,000 options | 10,000 – 22,000 options |
| Signing Bonus | $15,000 – $30,000 | £8,000 – £16,000 |
| Annual Bonus | 12–15% target | 12–15% target |
"""

SKIPPED_TABLES = """| Company | Base | Total Comp |
|---|---|---|
| Google | $200K–$250K | $300K–$400K |

| Adyen | Google | Meta |
|---|---|---|
| L5 | $200K | $210K |

| Internal Level | Title | Typical YoE |
|---|---|---|
| P6 | Senior | 5-8 |

**San Francisco (USD):**
| Component | Target (85th pctl) | Accept-At Floor | Walk-Away |
|---|---|---|---|
| Base | $295,000 | $252,000 | < $240,000 |
"""


Band = tuple[float | None, float | None, str]


def _bands(rows: list[TableRow], component: str) -> dict[tuple[str, str], Band]:
    return {
        (normalize_region(r.region_raw).name, r.level): (
            r.figures[component].low,
            r.figures[component].high,
            r.figures[component].unit,
        )
        for r in rows
        if component in r.figures
    }


def test_region_rows() -> None:
    rows = parse_tables(REGION_TABLE)
    assert [r.region_raw for r in rows] == ["Seattle (US)", "London (GBP)", "Hangzhou (CNY)"]
    assert rows[0].line_no == 4 and rows[0].section == "Pay" and rows[0].shape == "region"
    assert _bands(rows, "base") == {
        ("Seattle", ""): (165_000, 235_000, "USD"),
        ("London", ""): (98_000, 148_000, "GBP"),
        ("Hangzhou", ""): (300_000, 550_000, "CNY"),  # "¥" read as CNY from the region
    }
    assert "stock" not in rows[1].figures
    assert rows[2].figures["bonus"].text == "15–30%"


def test_level_rows_hold_total_comp() -> None:
    rows = parse_tables(LEVEL_TABLE)
    assert _bands(rows, "total_comp") == {
        ("Sunnyvale", "Senior (L5)"): (215_000, 290_000, "USD"),
        ("London", "Senior (L5)"): (95_000, 128_000, "GBP"),  # bare numbers: column's GBP
    }
    assert {r.shape for r in rows} == {"level"}


def test_component_rows_are_transposed() -> None:
    rows = parse_tables(COMPONENT_TABLE)
    assert [r.region_raw for r in rows] == ["San Francisco (USD)", "London (GBP)"]
    assert _bands(rows, "signing_bonus")[("London", "")] == (8_000, 16_000, "GBP")
    assert _bands(rows, "bonus")[("San Francisco", "")] == (12, 15, "%")
    assert all("stock" not in r.figures for r in rows)  # option counts are not money
    assert rows[0].section == "Compensation Overview"


def test_peer_level_map_and_target_tables_are_skipped() -> None:
    assert parse_tables(SKIPPED_TABLES) == []


@pytest.mark.parametrize(
    ("header", "component"),
    [("Base Salary", "base"), ("Base Salary (All-Cash)", "base"), ("Stock (RSU/4yr)", "stock"),
     ("Equity (Pre-IPO/4yr)", "stock"), ("Options (4yr)", "stock"), ("Stock/Bonus", "stock"),
     ("Bonus", "bonus"), ("Carry/Bonus", "bonus"), ("Annual Bonus", "bonus"),
     ("Signing Bonus", "signing_bonus"), ("Sign-On / Bonus", "signing_bonus"),
     ("Total Comp", "total_comp"), ("Total Comp (Yr 1)", "total_comp"),
     ("w/ 40% Agentic Premium", ""), ("PnL Participation", ""), ("Typical YoE", "")],
)  # fmt: skip
def test_component_of(header: str, component: str) -> None:
    assert component_of(header) == component


@pytest.mark.parametrize(
    ("header", "kind"),
    [(["Region", "Base"], "region"), (["Level", "NYC (USD)"], "level"),
     (["Ally Level", "Capital One Equivalent"], "level"), (["Component", "SF (USD)"], "component"),
     (["Company", "Base"], ""), (["Adyen", "Google"], ""), (["Year", "Base"], "")],
)  # fmt: skip
def test_table_kind(header: list[str], kind: str) -> None:
    assert table_kind(header) == kind


def _guide(guides_root: Path, rel: str) -> tuple[dict[str, object], list[TableRow]]:
    text = (guides_root / rel).read_text(encoding="utf-8")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), parse_tables(body)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("rel", "component", "region", "level", "expected"),
    [
        ("alibaba/ml-ai-engineer.md", "base", "Seattle", "", (165_000, 235_000, "USD")),
        ("alibaba/ml-ai-engineer.md", "total_comp", "Hangzhou", "", (780_000, 1_600_000, "CNY")),
        ("alibaba/ml-ai-engineer.md", "base", "Singapore", "", (130_000, 200_000, "SGD")),
        ("alibaba/ml-ai-engineer.md", "bonus", "Beijing", "", (15, 30, "%")),
        ("proofpoint/data-scientist.md", "total_comp", "Sunnyvale", "Senior (L5)",
         (215_000, 290_000, "USD")),
        ("proofpoint/data-scientist.md", "total_comp", "London", "Staff+ (L6+)",
         (128_000, 160_000, "GBP")),
        ("new-relic/data-scientist.md", "signing_bonus", "London", "", (8_000, 16_000, "GBP")),
        ("new-relic/data-scientist.md", "base", "Portland", "", (145_000, 190_000, "USD")),
        ("jpmorgan-chase/data-scientist.md", "base", "Bangalore", "",
         (3_020_000, 4_060_000, "INR")),
        ("thunes/data-scientist.md", "base", "Singapore", "", (120_000, 175_000, "SGD")),
        ("microsoft/data-scientist.md", "signing_bonus", "", "Senior Data Scientist (61-62)",
         (25_000, 50_000, "USD")),
        ("lianlian-global/data-scientist.md", "base", "Hangzhou", "", (300_000, 550_000, "CNY")),
    ],
)  # fmt: skip
def test_real_guides(
    guides_root: Path,
    rel: str,
    component: str,
    region: str,
    level: str,
    expected: tuple[float, float, str],
) -> None:
    _, rows = _guide(guides_root, rel)
    assert _bands(rows, component)[(region, level)] == expected


@pytest.mark.corpus
def test_inr_lakh_cell_keeps_the_dollar_figure(guides_root: Path) -> None:
    _, rows = _guide(guides_root, "jpmorgan-chase/data-scientist.md")
    base = next(r.figures["base"] for r in rows if r.region_raw == "Bengaluru")
    assert base.text == "₹30.2L / $36K - ₹40.6L / $49K"
    assert base.alt is not None and (base.alt.low, base.alt.high) == (36_000, 49_000)


@pytest.mark.corpus
def test_null_frontmatter_figures_come_from_the_table(guides_root: Path) -> None:
    front, rows = _guide(guides_root, "proofpoint/data-scientist.md")
    london = next(c for c in front["compensation"] if c["region"] == "London")  # type: ignore[attr-defined]
    assert london["base_low"] is None
    bands = [v for (name, _), v in _bands(rows, "total_comp").items() if name == "London"]
    assert min(b[0] or 0 for b in bands) == london["total_comp_low"] == 72_000
    assert max(b[1] or 0 for b in bands) == london["total_comp_high"] == 160_000


@pytest.mark.corpus
def test_research_dossier_peer_tables_are_skipped(guides_root: Path) -> None:
    for path in guides_root.glob("*-research-dossier.md"):
        for row in parse_tables(path.read_text(encoding="utf-8")):
            assert row.region_raw not in {"Google", "Meta", "Microsoft", "Apple", "Amazon"}


_KEEP_LINE = re.compile(r"^(compensation:|\s*-?\s*(region|base_low|base_high):)")


def _frontmatter_bases(text: str) -> list[dict[str, object]]:
    """The compensation rows' region and base, via yaml.safe_load on just those lines (speed)."""
    head = text[4:].partition("\n---\n")[0]
    kept = "\n".join(line for line in head.splitlines() if _KEEP_LINE.match(line))
    return (yaml.safe_load(kept) or {}).get("compensation") or []


def _agrees(row: dict[str, object], rows: list[TableRow]) -> bool:
    key = normalize_region(str(row["region"])).key
    for band in rows:
        same_place = normalize_region(band.region_raw).key == key
        same_title = not band.region_raw and band.level.casefold().startswith(key)
        base = band.figures.get("base")
        if (same_place or same_title) and base:
            if (base.low, base.high) == (row["base_low"], row["base_high"]):
                return True
    return False


@pytest.mark.corpus
def test_tables_agree_with_frontmatter_base(guides_root: Path) -> None:
    agree, disagree = 0, []
    for path in sorted(guides_root.glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        rows = parse_tables(text[4:].partition("\n---\n")[2])
        for fm_row in _frontmatter_bases(text):
            if fm_row.get("base_low") is None or fm_row.get("base_high") is None:
                continue
            if _agrees(fm_row, rows):
                agree += 1
            else:
                disagree.append(f"{path.relative_to(guides_root)}: {fm_row}")
    rate = agree / (agree + len(disagree))
    print(f"base agreement {agree}/{agree + len(disagree)} = {rate:.4f}")
    print("\n".join(disagree))
    assert agree > 11_000  # measured 11,452 rows with a frontmatter base
    assert rate >= 0.995, disagree[:20]  # measured 1.0000
