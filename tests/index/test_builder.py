"""Building the index: incremental diffs, model checks, catalog, crash safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path

import pytest
from index_support import CountingEmbedder, hash_settings, make_corpus, make_guide, three_guides

from assistant.embed.hash_embedder import HashEmbedder
from assistant.errors import IndexMissingError, ModelMismatchError
from assistant.index.handle import open_index
from assistant.index.writing.builder import build_from_corpus, build_index
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _build(settings: Settings, guides: list, rebuild: bool = False):
    emb = CountingEmbedder()
    summary = build_from_corpus(settings, make_corpus(guides), [Path("corpus")], rebuild,
                                progress=False, embedder=emb)
    return summary, emb


def _top(settings: Settings, text: str, k: int = 1) -> list[str]:
    handle = open_index(settings)
    return [h.id for h in handle.query(HashEmbedder().embed([text])[0], k)]


def test_first_build_writes_versioned_layout(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    summary, emb = _build(settings, three_guides())
    assert (summary.guides, summary.chunks, summary.embedded, summary.reused) == (3, 5, 5, 0)
    current = (settings.index / "CURRENT").read_text().strip()
    assert current == summary.version
    folder = settings.index / "versions" / current
    assert {p.name for p in folder.iterdir()} == {"manifest.json", "catalog.pkl"}
    assert [p.name for p in (settings.index / "segments").iterdir()] == [current]
    handle = open_index(settings)
    assert (handle.manifest.segments, handle.manifest.masked) == ([current], [])
    assert handle.manifest.embedder == "hash-384" and handle.manifest.dim == 384
    assert len(handle.manifest.chunks) == 5
    assert [g.id for g in handle.guides] == ["acme", "globex", "initech"]
    assert _top(settings, "Globex stock vests four years") == ["globex#equity/0"]


def test_edit_one_guide_reembeds_only_its_chunks(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    first, _ = _build(settings, three_guides())
    guides = three_guides()
    guides[2] = make_guide("initech", ("Remote", "Initech now requires three office days."))
    second, emb = _build(settings, guides)
    # the edited chunk, and the article's new paragraph (advice reranks with its vector)
    assert emb.texts == ["Initech — Remote\nInitech now requires three office days.",
                         "Initech now requires three office days."]
    assert (second.embedded, second.reused, second.deleted) == (1, 4, 1)
    assert second.previous == first.version
    assert _top(settings, "three office days") == ["initech#remote/0"]
    hit = open_index(settings).store.get(["initech#remote/0"])[0]
    assert "office days" in hit.text
    # a third build keeps current + previous only
    third, emb = _build(settings, guides)
    assert emb.texts == [] and third.reused == 5
    assert sorted(p.name for p in (settings.index / "versions").iterdir()) == sorted(
        [second.version, third.version])
    # both are deltas over the first build's segment, which is kept; the second's delta too
    assert open_index(settings).manifest.segments == [first.version, third.version]
    assert sorted(p.name for p in (settings.index / "segments").iterdir()) == sorted(
        [first.version, second.version, third.version])


def test_deleted_guide_leaves_no_chunks(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    _build(settings, three_guides())
    summary, emb = _build(settings, three_guides()[:2])
    assert (summary.deleted, summary.embedded, summary.chunks) == (1, 0, 4)
    handle = open_index(settings)
    assert handle.store.count() == 4
    assert handle.store.get(["initech#remote/0"]) == []
    hits = handle.query(HashEmbedder().embed(["remote work anywhere"])[0], k=10)
    assert all(h.metadata["guide"] != "initech" for h in hits)


def test_identical_texts_embedded_once_and_metadata_change_reuses_vectors(tmp_path) -> None:
    settings = hash_settings(tmp_path / "index")
    twin = [make_guide("a", ("Same", "Same words here.")), make_guide("b", ("Same", "x"))]
    twin[1] = replace(twin[1], sections=twin[0].sections, title=twin[0].title)
    summary, emb = _build(settings, twin)
    assert summary.chunks == 2 and summary.embedded == 1
    summary, emb = _build(settings, [*twin, make_guide("c", ("Other", "More words."))])
    assert summary.segments[0] != summary.version  # a delta now: --compact has work to do
    moved = [replace(g, path=f"moved/{g.path}") for g in twin]  # metadata only
    emb = CountingEmbedder()
    summary = build_from_corpus(settings, make_corpus(moved), [Path("corpus")], progress=False,
                                embedder=emb, compact=True)  # flattening reads every vector
    assert (summary.deleted, summary.embedded, emb.texts) == (3, 0, [])
    assert summary.segments == [summary.version]
    assert open_index(settings).store.get(["a#same/0"])[0].metadata["source"] == "moved/a.md"


def test_metadata_change_reuses_vectors_of_the_delta_and_of_a_base_worth_loading(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = hash_settings(tmp_path / "index")
    guides = [make_guide(g, ("Body", f"Words of {g}.")) for g in ("a", "b", "c")]
    _build(settings, guides)
    guides[0] = make_guide("a", ("Body", "New words of a."))
    second, emb = _build(settings, guides)  # a's new record lives in the delta
    assert second.embedded == 1 and len(second.segments) == 2
    guides[:2] = [replace(g, path=f"moved/{g.path}") for g in guides[:2]]  # metadata only
    third, emb = _build(settings, guides)
    # a's vector came from the delta; b's one vector is cheaper to embed than to load the base
    assert (third.deleted, emb.texts) == (2, ["B — Body\nWords of b."])
    monkeypatch.setattr("assistant.index.writing.write.REUSE_MIN", 1)
    guides[2] = replace(guides[2], path="moved/c.md")
    fourth, emb = _build(settings, guides)
    assert (fourth.deleted, emb.texts) == (1, [])  # c's vector read from the base segment
    hits = open_index(settings).store.get(["a#body/0", "b#body/0", "c#body/0"])
    assert [h.metadata["source"] for h in hits] == ["moved/a.md", "moved/b.md", "moved/c.md"]
    assert "New words" in hits[0].text
    assert _top(settings, "Words of c.") == ["c#body/0"]


def test_rebuild_reembeds_everything(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    _build(settings, three_guides())
    summary, emb = _build(settings, three_guides(), rebuild=True)
    assert (summary.embedded, summary.reused) == (5, 0)
    assert open_index(settings).store.count() == 5


def test_missing_index_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(IndexMissingError, match="run `assistant index` \\(or `make index`\\)"):
        open_index(hash_settings(tmp_path / "index"))


def test_model_mismatch(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    _build(settings, three_guides())
    with pytest.raises(ModelMismatchError, match=r"built with hash-384 .* querying with hash-64"):
        open_index(settings, embedder=HashEmbedder(dim=64))
    # an incremental build with another model starts from scratch and says so
    summary = build_from_corpus(settings, make_corpus(three_guides()), [], progress=False,
                                embedder=HashEmbedder(dim=64))
    assert summary.embedded == 5 and summary.reused == 0
    assert "rebuilt from scratch" in summary.notes[0]
    assert open_index(settings, embedder=HashEmbedder(dim=64)).manifest.dim == 64


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from index_support import CountingEmbedder, hash_settings, make_corpus, make_guide
    from assistant.index.writing.builder import build_from_corpus
    guides = [make_guide(f"g{n}", ("Body", f"guide {n} words {n * 7}")) for n in range(40)]
    emb = CountingEmbedder(delay=0.3, marker=Path(sys.argv[2]))
    build_from_corpus(hash_settings(Path(sys.argv[1])), make_corpus(guides), [],
                      progress=True, embedder=emb)
""")


def test_sigkill_mid_build_keeps_previous_version(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    first, _ = _build(settings, three_guides())
    script = tmp_path / "slow_build.py"
    script.write_text(KILL_SCRIPT)
    marker = tmp_path / "embedding"
    env = {**os.environ, "PYTHONPATH": f"{Path(__file__).parent}{os.pathsep}{ROOT}"}
    proc = subprocess.Popen([sys.executable, str(script), str(settings.index), str(marker)],
                            env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "the build never started embedding"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert [p.name for p in (settings.index / "versions").iterdir()] == [first.version]
    assert len(list((settings.index / "segments").iterdir())) == 2  # live + partial
    assert (settings.index / "CURRENT").read_text().strip() == first.version
    assert _top(settings, "Globex stock vests four years") == ["globex#equity/0"]

    again, _ = _build(settings, three_guides()[:1])
    assert again.previous == first.version
    names = {p.name for p in (settings.index / "versions").iterdir()}
    assert names == {first.version, again.version}
    segments = {p.name for p in (settings.index / "segments").iterdir()}
    assert segments == {first.version, again.version}  # the partial one is gone
    assert open_index(settings).store.count() == 2


def test_build_index_reads_files_and_follows_edits(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "anchoring.md").write_text(
        "# Asking for more\n\n## Anchoring\n\nState a number first and anchor high.\n\n"
        "## Competing offers\n\nA competing offer is the strongest lever you have.\n")
    (corpus / "equity.md").write_text("# Equity\n\n## Vesting\n\nStock vests over four years.\n")
    settings = hash_settings(tmp_path / "index")
    first = build_index(settings, [corpus], progress=False)
    assert (first.guides, first.chunks, first.embedded) == (2, 3, 3)
    assert open_index(settings).manifest.roots == [str(corpus)]

    same = build_index(settings, [corpus], progress=False)
    assert (same.version, same.embedded, same.reused) == (first.version, 0, 3)
    assert same.notes == [f"nothing changed since version {first.version}: kept it"]

    (corpus / "equity.md").write_text("# Equity\n\n## Vesting\n\nStock vests monthly now.\n")
    (corpus / "anchoring.md").unlink()
    second = build_index(settings, [corpus], progress=False)
    assert (second.embedded, second.reused, second.deleted, second.chunks) == (1, 0, 3, 1)
    assert _top(settings, "vests monthly") == ["equity#vesting/0"]
    assert open_index(settings).store.count() == 1


def test_broken_current_is_reported_and_replaced(tmp_path: Path) -> None:
    settings = hash_settings(tmp_path / "index")
    _build(settings, three_guides())
    (settings.index / "CURRENT").write_text("20000101T000000-000000\n")
    with pytest.raises(IndexMissingError, match="incomplete or gone: run `assistant index"):
        open_index(settings)
    summary, emb = _build(settings, three_guides())
    assert summary.embedded == 5 and "Building from scratch" in summary.notes[0]
    assert _top(settings, "remote work anywhere") == ["initech#remote/0"]
