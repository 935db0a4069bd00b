"""Find the compensation tables in a guide's Markdown body and return one TableRow per band.

Shapes, told apart by the first header cell (counts across the 4,466 guides):
  region     "| Region | Base Salary | Stock | Bonus | Total Comp |", a row per region (3,877)
  level      "| Level | Sunnyvale (USD) | London (GBP) |", a row per level, a column per
             region; the cells are total compensation (462 of these tables carry the caption
             "Total compensation includes base salary, equity ...", and frontmatter
             total_comp_low/high is their min/max); also "| Level | Title | Base Salary | ...",
             a row per level with component columns
  component  "| Component | San Francisco (USD) | London (GBP) |", a row per pay component,
             transposed into one row per region; "| Component | Mid (IC4) | Senior (IC5) |"
             tables take their region from the heading above ("**Boston (USD) — HQ**")
Tables whose first header is anything else ("Company", "Adyen | Google | Meta", "Year",
"External Title") are skipped: they compare other companies or map levels.

Example:
    >>> rows = parse_tables(body)
    >>> rows[0].region_raw, rows[0].figures["base"].low
    ('Bay Area / Sunnyvale (US R&D)', 170000.0)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.corpus.regions import normalize_region, note_currency, region_currency_hint
from assistant.money.cells import ParsedCell, clean_cell, parse_amount_range

_SEPARATOR_ROW_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
_BOLD_LINE_RE = re.compile(r"^\s*\*\*(?P<title>[^*]+?)\*\*\s*:?\s*$")
COMPONENT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("signing_bonus", re.compile(r"sign[- ]?on|signing|joining", re.I)),
    ("total_comp", re.compile(r"\btotal\b|\btc\b", re.I)),
    ("base", re.compile(r"\bbase\b|salary", re.I)),
    ("stock", re.compile(r"stock|rsu|equity|option|\bppu|phantom|profit[- ]?sharing", re.I)),
    ("bonus", re.compile(r"bonus|carry", re.I)),
)
# Columns of negotiation-target tables ("| Component | Target | Accept-At | Walk-Away |"):
# asks, not market bands, so they are skipped.
_TARGET_COLUMN_RE = re.compile(r"target|accept|walk|floor|stretch|initial|start at", re.I)
_NOT_A_PLACE_RE = re.compile(r"\b(?:table|compensation|comp|salary|pay)\b", re.I)
_COUNT_LABEL_RE = re.compile(r"\bshares?\b|\bunits?\b|number of|#", re.I)
_REGION_HEADERS = frozenset({"region", "location", "market", "office", "geography"})


@dataclass(frozen=True)
class TableRow:
    """One band of a compensation table: a region (and maybe a level) with parsed figures.

    `region_raw` is the region cell or column header without Markdown emphasis ("" when the
    table names none); `section` is the heading above the table; `line_no` is 1-based in the
    body (the data row, or the header row for transposed component tables).
    """

    region_raw: str
    level: str
    figures: dict[str, ParsedCell] = field(hash=False)
    line_no: int
    section: str = ""
    shape: str = "region"


@dataclass(frozen=True)
class _Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (1-based line number, cells)
    line_no: int
    section: str


def component_of(header: str) -> str:
    """The pay component a column or row label names ("Stock (RSU/4yr)" -> "stock"), or ""."""
    for component, pattern in COMPONENT_PATTERNS:
        if pattern.search(header):
            return component
    return ""


def _cells(line: str) -> list[str]:
    text = line.strip()
    text = text[1:] if text.startswith("|") else text
    text = text[:-1] if text.endswith("|") else text
    return [clean_cell(cell) for cell in text.split("|")]


def _section_title(line: str) -> str | None:
    m = _HEADING_RE.match(line) or _BOLD_LINE_RE.match(line)
    return clean_cell(m.group("title")).rstrip(":").strip() if m else None


def _tables(body: str) -> Iterator[_Table]:
    lines = body.splitlines()
    section, i = "", 0
    while i < len(lines):
        title = _section_title(lines[i])
        if title is not None:
            section = title
        is_table = lines[i].lstrip().startswith("|") and i + 1 < len(lines)
        if not (is_table and _SEPARATOR_ROW_RE.match(lines[i + 1])):
            i += 1
            continue
        header, start, i = _cells(lines[i]), i + 1, i + 2
        rows: list[tuple[int, list[str]]] = []
        while i < len(lines) and lines[i].lstrip().startswith("|"):
            rows.append((i + 1, _cells(lines[i])))
            i += 1
        yield _Table(header, rows, start, section)


def _column_region(header: str) -> str:
    """A column header naming a place with a currency ("London (GBP £)"), else ""."""
    if component_of(header):
        return ""
    return header if note_currency(normalize_region(header).note) else ""


def _default_currency(region_raw: str) -> str:
    region = normalize_region(region_raw)
    return note_currency(region.note) or region_currency_hint(region.name)


def _parse_figures(cells: dict[str, str], currency: str) -> dict[str, ParsedCell]:
    figures: dict[str, ParsedCell] = {}
    for component, text in cells.items():
        parsed = parse_amount_range(text, currency)
        if parsed is not None:
            figures[component] = parsed
    return figures


def _component_columns(header: list[str]) -> dict[int, str]:
    """Column index -> component, the first column naming a component winning."""
    columns: dict[int, str] = {}
    for index, title in enumerate(header[1:], start=1):
        component = component_of(title)
        if component and component not in columns.values():
            columns[index] = component
    return columns


def _region_rows(table: _Table) -> list[TableRow]:
    columns = _component_columns(table.header)
    out: list[TableRow] = []
    for line_no, cells in table.rows:
        region = cells[0]
        picked = {comp: cells[i] for i, comp in columns.items() if i < len(cells)}
        figures = _parse_figures(picked, _default_currency(region))
        if region and figures:
            out.append(TableRow(region, "", figures, line_no, table.section, "region"))
    return out


def _level_rows(table: _Table) -> list[TableRow]:
    regions = {i: r for i, h in enumerate(table.header) if i and (r := _column_region(h))}
    if regions:
        return _level_region_rows(table, regions)
    return _level_component_rows(table)


def _level_region_rows(table: _Table, regions: dict[int, str]) -> list[TableRow]:
    component = "total_comp"
    if re.search(r"\bbase\b", table.section, re.I) and not re.search(r"total", table.section, re.I):
        component = "base"
    out: list[TableRow] = []
    for line_no, cells in table.rows:
        for index, region in regions.items():
            if index >= len(cells):
                continue
            figures = _parse_figures({component: cells[index]}, _default_currency(region))
            if figures:
                out.append(TableRow(region, cells[0], figures, line_no, table.section, "level"))
    return out


def _level_component_rows(table: _Table) -> list[TableRow]:
    """Level rows with component columns: "| Level | Title | Base Salary | ... |"."""
    lowered = [h.casefold() for h in table.header]
    title_col = lowered.index("title") if "title" in lowered else -1
    region_col = lowered.index("region") if "region" in lowered else -1
    columns = _component_columns(table.header)
    out: list[TableRow] = []
    for line_no, cells in table.rows:
        level = cells[0]
        if 0 < title_col < len(cells) and cells[title_col]:
            level = f"{cells[title_col]} ({cells[0]})"
        region = cells[region_col] if 0 < region_col < len(cells) else ""
        picked = {comp: cells[i] for i, comp in columns.items() if i < len(cells)}
        figures = _parse_figures(picked, _default_currency(region) if region else "")
        if figures:
            out.append(TableRow(region, level, figures, line_no, table.section, "level"))
    return out


def _section_region(section: str) -> str:
    """The priced place a heading names: "Boston (USD) — HQ Premium" -> "Boston (USD)"."""
    head = re.split(r"\s+[—–-]\s+", section)[0].strip()
    region = normalize_region(head)
    return head if note_currency(region.note) and not _NOT_A_PLACE_RE.search(region.name) else ""


def _component_rows(table: _Table) -> list[TableRow]:
    """Transpose "| Component | <region or level columns> |" into one row per column."""
    regions = {i: r for i, h in enumerate(table.header) if i and (r := _column_region(h))}
    shape, section_region = "component", ""
    if not regions:
        section_region = _section_region(table.section)
        if not section_region or any(_TARGET_COLUMN_RE.search(h) for h in table.header[1:]):
            return []
        regions = {i: section_region for i in range(1, len(table.header))}
        shape = "component_level"
    out: list[TableRow] = []
    for index, region in regions.items():
        figures: dict[str, ParsedCell] = {}
        for _, cells in table.rows:
            component = component_of(cells[0])
            if not component or component in figures or index >= len(cells):
                continue
            # "Options (shares) | 20,000–50,000": a count, so bare numbers get no currency.
            currency = "" if _COUNT_LABEL_RE.search(cells[0]) else _default_currency(region)
            parsed = parse_amount_range(cells[index], currency)
            if parsed is not None:
                figures[component] = parsed
        level = table.header[index] if section_region else ""
        if figures:
            out.append(TableRow(region, level, figures, table.line_no, table.section, shape))
    return out


def table_kind(header: list[str]) -> str:
    """The table shape from its first header cell: region, level, component or "" (skip)."""
    first = header[0].casefold() if header else ""
    if first in _REGION_HEADERS:
        return "region"
    if first == "level" or first.endswith(" level"):
        return "level"
    if first == "component":
        return "component"
    return ""


def parse_tables(body: str) -> list[TableRow]:
    """Every compensation band in the body's tables, in document order."""
    parsers = {"region": _region_rows, "level": _level_rows, "component": _component_rows}
    rows: list[TableRow] = []
    for table in _tables(body):
        kind = table_kind(table.header)
        if kind:
            rows.extend(parsers[kind](table))
    return rows
