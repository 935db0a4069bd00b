"""The grown library of the scaling run: renamed copies that invert exactly, vectors reused,
and the real company still read as itself among its look-alikes."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_support import SAMPLE_CORPUS, bench_settings

from assistant.answer.pipeline import Assistant
from assistant.bench.scaling.library import MADE_UP, build, grow, made_up_names, original_text
from assistant.index.writing.builder import build_index


def test_made_up_names_are_distinct_and_of_the_pattern() -> None:
    names = made_up_names(500)
    assert len(set(names)) == 500
    assert all(MADE_UP.fullmatch(n) and MADE_UP.fullmatch(n.capitalize()) for n in names)


def test_copies_hold_none_of_the_real_name_and_map_back_exactly(tmp_path: Path) -> None:
    grown = grow(SAMPLE_CORPUS, tmp_path / "3x", 3)
    assert sorted(grown.copies) == sorted(made_up_names(2))
    real = SAMPLE_CORPUS / "guides" / "alibaba"
    for slug, origin in grown.copies.items():
        assert origin == ("alibaba", "Alibaba")
        for path in sorted(real.glob("*.md")):
            copy = (grown.root / "guides" / slug / path.name).read_text(encoding="utf-8")
            assert "alibaba" not in copy.lower()
            assert f"company_display: {slug.capitalize()}" in copy
            assert original_text(copy, grown.copies) == path.read_text(encoding="utf-8")
    assert (grown.root / "guides" / "alibaba").resolve() == real.resolve()  # linked, not copied
    assert grow(SAMPLE_CORPUS, tmp_path / "3x", 3).copies == grown.copies  # kept as it is


@pytest.fixture(scope="module")
def grown_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, dict[str, int],
                                                                  str]:
    root = tmp_path_factory.mktemp("scaling")
    once = bench_settings(root / "1x-index", root / "data")
    build_index(once, [SAMPLE_CORPUS / "guides", SAMPLE_CORPUS / "articles"], progress=False)
    grown = grow(SAMPLE_CORPUS, root / "3x", 3)
    settings = bench_settings(root / "3x-index", root / "data", follow_links=True)
    counts = build(grown.root, root / "3x-index", root / "1x-index", settings)
    return Assistant(settings), counts, sorted(grown.copies)[0]


def test_a_grown_build_embeds_nothing_the_real_index_holds(
        grown_index: tuple[Assistant, dict[str, int], str]) -> None:
    _, counts, _ = grown_index
    real = len(list((SAMPLE_CORPUS / "guides" / "alibaba").glob("*.md")))
    assert counts["guides"] == 3 * real + len(list((SAMPLE_CORPUS / "articles").iterdir()))
    assert counts["embedded"] == 0 and counts["reused"] > 0


def test_the_real_company_and_a_copy_are_each_read_as_themselves(
        grown_index: tuple[Assistant, dict[str, int], str]) -> None:
    bot, _, copy = grown_index
    real = bot.ask("Alibaba Seattle sign-on?")
    assert real.citations and {c.guide.split("/")[0] for c in real.citations} == {"alibaba"}
    look_alike = bot.ask(f"{copy.capitalize()} Seattle sign-on?")
    assert {c.guide.split("/")[0] for c in look_alike.citations} == {copy}
    assert look_alike.text.replace(copy.capitalize(), "Alibaba").replace(copy, "alibaba") \
        == real.text
