"""A question or history turn of pathological whitespace is read in linear time (issue 21: a
turn of "Stripe" + 19,980 spaces + "base?" held the server for 15-25 s). The bound is generous:
the broken pattern took 11 s here, the fixed one milliseconds."""

from __future__ import annotations

import time

import pytest

from assistant.answer.read.levels import read_levels

pytestmark = pytest.mark.reliability
BOUND_S = 1.0


@pytest.mark.parametrize("filler", [" ", "\t", " \n", ", ", " / ", " vs"])
def test_the_level_reader_is_linear_on_long_runs(filler: str) -> None:
    question = "Stripe L4" + filler * 10_000 + "L5 base?"
    started = time.perf_counter()
    read_levels(question)
    assert time.perf_counter() - started < BOUND_S
