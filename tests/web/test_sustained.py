"""A reduced sustained run (`make bench` runs 10,000 requests from 32 clients): 1,000 requests
from 16 keep-alive clients to real uvicorn, mixing gold, adversarial and hostile questions;
no 5xx, and every answer equal to the answer its question got alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from web_support import web_settings

from assistant.answer.pipeline import Assistant
from assistant.bench.sustained import sustained
from assistant.web.server import create_app, serve_in_background

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ["Ali\u200bbaba Seattle sign-on?", "Alibaba\u202e ML engineer base?",
           "<script>alert(1)</script> Alibaba levels?", "Alibaba " * 200,
           "What does Zorblax pay?", "Alibaba Seattle sign-on?\U000e0041"]


def _questions(name: str, n: int) -> list[str]:
    lines = (ROOT / "tests" / "eval" / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["question"] for line in lines if line.strip()][:n]


def test_a_thousand_mixed_requests(web_index: Path, web_bot: Assistant, tmp_path: Path) -> None:
    settings = web_settings(web_index, tmp_path / "data")
    questions = _questions("gold.jsonl", 60) + _questions("adversarial.jsonl", 40) + HOSTILE
    with serve_in_background(create_app(settings, web_bot, mount_chat=False),
                             settings=settings) as url:
        run = sustained(url, questions, total=1_000, clients=16)
    assert run.requests == 1_000
    assert (run.server_errors, run.shed, run.mismatches) == (0, 0, 0)
