"""The JSON API through create_app: contracts, errors, the source viewer, logging."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_support import SAMPLE_CORPUS, ClientFactory, assert_inert_html, sse_events, web_settings

from assistant.answer.live import LiveAssistant
from assistant.answer.pipeline import Assistant
from assistant.errors import IndexMissingError
from assistant.index.writing.builder import build_index
from assistant.web.render import markdown_to_html
from assistant.web.schemas import sse_events as stream_events

SIGN_ON = "Alibaba Seattle sign-on?"
ANSWER_KEYS = {"question", "status", "intent", "answer", "citations", "suggestions", "bands",
               "index_version"}


def test_ask_answers_with_citation_and_script_figure(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": SIGN_ON})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    data = response.json()
    assert set(data) - {"table"} == ANSWER_KEYS
    assert data["status"] == "answered"
    assert "$60K sign-on" in data["answer"]
    guides = {c["guide"] for c in data["citations"]}
    assert "alibaba/ml-ai-engineer" in guides
    assert set(data["citations"][0]) == {"n", "guide", "source", "section", "title", "document"}


def test_ask_repeated_question_gives_identical_answer(client: TestClient) -> None:
    first = client.post("/api/ask", json={"question": SIGN_ON}).content
    assert client.post("/api/ask", json={"question": SIGN_ON}).content == first


def test_follow_up_uses_history(client: TestClient) -> None:
    history = [{"role": "user", "content": SIGN_ON},
               {"role": "assistant", "content": "No sign-on band for Seattle ..."}]
    data = client.post("/api/ask", json={"question": "And Beijing?", "history": history}).json()
    assert data["status"] == "answered"
    assert "Beijing" in data["answer"]


def test_stream_sends_deltas_then_citations_then_done(client: TestClient) -> None:
    with client.stream("POST", "/api/ask/stream", json={"question": SIGN_ON}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = sse_events(response.iter_text())
    names = [name for name, _ in events]
    assert names[-2:] == ["citations", "done"]
    assert names[:-2] and set(names[:-2]) == {"delta"}
    text = "".join(data["text"] for name, data in events if name == "delta")
    done = events[-1][1]
    assert text.strip() == done["answer"].strip()
    assert events[-2][1] == {k: done[k] for k in ("status", "citations", "suggestions")}
    assert done == client.post("/api/ask", json={"question": SIGN_ON}).json()


def test_stream_rejects_bad_question_as_json_before_streaming(client: TestClient) -> None:
    response = client.post("/api/ask/stream", json={"question": "   "})
    assert response.status_code == 422
    assert "question" in response.json()["error"].lower()


def test_stream_error_midway_becomes_error_event() -> None:
    def failing() -> Iterator[Any]:
        raise IndexMissingError("No index: run `assistant index`.")
        yield  # pragma: no cover

    events = sse_events(list(stream_events("first piece", failing())))
    assert events == [("delta", {"text": "first piece"}),
                      ("error", {"error": "No index: run `assistant index`.", "status": 503})]


def test_guide_page_is_standalone_html_with_cited_anchor(client: TestClient) -> None:
    cited = client.post("/api/ask", json={"question": SIGN_ON}).json()["citations"]
    section = next(c["section"] for c in cited if c["section"])
    response = client.get("/api/guides/alibaba/ml-ai-engineer")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
    assert response.headers["x-content-type-options"] == "nosniff"
    page = response.text
    assert page.startswith("<!doctype html>")
    assert f'<section id="{section}">' in page
    assert "SGD 130K–SGD 200K" in page  # the pay table
    assert "next review due 2026-05-23" in page
    assert_inert_html(page)


def test_guide_json(client: TestClient) -> None:
    data = client.get("/api/guides/alibaba/ml-ai-engineer", params={"format": "json"}).json()
    assert data["id"] == "alibaba/ml-ai-engineer"
    assert data["source"] == "guides/alibaba/ml-ai-engineer.md"
    assert "negotiate-up-strategy" in [s["anchor"] for s in data["sections"]]
    assert any(r["region"] == "Seattle (US)" for r in data["rows"])
    assert client.get("/api/guides/alibaba/ml-ai-engineer?format=pdf").status_code == 422


@pytest.mark.parametrize("path", [
    "/api/guides/nope/nothing",
    "/api/guides/..%2F..%2Fetc%2Fpasswd",
    "/api/guides/%2e%2e/%2e%2e/etc/passwd",
    "/api/guides/%2Fetc%2Fpasswd",
    "/api/guides//etc/passwd",
    "/api/guides/alibaba%2F..%2F..%2F..%2Fetc%2Fpasswd",
    "/api/guides/guides%2Falibaba%2Fml-ai-engineer.md",
    "/api/guides/alibaba/ml-ai-engineer%00.md",
])
def test_unknown_or_escaping_guide_ids_are_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/json"
    assert "No guide" in response.json()["error"]
    assert "root:" not in response.text


def test_healthz(client: TestClient, web_bot: Assistant) -> None:
    data = client.get("/healthz").json()
    assert data == {"status": "ok", "index_loaded": True, "guides": len(web_bot.library.guides),
                    "index_version": web_bot.index.version, "vector_index": "ok",
                    "in_flight": 0, "shedding": False}


def test_without_index_health_says_so_and_api_is_503(make_client: ClientFactory,
                                                     tmp_path: Path) -> None:
    client = make_client(index=tmp_path / "no-index")
    health = client.get("/healthz").json()
    assert health["index_loaded"] is False and health["guides"] == 0
    response = client.post("/api/ask", json={"question": SIGN_ON})
    assert response.status_code == 503
    assert "assistant index" in response.json()["error"]
    assert client.get("/api/guides/alibaba/ml-ai-engineer").status_code == 503


def test_index_built_after_start_is_picked_up(make_client: ClientFactory, tmp_path: Path) -> None:
    index = tmp_path / "later"
    client = make_client(index=index)
    assert client.get("/healthz").json()["index_loaded"] is False
    assert client.get("/healthz").json()["index_loaded"] is False  # retries are throttled
    build_index(web_settings(index, tmp_path), [SAMPLE_CORPUS], progress=False)
    client.app.state.web._next_try = 0.0  # type: ignore[attr-defined]  # skip the wait
    assert client.get("/healthz").json()["index_loaded"] is True
    assert client.post("/api/ask", json={"question": SIGN_ON}).status_code == 200


@pytest.mark.parametrize("body, fragment", [
    ({"question": "x" * 2001}, "2000"),
    ({"question": ""}, "question"),
    ({}, "question: Field required"),
    ({"question": 42}, "question"),
    ({"question": "Hi", "history": [{"role": "system", "content": "x"}]}, "history.0.role"),
    ({"question": "Hi", "history": "nope"}, "history"),
])
def test_bad_bodies_are_422_with_a_message(client: TestClient, body: dict[str, Any],
                                           fragment: str) -> None:
    response = client.post("/api/ask", json=body)
    assert response.status_code == 422
    assert fragment in response.json()["error"]


def test_invalid_json_is_422(client: TestClient) -> None:
    response = client.post("/api/ask", content=b"{not json",
                           headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "not valid JSON" in response.json()["error"]


def test_unknown_api_paths_are_json(client: TestClient) -> None:
    assert client.get("/api/nothing").json()["error"].startswith("No API endpoint")
    response = client.get("/api/ask")
    assert response.status_code == 405 and response.headers["allow"] == "POST"


def test_feedback_is_stored(client: TestClient, tmp_path: Path) -> None:
    answer = client.post("/api/ask", json={"question": SIGN_ON}).json()
    response = client.post("/api/feedback", json={
        "question": SIGN_ON, "answer": answer["answer"], "citations": answer["citations"],
        "rating": "up", "comment": "clear"})
    assert response.status_code == 201
    assert isinstance(response.json()["id"], int)
    bad = client.post("/api/feedback", json={"question": "q", "answer": "a", "rating": "meh"})
    assert bad.status_code == 422


class ExplodingBot(Assistant):
    """Fails like a bug would, with internals in the message."""

    def answer(self, resolved: Any, history: Any = (), model: Any = None) -> Any:
        raise RuntimeError("secret internal detail /etc/shadow")  # ask and /api/ask call it


def test_unexpected_errors_are_a_bare_500_and_logged(make_client: ClientFactory,
                                                     web_bot: Assistant,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    client = make_client()
    bot = ExplodingBot(web_bot.settings, library=web_bot.library)
    client.app.state.web.live = LiveAssistant(web_bot.settings, bot)  # type: ignore[attr-defined]
    with caplog.at_level(logging.ERROR, logger="assistant.web"):
        response = client.post("/api/ask", json={"question": SIGN_ON})
    assert response.status_code == 500
    assert response.json() == {"error": "internal error"}
    assert "secret" not in response.text and "Traceback" not in response.text
    assert any(r.exc_info and "secret internal detail" in str(r.exc_info[1])
               for r in caplog.records)


def test_one_json_log_line_per_request_without_question_text(
        client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    secret = "My offer from Initrode is $412,345 base"
    with caplog.at_level(logging.DEBUG):
        client.post("/api/ask", json={"question": secret})
        client.get("/healthz")
    access = [json.loads(r.getMessage()) for r in caplog.records
              if r.name == "assistant.web.access"]
    assert [(a["method"], a["path"], a["status"]) for a in access] == [
        ("POST", "/api/ask", 200), ("GET", "/healthz", 200)]
    assert set(access[0]) == {"method", "path", "status", "ms", "client"}
    assert all("412,345" not in r.getMessage() and "Initrode" not in r.getMessage()
               for r in caplog.records)


def test_hostile_guide_answers_and_renders_inert(client: TestClient) -> None:
    data = client.post("/api/ask", json={"question": "Evilcorp Berlin base?"}).json()
    assert data["status"] == "answered"
    assert "€90K–€130K" in data["answer"]
    assert_inert_html(markdown_to_html(data["answer"]))
    page = client.get("/api/guides/evilcorp/software-engineer").text
    assert "€90K–€130K" in page and 'id="global-levers"' in page
    assert_inert_html(page)


def test_docs_and_openapi_are_local(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/api/ask", "/api/ask/stream", "/api/feedback", "/healthz"} <= set(schema["paths"])
    page = client.get("/docs")
    assert page.status_code == 200 and "/api/ask" in page.text
    assert "cdn" not in page.text.lower() and "<script" not in page.text


def test_widget_script_is_served_as_javascript(client: TestClient) -> None:
    response = client.get("/widget.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/javascript")
