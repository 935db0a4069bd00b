"""Where /api/ask writes an answer: one guide's look-up (or a message) on the event loop, every
other answer on the answer threads, and each the same answer `Assistant.ask` gives. Figures
are the sample corpus's (corpus/guides/alibaba/ml-ai-engineer.md: Seattle base)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import ClientFactory

from assistant.answer.pipeline import Assistant
from assistant.web.api import WebState

LOOKUP = "Alibaba ML engineer Seattle base?"
GENERAL = "How do I negotiate a sign-on bonus when I have a competing offer?"
NO_SUCH = "Which company did Qwertyzon say?"


@pytest.fixture()
def threaded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the functions /api/ask handed to the answer threads."""
    handed: list[str] = []
    real = WebState.off_loop

    async def off_loop(self: WebState, fn: Any, *args: Any) -> Any:
        handed.append(getattr(fn, "__name__", str(fn)))
        return await real(self, fn, *args)

    monkeypatch.setattr(WebState, "off_loop", off_loop)
    return handed


def _ask(client: TestClient, question: str) -> dict[str, Any]:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_a_look_up_is_answered_on_the_loop(make_client: ClientFactory, web_bot: Assistant,
                                           threaded: list[str]) -> None:
    client = make_client()
    client.get("/healthz")  # the library loads; until then every answer goes to a thread
    threaded.clear()
    body = _ask(client, LOOKUP)
    assert body["status"] == "answered" and "$165K–$235K" in body["answer"]
    assert body["answer"] == web_bot.ask(LOOKUP).text
    assert threaded == []
    assert web_bot.quick(web_bot.read(LOOKUP)) and not web_bot.quick(web_bot.read(GENERAL))


def test_a_general_question_is_answered_on_a_thread(make_client: ClientFactory,
                                                    web_bot: Assistant,
                                                    threaded: list[str]) -> None:
    client = make_client()
    client.get("/healthz")
    threaded.clear()
    body = _ask(client, GENERAL)
    assert body["status"] == "answered" and body["answer"] == web_bot.ask(GENERAL).text
    assert threaded == ["answer"]


def test_before_the_library_loads_every_answer_is_threaded(
        make_client: ClientFactory, threaded: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    client = make_client()
    web: WebState = client.app.state.web  # type: ignore[attr-defined]
    monkeypatch.setattr(web, "loaded", False)
    monkeypatch.setattr(web, "warm", lambda: False)  # as while a Chroma server is unreachable
    body = _ask(client, LOOKUP)
    assert "$165K–$235K" in body["answer"] and threaded == ["ask"]
