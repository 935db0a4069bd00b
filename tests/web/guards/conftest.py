"""A real server (uvicorn on loopback) for the guard tests, with or without the chat page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from web_support import web_settings

from assistant.answer.pipeline import Assistant
from assistant.web.server import create_app, serve_in_background


@pytest.fixture()
def serve(web_index: Path, web_bot: Assistant, tmp_path: Path) -> Iterator[Any]:
    """serve(mount_chat=False, **settings) -> the base URL of a running app."""
    running: list[Any] = []

    def start(mount_chat: bool = False, **overrides: Any) -> str:
        settings = web_settings(web_index, tmp_path / "data", **overrides)
        context = serve_in_background(create_app(settings, web_bot, mount_chat=mount_chat),
                                      settings=settings)
        running.append(context)
        return context.__enter__()

    yield start
    for context in running:
        context.__exit__(None, None, None)
