"""Frontmatter rows and body table rows merged into one row per band: a table that names each
band's level beside the frontmatter's label is the same band, not a second row. Pinned on the
real guides (../shared/corpus/guides), whose lines are quoted."""

from __future__ import annotations

from pathlib import Path

from assistant.corpus.build import build_guide


def _rows(shared_corpus: Path, rel: str) -> list[tuple[str, str, str]]:
    guide, _ = build_guide((shared_corpus / "guides" / rel).read_text(encoding="utf-8"), rel,
                           "x")
    return [(row.region.raw, row.level, " ".join(f.text for f in row.figures))
            for row in guide.rows]


def test_a_level_table_beside_frontmatter_labels_is_one_row_per_level(
        shared_corpus: Path) -> None:
    """microsoft/engineering-manager.md: frontmatter region "Engineering Manager" and the
    table's "| 62 | Engineering Manager | $175K - $240K | ... | 15-20% | ..." are one band,
    shown as the table writes it ("15-20%", where frontmatter says 15; "$540K - $900K+")."""
    rows = _rows(shared_corpus, "microsoft/engineering-manager.md")
    assert [level for _, level, _ in rows] == [
        "Engineering Manager (62)", "Engineering Manager II (63)", "Senior EM / Group EM (64)",
        "Director of Engineering (65-66)", "VP / CVP Engineering (67+)"]
    assert "15-20%" in rows[0][2] and "$540K - $900K+" in rows[3][2]


def test_two_levels_at_one_place_pair_by_their_base(shared_corpus: Path) -> None:
    """amazon/software-engineer.md: two frontmatter "Seattle" rows (base 120000-160000 and
    140000-180000) are the table's "L4 SDE I" and "L5 SDE II" Seattle rows."""
    rows = _rows(shared_corpus, "amazon/software-engineer.md")
    seattle = [(level, text.split()[0]) for region, level, text in rows if region == "Seattle"]
    assert seattle == [("L4 SDE I", "$120K-$160K"), ("L5 SDE II", "$140K-$180K")]
