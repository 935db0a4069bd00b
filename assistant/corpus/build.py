"""Turn one decoded file into a Guide: pick its kind, fill fields, sections and rows."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from assistant.corpus import fields
from assistant.corpus.codes import CODES, finding
from assistant.corpus.fields import FrontRow, Problem
from assistant.corpus.frontmatter import split_frontmatter
from assistant.corpus.merge import merge_rows
from assistant.corpus.model import CompRow, Finding, Guide, GuideKind, Section
from assistant.corpus.paragraphs import first_words
from assistant.corpus.sections import anchor_at, section_spans
from assistant.corpus.slugs import clean_title
from assistant.corpus.tables import parse_tables
from assistant.errors import CorpusError

_GUIDE_TITLE = re.compile(
    r"^#{1,4}\s+(?P<role>.+?)\s+(?:\||—|–|-)\s+(?P<company>.+?)\s+"
    r"(?:Global\s+|Salary\s+)?Negotiation Guide\b"
)
_TITLE_SCAN_LINES = 8
_ARTICLE_TITLE_CHARS = 120
COLLECTION_FOLDERS = frozenset({"guides", "guides-plain", "articles", "corpus"})


class GuideParseError(CorpusError):
    """A file that cannot be trusted or indexed; `findings` say why and how to fix it."""

    def __init__(self, path: str, findings: list[Finding]) -> None:
        detail = findings[0].message if findings else "unreadable"
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.findings = findings


def build_guide(text: str, rel: str, digest: str) -> tuple[Guide, list[Finding]]:
    """A Guide from decoded `text` at relative path `rel`, plus its warnings."""
    front = split_frontmatter(text)
    if not front.ok:
        raise GuideParseError(rel, [finding(rel, "", front.code, front.error)])
    if front.data is not None:
        return _from_frontmatter(front.data, front.body, rel, digest)
    return _without_frontmatter(front.body, rel, digest)


def _from_frontmatter(
    data: dict[str, Any], body: str, rel: str, digest: str
) -> tuple[Guide, list[Finding]]:
    """A "guide" kind Guide from frontmatter data and its Markdown body."""
    problems = fields.missing_fields(data)
    values = {key: fields.text_field(data, key, problems) for key in fields.TEXT_FIELDS}
    dates = {key: fields.date_field(data, key, problems)
             for key in ("last_updated", "next_review_due")}
    mapping = fields.level_mapping(data.get("level_mapping"), problems)
    sources = fields.data_sources(data.get("data_sources"), problems)
    front_rows = fields.compensation(data.get("compensation"), problems)
    guide_id = f"{values['company']}/{values['role']}"
    if not body.strip():
        problems.append(("E105", "guide body after the frontmatter is empty"))
    _raise_on_errors(rel, guide_id, problems)
    rows, spans, row_problems = _rows_and_sections(body, front_rows)
    title = _guide_title(body) or f"{values['role_display']} | {values['company_display']}"
    guide = Guide(
        id=guide_id, path=rel, kind="guide", title=title, company=values["company"],
        company_display=values["company_display"], role=values["role"],
        role_display=values["role_display"], role_type=values["role_type"],
        last_updated=dates["last_updated"], next_review_due=dates["next_review_due"],
        salary_data_quarter=values["salary_data_quarter"], data_quality=values["data_quality"],
        negotiation_dna_summary=values["negotiation_dna_summary"], rows=tuple(rows),
        sections=spans, level_mapping=mapping, data_sources=sources,
        content_hash=digest,
    )
    return guide, _findings(rel, guide_id, problems + row_problems)


def _without_frontmatter(body: str, rel: str, digest: str) -> tuple[Guide, list[Finding]]:
    """A "plain" guide (title line or compensation table) or an "article"."""
    guide_id = str(PurePosixPath(rel).with_suffix(""))
    rows, spans, problems = _rows_and_sections(body, [])
    match = _title_match(body)
    parts = PurePosixPath(rel).parts
    # a plain guide sits in its company's folder; a folder of the library's own layout
    # ("guides/loose.md") is no company, so such a file is read as an article
    company_folder = len(parts) >= 2 and parts[-2].casefold() not in COLLECTION_FOLDERS
    kind: GuideKind = "plain" if company_folder and (match or rows) else "article"
    if kind == "article":
        title, body = article_title(body)
        rows, spans, problems = _rows_and_sections(body, [])
        guide = Guide(id=guide_id, path=rel, kind=kind, title=title, rows=tuple(rows),
                      sections=spans, content_hash=digest)
        return guide, _findings(rel, guide_id, problems)
    guide = Guide(
        id=guide_id, path=rel, kind=kind, title=_guide_title(body) or guide_id,
        company=parts[-2], role=PurePosixPath(rel).stem,
        company_display=match.group("company").strip() if match else "",
        role_display=clean_title(match.group("role")) if match else "",
        rows=tuple(rows), sections=spans, content_hash=digest,
    )
    return guide, _findings(rel, guide_id, problems)


def _rows_and_sections(
    body: str, front_rows: list[FrontRow]
) -> tuple[list[CompRow], tuple[Section, ...], list[Problem]]:
    """Merged compensation rows, the sections, and merge problems for a body."""
    spans = section_spans(body)
    table = parse_tables(body)
    anchor_of = {row.line_no: anchor_at(spans, row.line_no - 1) for row in table}
    rows, problems = merge_rows(front_rows, table, anchor_of)
    return rows, tuple(span.section for span in spans), problems


def article_title(body: str) -> tuple[str, str]:
    """An article's title and the body without it (a long first line stays in the body)."""
    lines = body.strip().split("\n")
    first = clean_title(lines[0].lstrip("#").strip())
    if len(first) <= _ARTICLE_TITLE_CHARS and not first.endswith((".", "!", "?")):
        rest = [line for line in lines[1:] if not (line.strip() and first.endswith(line.strip()))]
        return first, "\n".join(rest)
    return first_words(first, 10), body


def _guide_title(body: str) -> str:
    """The guide's title line without heading marks ("" when there is none)."""
    match = _title_match(body)
    if match:
        return clean_title(match.string.lstrip("#"))
    for line in body.split("\n")[:_TITLE_SCAN_LINES]:
        if line.startswith("#"):
            return clean_title(line.lstrip("#"))
    return ""


def _title_match(body: str) -> re.Match[str] | None:
    """The "Role | Company ... Negotiation Guide" heading among the first lines."""
    for line in body.split("\n")[:_TITLE_SCAN_LINES]:
        match = _GUIDE_TITLE.match(line)
        if match:
            return match
    return None


def _raise_on_errors(rel: str, guide_id: str, problems: list[Problem]) -> None:
    """Raise GuideParseError when any problem is error-level."""
    errors = [p for p in problems if CODES[p[0]].level == "error"]
    if errors:
        raise GuideParseError(rel, _findings(rel, guide_id.strip("/"), errors))


def _findings(rel: str, guide_id: str, problems: list[Problem]) -> list[Finding]:
    """Findings for (code, message) problems of one file."""
    return [finding(rel, guide_id, code, message) for code, message in problems]
