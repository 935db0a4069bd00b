"""`ask --server URL` against a real uvicorn server on a free loopback port."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from assistant.answer.pipeline import Assistant
from assistant.answer.types import Answer
from assistant.cli.ask import main as ask
from assistant.cli.remote import RemoteAssistant
from assistant.errors import AssistantError, IndexMissingError, UsageError
from assistant.index.writing.builder import build_index
from assistant.settings import Settings
from assistant.web.server import create_app, serve_in_background

ROOT = Path(__file__).resolve().parents[2]
QUESTION = "Alibaba Seattle sign-on?"


def _settings(index: Path, **overrides: object) -> Settings:
    values = {"index": index, "embedder": "hash", "rate_limit": 0,
              "data_dir": index.parent / "data", **overrides}
    return Settings.load(overrides=values, environ={}, config_file=Path("/nonexistent"))


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Three live apps: over the sample index, without an index, and limited to 1/minute."""
    index = tmp_path_factory.mktemp("remote") / "index"
    build_index(_settings(index), [ROOT / "corpus"], progress=False)
    with ExitStack() as stack:
        urls = {name: stack.enter_context(serve_in_background(
                    create_app(settings, mount_chat=False)))
                for name, settings in (("ok", _settings(index)),
                                       ("empty", _settings(index.parent / "none")),
                                       ("limited", _settings(index, rate_limit=1)))}
        urls["index"] = str(index)
        yield urls


@pytest.fixture()
def local_env(servers: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment `ask` reads, pointing a local run at the servers' index."""
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_INDEX", servers["index"])
    monkeypatch.setenv("ASSISTANT_CONFIG", "/nonexistent.toml")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_remote_assistant_returns_an_answer(servers: dict[str, str], local_env: None) -> None:
    remote = RemoteAssistant(servers["ok"]).ask(QUESTION)
    assert isinstance(remote, Answer) and remote.status == "answered"
    assert "$60K sign-on" in remote.text
    assert remote.citations[0].guide == "alibaba/ml-ai-engineer"
    local = Assistant(Settings.load()).ask(QUESTION)
    assert remote.as_dict() == local.as_dict()


def _replying(status: int, body: bytes, headers: dict[str, str] | None = None
              ) -> RemoteAssistant:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers=headers)

    return RemoteAssistant("http://127.0.0.1:9", transport=httpx.MockTransport(handler))


@pytest.mark.parametrize("body", [b"<html>hi</html>", b"[1, 2]", b'{"status": "answered"}',
                                  b'{"question": "q", "status": "maybe", "answer": "",'
                                  b' "citations": [], "suggestions": []}'])
def test_a_reply_that_is_not_an_answer_object_is_one_clear_error(body: bytes) -> None:
    with pytest.raises(AssistantError, match="is it the negotiation assistant"):
        _replying(200, body).ask(QUESTION)


@pytest.mark.parametrize(("status", "kind"), [(422, UsageError), (503, IndexMissingError),
                                              (500, AssistantError)])
def test_http_errors_keep_the_servers_message(status: int, kind: type[AssistantError]) -> None:
    with pytest.raises(kind, match="what to do next") as caught:
        _replying(status, b'{"error": "what to do next"}').ask(QUESTION)
    assert type(caught.value) is kind


def test_a_slow_server_times_out_with_a_message() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    remote = RemoteAssistant("http://127.0.0.1:9", timeout=2,
                             transport=httpx.MockTransport(handler))
    with pytest.raises(AssistantError, match="did not answer within 2 s"):
        remote.ask(QUESTION)


@pytest.mark.parametrize("flags", [[], ["--json"]])
def test_server_output_matches_local_output(servers: dict[str, str], local_env: None,
                                            flags: list[str]) -> None:
    local = CliRunner().invoke(ask, [*flags, QUESTION])
    remote = CliRunner().invoke(ask, [*flags, "--server", servers["ok"], QUESTION])
    assert remote.exit_code == 0, remote.output
    assert remote.output == local.output


def test_server_json_stdin(servers: dict[str, str], local_env: None) -> None:
    result = CliRunner().invoke(ask, ["--json", "--server", servers["ok"], "-"],
                                input=f"{QUESTION}\nZyxcorp SWE base?\n")
    assert [json.loads(line)["status"] for line in result.output.splitlines()] == [
        "answered", "no_guide"]


def test_too_long_question_exits_2_with_the_limit(servers: dict[str, str],
                                                  local_env: None) -> None:
    result = CliRunner().invoke(ask, ["--server", servers["ok"], "x" * 2500])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "the limit is 2000" in result.output


def test_unreachable_server_is_one_line(local_env: None) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(ask, ["--server", url, QUESTION])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert f"The server at {url} is not reachable" in result.output


def test_server_without_index_says_how_to_build_one(servers: dict[str, str],
                                                    local_env: None) -> None:
    result = CliRunner().invoke(ask, ["--server", servers["empty"], QUESTION])
    assert result.exit_code == 1
    assert "assistant index" in result.output and "Traceback" not in result.output


def test_rate_limited_server(servers: dict[str, str], local_env: None) -> None:
    runner = CliRunner()
    runner.invoke(ask, ["--server", servers["limited"], QUESTION])
    result = runner.invoke(ask, ["--server", servers["limited"], QUESTION])
    assert result.exit_code == 1
    assert "rate limiting" in result.output and "1 per minute" in result.output


@pytest.mark.parametrize("url", ["127.0.0.1:7860", "ftp://127.0.0.1/", "http://"])
def test_bad_server_url_is_a_usage_error(url: str) -> None:
    with pytest.raises(UsageError, match="http"):
        RemoteAssistant(url)
