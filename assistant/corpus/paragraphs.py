"""Sections for plain text with no Markdown: title-like lines and paragraph groups; and the
paragraphs an answer quotes out of any section (`quoted_paragraphs`).

A short line without closing punctuation ("Demand is Booming", "Key Points:") becomes a
section title. Prose is grouped into sections of at most GROUP_CHARS characters; a group that
has no title line of its own is titled by its first words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.corpus.model import Section
from assistant.corpus.slugs import SectionSpan, Slugger, clean_title

GROUP_CHARS = 1500
TITLE_WORDS = 8
TITLE_CHARS = 80
UNWRAPPED_CHARS = 100  # wrapped text never has lines this long: each line is a paragraph
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s")
_ITEM = re.compile(r"^(?:[•\-*]|\d+[.)])\s+")


def is_title_line(line: str) -> bool:
    """True when a plain-text line reads like a heading rather than prose."""
    if not line.strip() or line[:1].isspace() or _BULLET.match(line):
        return False
    text = line.strip()
    words = text.split()
    if not 2 <= len(words) <= TITLE_WORDS or len(text) > TITLE_CHARS:
        return False
    return text[-1] not in ".!?,;\"”'" and (text[0].isupper() or text[0].isdigit())


def first_words(text: str, count: int = 8) -> str:
    """The first `count` words of `text`, with an ellipsis when cut."""
    words = text.split()
    head = " ".join(words[:count])
    return head + ("…" if len(words) > count else "")


def paragraph_spans(lines: list[str]) -> list[SectionSpan]:
    """Sections of a plain-text body: titled blocks, long ones cut into paragraph groups."""
    slugger = Slugger()
    spans: list[SectionSpan] = []
    for title, start, paragraphs in _groups(lines):
        text = "\n\n".join(p for _, p in paragraphs)
        name = title or first_words(paragraphs[0][1])
        section = Section(name, slugger.anchor(name), text, 3 if title else 2)
        spans.append(SectionSpan(section, start))
    return spans


def _groups(lines: list[str]) -> list[tuple[str, int, list[tuple[int, str]]]]:
    """(title or "", start line, [(line, paragraph)]) groups in order."""
    groups: list[tuple[str, int, list[tuple[int, str]]]] = []
    title, start, size = "", 0, 0
    current: list[tuple[int, str]] = []
    for no, para in _paragraphs(lines):
        if is_title_line(para) or (current and size + len(para) > GROUP_CHARS):
            if current:
                groups.append((title, start, current))
            heading = is_title_line(para)
            title, start, size = (clean_title(para) if heading else ""), no, 0
            current = []
            if heading:
                continue
        current.append((no, para))
        size += len(para)
    if current:
        groups.append((title, start, current))
    return groups


def _paragraphs(lines: list[str]) -> list[tuple[int, str]]:
    """(first line, text) of each paragraph; a paragraph is a blank-separated block of lines
    unless lines are long prose lines, in which case each line is its own paragraph."""
    paras: list[tuple[int, str]] = []
    block: list[str] = []
    begin = 0
    for no, line in enumerate(lines + [""]):
        if line.strip() and not (block and (is_title_line(line) or is_title_line(block[-1]))):
            if not block:
                begin = no
            block.append(line.rstrip())
            continue
        if block:
            paras.extend(_split_block(begin, block))
        block = [line.rstrip()] if line.strip() else []
        begin = no
    return paras


def _split_block(begin: int, block: list[str]) -> list[tuple[int, str]]:
    """One paragraph per line when lines are unwrapped prose; else one joined paragraph."""
    if any(len(line) > UNWRAPPED_CHARS for line in block):
        return [(begin + i, line.strip()) for i, line in enumerate(block)]
    return [(begin, "\n".join(block).strip())]


@lru_cache(maxsize=4096)
def quoted_paragraphs(text: str) -> list[str]:
    """A section's paragraphs as answers quote them (and the index embeds the articles'):
    non-empty lines; a table, and a list with the line that introduces it, stay whole (their
    rows mean nothing apart). Remembered: the articles' sections recur every question."""
    out: list[str] = []
    table: list[str] = []
    for line in (x.strip() for x in text.splitlines()):
        if line.startswith("|"):
            table.append(line)
            continue
        if table:
            out.append("\n".join(table))
            table = []
        if line and _ITEM.match(line) and out and (out[-1].endswith(":") or "\n" in out[-1]
                                                   and _ITEM.match(out[-1].splitlines()[-1])):
            out[-1] += "\n" + line  # a list stays whole, with the line that introduces it
        elif line:
            out.append(line)
    if table:
        out.append("\n".join(table))
    return out
