"""Every line the CLIs print is cleaned as answers are (issue 21): a hostile server's error and
Retry-After, a stored question in `assistant feedback list`, and a file name in `assistant lint`
reach the terminal without escape sequences, and a newline in a file name does not split a
finding."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli.admin import main as admin
from assistant.cli.ask import main as ask
from assistant.settings import Settings
from assistant.web.feedback import open_feedback

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m\u202e"  # title, clear screen, C1 CSI, bidi override
ESCAPE_BYTES = ("\x1b", "\x9b", "\x07", "\u202e")


class Hostile(BaseHTTPRequestHandler):
    """Answers every POST with an error whose text and Retry-After carry terminal escapes."""

    status = 429

    def do_POST(self) -> None:  # noqa: N802 - the http.server name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"error": f"slow down{ESCAPES}\nsecond line"}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        raw = b"Retry-After: 5\x9b2J\r\n"  # a C1 escape, as latin-1; send_header would encode
        self._headers_buffer.append(raw)  # type: ignore[attr-defined]
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture()
def hostile_server() -> Iterator[tuple[str, type[Hostile]]]:
    """A server on a loopback port whose answers carry escapes."""
    handler = type("Handler", (Hostile,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


def _clean(text: str) -> bool:
    return not any(code in text for code in ESCAPE_BYTES)


@pytest.mark.parametrize("status", [429, 500, 422])
def test_a_servers_error_is_one_clean_line(hostile_server: tuple[str, type[Hostile]],
                                           status: int) -> None:
    url, handler = hostile_server
    handler.status = status
    result = CliRunner().invoke(ask, ["--server", url, "Alibaba Seattle sign-on?"])
    assert result.exit_code != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "slow down" in lines[0] and "second line" in lines[0]
    assert _clean(result.stderr)
    assert "retry after" not in lines[0]  # a Retry-After that is not seconds is left out


def test_a_stored_question_is_listed_clean(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "absent.toml"))
    store = open_feedback(Settings.load())
    store.add(f"Stripe base?{ESCAPES}\nfake #2 line", "an answer", [], "up")
    store.close()
    result = CliRunner().invoke(admin, ["feedback", "list"])
    assert result.exit_code == 0
    assert _clean(result.stdout) and len(result.stdout.strip().splitlines()) == 1
    assert "Stripe base?" in result.stdout and "fake #2 line" in result.stdout


def test_a_file_name_is_one_clean_finding(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "absent.toml"))
    corpus = tmp_path / "corpus" / "acme"
    corpus.mkdir(parents=True)
    (corpus / f"evil\n{ESCAPES}name.md").write_text("", encoding="utf-8")  # empty: E105
    (corpus / "also\nbad.md").write_text("", encoding="utf-8")
    runner = CliRunner()
    as_json = runner.invoke(admin, ["lint", "--corpus", str(tmp_path / "corpus"), "--json"])
    findings = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert len(findings) == 2 and _clean(as_json.stdout)
    plain = runner.invoke(admin, ["lint", "--corpus", str(tmp_path / "corpus")])
    lines = plain.stdout.splitlines()
    assert len(lines) == len(findings) and all(" error E105 " in line for line in lines)
    assert _clean(plain.stdout) and any("evil" in line and "name.md" in line for line in lines)
