"""Lint codes: stable, documented, and levelled."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from conftest_support import RealLibrary

from assistant.corpus import lint
from assistant.corpus.lint import CODES, lint_corpus, lint_result

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"


def test_every_code_is_documented_in_the_module_table() -> None:
    doc = lint.__doc__ or ""
    for code in CODES.values():
        assert f"| {code.code} | {code.level:<7} | {code.slug}" in doc


def test_fixture_findings_by_code() -> None:
    findings = lint_corpus([FIXTURE], today=date(2026, 6, 1))
    counts = Counter(f.code for f in findings)
    assert counts == Counter({
        "E101": 1, "E102": 1, "E103": 1, "E104": 1, "E105": 1, "E201": 1, "E301": 1,
        "W401": 2, "W402": 1,
    })
    assert all(f.level == CODES[f.code].level for f in findings)


def test_review_date_uses_injected_today() -> None:
    early = lint_corpus([FIXTURE], today=date(2026, 1, 1))
    late = lint_corpus([FIXTURE], today=date(2027, 6, 1))
    assert not [f for f in early if f.code == "W401"]
    assert {f.guide for f in late if f.code == "W401"} == {
        "acme/software-engineer", "acme/data-scientist", "globex/product-manager"}


def test_findings_serialize_for_json_lines() -> None:
    finding = next(f for f in lint_corpus([FIXTURE]) if f.code == "E102")
    assert finding.as_dict()["path"] == "broken/python-tag.md"
    assert "tag" in finding.message


@pytest.mark.corpus
def test_real_library_every_guide_is_past_review(real_library: RealLibrary) -> None:
    findings = lint_result(real_library.guides, today=date(2026, 6, 1))
    counts = Counter(f.code for f in findings)
    assert counts["W401"] == 4466
    assert not [f for f in findings if f.level == "error"]
