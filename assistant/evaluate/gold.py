"""Run a gold question file against an Assistant and score it.

Example:
    >>> report = evaluate(Assistant(settings), load_gold(Path("tests/eval/gold.jsonl")))
    >>> report.metrics()["figures_exact"]
    1.0

Metrics: right guide (the answer's main guide, answered questions), figure exactness (every
expected figure verbatim in the answer, no forbidden one), borrowed figures (answers holding a
figure of a row, region, level or company that was not asked for), places and names the
answer had to deal with, clarify/no_guide correctness (right status and no figures at all),
overall status accuracy, and latency percentiles; `by_intent` scores each kind of question
(compare, placement, rank, ...) on its own. An item may accept several statuses
(`"expect_status": ["no_guide", "clarify"]`) where more than one answer is honest.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.answer.types import Answer, Asker
from assistant.corpus.model import Guide
from assistant.errors import UsageError
from assistant.evaluate.audit import repeated_rows, unshown_figures

# A figure in an answer: currency amounts and percentages (used to prove "no figures").
CODES = "USD|GBP|EUR|INR|SGD|CNY|CAD|AUD|HKD|JPY|CHF|PLN|KRW|DKK|SEK|NOK|ILS|AED|BRL|MXN|TWD|SAR"
FIGURE = re.compile(rf"(?:[$£€₹¥₩₪]|\b(?:A|C|S|HK|NZ|R)\$|\b(?:{CODES})\s?)"
                    r"\d[\d,.]*\s?[KkMmLB]?|\b\d+(?:\.\d+)?\s?%"
                    r"|\b\d+(?:\.\d+)?[KM]\s?[–-]\s?\d+(?:\.\d+)?[KM]\b")
STATUSES = ("answered", "clarify", "no_guide")


@dataclass(frozen=True)
class GoldItem:
    """One gold question and what its answer must hold."""

    id: str
    question: str
    expect_status: tuple[str, ...]  # the statuses that are honest answers (usually one)
    history: tuple[dict[str, str], ...] = ()
    expect_guide: str = ""
    expect_figures: tuple[str, ...] = ()
    expect_absent: tuple[str, ...] = ()
    expect_section: str = ""
    category: str = ""
    expect_mentions: tuple[str, ...] = ()  # names the answer must deal with ("Lagos")
    expect_intent: str = ""  # the kind of answer ("compare", "rank", ...: answer/intents.py)
    expect_guides: tuple[str, ...] = ()  # every guide an answer across guides must cite

    @property
    def answered(self) -> bool:
        """True when only an answer from a guide or article is right."""
        return self.expect_status == ("answered",)

    @property
    def refused(self) -> bool:
        """True when only clarify / no_guide is right."""
        return "answered" not in self.expect_status


@dataclass
class Outcome:
    """How one answer fared."""

    item: GoldItem
    answer: Answer
    seconds: float
    problems: list[str] = field(default_factory=list)
    unasked: list[str] = field(default_factory=list)  # audit.py: figures of rows not shown
    repeated: list[str] = field(default_factory=list)  # audit.py: rows written twice


@dataclass
class Report:
    """All outcomes plus the aggregate metrics."""

    outcomes: list[Outcome]

    def metrics(self) -> dict[str, float]:
        """Rates in [0, 1] and latency percentiles in milliseconds."""
        answered = [o for o in self.outcomes if o.item.answered]
        refused = [o for o in self.outcomes if o.item.refused]
        with_figs = [o for o in answered if o.item.expect_figures or o.item.expect_absent]
        ms = sorted(o.seconds * 1000 for o in self.outcomes)
        return {
            "questions": len(self.outcomes),
            "status_correct": _rate(o.answer.status in o.item.expect_status
                                    for o in self.outcomes),
            "guide_cited": _rate(_cites(o) for o in answered if o.item.expect_guide),
            "figures_exact": _rate(not _figure_problems(o) for o in with_figs),
            "borrowed_figures": float(sum(bool(_forbidden(o)) for o in self.outcomes)),
            "unasked_figures": float(sum(bool(o.unasked) for o in self.outcomes)),
            "repeated_rows": float(sum(bool(o.repeated) for o in self.outcomes)),
            "names_dealt_with": _rate(not _unmentioned(o) for o in self.outcomes
                                      if o.item.expect_mentions),
            "clarify_no_guide_correct": _rate(not o.problems for o in refused),
            "latency_p50_ms": _pct(ms, 50),
            "latency_p95_ms": _pct(ms, 95),
        }

    def by_intent(self) -> dict[str, tuple[int, float]]:
        """Per expected intent (items that name one): how many, and the share fully right."""
        groups: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            if o.item.expect_intent:
                groups.setdefault(o.item.expect_intent, []).append(o)
        return {name: (len(group), _rate(not o.problems for o in group))
                for name, group in sorted(groups.items())}

    def by_category(self) -> dict[str, tuple[int, float]]:
        """Per category (every item has one): how many, and the share fully right."""
        groups: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            groups.setdefault(o.item.category, []).append(o)
        return {name: (len(group), _rate(not o.problems for o in group))
                for name, group in sorted(groups.items())}

    def failures(self) -> list[Outcome]:
        """Outcomes with at least one problem."""
        return [o for o in self.outcomes if o.problems]


def load_gold(path: Path) -> list[GoldItem]:
    """Read a JSON-lines gold file, saying which line is malformed."""
    items = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"Cannot read gold file {path}: {exc}.") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            items.append(_item(json.loads(line)))
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{path}:{n}: not a gold item ({exc}).") from exc
    return items


def _item(data: dict[str, Any]) -> GoldItem:
    status = data["expect_status"]
    statuses = (status,) if isinstance(status, str) else tuple(status)
    if not statuses or any(s not in STATUSES for s in statuses):
        raise ValueError(f"expect_status {status!r} is not one of {', '.join(STATUSES)}")
    return GoldItem(
        id=data["id"], question=data["question"], expect_status=statuses,
        history=tuple(data.get("history") or ()), expect_guide=data.get("expect_guide", ""),
        expect_figures=tuple(data.get("expect_figures") or ()),
        expect_absent=tuple(data.get("expect_absent") or ()),
        expect_section=data.get("expect_section", ""), category=data.get("category", ""),
        expect_mentions=tuple(data.get("expect_mentions") or ()),
        expect_intent=data.get("expect_intent", ""),
        expect_guides=tuple(data.get("expect_guides") or ()))


def evaluate(assistant: Asker, items: Sequence[GoldItem],
             guide_of: Callable[[str], Guide | None] | None = None) -> Report:
    """Ask every gold question and check each answer; with `guide_of` (the library's guide
    by id) also audit it for figures of rows it does not show and rows shown twice."""
    outcomes = []
    for item in items:
        start = time.perf_counter()
        answer = assistant.ask(item.question, list(item.history))
        outcome = Outcome(item, answer, time.perf_counter() - start)
        if guide_of is not None:
            outcome.unasked = unshown_figures(answer, guide_of)
        outcome.repeated = repeated_rows(answer.text)
        outcome.problems = check(outcome)
        outcome.problems += [f"figures of rows it does not show {outcome.unasked}"] \
            if outcome.unasked else []
        outcome.problems += [f"rows written twice {outcome.repeated}"] if outcome.repeated else []
        outcomes.append(outcome)
    return Report(outcomes)


def check(o: Outcome) -> list[str]:
    """What is wrong with one answer, as short sentences (empty when it is right)."""
    problems = []
    if o.answer.status not in o.item.expect_status:
        problems.append(f"status {o.answer.status}, expected {' or '.join(o.item.expect_status)}")
    problems += [f"does not deal with {name!r}" for name in _unmentioned(o)]
    if o.item.expect_intent and "answered" in o.item.expect_status \
            and o.answer.status == "answered" and o.answer.intent != o.item.expect_intent:
        problems.append(f"intent {o.answer.intent or '-'}, expected {o.item.expect_intent}")
    if o.item.refused:
        found = FIGURE.findall(o.answer.text)
        if found:
            problems.append(f"figures in a {o.answer.status} answer: {found[:3]}")
        return problems
    if not o.item.answered:  # several honest statuses: only what must not appear counts
        forbidden = _forbidden(o)
        return problems + ([f"forbidden figures {forbidden}"] if forbidden else [])
    if o.item.expect_guide and not _cites(o):
        cited = sorted({c.guide for c in o.answer.citations})
        problems.append(f"main guide is not {o.item.expect_guide} "
                        f"(main {o.answer.guide or '-'}, cites {cited})")
    uncited = sorted(set(o.item.expect_guides) - {c.guide for c in o.answer.citations})
    if uncited:
        problems.append(f"does not cite {uncited}")
    if o.item.expect_section and o.item.expect_section not in {c.section
                                                               for c in o.answer.citations}:
        problems.append(f"does not cite section {o.item.expect_section}")
    return problems + _figure_problems(o)


def _figure_problems(o: Outcome) -> list[str]:
    text = _flat(o.answer.text)
    missing = [f for f in o.item.expect_figures if _flat(f) not in text]
    present = _forbidden(o)
    return ([f"missing figures {missing}"] if missing else []) + \
        ([f"forbidden figures {present}"] if present else [])


def _forbidden(o: Outcome) -> list[str]:
    """Figures the answer must not hold (another row's, region's, level's or company's)."""
    text = _flat(o.answer.text)
    return [f for f in o.item.expect_absent if _flat(f) in text]


def _unmentioned(o: Outcome) -> list[str]:
    text = _flat(o.answer.text).casefold()
    return [m for m in o.item.expect_mentions if _flat(m).casefold() not in text]


def _cites(o: Outcome) -> bool:
    """True when the expected guide is the answer's main guide.

    A general answer (passages from several documents, no main guide) counts when it cites
    the expected one.
    """
    if o.answer.guide:
        return o.answer.guide == o.item.expect_guide
    return any(c.guide == o.item.expect_guide for c in o.answer.citations)


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _rate(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 1.0


def _pct(values: list[float], pct: int) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]
