"""load_test against a live server: bounded, keep-alive, errors counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench_support import bench_settings

from assistant.answer.pipeline import Assistant
from assistant.bench.loadtest import load_test, percentile
from assistant.web.server import create_app, serve_in_background


def test_load_test_measures_a_live_server(bench_bot: Assistant, tmp_path: Path) -> None:
    settings = bench_settings(bench_bot.settings.index, tmp_path)
    with serve_in_background(create_app(settings, bench_bot, mount_chat=False)) as url:
        result = load_test(url, ["Alibaba Seattle sign-on?", "Evilcorp Berlin base?"],
                           clients=4, seconds=5.0, max_requests=200)
    assert result.requests == 200 and result.errors == 0
    assert 0 < result.p50_ms <= result.p95_ms <= result.p99_ms
    assert result.rps > 0


def test_load_test_counts_errors(bench_bot: Assistant, tmp_path: Path) -> None:
    settings = bench_settings(bench_bot.settings.index, tmp_path, rate_limit=5)
    with serve_in_background(create_app(settings, bench_bot, mount_chat=False)) as url:
        result = load_test(url, ["Alibaba Seattle sign-on?"], clients=2, seconds=5.0,
                           max_requests=20)
    assert (result.requests, result.errors) == (20, 15)  # 429 after the first five


def test_load_test_stops_on_time(bench_bot: Assistant, tmp_path: Path) -> None:
    settings = bench_settings(bench_bot.settings.index, tmp_path)
    with serve_in_background(create_app(settings, bench_bot, mount_chat=False)) as url:
        result = load_test(url, ["Alibaba Seattle sign-on?"], clients=2, seconds=0.5)
    assert result.seconds < 3 and result.requests > 0


def test_percentile_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 99)) == (
        50.0, 95.0, 99.0)
    assert percentile([], 50) == 0.0


def test_load_test_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        load_test("http://127.0.0.1:1", [])
    with pytest.raises(ValueError):
        load_test("https://127.0.0.1:1", ["q"])
