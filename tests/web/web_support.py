"""Helpers for the web tests: an SSE parser and an HTML inertness check."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from assistant.settings import Settings

ClientFactory = Callable[..., TestClient]
ALLOWED_ORIGIN = "http://127.0.0.1:8123"  # the widget origin the test apps allow
ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CORPUS = ROOT / "corpus"
HOSTILE_CORPUS = ROOT / "tests" / "fixtures" / "hostile"
FORBIDDEN_TAGS = {"script", "iframe", "img", "object", "embed", "svg", "style", "link", "base",
                  "form", "meta", "frame", "video", "audio", "source"}
PAGE_TAGS = {"meta", "style"}  # allowed in a page's <head> we write ourselves


def web_settings(index: Path, data_dir: Path, **overrides: Any) -> Settings:
    """Settings for web tests: hash embedder, nothing read from the environment or a config."""
    values = {"index": index, "embedder": "hash", "data_dir": data_dir, "rate_limit": 0,
              "widget_origins": (ALLOWED_ORIGIN,), "corpus": SAMPLE_CORPUS, **overrides}
    return Settings.load(overrides=values, environ={}, config_file=Path("/nonexistent"))


def sse_events(chunks: Iterable[str]) -> list[tuple[str, dict[str, Any]]]:
    """Parse a text/event-stream body into (event, data) pairs."""
    events = []
    for block in "".join(chunks).replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.in_head = False
        self.head_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self.head_tags.append(tag)
            return
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def assert_inert_html(html: str) -> None:
    """No script-capable or remote-loading markup: tags, on* handlers, script URLs, src."""
    parser = _Collector()
    parser.feed(html)
    assert set(parser.head_tags) <= PAGE_TAGS | {"title"}, parser.head_tags
    for tag, attrs in parser.tags:
        assert tag not in FORBIDDEN_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name not in ("src", "srcset", "style", "formaction", "background"), (tag, name)
            lowered = re.sub(r"\s", "", (value or "").lower())
            assert not lowered.startswith(("javascript:", "data:", "vbscript:")), (tag, value)
    lowered = html.lower()
    for needle in ("<script", "<iframe", "<img", "javascript:", "203.0.113.9"):
        assert needle not in lowered, needle
    assert not re.search(r"<[^>]*\son\w+\s*=", html)


def slow_answers(monkeypatch: Any, bot: Any, seconds: float) -> None:
    """Make every answer `bot` writes take `seconds` longer. A slow answer is never one the
    server writes on its event loop (`Assistant.quick`), so none is taken for quick."""
    for name in ("ask", "answer"):
        real = getattr(bot, name)

        def slow(*args: Any, _real: Any = real, **kwargs: Any) -> Any:
            time.sleep(seconds)
            return _real(*args, **kwargs)

        monkeypatch.setattr(bot, name, slow)
    monkeypatch.setattr(bot, "quick", lambda resolved: False)
