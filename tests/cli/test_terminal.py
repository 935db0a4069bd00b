"""What `ask` prints reaches a terminal: guide text (or a hostile server) carrying escape
sequences and invisible characters must arrive as plain text, from a local index and through
`ask --server`, and on a real terminal the only escapes are the renderer's own styles."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from tty_support import ask_env, on_terminal, plain

from assistant.cli.admin import main as admin
from assistant.cli.ask import main as ask
from assistant.corpus.reader import read_corpus

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "tests" / "fixtures" / "hostile" / "guides" / "evilcorp" / "software-engineer.md"
ESCAPES = ("\x1b[2J\x1b[31m", "\x1b]8;;http://203.0.113.9/\x07click\x1b]8;;\x07", "\r",
           "\x9b1m", "\x07")
INVISIBLE = ("\U000e0049\U000e0047\U000e004e", "\u200b", "\u202e", "\ufeff")
BAD = ("\x1b", "\x9b", "\x07", "\r", "\U000e0049", "\u200b", "\u202e", "\ufeff")


@pytest.fixture()
def escaped_corpus(tmp_path: Path) -> Path:
    """The hostile guide with terminal escapes and invisible text in its body."""
    text = SOURCE.read_text(encoding="utf-8")
    text = text.replace("Offers move when you bring a competing number.",
                        f"Offers move{ESCAPES[0]} when you bring{ESCAPES[1]} a competing "
                        f"number.{ESCAPES[2]}{INVISIBLE[0]} Ask{INVISIBLE[1]} for a "
                        f"sign-on{ESCAPES[3]}{INVISIBLE[2]}.{ESCAPES[4]}{INVISIBLE[3]}")
    guide = tmp_path / "corpus" / "evilcorp" / "software-engineer.md"
    guide.parent.mkdir(parents=True)
    guide.write_text(text, encoding="utf-8")
    return tmp_path / "corpus"


def test_the_reader_removes_them_and_lint_says_so(escaped_corpus: Path) -> None:
    result = read_corpus([escaped_corpus])
    (guide,) = result.guides
    body = "\n".join(s.text for s in guide.sections)
    assert not any(ch in body for ch in BAD)
    assert "Offers move when you bring" in body  # the visible words stay in order
    assert [f.code for f in result.findings if f.code == "W405"] == ["W405"]


def test_ask_prints_no_escape_from_a_local_index(escaped_corpus: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "none.toml"))
    built = CliRunner().invoke(admin, ["index", "--corpus", str(escaped_corpus), "--quiet"])
    assert built.exit_code == 0, built.output
    for args in (["How do I negotiate at Evilcorp as a software engineer?"],
                 ["--json", "Evilcorp software engineer negotiation tips"]):
        result = CliRunner().invoke(ask, args)
        assert result.exit_code == 0, result.output
        assert not any(ch in result.output for ch in BAD), repr(result.output[:300])


class _Hostile(BaseHTTPRequestHandler):
    """A server that answers /api/ask with escapes and invisible text in every string."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("content-length", 0)))
        nasty = "".join(ESCAPES + INVISIBLE)
        body = json.dumps({
            "question": f"q{nasty}", "status": "answered", "intent": "",
            "answer": f"The base is{nasty} $100K [1].\x1b[2J", "suggestions": [f"s{nasty}"],
            "citations": [{"n": 1, "guide": "x/y", "source": f"guides/x/y.md{nasty}",
                           "section": "s", "title": f"T{nasty}"}], "bands": []},
            ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def hostile_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("as_json", [False, True])
def test_ask_server_prints_no_escape_from_a_hostile_server(hostile_server: str,
                                                           as_json: bool) -> None:
    args = ["--server", hostile_server, *(["--json"] if as_json else []), "Evilcorp base?"]
    result = CliRunner().invoke(ask, args)
    assert result.exit_code == 0, result.output
    assert "$100K" in result.output
    assert not any(ch in result.output for ch in BAD), repr(result.output[:300])


def test_a_rendered_answer_carries_only_style_escapes(hostile_server: str,
                                                     tmp_path: Path) -> None:
    """On a real terminal rich renders the hostile answer: the only escapes are its styles."""
    screen = on_terminal(["--server", hostile_server, "Evilcorp base?"],
                         ask_env(tmp_path / "index", tmp_path))
    assert "$100K" in screen and "Sources:" in plain(screen)
    assert plain(screen) != screen  # rendered: rich's styles are there
    assert not any(ch in plain(screen) for ch in BAD), repr(screen[:300])
