"""Typed values from frontmatter fields, with problems reported as (code, message) pairs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.corpus.model import LevelMapping, Source

REQUIRED = ("company", "role")
RECOMMENDED = (
    "company_display", "role_display", "role_type", "last_updated", "data_quality",
    "salary_data_quarter", "next_review_due", "compensation", "level_mapping", "data_sources",
    "negotiation_dna_summary",
)
TEXT_FIELDS = (
    "company", "company_display", "role", "role_display", "role_type", "data_quality",
    "salary_data_quarter", "negotiation_dna_summary",
)
# component -> (low key, high key); bonus may instead be a single bonus_pct
RANGE_KEYS: dict[str, tuple[str, str]] = {
    "base": ("base_low", "base_high"),
    "stock": ("stock_low", "stock_high"),
    "bonus": ("bonus_low", "bonus_high"),
    "signing_bonus": ("signing_bonus_low", "signing_bonus_high"),
    "total_comp": ("total_comp_low", "total_comp_high"),
}

Problem = tuple[str, str]  # (lint code, message)


@dataclass(frozen=True)
class FrontRow:
    """One compensation[] entry: raw region, currency and numeric figures (low, high, unit)."""

    region_raw: str
    currency: str
    figures: dict[str, tuple[float | None, float | None, str]] = field(default_factory=dict)


def text_field(data: dict[str, Any], key: str, problems: list[Problem]) -> str:
    """A string field ("" when absent or null); numbers are accepted as text."""
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip()
    problems.append(("E202", f"field '{key}' must be text, got {type(value).__name__}"))
    return ""


def date_field(data: dict[str, Any], key: str, problems: list[Problem]) -> date | None:
    """A date field (YAML date or ISO string), or None."""
    value = data.get(key)
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append(("E202", f"field '{key}' must be a date (YYYY-MM-DD), got {value!r}"))
        return None


def missing_fields(data: dict[str, Any]) -> list[Problem]:
    """E201 for each absent required field, W404 for each absent recommended one."""
    problems: list[Problem] = []
    for key in REQUIRED:
        if not data.get(key):
            problems.append(("E201", f"required field '{key}' is missing; add it to frontmatter"))
    for key in RECOMMENDED:
        if key not in data:
            problems.append(("W404", f"field '{key}' is missing"))
    return problems


def level_mapping(value: Any, problems: list[Problem]) -> LevelMapping:
    """A LevelMapping from text or a mapping with raw / internal / per-company keys."""
    if value is None:
        return LevelMapping()
    if isinstance(value, str):
        return LevelMapping(raw=value.strip())
    if not isinstance(value, dict):
        problems.append(("E202", "field 'level_mapping' must be text or a mapping"))
        return LevelMapping()
    raw = _text(value.get("raw"))
    internal = _text(value.get("internal"))
    pairs = tuple(
        (str(key), _text(val))
        for key, val in value.items()
        if key not in ("raw", "internal") and val is not None
    )
    return LevelMapping(raw=raw, internal=internal, per_company=pairs)


def data_sources(value: Any, problems: list[Problem]) -> tuple[Source, ...]:
    """Sources from a list of names or {name, url} mappings."""
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(("E202", "field 'data_sources' must be a list"))
        return ()
    sources: list[Source] = []
    for item in value:
        if isinstance(item, dict) and item.get("name"):
            sources.append(Source(_text(item["name"]), _text(item.get("url"))))
        elif isinstance(item, str | int | float) and str(item).strip():
            sources.append(Source(str(item).strip()))
        else:
            problems.append(("E202", f"data_sources entry {item!r} needs a name"))
    return tuple(sources)


def compensation(value: Any, problems: list[Problem]) -> list[FrontRow]:
    """FrontRows from compensation[]; ill-typed rows are reported and skipped."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(("E202", "field 'compensation' must be a list of rows"))
        return []
    rows: list[FrontRow] = []
    for index, item in enumerate(value, start=1):
        if not isinstance(item, dict) or not _text(item.get("region")):
            problems.append(("E202", f"compensation row {index} must be a mapping with a region"))
            continue
        rows.append(_front_row(item, problems))
    return rows


def _front_row(item: dict[str, Any], problems: list[Problem]) -> FrontRow:
    """One compensation row with its numeric figures."""
    region = _text(item.get("region"))
    currency = _text(item.get("currency")).upper()
    figures: dict[str, tuple[float | None, float | None, str]] = {}
    for component, (low_key, high_key) in RANGE_KEYS.items():
        low = _number(item, low_key, region, problems)
        high = _number(item, high_key, region, problems)
        if low is None and high is None:
            continue
        if low is not None and high is not None and low > high:
            problems.append(("E203", f"{region}: {low_key} {low:g} is above {high_key} {high:g}"))
        figures[component] = (low, high, currency)
    pct = _number(item, "bonus_pct", region, problems)
    if pct is not None and "bonus" not in figures:
        figures["bonus"] = (pct, pct, "%")
    return FrontRow(region, currency, figures)


def _number(item: dict[str, Any], key: str, region: str, problems: list[Problem]) -> float | None:
    """A numeric figure, or None when absent/null; other types are reported."""
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    problems.append(("E202", f"{region}: '{key}' must be a number, got {value!r}"))
    return None


def _text(value: Any) -> str:
    """Text of a scalar, "" for None."""
    return "" if value is None else str(value).strip()
