"""The library grown N times for the scaling run: copies of real guides under made-up names.

Example:
    >>> grown = grow(SHARED, Path(".cache/scaling/3x"), factor=3)
    >>> grown.copies["zzbakoru"]                       # a copy's slug -> its original's
    ('alibaba', 'Alibaba')
    $ python -m assistant.bench.scaling.library build --root R --index I --vectors-from J

Each copy is a real guide with its company's display name and slug replaced by a name no
language has ("Zz" and three consonant-vowel syllables, e.g. Zzkorami), so the copies are
look-alikes of every real company: same roles, regions, figures and prose. The originals are
linked, not copied. A build of the grown library embeds nothing it need not: the reusing
embedder maps a copy's text back to its original's (the made-up names replaced by the real
ones) and takes that text's vector from an index of the 1x library; only a text that maps to
nothing stored is embedded. Bench code only: the query path never imports this module.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.settings import Settings

CONSONANTS = "bdfgklmnprstv"
VOWELS = "aeiou"
# A made-up name, as a whole: nothing in the real library matches it (checked by `grow`).
MADE_UP = re.compile(rf"[Zz]z(?:[{CONSONANTS}][{VOWELS}]){{3}}")
NAMES_FILE = "copies.json"


@dataclass
class Grown:
    """A grown library: its root (guides/, articles/) and each copy's (slug, display) origin."""

    root: Path
    factor: int
    copies: dict[str, tuple[str, str]] = field(default_factory=dict)  # made-up slug -> origin

    @property
    def roots(self) -> list[Path]:
        return [self.root / "guides", self.root / "articles"]


def made_up_names(count: int, seed: int = 20) -> list[str]:
    """`count` distinct made-up slugs (lower case), in a fixed shuffled order."""
    syllables = [c + v for c in CONSONANTS for v in VOWELS]
    every = [f"zz{a}{b}{c}" for a in syllables for b in syllables for c in syllables]
    random.Random(seed).shuffle(every)
    if count > len(every):
        raise ValueError(f"only {len(every)} made-up names exist, {count} asked for")
    return every[:count]


def grow(shared: Path, root: Path, factor: int) -> Grown:
    """root/guides: every real company (linked) plus `factor - 1` renamed copies of each;
    root/articles linked. The grown library of the same factor and source, if there, is kept."""
    stamp = root / NAMES_FILE
    source = [str(shared.resolve()), sorted(p.name for p in (shared / "guides").iterdir())]
    if stamp.is_file():
        found = json.loads(stamp.read_text())
        if (found["factor"], found.get("source")) == (factor, source):
            return Grown(root, factor, {k: (v[0], v[1]) for k, v in found["copies"].items()})
    shutil.rmtree(root, ignore_errors=True)
    guides = root / "guides"
    guides.mkdir(parents=True)
    (root / "articles").symlink_to((shared / "articles").resolve(), target_is_directory=True)
    for loose in sorted(p for p in (shared / "guides").iterdir() if not p.is_dir()):
        (guides / loose.name).symlink_to(loose.resolve())  # the library's stray files, as-is
    companies = sorted(p for p in (shared / "guides").iterdir() if p.is_dir())
    names = iter(made_up_names(len(companies) * (factor - 1)))
    grown = Grown(root, factor)
    for company in companies:
        (guides / company.name).symlink_to(company.resolve(), target_is_directory=True)
        display = _display_name(company)
        for _ in range(factor - 1):
            slug = next(names)
            grown.copies[slug] = (company.name, display)
            _copy_company(company, guides / slug, (company.name, display), slug)
    stamp.write_text(json.dumps({"factor": factor, "source": source, "copies": grown.copies}))
    return grown


def _display_name(company: Path) -> str:
    """The company's display name as its guides' frontmatter gives it (else its slug)."""
    for guide in sorted(company.glob("*.md")):
        found = re.search(r"^company_display:\s*(.+)$", guide.read_text(encoding="utf-8"),
                          re.MULTILINE)
        if found:
            return found.group(1).strip().strip("\"'")
    return company.name


def _copy_company(company: Path, target: Path, origin: tuple[str, str], slug: str) -> None:
    """Every file of `company` under `target`, its names replaced by the made-up one."""
    target.mkdir()
    for path in sorted(company.iterdir()):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if MADE_UP.search(text):
            raise SystemExit(f"{path} already holds a made-up name; pick another pattern")
        (target / path.name).write_text(rename(text, origin, slug), encoding="utf-8")


def rename(text: str, origin: tuple[str, str], slug: str) -> str:
    """`text` with the company's display name and slug replaced by the made-up name."""
    old_slug, display = origin
    return text.replace(display, slug.capitalize()).replace(old_slug, slug)


def original_text(text: str, copies: dict[str, tuple[str, str]]) -> str:
    """The inverse of `rename`: each made-up name in `text` back to the real one."""
    def back(match: re.Match[str]) -> str:
        word = match.group(0)
        origin = copies.get(word.lower())
        if origin is None:
            return word
        return origin[1] if word[0] == "Z" else origin[0]

    return MADE_UP.sub(back, text)


class ReusingEmbedder:
    """The real embedder, asked only for texts whose original no stored vector covers."""

    def __init__(self, real: object, vectors: dict[str, np.ndarray],
                 copies: dict[str, tuple[str, str]]) -> None:
        self.real = real
        self.name = real.name  # type: ignore[attr-defined]
        self.dim = real.dim  # type: ignore[attr-defined]
        self.max_tokens = real.max_tokens  # type: ignore[attr-defined]
        self.vectors = vectors
        self.copies = copies
        self.reused = 0
        self.embedded = 0

    def count_tokens(self, text: str) -> int:
        return int(self.real.count_tokens(original_text(text, self.copies)))  # type: ignore

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from assistant.chunks import text_digest

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = []
        for i, text in enumerate(texts):
            found = self.vectors.get(text_digest(original_text(text, self.copies)))
            if found is None:
                missing.append(i)
            else:
                out[i] = found
        if missing:
            out[missing] = self.real.embed([texts[i] for i in missing])  # type: ignore
        self.reused += len(texts) - len(missing)
        self.embedded += len(missing)
        return out


def stored_vectors(index: Path) -> dict[str, np.ndarray]:
    """Every live record's vector in the index at `index`, and every article paragraph's, by
    the digest of its text."""
    from assistant.chunks import TEXT_DIGEST, text_digest
    from assistant.index.versions.factory import open_versions
    from assistant.settings import Settings

    local = {"index": str(index), "chroma_url": ""}  # the 1x index is a directory
    repo = open_versions(Settings.load(overrides=local))
    version = repo.current()
    if version is None:
        raise SystemExit(f"no index at {index} to take vectors from")
    manifest = repo.manifest(version)
    by_id: dict[str, np.ndarray] = {}
    for segment in manifest.segments:  # a later segment's record replaces an earlier one's
        by_id.update((r.id, r.vector) for r in repo.segment(segment).records())
    found = {digest[:TEXT_DIGEST]: by_id[i] for i, digest in manifest.chunks.items()
             if i in by_id}
    articles = repo.catalog(version).articles  # the articles' paragraphs, kept in the catalog
    if articles.paragraph_matrix is not None:
        found.update((text_digest(text), articles.paragraph_matrix[n])
                     for n, (_, text) in enumerate(articles.paragraphs))
    return found


def build(root: Path, index: Path, vectors_from: Path, settings: Settings | None = None
          ) -> dict[str, int]:
    """Build the grown library at `root` into `index`, reusing `vectors_from`'s vectors:
    how many guides and chunks it holds, and how many texts were reused or embedded."""
    from assistant.embed.embedder import get_embedder
    from assistant.index.writing.builder import build_index
    from assistant.settings import Settings

    copies = {k: (v[0], v[1]) for k, v in json.loads((root / NAMES_FILE).read_text())[
        "copies"].items()}
    settings = settings or Settings.load(overrides={"index": str(index), "follow_links": "1"})
    embedder = ReusingEmbedder(get_embedder(settings), stored_vectors(vectors_from), copies)
    summary = build_index(settings, [root / "guides", root / "articles"], rebuild=True,
                          progress=False, embedder=embedder)  # type: ignore[arg-type]
    return {"guides": summary.guides, "chunks": summary.chunks, "reused": embedder.reused,
            "embedded": embedder.embedded}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m assistant.bench.scaling.library",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build"])
    parser.add_argument("--root", type=Path, required=True, help="a grown library")
    parser.add_argument("--index", type=Path, required=True, help="where to build it")
    parser.add_argument("--vectors-from", type=Path, required=True,
                        help="an index of the real library, whose vectors are reused")
    args = parser.parse_args(argv)
    print(json.dumps(build(args.root, args.index, args.vectors_from)))


if __name__ == "__main__":
    main(sys.argv[1:])
