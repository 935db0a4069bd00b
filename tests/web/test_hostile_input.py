"""Hostile and broken input to the JSON API: a clear 4xx or a sensible answer, never a 500, never
a stack trace, path or environment value in the response, never another company's figures.

Figures come from corpus/guides/alibaba/ml-ai-engineer.md (Seattle (US) base $165K–$235K).
"""

from __future__ import annotations

import json
import os

import pytest
from fastapi.testclient import TestClient
from web_support import SAMPLE_CORPUS

pytestmark = pytest.mark.reliability

SEATTLE_BASE = "$165K–$235K"
ASK = "Alibaba Seattle base?"


def post_raw(client: TestClient, body: bytes, kind: str = "application/json",
             path: str = "/api/ask") -> tuple[int, str]:
    response = client.post(path, content=body, headers={"content-type": kind})
    return response.status_code, response.text


def assert_no_leak(text: str) -> None:
    """No traceback, server path or environment value in a response body."""
    assert "Traceback" not in text and 'File "' not in text
    assert str(SAMPLE_CORPUS.parent) not in text and "/site-packages/" not in text
    for name in ("HOME", "PATH", "VIRTUAL_ENV"):
        value = os.environ.get(name)
        if value and len(value) > 4:
            assert value not in text


@pytest.mark.parametrize("path", ["/api/ask", "/api/ask/stream"])
def test_a_lone_surrogate_is_a_422_that_says_so(client: TestClient, path: str) -> None:
    body = json.dumps({"question": "\ud800 Alibaba Seattle base?"}).encode()  # "\\ud800" escape
    status, text = post_raw(client, body, path=path)
    assert status == 422 and "surrogate" in text
    assert_no_leak(text)


@pytest.mark.parametrize("question", ["", "   ", "\u200b\u200d", "\U000e0041\U000e0042"])
def test_an_empty_or_invisible_question_asks_for_one(client: TestClient, question: str) -> None:
    status, text = post_raw(client, json.dumps({"question": question}).encode())
    assert status == 422 and "ask a question" in text.casefold()


@pytest.mark.parametrize("spelled", [
    "Ali\u200bbaba Seattle base?",  # a zero-width space inside the name
    "Alibaba\u202e Seattle base?",  # a right-to-left override
    "Alibaba Seattle base?\U000e0069\U000e0067",  # invisible tag characters
    "\ufeffAlibaba Seattle base?",  # a byte-order mark
    "ALIBABA seattle BASE?",
])
def test_invisible_characters_do_not_change_the_answer(client: TestClient, spelled: str) -> None:
    response = client.post("/api/ask", json={"question": spelled})
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "answered" and SEATTLE_BASE in data["answer"]
    assert not any(ch in data["question"] for ch in "\u200b\u202e\ufeff\U000e0069")


def test_a_decomposed_place_name_reads_as_the_composed_one(client: TestClient) -> None:
    composed = client.post("/api/ask", json={"question": "Alibaba Zürich base?"}).json()
    decomposed = client.post("/api/ask", json={"question": "Alibaba Zu\u0308rich base?"}).json()
    assert decomposed["answer"] == composed["answer"]
    assert SEATTLE_BASE not in decomposed["answer"]  # the guide has no Zürich row


def test_a_homoglyph_name_never_borrows_another_companys_figures(client: TestClient) -> None:
    # Cyrillic "а" in "Аlibaba": read as a typo of Alibaba (said so) or as no guide, never
    # as a different company
    data = client.post("/api/ask", json={"question": "\u0410libaba Seattle base?"}).json()
    if data["status"] == "answered":
        assert "Read" in data["answer"] and "Alibaba" in data["answer"]
    for cite in data["citations"]:
        assert cite["guide"].startswith("alibaba/")


@pytest.mark.parametrize(("body", "kind", "status", "says"), [
    (b"{not json", "application/json", 422, "not valid JSON"),
    (b'{"question": "Alibaba Seattle base?"}', "text/plain", 415, "Content-Type: application/json"),
    (b"question=Alibaba", "application/x-www-form-urlencoded", 415, "application/json"),
    (b'{"question": "Alibaba Seattle base?", "admin": true}', "application/json", 422,
     "admin: Extra inputs are not permitted"),
    (b'{"question": 42}', "application/json", 422, "question"),
    (b'["Alibaba"]', "application/json", 422, "Invalid request"),
    (json.dumps({"question": "x" * 2001}).encode(), "application/json", 422, "2000"),
    (b"x" * 10_000_000, "application/json", 413, "over 64 KB"),
])
def test_malformed_bodies_are_4xx_that_say_what_to_send(client: TestClient, body: bytes,
                                                        kind: str, status: int,
                                                        says: str) -> None:
    got, text = post_raw(client, body, kind)
    assert got == status and says in text, text
    assert_no_leak(text)
    assert json.loads(text)["error"]


def test_history_is_capped_in_turns_and_size(client: TestClient) -> None:
    turn = {"role": "user", "content": "Alibaba Seattle base?"}
    status, text = post_raw(client, json.dumps({"question": "And stock?",
                                                "history": [turn] * 51}).encode())
    assert status == 422 and "history" in text
    status, text = post_raw(client, json.dumps({"question": "And stock?",
                                                "history": [turn] * 10_000}).encode())
    assert status == 413
    status, text = post_raw(client, json.dumps({
        "question": "And stock?", "history": [{"role": "user", "content": "\ud800"}]}).encode())
    assert status == 422 and "history" in text
    ok = client.post("/api/ask", json={"question": "And base?", "history": [turn] * 50})
    assert ok.status_code == 200


@pytest.mark.parametrize("path", [
    "../etc/passwd", "..%2f..%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd", "/etc/passwd",
    "alibaba%00/ml-ai-engineer", "alibaba/../../README.md", "alibaba/ml-ai-engineer%00.md",
    "%2e%2e/%2e%2e/pyproject.toml", "..\\..\\pyproject.toml",
])
def test_path_traversal_on_the_source_viewer_is_404(client: TestClient, path: str) -> None:
    response = client.get("/api/guides/" + path)
    assert response.status_code == 404
    assert "[project]" not in response.text and "root:" not in response.text
    assert_no_leak(response.text)


def test_the_answer_cache_is_bounded_in_bytes() -> None:
    from assistant.web.cache import AnswerCache

    cache = AnswerCache(maxsize=1000, max_bytes=10_000)
    for i in range(100):  # 100 answers of 1 KB under long histories: at most 10 KB kept
        cache.put((f"q{i}", (("user", "x" * 60_000),), "2026-12-01"), b"a" * 1000)
    assert cache.size <= 10_000 and len(cache) == 10
    assert cache.get(("q99", (("user", "x" * 60_000),), "2026-12-01")) == b"a" * 1000
    assert cache.get(("q0", (("user", "x" * 60_000),), "2026-12-01")) is None
    cache.put(("huge", (), "d"), b"b" * 20_000)  # larger than the whole budget: not kept
    assert cache.get(("huge", (), "d")) is None


@pytest.mark.parametrize("question", [
    "¿Cuánto es el salario base de un ingeniero de ML de Alibaba en Seattle?",
    "阿里巴巴 西雅图 机器学习工程师 底薪?",
    "Quel est le salaire de base chez Evilcorp à Berlin ?",
    "Wie viel zahlt Zyxcorp in München?",
])
def test_questions_in_other_languages_never_borrow_figures(client: TestClient,
                                                           question: str) -> None:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 200
    data = response.json()
    guides = {c["guide"].split("/")[0] for c in data["citations"]
              if not c["source"].startswith("articles/")}  # general articles: no company
    named = {"alibaba"} if "Alibaba" in question or "阿里巴巴" in question else \
        {"evilcorp"} if "Evilcorp" in question else set()
    assert guides <= named | {""}, (question, guides)  # only the company asked about, if any
    if "Zyxcorp" in question:
        assert "€" not in data["answer"] and "$" not in data["answer"]


def test_a_user_turn_is_capped_like_a_question(client: TestClient) -> None:
    """Issue 21: a history turn of 20,000 characters was ten times the question's cap."""
    from assistant.web.chat_render import history_messages

    long_turn = {"role": "user", "content": "Stripe" + " " * 1_995 + "base?"}  # 2,006
    status, text = post_raw(client, json.dumps({"question": "And stock?",
                                                "history": [long_turn]}).encode())
    assert status == 422 and "history" in text and "2,000" in text
    answer = {"role": "assistant", "content": "Base is $165K–$235K [1]. " * 700}  # ~17,500
    ok = client.post("/api/ask", json={"question": "And stock?", "history": [answer]})
    assert ok.status_code == 200
    kept = history_messages([{"role": "user", "content": "y" * 20_000},
                             {"role": "assistant", "content": "z" * 20_000}])
    assert [len(m["content"]) for m in kept] == [2_000, 20_000]
