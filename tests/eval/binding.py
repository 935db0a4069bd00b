"""A figure check that trusts nothing the program parsed: it reads the cited guide file itself.

Every figure in an answer must be bound to a cited source:
- a pay-row line ("**Stripe Data Scientist — New York** (USD): base $195K–$245K [1]") binds
  each component's figure to a cell of the cited file's tables whose row label and column
  header hold the line's region and level, and whose column (or row) names that component;
  or to the file's frontmatter row for that region, by its numbers;
- any other figure (quotes of scripts and levers, sign-on mentions) must appear verbatim in
  the text of a file the paragraph cites.
Figures are found in every currency the library writes, and in bare ranges ("220K–620K").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CODES = ("USD|GBP|EUR|INR|SGD|CNY|CAD|AUD|HKD|JPY|CHF|PLN|KRW|DKK|SEK|NOK|ILS|AED|BRL|MXN|"
         "TWD|SAR|NZD|ZAR|IDR|VND|RON|ARS|UYU")
_AMOUNT = r"\d[\d,.]*\s?(?:[KkMmB]|L(?:PA)?|Cr)?"
FIGURE = re.compile(
    rf"(?:(?:[A-Z]{{1,2}})?[$£€₹¥₩₪]|\b(?:{CODES})\s?){_AMOUNT}"
    rf"|\b\d+(?:\.\d+)?\s?%"
    rf"|\b\d+(?:\.\d+)?[KM]\s?[–-]\s?\d+(?:\.\d+)?[KM]\b")
COMPONENT_WORDS = {
    "base": re.compile(r"\bbase|salary", re.I),
    "stock": re.compile(r"stock|rsu|equity|option|share|ppu|grant", re.I),
    "bonus": re.compile(r"bonus|incentive|variable", re.I),
    "sign-on bonus": re.compile(r"sign|joining", re.I),
    "total comp": re.compile(r"total|\btc\b", re.I),
}
FRONT_KEYS = {"base": "base", "stock": "stock", "bonus": "bonus", "sign-on bonus":
              "signing_bonus", "total comp": "total_comp"}
_ROW_LINE = re.compile(r"^\*\*(?P<label>.+?) — (?P<where>.+?)\*\* \((?P<cur>[^)]*)\)(?P<rest>.*)",
                       re.S)
_LABELS = r"(?:sign-on bonus|total comp|base|stock|bonus)"
_BASIS = re.compile(r" \((?:over \d+ years|per year)\)")
_PART = re.compile(rf"({_LABELS}) (.+?)(?=, {_LABELS} |$)")
_MARK = re.compile(r"\[(\d+)\]")
_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Table:
    """One Markdown table: its header cells and its data rows' cells."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    context: str = ""  # the heading above and the note below, which may name the component


def unbound_figures(text: str, sources: dict[int, Path], question: str = "") -> list[str]:
    """Figures of the answer `text` that no cited source holds where the answer says.

    A placement line ("**Your base of $190K** is 26% of the way through …") may also hold the
    person's own figures, which must be in the `question`, and numbers it computed, which
    must follow from the arithmetic it shows; a line asking which part a figure is holds
    only the person's figure.
    """
    problems: list[str] = []
    worked = _worked_values(text, list(sources.values()), question, problems)
    for para in text.split("\n\n"):
        cited = [sources[int(n)] for n in _MARK.findall(para) if int(n) in sources]
        if para.startswith("How the figures were filled:"):
            continue  # checked by _worked_values
        if para.startswith("**Counter plan**"):
            problems += [f"{f!r} of the counter plan is no file's, the person's or worked out"
                         for f in FIGURE.findall(_MARK.sub("", para))
                         if not any(_value(f) in _amounts(p) for p in cited)
                         and _flat(f).casefold() not in _flat(question).casefold()
                         and not any(abs(_value(f) - v) <= 1 for v in worked)]
            continue
        if para.startswith(("**Your ", "To place your ")):
            problems += _placement_problems(para, cited, question)
            continue
        if para.startswith(("You did not say which part", "Say which part")):
            # only the person's own figure, asked about: it must be the question's
            problems += [f"{f!r} is not the person's, in: {para[:80]!r}"
                         for f in FIGURE.findall(para)
                         if _flat(f).casefold() not in _flat(question).casefold()]
            continue
        if _GAP.search(para):
            problems += _gap_problems(para, cited)
            continue
        row = _ROW_LINE.match(para.strip())
        if row:
            problems += _row_problems(row, cited)
            continue
        for figure in FIGURE.findall(_MARK.sub("", para)):
            if not any(_flat(figure) in _flat(file_text(p)) for p in cited):
                problems.append(f"{figure!r} is in no cited source of: {para[:80]!r}")
    return problems


_NUMBER = re.compile(r"(?P<sym>[$£€₹₪]|[A-Z]{1,2}\$|\b[A-Z]{3} )?(?P<n>\d[\d,.]*)"
                     r"(?P<suf>[KMLB]|%)?")
_SCALE = {"K": 1e3, "M": 1e6, "L": 1e5, "B": 1e9, "%": 1.0, None: 1.0}
_SUBTRACT = re.compile(r"(\S+) − (\S+) = (\S+?)\.?$")
_SHARE = re.compile(r"\((\S+) − (\S+)\) ÷ \((\S+) − (\S+)\) = (\S+) ÷ (\S+) = (\d+)%")


_GAP = re.compile(r"\(([^()−=]+?) − ([^()−=]+?) = ([^()]+?)\)")
_WORKED = re.compile(r"^- [A-Z][\w -]*? (?P<value>\S+): (?P<how>.+)$")
_RAISED = re.compile(r"^- [A-Z][\w -]*? ask: (\S+) \+ (\S+?)(?:–(\S+))? = (\S+?)(?:–(\S+))?$")
_MIDPOINT = re.compile(r"band (\S+): \((\S+) \+ (\S+)\) ÷ 2 = (\S+)$")


@lru_cache(maxsize=512)
def _amounts(path: Path) -> frozenset[float]:
    """Every amount the file writes, in or out of a script's brackets ("$[330K]",
    "$[40K-70K]": the guide's own numbers where its script leaves a blank)."""
    text = file_text(path).replace("[", " ").replace("]", " ")
    found = set()
    for m in re.finditer(r"(\d[\d,.]*)\s?([KMLB])?\b", text):
        number = m.group(1).replace(",", "").rstrip(".")
        if number.replace(".", "", 1).isdigit():
            found.add(float(number) * _SCALE[m.group(2)])
    return frozenset(found)


def _worked_values(text: str, files: list[Path], question: str,
                   problems: list[str]) -> set[float]:
    """The numbers a counter plan's "How the figures were filled" lines work out, each
    checked: the person's own, a band's midpoint from a cited file, a raise the script's
    placeholder names ("$[Y+80K]"), with sums that hold."""
    values: set[float] = set()
    body = text.split("How the figures were filled:\n", 1)
    for line in body[1].split("\n\n")[0].splitlines() if len(body) == 2 else []:
        raised = _RAISED.match(line)
        if raised:
            base, lo, hi, low, high = (_value(g) if g else None for g in raised.groups())
            ok = base is not None and lo is not None and low is not None and \
                abs(base + lo - low) <= 1 and (hi is None or high is None
                                               or abs(base + hi - high) <= 1)
            problems += [] if ok else [f"the arithmetic does not hold: {line!r}"]
            values |= {v for v in (low, high) if v is not None}
            continue
        worked = _WORKED.match(line)
        if worked is None:
            problems.append(f"a working line of no known shape: {line!r}")
            continue
        value, how = _value(worked.group("value")), worked.group("how")
        values.add(value)
        mid = _MIDPOINT.search(how)
        if how == "your offer":
            if _flat(worked.group("value")).casefold() not in _flat(question).casefold():
                problems.append(f"{worked.group('value')!r} is not the person's: {line!r}")
        elif mid:
            a, b, m = (_value(mid.group(i)) for i in (2, 3, 4))
            if abs((a + b) / 2 - m) > 1 or abs(m - value) > 1:
                problems.append(f"the arithmetic does not hold: {line!r}")
            if not any(_flat(mid.group(1)) in _flat(file_text(p)) for p in files):
                problems.append(f"band {mid.group(1)!r} is in no cited source: {line!r}")
        elif not how.startswith("not given, so the guide's figure "):
            problems.append(f"a working line of no known shape: {line!r}")
    return values


def _gap_problems(para: str, cited: list[Path]) -> list[str]:
    """A comparison's "higher by $50K ($215K − $165K = $50K)": band ends of cited files, and
    a subtraction that holds."""
    problems = []
    held = {_value(f) for p in cited for f in FIGURE.findall(file_text(p))}
    for gap in _GAP.finditer(para):
        a, b, c = (_value(gap.group(i)) for i in (1, 2, 3))
        if abs(a - b - c) > 1:
            problems.append(f"the arithmetic does not hold: {gap.group(0)!r}")
        problems += [f"{gap.group(i)!r} is no band end of a cited source" for i, v in
                     ((1, a), (2, b)) if not any(abs(v - h) <= 1 for h in held)]
    return problems


def _value(text: str) -> float:
    found = _NUMBER.search(text)
    if found is None:
        return float("nan")
    return float(found.group("n").replace(",", "").rstrip(".")) * _SCALE[found.group("suf")]


def _placement_problems(para: str, cited: list[Path], question: str) -> list[str]:
    """The person's figure is theirs, the band is the file's, and the sums are right."""
    problems = []
    stated = re.match(r"(?:\*\*)?(?:Your|To place your) [a-z -]+ of (.+?)(?:\*\*|,)", para)
    if stated is None or _flat(stated.group(1)).casefold() not in _flat(question).casefold():
        problems.append(f"a placement of a figure the question does not state: {para[:80]!r}")
    band = re.search(r"band of (.+?) \[\d+\]", para)
    if band and not any(_flat(band.group(1)) in _flat(file_text(p)) for p in cited):
        problems.append(f"band {band.group(1)!r} is in no cited source")
    share = _SHARE.search(para)
    if share:
        a, b, c, d, e, f, pct = (share.group(i) for i in range(1, 8))
        wrong = (abs(_value(a) - _value(b) - _value(e)) > 1
                 or abs(_value(c) - _value(d) - _value(f)) > 1
                 or round(100 * _value(e) / _value(f)) != int(pct))
        if wrong:
            problems.append(f"the arithmetic does not hold: {share.group(0)!r}")
    else:
        difference = _SUBTRACT.search(para)
        if difference and abs(_value(difference.group(1)) - _value(difference.group(2))
                              - _value(difference.group(3))) > 1:
            problems.append(f"the arithmetic does not hold: {difference.group(0)!r}")
    return problems


def _row_problems(row: re.Match[str], cited: list[Path]) -> list[str]:
    where = row.group("where")
    problems = []
    listed = row.group("rest").removeprefix(":").split(" [", 1)[0].strip()
    listed = _BASIS.sub("", listed)  # "(over 4 years)": the answer's word for the column
    if listed.startswith("No ") or listed.startswith("."):
        listed = ""  # "No sign-on bonus figure in the guide for ..."
    for component, figure in _PART.findall(listed):
        figure = figure.strip().rstrip(",")
        if not any(_bound(p, where, component, figure) for p in cited):
            problems.append(f"{component} {figure!r} for {where!r} is not in that cell of "
                            f"{[str(p) for p in cited]}")
    return problems


def _bound(path: Path, where: str, component: str, figure: str) -> bool:
    wanted = set(_TOKEN.findall(where.casefold()))
    for table in tables(path):
        for cells in table.rows:
            for col, cell in enumerate(cells):
                if _flat(figure) not in _flat(cell) or col >= len(table.header):
                    continue
                labels = [c for i, c in enumerate(cells) if not FIGURE.search(c) or i == 0]
                context = " ".join([*labels, table.header[col]]).casefold()
                words = COMPONENT_WORDS[component]
                named = words.search(table.header[col]) or words.search(cells[0]) or (
                    not any(w.search(" ".join(table.header)) for w in COMPONENT_WORDS.values())
                    and words.search(table.context))
                if named and wanted <= set(_TOKEN.findall(context)):
                    return True
    return _in_frontmatter(path, where, component, figure)


def _in_frontmatter(path: Path, where: str, component: str, figure: str) -> bool:
    key = FRONT_KEYS[component]
    numbers = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", figure)]
    for entry in frontmatter_rows(path):
        if str(entry.get("region", "")).strip() != where.split(", ")[0].strip() and \
                str(entry.get("region", "")).strip() != where.strip():
            continue
        values = [entry.get(f"{key}_low"), entry.get(f"{key}_high"), entry.get(f"{key}_pct")]
        scaled = {float(v) for v in values if isinstance(v, (int, float))}
        if scaled and all(any(abs(n * m - v) < 1 for m in (1, 1e3, 1e6, 1e5) for v in scaled)
                          for n in numbers):
            return True
    return False


@lru_cache(maxsize=4096)
def file_text(path: Path) -> str:
    """The whole file: frontmatter and body."""
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=4096)
def tables(path: Path) -> tuple[Table, ...]:
    """Every Markdown table of the file's body, header first."""
    found: list[Table] = []
    lines = [line.strip() for line in file_text(path).splitlines()]
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|[\s:|-]+\|$",
                                                                       lines[i + 1]):
            header = _cells(lines[i])
            above = next((line for line in reversed(lines[max(0, i - 4):i]) if line), "")
            rows = []
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            below = next((line for line in lines[i:i + 3] if line), "")
            found.append(Table(header, tuple(rows), f"{above} {below}"))
        else:
            i += 1
    return tuple(found)


@lru_cache(maxsize=4096)
def frontmatter_rows(path: Path) -> tuple[dict[str, object], ...]:
    """The frontmatter's compensation rows (none when there is no frontmatter)."""
    text = file_text(path)
    if not text.startswith("---"):
        return ()
    try:
        data = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---"))
    except yaml.YAMLError:
        return ()
    rows = data.get("compensation") if isinstance(data, dict) else None
    return tuple(r for r in rows or () if isinstance(r, dict))


def _cells(line: str) -> tuple[str, ...]:
    return tuple(c.strip().replace("**", "") for c in line.strip("|").split("|"))


def _flat(text: str) -> str:
    return " ".join(text.replace("**", "").replace("\u00a0", " ").split())
