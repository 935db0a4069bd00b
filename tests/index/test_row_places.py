"""Each catalog entry holds its rows' place ids, resolved once when the index is built."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant.answer.library import Library
from assistant.corpus.model import CorpusResult, Guide
from assistant.corpus.reader import read_corpus
from assistant.index.catalog import Catalog
from assistant.index.manifest import Manifest
from assistant.index.writing.plan import Base, catalog_parts, plan_chunks, unchanged
from assistant.places.fake import FakeLexicon
from assistant.places.lexicon import Place
from assistant.places.rows import resolved_by, row_place_ids

SAMPLE = Path(__file__).resolve().parents[2] / "corpus"


class NoLookups(FakeLexicon):
    """A lexicon that fails any look-up by name: what reads stored ids must not resolve."""

    def _named(self, keys: list[str]) -> dict[str, list[Place]]:
        raise AssertionError(f"looked up {keys}")


class OtherData(FakeLexicon):
    """The fake, as if built from other place data."""

    version = "fake:2"


@pytest.fixture(scope="module")
def corpus() -> CorpusResult:
    return read_corpus([SAMPLE])


def _labels(guide: Guide) -> list[tuple[str, str, str]]:
    return [(r.region.name, r.region.raw, r.currency) for r in guide.rows]


def _catalog(corpus: CorpusResult) -> Catalog:
    parts, findings = catalog_parts(corpus, None, {}, FakeLexicon())
    return Catalog.from_bytes(Catalog.pack(parts, findings, dict(corpus.skipped)).to_bytes())


def test_entries_hold_their_rows_places_and_the_library_reads_them(corpus: CorpusResult
                                                                   ) -> None:
    catalog = _catalog(corpus)
    library = Library.from_catalog(catalog)
    seattle = 0
    for guide in corpus.guides:
        entry = catalog.by_id[guide.id]
        assert dict(entry.row_places) == row_place_ids(_labels(guide), FakeLexicon())
        assert entry.places_from == resolved_by(FakeLexicon())
        assert {name: tuple(p.id for p in places) for name, places in
                library.row_places(guide, NoLookups()).items()} == dict(entry.row_places)
        seattle += "geo:5809844" in {i for _, ids in entry.row_places for i in ids}
    assert seattle  # the sample's Seattle rows name the city


def test_a_library_of_parsed_guides_resolves_its_rows_once(corpus: CorpusResult) -> None:
    library = Library(corpus.guides)
    guide = next(g for g in corpus.guides if g.rows)
    first = library.row_places(guide, FakeLexicon())
    assert library.row_places(guide, NoLookups()) is first
    assert {name: tuple(p.id for p in places) for name, places in first.items()} == \
        row_place_ids(_labels(guide), FakeLexicon())


def test_other_place_data_resolves_carried_entries_again(corpus: CorpusResult) -> None:
    catalog = _catalog(corpus)
    manifest = Manifest(version="v1", embedder="hash-384", dim=384, created="", roots=["r"])
    base = Base("v1", manifest, catalog)
    again = replace(corpus, guides=[], order=[e.id for e in catalog.entries],
                    reused={e.path: e.id for e in catalog.entries})
    same, _ = catalog_parts(again, base, {}, FakeLexicon())
    assert [p.entry for p in same] == catalog.entries
    assert unchanged(base, again, [Path("r")], plan_chunks(base, {}, []), same)
    other, _ = catalog_parts(again, base, {}, OtherData())
    assert {p.entry.places_from for p in other} == {resolved_by(OtherData())}
    assert [p.entry.row_places for p in other] == [e.row_places for e in catalog.entries]
    assert not unchanged(base, again, [Path("r")], plan_chunks(base, {}, []), other)
