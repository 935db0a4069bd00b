"""Read guide files into typed Guide values; a bad file becomes findings, never a crash.

Example:
    >>> result = read_corpus([Path("../shared/corpus/guides")])
    >>> result.guides[0].rows[0].figure("base").text
    '$170K–$240K'
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from tqdm import tqdm

from assistant.corpus.build import GuideParseError, build_guide
from assistant.corpus.codes import finding
from assistant.corpus.frontmatter import MAX_BYTES
from assistant.corpus.hidden import hidden_count, visible
from assistant.corpus.model import CorpusResult, Finding, Guide
from assistant.errors import CorpusError

SUFFIXES = (".md", ".txt")

__all__ = ["GuideParseError", "read_corpus", "read_guide"]


def read_guide(path: Path, root: Path) -> Guide:
    """Parse one file; raises GuideParseError (with findings) when it cannot be trusted."""
    guide, _ = read_guide_with_findings(path, root)
    return guide


def read_guide_with_findings(path: Path, root: Path) -> tuple[Guide, list[Finding]]:
    """Parse one file and also return its warnings; raises GuideParseError on errors."""
    rel = relative_path(path, root)
    data = read_file(path, rel)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"not valid UTF-8 at byte {exc.start}; re-save the file as UTF-8"
        raise GuideParseError(rel, [finding(rel, "", "E104", message)]) from None
    hidden = hidden_count(text)
    text = visible(text)
    if not text.strip():
        raise GuideParseError(rel, [finding(rel, "", "E105", "file is empty")])
    digest = hashlib.sha256(data).hexdigest()
    guide, warnings = build_guide(text, rel, digest)
    if hidden:
        warnings.append(finding(rel, guide.id, "W405", f"{hidden} invisible or control "
                                "character(s) removed (tag characters, zero-width, bidi "
                                "overrides, terminal escapes)"))
    return guide, warnings


def read_file(path: Path, rel: str) -> bytes:
    """The bytes of a regular file of at most MAX_BYTES; GuideParseError otherwise.

    Opened without blocking and checked on the open handle: a FIFO would block `read` (and the
    index lock with it) until some writer came, and a device never ends.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            message = "not a regular file (a FIFO, socket or device); not read"
            raise GuideParseError(rel, [finding(rel, "", "E107", message)])
        if info.st_size > MAX_BYTES:
            message = (f"file is {info.st_size} bytes, over the {MAX_BYTES}-byte limit; split "
                       "or shrink it")
            raise GuideParseError(rel, [finding(rel, "", "E103", message)])
        return handle.read(MAX_BYTES + 1)


def read_corpus(roots: Sequence[Path] | Path, progress: bool = False,
                reuse: Mapping[str, tuple[str, str]] | None = None,
                follow_links: bool = False) -> CorpusResult:
    """Read every .md/.txt file under each root; bad files become findings and skips.

    `reuse` maps a relative path to (content hash, guide id) of the previous build: a file
    whose bytes still hash the same is listed in `result.reused` instead of being parsed.
    A symlink that leads outside the roots is not followed (finding E106) unless
    `follow_links` (ASSISTANT_FOLLOW_LINKS) says the operator put it there on purpose.
    """
    root_list = [roots] if isinstance(roots, Path) else list(roots)
    for root in root_list:
        if not root.exists():
            raise CorpusError(f"corpus folder {root} does not exist; check the corpus path")
    result = CorpusResult(root=os.pathsep.join(str(r) for r in root_list))
    seen: dict[str, str] = {}
    files, passed = _walk(root_list, follow_links)
    for rel, (code, message) in passed.items():
        result.findings.append(finding(rel, "", code, message))
        result.skipped[rel] = message
    for root, path in _progress(files, progress):
        rel = relative_path(path, root)
        if path.suffix.lower() not in SUFFIXES:
            result.skipped[rel] = f"not a guide file ({path.suffix or 'no extension'})"
            continue
        if path.stem.upper() == "README" and path.parent == root:
            result.skipped[rel] = "the library's own README, not a guide or article"
            continue
        if not (reuse and _reused(path, rel, reuse, result, seen)):
            _read_one(path, root, rel, result, seen)
    return result


def _read_one(path: Path, root: Path, rel: str, result: CorpusResult, seen: dict[str, str]) -> None:
    """Read one file into `result`, recording failures and duplicate ids."""
    try:
        guide, warnings = read_guide_with_findings(path, root)
    except GuideParseError as exc:
        result.findings.extend(exc.findings)
        result.skipped[rel] = exc.findings[0].message if exc.findings else "unreadable"
        return
    except OSError as exc:
        result.findings.append(finding(rel, "", "E104", f"cannot read file: {exc.strerror}"))
        result.skipped[rel] = f"cannot read file: {exc.strerror}"
        return
    if guide.id in seen:
        first = seen[guide.id]
        if not (owns_id(rel, guide.id) and not owns_id(first, guide.id)):
            message = (f"guide id '{guide.id}' already read from {first}; this copy is "
                       "skipped (a file at guides/<company>/<role> keeps its id)")
            result.findings.append(finding(rel, guide.id, "E301", message))
            result.skipped[rel] = message
            return
        # the file at the id's own path wins over an earlier file that claims its id
        message = (f"guide id '{guide.id}' belongs to {rel}, the file at its own path; this "
                   "file claims it and is skipped")
        result.findings.append(finding(first, guide.id, "E301", message))
        result.skipped[first] = message
        result.reused.pop(first, None)
        result.guides = [g for g in result.guides if g.id != guide.id]
        result.order.remove(guide.id)
    seen[guide.id] = rel
    result.guides.append(guide)
    result.order.append(guide.id)
    result.findings.extend(warnings)


def _reused(path: Path, rel: str, reuse: Mapping[str, tuple[str, str]], result: CorpusResult,
            seen: dict[str, str]) -> bool:
    """True when `path` is byte-for-byte what the previous build parsed (recorded as reused)."""
    known = reuse.get(rel)
    if known is None or known[1] in seen:
        return False
    try:
        digest = hashlib.sha256(read_file(path, rel)).hexdigest()
    except (OSError, GuideParseError):
        return False  # read again by `_read_one`, which says why
    if digest != known[0]:
        return False
    seen[known[1]] = rel
    result.reused[rel] = known[1]
    result.order.append(known[1])
    return True


def owns_id(rel: str, guide_id: str) -> bool:
    """True when the file at `rel` sits at its guide id's own path (".../<company>/<role>.md")."""
    stem = rel.rsplit(".", 1)[0]
    return stem == guide_id or stem.endswith("/" + guide_id)


def relative_path(path: Path, root: Path) -> str:
    """`path` relative to `root`, with forward slashes."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


OUTSIDE = "a symlink that leads outside the corpus; not read (ASSISTANT_FOLLOW_LINKS)"
LOOP = "a symlink that leads back into its own folder (a loop); not followed"


def _walk(roots: Iterable[Path], follow_links: bool = False
          ) -> tuple[list[tuple[Path, Path]], dict[str, tuple[str, str]]]:
    """(root, file) for every file under each root, sorted so results are stable, and what was
    passed by, relative path -> (lint code, why): symlinks leading outside the roots (not
    followed unless asked), symlink loops, and folders that cannot be listed.

    A loop is never walked: followed, two links back to their own folder make a tree of 2^40
    paths before the system's link limit stops it.
    """
    files: list[tuple[Path, Path]] = []
    passed: dict[str, tuple[str, str]] = {}
    roots = list(roots)
    inside = [r.resolve() for r in roots]

    def within(target: Path) -> bool:
        return any(target == r or r in target.parents for r in inside)

    for root in roots:
        if root.is_file():
            files.append((root.parent, root))
            continue

        def unlisted(error: OSError, root: Path = root) -> None:
            rel = relative_path(Path(str(error.filename)), root)
            passed[rel] = ("E109", f"cannot list folder: {error.strerror}; its files are not "
                                   "read (check its permissions)")

        for dirpath, dirnames, filenames in os.walk(root, onerror=unlisted, followlinks=True):
            base = Path(dirpath)
            here = _target(base)
            kept = []
            for d in sorted(d for d in dirnames if not d.startswith(".")):
                target = _target(base / d) if (base / d).is_symlink() else base / d
                if target is None or here is None or target == here or target in here.parents:
                    passed[relative_path(base / d, root)] = ("E108", LOOP)
                elif follow_links or not (base / d).is_symlink() or within(target):
                    kept.append(d)
                else:
                    passed[relative_path(base / d, root)] = ("E106", OUTSIDE)
            dirnames[:] = kept
            for name in sorted(n for n in filenames if not n.startswith(".")):
                path = base / name
                target = _target(path) if path.is_symlink() else path
                if target is None:
                    passed[relative_path(path, root)] = ("E108", LOOP)
                elif not follow_links and path.is_symlink() and not within(target):
                    passed[relative_path(path, root)] = ("E106", OUTSIDE)
                else:
                    files.append((root, path))
    return files, passed


def _target(path: Path) -> Path | None:
    """Where `path` leads, or None when its links go round in a loop."""
    try:
        return path.resolve(strict=False)
    except (RuntimeError, OSError):  # "Symlink loop" (RuntimeError before Python 3.13)
        return None


def _progress(
    items: list[tuple[Path, Path]], enabled: bool
) -> Iterable[tuple[Path, Path]]:
    """Wrap `items` in a tqdm bar when asked."""
    if not enabled:
        return items
    return tqdm(items, desc="reading guides", unit="file")
