"""Both CLIs through click's runner: output contracts, exit codes and error lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli.admin import main as admin
from assistant.cli.ask import main as ask

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A hash-embedder environment with its own index directory."""
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_INDEX", str(tmp_path / "index"))
    monkeypatch.setenv("ASSISTANT_CONFIG", str(tmp_path / "none.toml"))
    return {}


@pytest.fixture()
def sample_index(env: dict[str, str]) -> None:
    """The shipped sample corpus, indexed with the hash embedder."""
    result = CliRunner().invoke(admin, ["index", "--corpus", str(ROOT / "corpus"), "--quiet"])
    assert result.exit_code == 0, result.output


def test_ask_without_index_says_how_to_build_one(env: dict[str, str]) -> None:
    result = CliRunner().invoke(ask, ["Alibaba Seattle sign-on?"])
    assert result.exit_code == 1
    assert "assistant index" in result.output


def test_ask_usage_errors_exit_2(env: dict[str, str]) -> None:
    assert CliRunner().invoke(ask, []).exit_code == 2
    assert CliRunner().invoke(ask, ["-"]).exit_code == 2  # stdin needs --json


def test_ask_prints_answer_and_sources(sample_index: None) -> None:
    result = CliRunner().invoke(ask, ["Alibaba Seattle sign-on?"])
    assert result.exit_code == 0, result.output
    assert "$60K sign-on" in result.output
    assert "Sources:" in result.output
    assert "guides/alibaba/ml-ai-engineer.md" in result.output


def test_ask_json_contract(sample_index: None) -> None:
    result = CliRunner().invoke(ask, ["--json", "Alibaba ML engineer Singapore base"])
    data = json.loads(result.output)
    assert set(data) - {"table"} == {"question", "status", "intent", "answer", "citations",
                                     "suggestions", "bands", "index_version"}
    assert data["status"] == "answered" and data["index_version"]  # read from a built index
    assert "SGD 130K–SGD 200K" in data["answer"]
    assert data["citations"][0] == {"n": 1, "guide": "alibaba/ml-ai-engineer",
                                    "source": "guides/alibaba/ml-ai-engineer.md",
                                    "section": "compensation", "title": "Compensation",
                                    "document": "Alibaba ML/AI Engineer"}


def test_ask_json_stdin_one_object_per_line(sample_index: None) -> None:
    questions = ("Alibaba Seattle sign-on?\n\nZyxcorp SWE base?\n"
                 "Can a sign-on bonus be clawed back?\n")
    result = CliRunner().invoke(ask, ["--json", "-"], input=questions)
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [x["status"] for x in lines] == ["answered", "no_guide", "answered"]


def test_ask_refuses_index_of_another_model(sample_index: None,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "onnx")
    monkeypatch.setenv("ASSISTANT_MODEL_DIR", str(ROOT / ".models"))
    result = CliRunner().invoke(ask, ["Alibaba Seattle sign-on?"])
    assert result.exit_code == 1
    assert "rebuild" in result.output


def test_lint_json_lines_and_exit_code() -> None:
    result = CliRunner().invoke(admin, ["lint", "--json", "--corpus", str(FIXTURES)])
    assert result.exit_code == 1  # the fixture corpus holds broken files on purpose
    findings = [json.loads(line) for line in result.output.splitlines()]
    assert {"path", "guide", "level", "code", "message"} == set(findings[0])
    codes = {f["code"] for f in findings}
    assert {"E101", "E102", "E103", "E104", "E105", "E301"} <= codes


def test_lint_sample_corpus_has_no_errors() -> None:
    result = CliRunner().invoke(admin, ["lint", "--corpus", str(ROOT / "corpus")])
    assert result.exit_code == 0, result.output
    assert "W402" in result.output  # the sample guide's Singapore row says USD in frontmatter


def test_index_reports_skipped_files_and_still_indexes(env: dict[str, str]) -> None:
    result = CliRunner().invoke(admin, ["index", "--corpus", str(FIXTURES), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output
    assert "alias-bomb.md" in result.output


def test_feedback_list_and_delete_by_id(env: dict[str, str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.web.feedback import FeedbackStore, feedback_path

    monkeypatch.setenv("ASSISTANT_DATA", str(tmp_path / "data"))
    store = FeedbackStore(feedback_path(tmp_path / "data"))
    first = store.add("Stripe base in New York?", "…", [], "up")
    store.close()
    listed = CliRunner().invoke(admin, ["feedback", "list"])
    assert listed.exit_code == 0 and f"#{first.id}" in listed.output
    assert "Stripe base in New York?" in listed.output
    deleted = CliRunner().invoke(admin, ["feedback", "delete", str(first.id), "999"])
    assert deleted.exit_code == 1 and "deleted 1 of 2; no feedback #999" in deleted.output
    assert FeedbackStore(feedback_path(tmp_path / "data")).count() == 0


def test_a_missing_model_export_names_the_command(env: dict[str, str], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "openvino-int8")
    monkeypatch.setenv("ASSISTANT_MODEL_DIR", str(tmp_path / "no-models"))
    result = CliRunner().invoke(admin, ["index", "--corpus", str(ROOT / "corpus"), "--quiet"])
    assert result.exit_code == 1
    assert "make setup" in result.output and "assistant.embed.export" in result.output
    assert not (tmp_path / "index" / "CURRENT").exists()  # nothing half-built goes live


def test_an_index_of_another_model_is_refused_with_the_fix(sample_index: None,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "openvino-int8")  # the index was built with hash
    result = CliRunner().invoke(ask, ["Can a sign-on bonus be clawed back?"])
    assert result.exit_code == 1
    assert "assistant index --rebuild" in result.output and "hash" in result.output
    assert "$" not in result.output


class _Broken:
    def ask(self, question: str) -> None:
        raise RuntimeError("the catalog went away")


@pytest.mark.parametrize("debug", [False, True])
def test_an_unexpected_failure_is_one_line_unless_debug_is_asked_for(
        monkeypatch: pytest.MonkeyPatch, debug: bool) -> None:
    monkeypatch.setattr("assistant.cli.ask._asker", lambda settings, server: _Broken())
    if debug:
        monkeypatch.setenv("ASSISTANT_DEBUG", "1")
    else:
        monkeypatch.delenv("ASSISTANT_DEBUG", raising=False)
    result = CliRunner().invoke(ask, ["Alibaba Seattle sign-on?"])
    assert result.exit_code == 1
    assert "error: unexpected failure (RuntimeError: the catalog went away)" in result.stderr
    assert ("Traceback" in result.stderr) is debug


def test_chat_keeps_the_conversation_and_starts_over_on_new(sample_index: None) -> None:
    turns = "Alibaba ML engineer Seattle base?\nAnd in Singapore?\n/new\nAnd in Singapore?\n/quit\n"
    result = CliRunner().invoke(ask, ["--chat"], input=turns)
    assert result.exit_code == 0, result.output
    seattle, singapore, _, alone = result.output.split("you> ")[1:5]
    # corpus/guides/alibaba/ml-ai-engineer.md: Seattle (US) base $165K–$235K, Singapore SGD
    assert "$165K–$235K" in seattle and "SGD 130K–SGD 200K" not in seattle
    assert "SGD 130K–SGD 200K" in singapore and "$165K–$235K" not in singapore
    assert "Read as a follow-up" in singapore
    assert "(new conversation)" in result.output
    assert "SGD 130K–SGD 200K" not in alone  # nothing carried after /new


def test_a_json_line_may_carry_its_history(sample_index: None) -> None:
    history = [{"role": "user", "content": "Alibaba ML engineer Seattle base?"},
               {"role": "assistant", "content": "Seattle base $165K–$235K."}]
    lines = "\n".join([json.dumps({"question": "And in Singapore?", "history": history}),
                       "And in Singapore?", ""])
    result = CliRunner().invoke(ask, ["--json", "-"], input=lines)
    assert result.exit_code == 0, result.output
    follow_up, alone = (json.loads(line) for line in result.output.splitlines())
    assert "SGD 130K–SGD 200K" in follow_up["answer"]
    assert "SGD 130K–SGD 200K" not in alone["answer"]


def test_a_broken_json_line_is_a_usage_error_naming_it(sample_index: None) -> None:
    result = CliRunner().invoke(ask, ["--json", "-"], input='Alibaba base?\n{"question": \n')
    assert result.exit_code == 2 and "line 2" in result.output
