"""A counter plan: the guide's Negotiate Up script with its placeholders filled from the
person's offer and the guide's band, every computed figure with its arithmetic.

Example:
    >>> plan = fill_script(script, row, stated)   # "offer of $[X]K base ... $[Y+90K]"
    >>> plan.text
    'Thank you for the offer of $190K base, ... I need the RSU grant increased to $326K ...'
    >>> plan.workings[1]
    'RSUs: $236K + $90K = $326K'

The scripts write their numbers as placeholders: a letter for a part of the offer ("$[X]K
base", "$[Y]K RSUs", "signing bonus of $[Z+40-60]K"), a raise on it ("$[X+20-30]K"), or a
range of the guide's own ("$[40K-70K]"). A letter's part is read from the words beside its
first use. Its value is the person's figure for that part, else the midpoint of the asked
row's band for it, said so. A placeholder nobody can fill ("$[W]K TC" of a competing offer,
"$[target]") is written out in words. A script in another currency than the row's is not
filled: its raises would be sums of two currencies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.answer.read.stated import StatedFigure
from assistant.corpus.model import COMPONENT_LABELS, CompRow
from assistant.corpus.tables import COMPONENT_PATTERNS
from assistant.money.format import format_amount, format_range

_PLACEHOLDER = re.compile(r"(?P<sym>[$£€₹]?)\[(?P<expr>[^\]\n]{1,40})\](?P<k>K?)")
_RAISE = re.compile(r"^(?P<var>[A-Z])\s*\+\s*(?P<lo>\d+(?:\.\d+)?)K?(?:\s*[-–]\s*"
                    r"(?P<hi>\d+(?:\.\d+)?)K?)?$")
_LITERAL = re.compile(r"^(?P<lo>\d+(?:\.\d+)?)K?(?:\s*[-–]\s*(?P<hi>\d+(?:\.\d+)?)K?)?$")
_SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "₹": "INR"}
NEAR = 30  # characters beside a placeholder whose words name its part


@dataclass(frozen=True)
class Plan:
    """The filled script and one line of arithmetic or origin per filled figure."""

    text: str
    workings: tuple[str, ...]


def fill_script(script: str, row: CompRow, stated: tuple[StatedFigure, ...]) -> Plan | None:
    """The script filled for `row` and the person's `stated` figures; None when the script
    has no placeholder or is written in another currency than the row."""
    found = list(_PLACEHOLDER.finditer(script))
    symbols = {_SYMBOLS.get(m.group("sym")) for m in found if m.group("sym")}
    numbers = [m for m in found if m.group("sym") or _RAISE.match(m.group("expr").strip())
               or re.fullmatch(r"[A-Z]", m.group("expr").strip())]
    if not numbers or symbols - {row.currency}:  # "[Google/Meta]" is the person's to fill
        return None
    parts = _parts(script, found)
    values: dict[str, float] = {}
    workings: list[str] = []
    for var, part in parts.items():
        value, origin = _value(part, row, stated)
        if value is not None:
            values[var] = value
            workings.append(f"{_label(part, var)} {format_amount(value, _unit(part, row))}: "
                            f"{origin}")

    def filled(m: re.Match[str]) -> str:
        text, working = _fill(m, parts, values, row.currency)
        if working and working not in workings:
            workings.append(working)
        return text

    return Plan(_PLACEHOLDER.sub(filled, script), tuple(workings))


def _parts(script: str, found: list[re.Match[str]]) -> dict[str, str]:
    """Each placeholder letter -> the part of the offer the words beside its first use name."""
    parts: dict[str, str] = {}
    for m in found:
        expr = m.group("expr").strip()
        var = expr[0] if expr[:1].isupper() and (len(expr) == 1 or _RAISE.match(expr)) else ""
        if not var or var in parts:
            continue
        if "%" in script[m.end():m.end() + 1]:
            parts[var] = "bonus"
            continue
        # the part named nearest: after it up to the next blank, or before it after the last
        after = script[m.end():m.end() + NEAR].split("[")[0].split(",")[0]
        before = script[max(0, m.start() - NEAR):m.start()].split("]")[-1].split(",")[-1]
        near: list[tuple[int, str]] = []
        for part, pattern in COMPONENT_PATTERNS:  # the words a table column names a part by
            near += [(w.start(), part) for w in pattern.finditer(after)]
            near += [(len(before) - w.end(), part) for w in pattern.finditer(before)]
        if near:
            parts[var] = min(near)[1]
    return parts


def _unit(part: str, row: CompRow) -> str:
    """A part's unit in the row: "%" for a bonus the guide gives as a share, else money."""
    figure = row.figure(part)
    return "%" if figure is not None and figure.unit == "%" else row.currency


def _value(part: str, row: CompRow, stated: tuple[StatedFigure, ...]
           ) -> tuple[float | None, str]:
    """The person's figure for `part`, else the band's midpoint, with where it came from."""
    figure, unit = row.figure(part), _unit(part, row)
    mine = next((s for s in stated if s.component == part and s.unit in ("", unit)), None)
    if mine is not None:
        return mine.value, "your offer"
    if figure is None or figure.low is None or figure.high is None or part == "total_comp":
        return None, ""
    if figure.low == figure.high:
        return figure.low, f"not given, so the guide's figure {figure.text}"
    mid = (figure.low + figure.high) / 2
    low, high, middle = (format_amount(v, unit) for v in (figure.low, figure.high, mid))
    return mid, (f"not given, so the midpoint of the guide's band {figure.text}: "
                 f"({low} + {high}) ÷ 2 = {middle}")


def _fill(m: re.Match[str], parts: dict[str, str], values: dict[str, float],
          currency: str) -> tuple[str, str]:
    """One placeholder's text and, for a raise, its arithmetic."""
    expr, scale = m.group("expr").strip(), 1000.0
    raised = _RAISE.match(expr)
    if raised and raised.group("var") in values:
        base = values[raised.group("var")]
        lo = base + float(raised.group("lo")) * scale
        hi = base + float(raised.group("hi") or raised.group("lo")) * scale
        text = format_range(lo, hi, currency)
        step = format_range(lo - base, hi - base, currency)
        part = parts.get(raised.group("var"), "")
        return text, f"{_label(part, raised.group('var'))} ask: " \
                     f"{format_amount(base, currency)} + {step} = {text}"
    if len(expr) == 1 and expr in values:
        if parts.get(expr) == "bonus" and not m.group("sym"):  # "[Z]% bonus": the number
            return f"{values[expr]:g}", ""
        return format_amount(values[expr], currency), ""
    literal = _LITERAL.match(expr)
    if literal and m.group("sym"):  # "$[40K-70K]": the guide's own range
        hi = float(literal.group("hi") or literal.group("lo")) * scale
        return format_range(float(literal.group("lo")) * scale, hi, currency), ""
    words = {"W": "your competing offer", "TC": "your competing offer's total comp"}
    if expr in words:
        return f"[{words[expr]}]", ""
    part = parts.get(expr[:1], "")
    if raised and part:  # a raise on a part nobody gave: "[sign-on bonus + $40K–$60K]"
        lo, hi = (float(raised.group(g) or raised.group("lo")) * scale for g in ("lo", "hi"))
        return f"[{COMPONENT_LABELS[part]} + {format_range(lo, hi, currency)}]", ""
    return f"[{COMPONENT_LABELS[part] if part and len(expr) == 1 else expr}]", ""


def _label(part: str, var: str) -> str:
    return COMPONENT_LABELS.get(part, var).capitalize() if part else var
