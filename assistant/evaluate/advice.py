"""Score general questions (tests/eval/advice.jsonl): does the passage shown answer, or is
"not covered" right?

Example:
    >>> report = evaluate_advice(assistant, load_advice(Path("tests/eval/advice.jsonl")))
    >>> report.precision()
    0.93

An item names the passage of the library that answers it (its file and a verbatim excerpt,
and under "also" any other passage that answers it as well), or says nothing in the library
does. An answer is right when it quotes one of those passages (shares a run of SHINGLE words
with it) from its file, or, for an uncovered question, when it says the library does not
cover it and quotes nothing. Precision is reported per topic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from assistant.answer.types import Answer, Asker
from assistant.corpus.model import Guide
from assistant.errors import UsageError

SHINGLE = 6  # words in a row an answer must share with the expected passage
NOT_COVERED = "do not cover"  # the words every "not covered" answer says
_WORD = re.compile(r"[a-z0-9$£€₹%]+")


@dataclass(frozen=True)
class AdviceItem:
    """One general question and the passage that answers it ("" when none does)."""

    id: str
    question: str
    topic: str
    covered: bool
    source: str = ""
    passage: str = ""
    also: tuple[tuple[str, str], ...] = ()  # (source, passage) of the others that answer

    @property
    def guide_id(self) -> str:
        """The source's guide id: "ubs/x" of "guides/ubs/x.md", "001_…" of an article."""
        return guide_id(self.source)

    def answering(self) -> list[tuple[str, str]]:
        """(guide id, passage) of every passage that answers the question."""
        return [(guide_id(s), p) for s, p in ((self.source, self.passage), *self.also)]


def guide_id(source: str) -> str:
    """A source path's guide id: "ubs/x" of "guides/ubs/x.md", "001_…" of an article."""
    path = PurePosixPath(source)
    parts = path.with_suffix("").parts
    return "/".join(parts[1:]) if len(parts) > 1 else path.stem


@dataclass
class AdviceOutcome:
    """One answer and whether it was right."""

    item: AdviceItem
    answer: Answer
    right: bool
    why: str = ""


@dataclass
class AdviceReport:
    """Every outcome; precision overall and per topic."""

    outcomes: list[AdviceOutcome] = field(default_factory=list)

    def precision(self, topic: str = "") -> float:
        """The share of answers that are right (of one topic, when given)."""
        group = [o for o in self.outcomes if not topic or o.item.topic == topic]
        return sum(o.right for o in group) / len(group) if group else 1.0

    def by_topic(self) -> dict[str, tuple[int, float]]:
        """topic -> (items, precision)."""
        topics = sorted({o.item.topic for o in self.outcomes})
        return {t: (sum(o.item.topic == t for o in self.outcomes), self.precision(t))
                for t in topics}


def is_advice_file(first_line: str) -> bool:
    """True when a JSON-lines file holds advice items (they have "expect", not statuses)."""
    try:
        return "expect" in json.loads(first_line) and "expect_status" not in first_line
    except ValueError:
        return False


def load_advice(lines: Sequence[str], name: str = "advice file") -> list[AdviceItem]:
    """Advice items from JSON lines, saying which line is malformed."""
    items = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            also = tuple((a["source"], a["passage"]) for a in d.get("also", ()))
            items.append(AdviceItem(d["id"], d["question"], d["topic"],
                                    d["expect"] == "covered", d.get("source", ""),
                                    d.get("passage", ""), also))
        except (ValueError, KeyError, TypeError) as exc:
            raise UsageError(f"{name}:{n}: not an advice item ({exc}).") from exc
    return items


def evaluate_advice(assistant: Asker, items: Sequence[AdviceItem],
                    guide_of: Callable[[str], Guide | None] | None = None) -> AdviceReport:
    """Ask every question and judge each answer (with `guide_of`, the library's guide by id,
    the passage quoted from another guide that holds it word for word counts: see `judge`)."""
    report = AdviceReport()
    for item in items:
        answer = assistant.ask(item.question)
        right, why = judge(item, answer, guide_of)
        report.outcomes.append(AdviceOutcome(item, answer, right, why))
    return report


def judge(item: AdviceItem, answer: Answer,
          guide_of: Callable[[str], Guide | None] | None = None) -> tuple[bool, str]:
    """Whether the answer is right for the item, and what is wrong when it is not.

    A company's guides often share one paragraph (its secondary market, its ESPP): a question
    that names the company and no role is answered as well by that paragraph from any of its
    guides. So with `guide_of`, a cited guide other than the item's counts when its own text
    holds the expected passage word for word and the answer quotes it."""
    says_not_covered = NOT_COVERED in answer.text
    quoted = answer.status == "answered" and bool(answer.citations)
    if not item.covered:
        if quoted:
            return False, "quotes a passage, but nothing in the library answers this"
        return (says_not_covered or answer.status != "answered"), "does not say it is not covered"
    cited = {c.guide for c in answer.citations}
    sourced = [p for g, p in item.answering() if g in cited or guide_of is not None and any(
        _holds(guide_of(c), p) for c in cited)]
    if not sourced:
        return False, f"does not cite {item.guide_id}"
    if not any(_shares_run(p, answer.text) for p in sourced):
        return False, "cites the file but not the passage that answers"
    return True, ""


def _holds(guide: Guide | None, passage: str) -> bool:
    """Whether a guide's own text holds the whole passage, word for word."""
    if guide is None:
        return False
    said = " ".join(_WORD.findall(" ".join(s.text for s in guide.sections).casefold()))
    return " ".join(_WORD.findall(passage.casefold())) in said


def _shares_run(passage: str, text: str) -> bool:
    """True when the answer holds SHINGLE words in a row of the passage (or all of a short
    one)."""
    words = _WORD.findall(passage.casefold())
    said = " ".join(_WORD.findall(text.casefold()))
    size = min(SHINGLE, len(words))
    return any(" ".join(words[i:i + size]) in said for i in range(len(words) - size + 1))
