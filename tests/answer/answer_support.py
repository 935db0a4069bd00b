"""Helpers for the answer-stage tests: the sample-corpus Assistant and a loopback OpenAI stub."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from assistant.answer.library import Library
from assistant.answer.pipeline import Assistant
from assistant.answer.search import HybridSearch
from assistant.answer.types import Answer
from assistant.corpus.reader import read_corpus
from assistant.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
TODAY = date(2026, 3, 1)


@lru_cache(maxsize=1)
def offline_assistant(library: Library) -> Assistant:
    """An Assistant over a library with lexical search only (no index needed)."""
    return Assistant(Settings.load(environ={}), library=library,
                     search=HybridSearch(library).search)


def sample_library() -> Library:
    """The library of the repository's sample corpus (read once per test run)."""
    return Library(read_corpus([CORPUS]).guides)


def sample_assistant(settings: Settings | None = None) -> Assistant:
    """An Assistant over the sample corpus with lexical retrieval only (no built index)."""
    library = sample_library()
    return Assistant(settings or Settings(), library=library, today=TODAY,
                     search=HybridSearch(library).search)


@dataclass
class StubScript:
    """What the stub answers next: a mode ("ok", "500", "429", "slow", "malformed", "cut": a
    stream that stops mid-answer) and the text."""

    mode: str = "ok"
    text: str = ""
    delay_s: float = 3.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


class OpenAIStub:
    """A threaded HTTP server on 127.0.0.1 speaking /v1/chat/completions (JSON and SSE)."""

    def __init__(self) -> None:
        self.script = StubScript()
        handler = type("Handler", (_Handler,), {"script": self.script})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.handle_error = lambda *args: None  # type: ignore[method-assign]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        """The OpenAI base URL clients should use."""
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def __enter__(self) -> OpenAIStub:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.script.release.set()  # wake a "slow" handler so it does not outlive the test
        self.server.shutdown()
        self.server.server_close()


class _Handler(BaseHTTPRequestHandler):
    script: StubScript

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output quiet."""

    def do_POST(self) -> None:
        """Answer one chat completion the way the script says."""
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.script.requests.append(body)
        mode, text = self.script.mode, self.script.text
        if mode == "slow":
            self.script.release.wait(self.script.delay_s)
        if mode == "500":
            self._send(500, b'{"error": {"message": "boom", "type": "server_error"}}')
        elif mode == "429":
            self._send(429, b'{"error": {"message": "slow down", "type": "rate_limit"}}')
        elif mode == "cut":
            self._cut(text, stream=bool(body.get("stream")))
        elif mode == "malformed":
            self._send(200, b'{"id": "x", "choices": [', stream=bool(body.get("stream")))
        elif body.get("stream"):
            self._stream(text)
        else:
            self._send(200, json.dumps(_completion(text)).encode())

    def _send(self, status: int, payload: bytes, stream: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/event-stream" if stream else "application/json")
        if stream:
            payload = b"data: " + payload + b"\n\n"
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def _cut(self, text: str, stream: bool) -> None:
        """Half of the answer, then the connection drops (no [DONE], no finish_reason)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream" if stream else "application/json")
        self.end_headers()
        half = text[:len(text) // 2]
        if stream:
            self.wfile.write(f"data: {json.dumps(_chunk(half))}\n\n".encode())
        else:
            self.wfile.write(json.dumps(_completion(half)).encode()[:40])
        self.wfile.flush()
        self.close_connection = True

    def _stream(self, text: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        pieces = [p + " " for p in text.split(" ")] if text else []
        for piece in [*pieces, None]:
            event = _chunk(piece)
            self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")


def _completion(text: str) -> dict[str, Any]:
    return {"id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "stub",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def _chunk(piece: str | None) -> dict[str, Any]:
    delta = {"role": "assistant", "content": piece} if piece is not None else {}
    return {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0, "model": "stub",
            "choices": [{"index": 0, "delta": delta,
                         "finish_reason": None if piece is not None else "stop"}]}


def assert_answered_from(answer: Answer, guide: str, figure: str, absent: str) -> None:
    """The answer is the guide's, quotes `figure` and not `absent` (another row's figure)."""
    assert (answer.status, answer.guide) == ("answered", guide), answer.text[:300]
    assert figure in answer.text and absent not in answer.text, answer.text[:600]
