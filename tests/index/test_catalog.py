"""The catalog refuses what an older assistant wrote, with the command that rebuilds it."""

from __future__ import annotations

import pickle
import sys
import types
from pathlib import Path

import pytest
from index_support import CountingEmbedder, hash_settings, make_corpus, three_guides

from assistant.errors import IndexMissingError
from assistant.index.build.builder import build_from_corpus
from assistant.index.catalog import CATALOG_FORMAT, MAGIC, Catalog
from assistant.index.handle import open_index

REBUILD = "rebuild with `assistant index --rebuild`"


def _build(settings):  # type: ignore[no-untyped-def]
    return build_from_corpus(settings, make_corpus(three_guides()), [Path("corpus")],
                             progress=False, embedder=CountingEmbedder())


def test_a_catalog_of_the_previous_format_is_refused_then_rebuilt(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    first = _build(settings)
    path = settings.index / "versions" / first.version / "catalog.pkl"
    data = path.read_bytes()
    assert data.startswith(MAGIC)
    path.write_bytes(b"NGCAT2\n" + data[len(MAGIC):])  # what the layout before 3 wrote
    with pytest.raises(IndexMissingError, match=REBUILD):
        _ = open_index(settings).catalog
    again = _build(settings)
    assert again.embedded > 0 and "Rebuilt from scratch" in " ".join(again.notes)
    assert open_index(settings).catalog.guide(three_guides()[0].id) is not None


def test_a_header_naming_a_class_that_moved_is_refused_not_raised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    gone = types.ModuleType("assistant.old_stage")

    class Vocabulary:  # stands for a pickled class whose module no longer exists
        pass

    Vocabulary.__module__ = gone.__name__
    Vocabulary.__qualname__ = "Vocabulary"
    gone.Vocabulary = Vocabulary  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, gone.__name__, gone)
    header = pickle.dumps((CATALOG_FORMAT, [], [], {}, Vocabulary()))
    monkeypatch.delitem(sys.modules, gone.__name__)
    blob = MAGIC + len(header).to_bytes(8, "big") + header
    with pytest.raises(IndexMissingError, match=REBUILD):
        Catalog.from_bytes(blob)


def test_the_current_format_round_trips() -> None:
    catalog = Catalog([], skipped={"a.md": "empty"})
    again = Catalog.from_bytes(catalog.to_bytes())
    assert again.skipped == {"a.md": "empty"} and again.format == CATALOG_FORMAT
