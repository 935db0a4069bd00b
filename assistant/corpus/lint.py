"""Lint the guide library: every finding has a stable code (see `CODES`).

| code | level   | name                   | meaning                                              |
|------|---------|------------------------|------------------------------------------------------|
| E101 | error   | yaml-syntax            | frontmatter is not valid YAML (or is never closed)   |
| E102 | error   | yaml-unsafe-tag        | frontmatter uses a tag safe_load refuses             |
| E103 | error   | yaml-too-large         | file over 1 MiB, YAML alias bomb or too many nodes   |
| E104 | error   | not-utf8               | file is not valid UTF-8 (or cannot be read)          |
| E105 | error   | empty-file             | file, or the body after its frontmatter, is empty    |
| E106 | error   | symlink-outside        | a symlink leads outside the corpus; not read         |
| E107 | error   | not-a-file             | a FIFO, socket or device; never opened for reading   |
| E108 | error   | symlink-loop           | a symlink leads back into its own folder; not walked |
| E109 | error   | unreadable-folder      | a folder cannot be listed (permissions): its files   |
|      |         |                        | are missing from the index, so this is an error      |
| E201 | error   | missing-field          | required frontmatter field (company, role) missing   |
| E202 | error   | ill-typed-field        | a frontmatter field has the wrong type               |
| E203 | warning | low-greater-than-high  | a frontmatter range's low is above its high          |
| E301 | error   | duplicate-guide-id     | another file has this id (the one at its own path    |
|      |         |                        | guides/<company>/<role> wins, else the first read)   |
| W401 | warning | past-next-review-due   | next_review_due is before today                      |
| W402 | warning | currency-disagreement  | frontmatter and table currencies differ (table wins) |
| W403 | warning | figure-disagreement    | frontmatter and table numbers differ                 |
| W404 | warning | missing-optional-field | a recommended frontmatter field is missing           |
| W405 | warning | hidden-characters      | invisible or control characters were removed         |

Errors mean the file is skipped (not indexed); warnings mean it is indexed but flawed.
E203 keeps its E prefix from the original table but is a warning: one bad range does not
make the rest of a guide untrustworthy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from assistant.corpus.codes import CODES, finding
from assistant.corpus.model import CorpusResult, Finding
from assistant.corpus.reader import read_corpus

__all__ = ["CODES", "lint_corpus", "lint_result"]


def lint_corpus(roots: Sequence[Path] | Path, today: date | None = None,
                follow_links: bool = False) -> list[Finding]:
    """All findings for the files under `roots`, checked against `today` (default: now)."""
    return lint_result(read_corpus(roots, follow_links=follow_links), today)


def lint_result(result: CorpusResult, today: date | None = None) -> list[Finding]:
    """Findings of an already-read corpus plus date checks, sorted by path then code."""
    today = today or date.today()
    found = list(result.findings)
    for guide in result.guides:
        due = guide.next_review_due
        if due is not None and due < today:
            message = f"next_review_due {due.isoformat()} is past; re-check the figures"
            found.append(finding(guide.path, guide.id, "W401", message))
    return sorted(found, key=lambda f: (f.path, f.code))
