"""Versions as a base segment plus a delta: what changed is written, the base is left alone."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from index_support import CountingEmbedder, hash_settings, make_corpus, make_guide

from assistant.embed.hash_embedder import HashEmbedder
from assistant.errors import IndexMissingError
from assistant.index.handle import open_index
from assistant.index.layers import LayeredStore
from assistant.index.store import open_store
from assistant.index.writing.builder import build_from_corpus
from assistant.settings import Settings

WORDS = ("salary equity bonus remote relocation vesting cliff refresher level band offer "
         "counter recruiter deadline signing notice promotion review leave").split()


def _build(settings: Settings, guides: list, **options: bool):
    return build_from_corpus(settings, make_corpus(guides), [Path("corpus")], progress=False,
                             embedder=CountingEmbedder(), **options)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _ranking(hits: list, ids: bool = False) -> list[tuple]:
    """Distances nearest first; with `ids`, (distance, id, text) sorted, for complete lists."""
    if not ids:
        return [round(h.distance, 5) for h in hits]
    return sorted((round(h.distance, 5), h.id, h.text) for h in hits)


def _guides(n: int) -> list:
    return [make_guide(f"g{i}", ("Body", f"guide {i} {WORDS[i % len(WORDS)]} words"),
                       ("Levers", f"lever {i} {WORDS[(i * 7) % len(WORDS)]}"))
            for i in range(n)]


def test_a_delta_build_leaves_the_base_segment_untouched(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    guides = _guides(6)
    first = _build(settings, guides)
    base = settings.index / "segments" / first.version
    before = _files(base)
    guides[2] = make_guide("g2", ("Body", "guide 2 now pays a relocation stipend"),
                           ("Levers", guides[2].sections[1].text))
    second = _build(settings, guides)
    assert second.segments == [first.version, second.version] and second.masked == 1
    assert _files(base) == before  # neither copied nor opened for writing
    manifest = open_index(settings).manifest
    assert (manifest.masked, manifest.counts["delta"]) == (["g2#body/0"], 1)


def test_a_replaced_record_is_served_from_the_delta_only(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    guides = _guides(6)
    _build(settings, guides)
    old_text = guides[2].sections[0].text
    guides[2] = make_guide("g2", ("Body", "guide 2 now pays a relocation stipend"),
                           ("Levers", guides[2].sections[1].text))
    _build(settings, guides[:5])  # g2 edited, g5 removed
    handle = open_index(settings)
    hits = handle.query(HashEmbedder().embed([f"G2 — Body\n{old_text}"])[0], k=20)
    ids = [h.id for h in hits]
    assert len(ids) == len(set(ids)) == handle.store.count() == 10
    assert "g5#body/0" not in ids
    assert all(old_text not in h.text for h in hits)
    assert "relocation stipend" in handle.store.get(["g2#body/0"])[0].text
    assert handle.store.get(["g5#levers/0", "g1#body/0"])[0].id == "g1#body/0"


def test_layered_results_equal_a_rebuild_through_random_edits(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("assistant.index.layers.COMPACT_MIN", 12)  # compacts now and then
    layered, fresh = hash_settings(tmp_path / "layered"), hash_settings(tmp_path / "fresh")
    rng = random.Random(7)
    guides = {g.id: g for g in _guides(8)}
    shapes = set()
    queries = HashEmbedder().embed([f"{w} {v}" for w, v in zip(WORDS, WORDS[3:], strict=False)])
    for step in range(12):
        for _ in range(rng.randint(1, 3)):
            gid = f"g{rng.randint(0, 11)}"
            if gid in guides and rng.random() < 0.3:
                del guides[gid]
            else:
                words = " ".join(rng.sample(WORDS, 4))
                guides[gid] = make_guide(gid, ("Body", f"{gid} step {step} {words}"),
                                         ("Levers", f"{gid} lever {rng.choice(WORDS)}"))
        built = _build(layered, list(guides.values()))
        _build(fresh, list(guides.values()), rebuild=True)
        if step:
            shapes.add(len(built.segments))
        a, b = open_index(layered), open_index(fresh)
        assert a.store.count() == b.store.count() == 2 * len(guides)
        for vector in queries:  # the hash embedder ties often: compare rankings tie-blind
            assert _ranking(a.query(vector, k=7)) == _ranking(b.query(vector, k=7))
            whole = 2 * len(guides)
            assert _ranking(a.query(vector, k=whole), ids=True) == _ranking(
                b.query(vector, k=whole), ids=True)
        ids = sorted(b.manifest.chunks) + ["g99#body/0"]
        assert [(h.id, h.text, h.metadata) for h in a.store.get(ids)] == [
            (h.id, h.text, h.metadata) for h in b.store.get(ids)]
    assert shapes == {1, 2}  # after the first build, both deltas and compactions happened


def test_compaction_folds_the_delta_into_a_new_base(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    guides = _guides(6)
    first = _build(settings, guides)
    guides[1] = make_guide("g1", ("Body", "guide 1 changed"))
    second = _build(settings, guides)
    assert second.segments == [first.version, second.version]
    third = _build(settings, guides, compact=True)  # nothing changed, flattened on request
    assert (third.segments, third.masked, third.embedded) == ([third.version], 0, 0)
    manifest = open_index(settings).manifest
    assert (manifest.segments, manifest.masked, manifest.counts["delta"]) == (
        [third.version], [], 0)
    assert open_index(settings).store.count() == 11
    segments = settings.index / "segments"
    assert sorted(p.name for p in segments.iterdir()) == sorted(
        [first.version, second.version, third.version])  # the previous version still answers
    fourth = _build(settings, guides[:5])
    assert fourth.segments == [third.version, fourth.version]
    assert sorted(p.name for p in segments.iterdir()) == sorted([third.version, fourth.version])
    # with no delta to fold in, --compact copies nothing
    fifth = _build(settings, guides[:5], compact=True)
    sixth = _build(settings, guides[:5], compact=True)
    assert (fifth.segments, sixth.segments) == ([fifth.version], [fifth.version, sixth.version])


def test_the_base_is_asked_again_when_masked_records_crowd_the_nearest(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path)
    emb = HashEmbedder()
    base = open_store(settings, "20250101T000000-aaaaaa", create=True)
    guides = [make_guide(f"g{i}", ("Body", "bonus " * (40 - i) + f"tail{i}")) for i in range(20)]
    from assistant.chunks import chunk_guides

    chunks = chunk_guides(guides, lambda text: len(text.split()), 256)
    base.add(chunks, emb.embed([c.text for c in chunks]))
    query = emb.embed(["bonus bonus bonus"])[0]
    nearest = [h.id for h in base.query(query, k=20)]
    masked = frozenset(nearest[:12])
    calls: list[int] = []
    original = base.query
    base.query = lambda v, k, where=None: calls.append(k) or original(v, k, where)  # type: ignore
    hits = LayeredStore(base, None, masked).query(query, k=3)
    assert [h.id for h in hits] == nearest[12:15]
    assert calls == [6, 15]  # k + min(mask, k) first, then k + mask


def test_an_index_of_the_older_format_is_rebuilt(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    first = _build(settings, _guides(3))
    path = settings.index / "versions" / first.version / "manifest.json"
    head, _, tail = path.read_text().partition("\n")  # the head line says the format
    data = json.loads(head)
    data["format"] = 1
    path.write_text(json.dumps(data) + "\n" + tail)
    with pytest.raises(IndexMissingError, match="rebuild with `assistant index --rebuild`"):
        open_index(settings)
    again = _build(settings, _guides(3))
    assert again.embedded == 6 and "Rebuilt from scratch" in again.notes[0]
    assert again.segments == [again.version] and again.previous == first.version
    assert open_index(settings).store.count() == 6


def test_opening_a_version_never_parses_its_chunk_hashes(tmp_path: Path) -> None:
    """The manifest's tail (every chunk's and file's hash) is for builds: a question's open
    reads the head line only, and the tail still parses whole on first use."""
    settings = hash_settings(tmp_path / "index")
    first = _build(settings, _guides(3))
    path = settings.index / "versions" / first.version / "manifest.json"
    head, _, tail = path.read_text().partition("\n")
    assert '"chunks": {' not in head and tail.startswith('{"chunks": {')
    path.write_text(head + "\n" + tail[: len(tail) // 2])  # a tail no parser could read
    handle = open_index(settings)
    assert handle.store.count() == 6  # opened and queried on the head alone
    with pytest.raises(json.JSONDecodeError):
        len(handle.manifest.chunks)
