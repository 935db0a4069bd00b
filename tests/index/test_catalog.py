"""The catalog refuses what an older assistant wrote, with the command that rebuilds it, and
keeps each entry's vocabulary facts beside its guide."""

from __future__ import annotations

import pickle
import sys
import types
from pathlib import Path

import pytest
from index_support import CountingEmbedder, hash_settings, make_corpus, three_guides

import assistant.corpus.words.vocabulary as vocabulary_module
import assistant.index.catalog as catalog_module
from assistant.corpus.words.facts import facts_of
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.errors import IndexMissingError
from assistant.index.catalog import CATALOG_FORMAT, MAGIC, Catalog
from assistant.index.entries import Part, entry_of
from assistant.index.handle import open_index
from assistant.index.writing.builder import build_from_corpus

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
    header = pickle.dumps((CATALOG_FORMAT, (), (), b"", b"", {}, Vocabulary()))
    monkeypatch.delitem(sys.modules, gone.__name__)
    blob = MAGIC + b"".join(len(piece).to_bytes(8, "big") + piece
                            for piece in (header, b"", b"", b"", b""))
    with pytest.raises(IndexMissingError, match=REBUILD):
        Catalog.from_bytes(blob)


def test_the_current_format_round_trips() -> None:
    catalog = Catalog([], skipped={"a.md": "empty"})
    again = Catalog.from_bytes(catalog.to_bytes())
    assert again.skipped == {"a.md": "empty"} and again.format == CATALOG_FORMAT


def test_each_entry_keeps_its_facts_and_the_vocabulary_is_theirs() -> None:
    guides = three_guides()
    first = Catalog.from_bytes(Catalog.pack([Part(entry_of(g), g) for g in guides], [], {})
                               .to_bytes())
    assert [first.facts(e) for e in first.entries] == [facts_of(g) for g in guides]
    assert first.vocabulary == Vocabulary.from_guides(guides)
    # carried over as bytes, without its guide: the facts come along, the dropped guide's go
    kept = [Part(e, data=first.raw(e)) for e in first.entries[1:]]
    second = Catalog.pack(kept, [], {})
    assert second.vocabulary == Vocabulary.from_guides(guides[1:])
    assert second.guide(guides[2].id) == guides[2]
    assert second.vocabulary is not None and "matches" not in second.vocabulary.known_words


def test_chunk_lists_are_read_only_when_a_build_asks(tmp_path: Path) -> None:
    """The header holds no entry's chunk list (questions never need them); the table after it
    gives each entry's list back, as the build wrote it."""
    settings = hash_settings(tmp_path / "index")
    first = _build(settings)
    catalog = open_index(settings).catalog
    assert catalog.entries and all(e.chunks == () for e in catalog.entries)
    assert catalog.guide(three_guides()[0].id) is not None  # a question's read
    assert catalog._chunks is None  # the table was never unpickled
    written = {cid for e in catalog.entries for cid, _ in catalog.chunks_of(e.id)}
    assert written == set(open_index(settings).manifest.chunks) and len(written) == first.chunks


def test_a_read_catalog_unpickles_only_the_entries_and_guides_asked_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    guides = three_guides()
    built = Catalog.pack([Part(entry_of(g), g) for g in guides], [], {})
    read = Catalog.from_bytes(built.to_bytes())
    loads: list[int] = []
    real = pickle.loads
    monkeypatch.setattr(pickle, "loads", lambda data: loads.append(len(data)) or real(data))
    assert read.kinds() == {g.id: g.kind for g in guides}
    assert loads == []  # ids and kinds are the header's: nothing unpickled for them
    assert read.entry(guides[1].id) == built.entries[1] and len(loads) == 1
    assert read.guide(guides[2].id) == guides[2] and len(loads) == 2
    assert read.entry("nobody") is None and read.guide("nobody") is None and len(loads) == 2
    assert read.entries == built.entries  # a build reads them all


def test_only_the_most_recently_asked_guides_stay_unpickled(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_module, "LOADED_GUIDES", 2)
    guides = three_guides()
    read = Catalog.from_bytes(Catalog.pack([Part(entry_of(g), g) for g in guides], [], {})
                              .to_bytes())
    first = read.guide(guides[0].id)
    assert read.guide(guides[0].id) is first  # kept
    read.guide(guides[1].id)
    read.guide(guides[2].id)  # the third pushes out the least recently asked, the first
    again = read.guide(guides[0].id)
    assert again == first and again is not first
    assert read.guide(guides[2].id) is read.guide(guides[2].id)


def test_a_loaded_vocabulary_makes_its_aliases_again_only_when_their_code_changed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    vocabulary = Vocabulary.from_guides(three_guides())
    data = pickle.dumps(vocabulary)
    made: list[int] = []
    real = Vocabulary._add_aliases

    def counted(self: Vocabulary) -> None:
        made.append(1)
        real(self)

    monkeypatch.setattr(Vocabulary, "_add_aliases", counted)
    assert pickle.loads(data) == vocabulary and made == []
    monkeypatch.setattr(vocabulary_module, "alias_code", lambda: "other code")
    assert pickle.loads(data) == vocabulary and made == [1]
