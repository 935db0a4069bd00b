"""The Gradio chat: the real app under uvicorn driven by gradio_client, plus its pure parts
(message HTML, history conversion, freshness badge) and handler error paths."""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from assistant.answer.pipeline import Assistant
from assistant.answer.types import Answer, Band, Citation, Freshness
from assistant.settings import Settings
from assistant.web.chat import ChatHandlers
from assistant.web.chat_render import (
    answer_html,
    answer_markdown,
    badge_html,
    guide_url,
    history_messages,
    md_escape,
    plain_text,
    user_html,
)
from assistant.web.feedback import FeedbackStore
from assistant.web.limits import LIMITED_HEADER

ROOT = Path(__file__).resolve().parents[2]
GUIDE = "alibaba/ml-ai-engineer"
SIGN_ON_LINK = f'href="/api/guides/{GUIDE}#'


@pytest.fixture(scope="module")
def chat_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings over the sample corpus, indexed with the hash embedder in a temp dir."""
    from assistant.index.writing.builder import build_index

    tmp = tmp_path_factory.mktemp("chat")
    settings = Settings.load(
        overrides={"index": tmp / "index", "data_dir": tmp / "data", "embedder": "hash",
                   "corpus": ROOT / "corpus"},
        environ={}, config_file=tmp / "none.toml")
    build_index(settings, [ROOT / "corpus"], progress=False)
    return settings


@pytest.fixture(scope="module")
def chat_bot(chat_settings: Settings) -> Assistant:
    return Assistant(chat_settings, today=date(2026, 11, 22))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chat_url(chat_settings: Settings, chat_bot: Assistant) -> Iterator[str]:
    """create_app(...) served by uvicorn on a free loopback port in a background thread."""
    import uvicorn

    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from assistant.web.server import create_app

    port = _free_port()
    app = create_app(chat_settings, chat_bot)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=15)


@pytest.fixture(scope="module")
def chat_client(chat_url: str) -> Iterator[Any]:
    import huggingface_hub.constants
    from gradio_client import Client

    # gradio_client sends telemetry to huggingface.co when it is created; tests stay on loopback
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(huggingface_hub.constants, "HF_HUB_DISABLE_TELEMETRY", True)
        yield Client(chat_url, verbose=False, download_files=False)


def last_text(chat: list[dict[str, Any]]) -> str:
    """The text (HTML) of the last chat message, whatever shape its content has."""
    content = chat[-1]["content"]
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content)
    return str(content)


# --- through the real app -----------------------------------------------------------------

def test_client_asks_and_gets_cited_answer(chat_client: Any) -> None:
    chat, chart, badge, last, *_ = chat_client.predict("Alibaba Seattle sign-on?", [],
                                                  api_name="/ask")
    html = last_text(chat)
    assert "$60K" in html
    assert SIGN_ON_LINK in html and 'rel="noopener noreferrer"' in html
    assert "guides/alibaba/ml-ai-engineer.md" in html  # the sources list names the file
    assert [m["role"] for m in chat] == ["user", "assistant"]
    assert last["status"] == "answered" and last["citations"][0]["guide"] == GUIDE
    assert "review overdue" in badge and "Reviewed 2026-02" in badge


def test_follow_up_uses_the_conversation(chat_client: Any) -> None:
    first, *_ = chat_client.predict("Alibaba Seattle sign-on?", [], api_name="/ask")
    chat, *_ = chat_client.predict("And Beijing?", first, api_name="/ask")
    html = last_text(chat)
    assert len(chat) == 4
    assert "Beijing" in html and "(CNY)" in html and "Seattle" not in html
    assert SIGN_ON_LINK in html


def test_answer_with_bands_returns_a_chart(chat_client: Any) -> None:
    _, chart, *_ = chat_client.predict("Alibaba ML engineer base", [], api_name="/ask")
    assert chart.count("<svg") == 3  # USD, CNY, SGD: one chart per currency
    assert "$165K–$235K" in chart and "480K–920K" in chart


def test_feedback_is_stored(chat_client: Any, chat_settings: Settings) -> None:
    *_, last, _question, _status = chat_client.predict("Alibaba Seattle sign-on?", [],
                                                  api_name="/ask")
    store = FeedbackStore(chat_settings.data_dir / "feedback.sqlite3")
    before = store.count()
    status, comment = chat_client.predict(last, "spot on", api_name="/feedback_down")
    assert status.startswith("Thanks") and comment == ""
    assert store.count() == before + 1
    saved = store.recent(1)[0]
    assert (saved.question, saved.rating, saved.comment) == (
        "Alibaba Seattle sign-on?", "down", "spot on")
    assert saved.citations[0]["guide"] == GUIDE and "$60K" in saved.answer


def test_a_rating_is_deleted_with_the_delete_button(handlers: ChatHandlers) -> None:
    last = run_ask(handlers, "Alibaba Seattle sign-on?")[-1][3]
    status, comment, kept, button = handlers.rater("up")(last, "spot on")
    assert "Delete my rating" in status and "DELETE" not in status and "token" not in status
    assert comment == "" and button["visible"] is True and handlers.feedback.count() == 1
    said, forgotten, hidden = handlers.delete_rating(kept)
    assert said.startswith("Your rating is deleted") and forgotten is None
    assert hidden["visible"] is False and handlers.feedback.count() == 0
    assert handlers.delete_rating(kept)[0] == "That rating was already deleted."
    assert handlers.delete_rating(None)[0] == "There is no rating of yours to delete."


def test_rating_before_any_answer_says_so(chat_client: Any) -> None:
    status, _ = chat_client.predict({}, "", api_name="/feedback_up")
    assert "Ask a question first" in status


# --- handlers -------------------------------------------------------------------------------

@pytest.fixture()
def handlers(chat_bot: Assistant, tmp_path: Path) -> ChatHandlers:
    return ChatHandlers(chat_bot, FeedbackStore(tmp_path / "feedback.sqlite3"))


def run_ask(handlers: ChatHandlers, question: str, chat: list[dict[str, Any]] | None = None
            ) -> list[tuple[Any, ...]]:
    return list(handlers.ask(question, chat or []))


def test_stream_shows_progress_then_the_final_answer(handlers: ChatHandlers) -> None:
    steps = run_ask(handlers, "Alibaba ML engineer base")
    assert "Looking in the guides" in last_text(steps[0][0])
    assert steps[0][4] == ""  # the question box is cleared at once
    chat, chart, badge, last = steps[-1][:4]
    assert "<svg" in chart and "review overdue" in badge
    assert last["question"] == "Alibaba ML engineer base"
    assert last_text(chat).count("<a ") >= 2  # the [1] markers and the source link


def test_empty_question_changes_nothing(handlers: ChatHandlers) -> None:
    steps = run_ask(handlers, "   ")
    assert len(steps) == 1 and steps[0][0] == []


def test_usage_error_becomes_a_chat_message(handlers: ChatHandlers) -> None:
    chat = run_ask(handlers, "x" * 2001)[-1][0]
    assert "limit is 2000" in last_text(chat)


def test_unexpected_error_is_logged_not_shown(tmp_path: Path, caplog: Any) -> None:
    class Broken:
        def stream(self, question: str, history: Any) -> Iterator[str]:
            raise RuntimeError("secret stack detail")
            yield ""

    handlers = ChatHandlers(Broken(), FeedbackStore(tmp_path / "f.db"))  # type: ignore[arg-type]
    chat = run_ask(handlers, "Alibaba?")[-1][0]
    assert "Something went wrong" in last_text(chat)
    assert "secret" not in last_text(chat) and "secret stack detail" in caplog.text


def test_a_rate_limited_event_answers_with_the_limit_and_runs_nothing(tmp_path: Path) -> None:
    class Unused:
        def stream(self, question: str, history: Any) -> Iterator[str]:
            raise AssertionError("the pipeline ran for a limited request")

    class Request:
        headers = {LIMITED_HEADER: "Too many requests: try again in 9 s."}

    handlers = ChatHandlers(Unused(), FeedbackStore(tmp_path / "f.db"))  # type: ignore[arg-type]
    before = [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]
    steps = list(handlers.ask("Alibaba?", before, Request()))  # type: ignore[arg-type]
    chat = steps[-1][0]
    assert len(steps) == 1 and len(chat) == 4 and chat[:2] == before
    assert "Alibaba?" in chat[2]["content"] and "try again in 9 s" in last_text(chat)
    rate = handlers.rater("up")
    status, comment, *_ = rate({"answer": "x"}, "kept", Request())  # type: ignore[arg-type]
    assert (status, comment) == ("Too many requests: try again in 9 s.", "kept")
    assert handlers.feedback.count() == 0
    said, *_ = handlers.delete_rating({"id": 1, "token": "t" * 24},
                                      Request())  # type: ignore[arg-type]
    assert said == "Too many requests: try again in 9 s."


def test_the_answer_message_carries_its_chart_between_text_and_sources(
        handlers: ChatHandlers) -> None:
    chat = run_ask(handlers, "Alibaba ML engineer base")[-1][0]
    html = last_text(chat)
    assert html.count('<figure class="msg-chart">') == 3  # USD, CNY, SGD
    assert html.index("Freshness") < html.index("msg-chart") < html.index("Sources")
    history = history_messages(chat)[-1]["content"]
    assert "Pay bands in" not in history and "Sources" in history


def test_a_long_kept_conversation_is_cut_to_its_newest_messages(handlers: ChatHandlers) -> None:
    from assistant.web.chat import KEEP_MESSAGES

    kept = [{"role": "user" if i % 2 == 0 else "assistant", "content": f"turn {i}"}
            for i in range(500)]
    chat = run_ask(handlers, "Alibaba Seattle sign-on?", kept)[-1][0]
    assert len(chat) == KEEP_MESSAGES + 2 and chat[0]["content"] == f"turn {500 - KEEP_MESSAGES}"


def test_suggestions_become_chips(handlers: ChatHandlers) -> None:
    chat = run_ask(handlers, "Alibaba software engineer pay?")[-1][0]
    assert chat[-1]["options"] == [{"value": "Alibaba ML/AI Engineer pay?",
                                    "label": "Alibaba ML/AI Engineer pay?"}]


# --- rendering --------------------------------------------------------------------------------

ANSWER = Answer(
    question="q", status="answered", guide=GUIDE,
    text="**Seattle** base $165K–$235K [1]. Sign-on $60K [2]; see [3] and [x](y) [1](z)",
    citations=(Citation(1, GUIDE, "guides/alibaba/ml-ai-engineer.md", "compensation",
                        "Compensation"),
               Citation(2, GUIDE, "guides/alibaba/ml-ai-engineer.md", "negotiate-up-strategy",
                        "Negotiate *Up* Strategy")),
    bands=(Band(GUIDE, "Seattle", "base", 165_000, 235_000, "USD"),),
    freshness=Freshness(last_updated="2026-02-23", next_review_due="2026-05-23",
                        salary_data_quarter="2025-Q4"))


def test_markers_link_to_the_source_viewer() -> None:
    md = answer_markdown(ANSWER)
    assert f"[\\[1\\]](/api/guides/{GUIDE}#compensation)" in md
    assert f"[\\[2\\]](/api/guides/{GUIDE}#negotiate-up-strategy)" in md
    assert "see [3] and" in md  # no such citation: left alone
    html = answer_html(ANSWER)
    assert f'<a href="/api/guides/{GUIDE}#compensation" rel="noopener noreferrer">[1]</a>' in html
    assert "Negotiate *Up* Strategy</a>" in html  # titles are escaped, not emphasised
    assert "<code>guides/alibaba/ml-ai-engineer.md</code>" in html
    assert "\n" not in html  # the Chatbot shows newlines between tags as blank lines


def test_guide_url_quotes_odd_ids() -> None:
    assert guide_url("a b/c?d", 'x"y') == "/api/guides/a%20b/c%3Fd#x%22y"
    assert guide_url(GUIDE) == f"/api/guides/{GUIDE}"


def test_hostile_answer_text_stays_text() -> None:
    evil = replace(ANSWER, text=(
        "<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
        "Pay ![t](http://203.0.113.9/t.png) [c](javascript:alert(3)) "
        "<a href='javascript:alert(4)' onclick='alert(5)'>x</a> [1]"),
        citations=(Citation(1, 'evil"/x', "e.md", 'a"><script>', "<b>T</b>"),))
    html = answer_html(evil)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert not re.search(r"<[^>]*\son\w+\s*=", html)  # no event-handler attributes
    assert not re.search(r"""(?:href|src)\s*=\s*["']?\s*javascript:""", html, re.I)
    assert not re.search(r"""src\s*=""", html)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("/api/guides/", "http")) for h in hrefs), hrefs
    assert "&lt;b&gt;T&lt;/b&gt;" in html  # the citation title is text
    assert 'href="/api/guides/evil%22/x#a%22%3E%3Cscript%3E"' in html


def test_md_escape_neutralises_markdown() -> None:
    assert md_escape("[x](javascript:y) *a*") == "\\[x\\]\\(javascript:y\\) \\*a\\*"


def test_history_from_chatbot_messages() -> None:
    chat = [
        {"role": "user", "content": [{"type": "text", "text": user_html("A & <b>B</b>?")}]},
        {"role": "assistant", "content": "<p><strong>Answer</strong> <a href='/x'>[1]</a></p>"},
        {"role": "assistant", "content": [{"type": "file", "file": {"path": "x"}}]},
        {"role": "system", "content": "ignored"},
        "junk",
    ]
    assert history_messages(chat) == [  # type: ignore[arg-type]
        {"role": "user", "content": "A & <b>B</b>?"},
        {"role": "assistant", "content": "Answer [1]"},
    ]


def test_plain_text_keeps_line_breaks() -> None:
    assert plain_text(user_html("one\ntwo")) == "one\ntwo"


@pytest.mark.parametrize(("today", "state", "words"), [
    (date(2026, 11, 22), "overdue", "review overdue"),
    (date(2026, 3, 1), "fresh", "next review 2026-05"),
])
def test_freshness_badge(today: date, state: str, words: str) -> None:
    html = badge_html(ANSWER, None, today)
    assert f'data-state="{state}"' in html and words in html
    assert "Reviewed 2026-02 · pay data 2025-Q4" in html


def test_no_badge_without_a_guide() -> None:
    assert badge_html(replace(ANSWER, guide="", freshness=None)) == ""
