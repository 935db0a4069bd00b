"""Stable lint codes: one per kind of finding, with its level and a short name.

Errors (E...) mean the file cannot be trusted or indexed and is skipped; warnings (W...) mean
the guide is indexed but something in it is flawed.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.corpus.model import Finding, Level


@dataclass(frozen=True)
class Code:
    """One lint code: its level, a short slug and what it means."""

    code: str
    level: Level
    slug: str
    meaning: str


_TABLE: tuple[Code, ...] = (
    Code("E101", "error", "yaml-syntax", "frontmatter is not valid YAML (or is never closed)"),
    Code("E102", "error", "yaml-unsafe-tag", "frontmatter uses a tag safe_load refuses"),
    Code("E103", "error", "yaml-too-large", "file too large, or YAML alias bomb / too complex"),
    Code("E104", "error", "not-utf8", "file is not valid UTF-8"),
    Code("E105", "error", "empty-file", "file or guide body is empty"),
    Code("E106", "error", "symlink-outside", "a symlink leads outside the corpus; not read"),
    Code("E107", "error", "not-a-file", "a FIFO, socket or device, not a regular file"),
    Code("E108", "error", "symlink-loop", "a symlink leads back into its own folder"),
    Code("E109", "error", "unreadable-folder", "a folder cannot be listed; its files not read"),
    Code("E201", "error", "missing-field", "a required frontmatter field is missing"),
    Code("E202", "error", "ill-typed-field", "a frontmatter field has the wrong type"),
    Code("E203", "warning", "low-greater-than-high", "a range's low is above its high"),
    Code("E301", "error", "duplicate-guide-id", "another file already has this guide id"),
    Code("W401", "warning", "past-next-review-due", "next_review_due is in the past"),
    Code("W402", "warning", "currency-disagreement", "frontmatter and table currencies differ"),
    Code("W403", "warning", "figure-disagreement", "frontmatter and table numbers differ"),
    Code("W404", "warning", "missing-optional-field", "a recommended frontmatter field is missing"),
    Code("W405", "warning", "hidden-characters", "invisible or control characters were removed"),
)

CODES: dict[str, Code] = {c.code: c for c in _TABLE}


def finding(path: str, guide: str, code: str, message: str) -> Finding:
    """A Finding for `code`, with the level the code table gives it."""
    return Finding(path=path, guide=guide, level=CODES[code].level, code=code, message=message)
