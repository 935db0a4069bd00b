"""The Chroma seam: add / query / get / delete / records on an embedded store."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from index_support import hash_settings, three_guides

from assistant.chunks import chunk_guides
from assistant.embed.hash_embedder import HashEmbedder
from assistant.index.connection import parse_url
from assistant.index.store import open_store


def test_add_query_get_delete(tmp_path: Path) -> None:
    emb = HashEmbedder()
    chunks = chunk_guides(three_guides(), emb.count_tokens, emb.max_tokens)
    store = open_store(hash_settings(tmp_path), "20250101T000000-abcdef", create=True)
    store.add(chunks, emb.embed([c.text for c in chunks]))
    assert store.count() == len(chunks)

    hits = store.query(emb.embed(["Globex stock vests over four years"])[0], k=2)
    assert hits[0].id == "globex#equity/0"
    assert 0.0 <= hits[0].distance < hits[1].distance
    assert hits[0].score == 1.0 - hits[0].distance
    assert hits[0].metadata["guide"] == "globex"

    filtered = store.query(emb.embed(["stock"])[0], k=5, where={"guide": "acme"})
    assert {h.metadata["guide"] for h in filtered} == {"acme"}

    got = store.get(["initech#remote/0", "missing"])
    assert [h.id for h in got] == ["initech#remote/0"]
    assert "remote work" in got[0].text

    store.delete(["initech#remote/0"])
    assert store.count() == len(chunks) - 1
    records = list(store.records())
    assert len(records) == len(chunks) - 1
    assert records[0].vector.shape == (emb.dim,)
    np.testing.assert_allclose(np.linalg.norm(records[0].vector), 1.0, rtol=1e-5)


def test_batches_beyond_max_batch_size(tmp_path: Path, monkeypatch) -> None:
    store = open_store(hash_settings(tmp_path), "20250101T000000-abcdef", create=True)
    monkeypatch.setattr(store.conn, "max_batch", lambda: 7)
    emb = HashEmbedder()
    chunks = chunk_guides(three_guides() * 1, emb.count_tokens, emb.max_tokens)
    many = [c.__class__(f"{c.id}-{n}", c.text, c.kind, c.metadata, c.content_hash)
            for n in range(5) for c in chunks]
    store.add(many, emb.embed([c.text for c in many]))
    assert store.count() == len(many) > 7
    store.delete([c.id for c in many[:20]])
    assert store.count() == len(many) - 20


def test_client_is_lazy(tmp_path: Path) -> None:
    store = open_store(hash_settings(tmp_path), "20250101T000000-abcdef", create=True)
    assert store.conn._client is None
    assert not (tmp_path / "segments").exists()
    store.add_records(iter([]))  # nothing to write: still no client
    assert store.conn._client is None


def test_parse_url() -> None:
    assert parse_url("http://127.0.0.1:8123") == ("127.0.0.1", 8123, False)
    assert parse_url("https://chroma.example") == ("chroma.example", 443, True)
    assert parse_url("localhost:9000") == ("localhost", 9000, False)
