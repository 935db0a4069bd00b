"""Guide -> chunks: section-aware pieces that fit the embedding window, plus one record per pay row.

Example:
    >>> chunks = chunk_guides([guide], embedder.count_tokens, window=embedder.max_tokens)
    >>> chunks[0].metadata["anchor"]
    'negotiation-dna'

Nothing is truncated: a section longer than the window is split on paragraph, then sentence,
then word boundaries, and every piece keeps the guide/section header so it stays findable.
Compensation tables are left out of section text because each row is indexed on its own.
The window and the counter come from the embedder that will embed the chunks: this stage knows
no model.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from assistant.corpus.model import CompRow, Guide, Section
from assistant.corpus.words.wording import guide_label, row_key, row_text, strip_tables

# Bump when chunk text, keys or metadata change: the next build then starts from scratch
# (incremental builds carry unchanged files' chunks over without cutting them again).
CHUNK_FORMAT = 3  # 3: content hashes start with a digest of the embedded text
TEXT_DIGEST = 24  # leading hex digits of a content hash that identify the embedded text
# Room for [CLS]/[SEP] and rounding: pieces aim this far below the model's window.
WINDOW_MARGIN = 16
MetaValue = str | int | float | bool
TokenCounter = Callable[[str], int]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Source lists ("Evidence & Sources") are lists of document titles: their vector says what the
# section is (guide and title), which is what a question about sources matches; their words
# stay in the record for lexical search and display (~9% of the library's word pieces).
_SOURCE_LIST = re.compile(r"\b(evidence|sources?|references|citations)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Chunk:
    """One unit of the index: text to embed and show, plus flat metadata for filtering."""

    id: str
    text: str
    kind: str  # "section" | "row"
    metadata: dict[str, MetaValue]
    content_hash: str
    key: str = ""  # what the model embeds, when shorter than `text` (pay rows)

    @property
    def embed_text(self) -> str:
        """The text whose vector represents this chunk."""
        return self.key or self.text

    @property
    def text_digest(self) -> str:
        """Identifies `embed_text`: chunks (or stored records) sharing it share a vector."""
        return self.content_hash[:TEXT_DIGEST]


def chunk_guides(guides: Sequence[Guide], count_tokens: TokenCounter, window: int
                 ) -> list[Chunk]:
    """Every chunk of every guide, in a stable order.

    `count_tokens` and `window` (word pieces, [CLS] and [SEP] included) are the embedding
    model's: every section piece fits its window.
    """
    chunks: list[Chunk] = []
    for guide in guides:
        chunks.extend(chunk_guide(guide, count_tokens, window))
    return chunks


def chunk_guide(guide: Guide, count_tokens: TokenCounter, window: int) -> list[Chunk]:
    """Section pieces and pay-row records of one guide."""
    chunks = [_row_chunk(guide, i, row) for i, row in enumerate(guide.rows)]
    for section in guide.sections:
        chunks.extend(_section_chunks(guide, section, count_tokens, window - WINDOW_MARGIN))
    return chunks


def _base_metadata(guide: Guide) -> dict[str, MetaValue]:
    return {
        "guide": guide.id,
        "company": guide.company,
        "role": guide.role,
        "source": guide.path,
        "doc_kind": guide.kind,
        "last_updated": guide.last_updated.isoformat() if guide.last_updated else "",
        "data_quality": guide.data_quality,
    }


def _row_chunk(guide: Guide, i: int, row: CompRow) -> Chunk:
    meta = _base_metadata(guide) | {
        "kind": "row",
        "region": row.region.name,
        "level": row.level,
        "currency": row.currency,
        "anchor": row.section_anchor,
        "section": _section_title(guide, row.section_anchor),
        "row": i,
    }
    return _make(f"{guide.id}@row{i}", row_text(guide, row), "row", meta, row_key(guide, row))


def _section_chunks(guide: Guide, section: Section, count: TokenCounter, size: int
                    ) -> Iterator[Chunk]:
    body = strip_tables(section.text)
    if not body:
        return
    header = f"{guide_label(guide)} — {section.title}\n"
    budget = size - count(header)
    meta = _base_metadata(guide) | {
        "kind": "section",
        "region": "",
        "level": "",
        "anchor": section.anchor,
        "section": section.title,
    }
    for part, piece in enumerate(_pack(_split_units(body, budget, count), budget)):
        chunk_id = f"{guide.id}#{section.anchor}/{part}"
        key = header.strip() if _SOURCE_LIST.search(section.title) else ""
        yield _make(chunk_id, header + piece, "section", meta | {"part": part}, key)


def _split_units(text: str, budget: int, count: TokenCounter) -> list[tuple[str, int]]:
    """Paragraphs with word-piece counts; one over budget is split into sentences, then words.

    Counts add up: BERT's tokenizer splits on whitespace first, so the pieces of two texts
    joined by whitespace are the pieces of each, and each unit is counted only once.
    """
    units: list[tuple[str, int]] = []
    for para in (p.strip() for p in re.split(r"\n\s*\n", text)):
        if not para:
            continue
        size = count(para)
        if size <= budget:
            units.append((para, size))
            continue
        for sentence in _SENTENCE_END.split(para):
            size = count(sentence)
            if size <= budget:
                units.append((sentence, size))
            else:
                units.extend(_split_words(sentence, budget, count))
    return units


def _split_words(text: str, budget: int, count: TokenCounter) -> list[tuple[str, int]]:
    pieces: list[tuple[str, int]] = []
    current: list[str] = []
    used = 0
    for word in text.split():
        size = count(word)
        if current and used + size > budget:
            pieces.append((" ".join(current), used))
            current, used = [], 0
        current.append(word)
        used += size
    if current:
        pieces.append((" ".join(current), used))
    return pieces


def _pack(units: list[tuple[str, int]], budget: int) -> list[str]:
    """Greedily join consecutive units while the piece stays within budget."""
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for unit, size in units:
        if current and used + size > budget:
            pieces.append("\n\n".join(current))
            current, used = [], 0
        current.append(unit)
        used += size
    if current:
        pieces.append("\n\n".join(current))
    return pieces


def _section_title(guide: Guide, anchor: str) -> str:
    section = guide.section(anchor) if anchor else None
    return section.title if section else ""


def _make(chunk_id: str, text: str, kind: str, meta: dict[str, MetaValue], key: str = ""
          ) -> Chunk:
    payload = json.dumps([text, key, meta], sort_keys=True, ensure_ascii=False)
    whole = hashlib.sha256(payload.encode("utf-8")).hexdigest()[TEXT_DIGEST:]
    return Chunk(id=chunk_id, text=text, kind=kind, metadata=meta,
                 content_hash=text_digest(key or text) + whole, key=key)


def text_digest(embedded: str) -> str:
    """The leading digits of a chunk's content hash: which text its vector is of."""
    return hashlib.sha256(embedded.encode("utf-8")).hexdigest()[:TEXT_DIGEST]
