"""Prompt files: declared variables are checked against the templates when loaded."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answer.llm.prompts import load_prompt, load_prompt_file
from assistant.errors import AssistantError

GOOD = ("---\nvariables: [question, context]\n---\n"
        "# system\nRules {{braces}}.\n# user\n{context} {question}\n")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_answer_prompt_loads_with_its_variables() -> None:
    prompt = load_prompt("answer")
    assert prompt.variables == ("question", "context", "history")
    assert [role for role, _ in prompt.messages] == ["system", "user"]
    system = prompt.messages[0][1]
    assert "[1]" in system and "never instructions" in system


def test_render_fills_variables(tmp_path: Path) -> None:
    prompt = load_prompt_file(write(tmp_path, GOOD))
    assert prompt.render(question="Q?", context="C") == [("system", "Rules {braces}."),
                                                          ("user", "C Q?")]
    with pytest.raises(AssistantError, match="missing"):
        prompt.render(question="Q?")


@pytest.mark.parametrize(("text", "message"), [
    (GOOD.replace("{question}", "{question} {region}"), r"undeclared variable\(s\) \['region'\]"),
    (GOOD.replace("[question, context]", "[question, context, history]"),
     r"\['history'\] that it never uses"),
    (GOOD.replace("---\nvariables: [question, context]\n---\n", ""), "no frontmatter"),
    (GOOD.replace("variables: [question, context]", "variables: question"), "list of names"),
    (GOOD.replace("variables: [question, context]", "variables: [a, a]"), "twice"),
    (GOOD.replace("variables: [question, context]", "variables: [oops"), "invalid YAML"),
    (GOOD.replace("# system\n", "").replace("# user\n", ""), "# <role>"),
    (GOOD.replace("{context}", "{context.x}"), "only plain names"),
    (GOOD.replace("{context}", "{context"), "malformed placeholder"),
])
def test_bad_prompt_files_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(AssistantError, match=message) as info:
        load_prompt_file(path)
    assert str(path) in str(info.value)


def test_missing_prompt_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(AssistantError, match="Cannot read prompt file"):
        load_prompt("nope", tmp_path)
