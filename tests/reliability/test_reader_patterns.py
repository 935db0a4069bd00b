"""Every compiled pattern of the readers runs in linear time on pathological text (issue 21:
one history turn of 20,000 spaces held the server for 15-25 s in a quadratic split).

The patterns are collected by walking the modules of the packages that read a person's text
(module attributes, class attributes and the tuples and dicts that hold patterns), so a pattern
added later is timed too. Each is run (`search`, `findall`, `match`) on runs of one character
class, 2,000 and 20,000 long, bare and between words. The bound is generous against linear
time (a 20,000-character run takes about a millisecond); the quadratic patterns this test found
took 4 to 32 seconds. A slow first run is timed again before it fails, so a busy machine does
not fail it.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

pytestmark = pytest.mark.reliability

PACKAGES = ("assistant.answer.read", "assistant.money", "assistant.places")
RUNS = {"spaces": " ", "whitespace": " \t\n", "letters": "a", "capitals": "A", "digits": "1",
        "punctuation": "?!;:-'\"()$%", "commas": ", ", "dots": ". ", "slashes": " / ",
        "mixed": "a1 ,./-", "vs": " vs", "amounts": "1K "}
BOUND_S = {2_000: 0.05, 20_000: 0.5}  # linear time: ten times the text, ten times the bound


def _modules() -> Iterator[ModuleType]:
    for name in PACKAGES:
        package = importlib.import_module(name)
        yield package
        for info in pkgutil.walk_packages(package.__path__, name + "."):
            yield importlib.import_module(info.name)


def _patterns_in(value: Any, where: str = "") -> Iterator[tuple[str, re.Pattern[str]]]:
    """(where in `value`, pattern) for each pattern it is or holds, three levels deep."""
    if isinstance(value, re.Pattern):
        yield where, value
    elif where.count("[") < 3 and isinstance(value, tuple | list | set | frozenset):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{where}[{i}]")
    elif where.count("[") < 3 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{where}[{key!r}]")


def reader_patterns() -> dict[str, re.Pattern[str]]:
    """module.NAME -> each str pattern held by the reading packages' modules and classes."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[int] = set()
    for module in _modules():
        for name, value in vars(module).items():
            owned = isinstance(value, type) and value.__module__ == module.__name__
            values = vars(value).items() if owned else [("", value)]
            for attribute, held in values:
                for where, pattern in _patterns_in(held):
                    if id(pattern) in seen or not isinstance(pattern.pattern, str):
                        continue
                    seen.add(id(pattern))
                    label = ".".join(p for p in (module.__name__, name, attribute) if p)
                    found[label + where] = pattern
    return found


PATTERNS = reader_patterns()


def _texts(length: int) -> Iterator[tuple[str, str]]:
    for kind, unit in RUNS.items():
        run = (unit * (length // len(unit) + 1))[:length]
        yield kind, run
        yield f"{kind} between words", "Stripe" + run + "base?"
        yield f"{kind} after a digit", "1" + run + "x"


def _seconds(pattern: re.Pattern[str], text: str) -> float:
    started = time.perf_counter()
    pattern.search(text)
    pattern.findall(text)
    pattern.match(text)
    return time.perf_counter() - started


def test_the_walk_finds_the_readers_patterns() -> None:
    assert len(PATTERNS) >= 50
    assert "assistant.answer.read.levels._BETWEEN" in PATTERNS
    assert "assistant.money.cells._ALT_GAP_RE" in PATTERNS


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_a_reader_pattern_is_linear_on_long_runs(name: str) -> None:
    pattern = PATTERNS[name]
    slow = []
    for length, bound in BOUND_S.items():
        for kind, text in _texts(length):
            seconds = _seconds(pattern, text)
            if bound < seconds < 4 * bound:  # perhaps a busy machine: the best of three
                seconds = min(seconds, *(_seconds(pattern, text) for _ in range(2)))
            if seconds > bound:
                slow.append(f"{kind} x {length}: {seconds:.2f} s")
                break
    assert slow == [], f"{pattern.pattern!r} is slow on " + "; ".join(slow)
