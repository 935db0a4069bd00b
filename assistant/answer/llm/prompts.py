"""Prompt files: YAML frontmatter declaring the variables, then `# system` / `# user` messages.

Example:
    >>> prompt = load_prompt("answer")
    >>> prompt.variables
    ('question', 'context', 'history')
    >>> prompt.render(question="...", context="...", history="")[0][0]
    'system'

A prompt file looks like this (placeholders use str.format syntax; write `{{` for a brace):

    ---
    variables: [question, context]
    ---
    # system
    Answer from the context only.
    # user
    <context>{context}</context> Question: {question}

Loading checks that the template uses exactly the declared variables, so a renamed variable
fails at start-up with the file's name instead of producing a prompt with a hole in it.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant.errors import AssistantError

PROMPTS_DIR = Path(__file__).resolve().parents[3] / "prompts"
ROLES = ("system", "user", "assistant")
_FRONTMATTER = re.compile(r"\A---[ \t]*\n(?P<head>.*?)\n---[ \t]*\n(?P<body>.*)\Z", re.DOTALL)
_ROLE_LINE = re.compile(rf"^# ({'|'.join(ROLES)})[ \t]*$", re.MULTILINE)
_IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")


@dataclass(frozen=True)
class Prompt:
    """A checked prompt: its declared variables and its (role, template) messages."""

    name: str
    path: Path
    variables: tuple[str, ...]
    messages: tuple[tuple[str, str], ...]

    def render(self, **values: str) -> list[tuple[str, str]]:
        """The messages with every declared variable filled in."""
        missing = [v for v in self.variables if v not in values]
        extra = [v for v in values if v not in self.variables]
        if missing or extra:
            raise AssistantError(f"Prompt {self.path}: render needs exactly "
                                 f"{list(self.variables)}; missing {missing}, unknown {extra}.")
        return [(role, template.format(**values)) for role, template in self.messages]


@lru_cache(maxsize=16)
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    """Load and check prompts/<name>.md (cached: prompt files do not change at run time)."""
    return load_prompt_file(directory / f"{name}.md")


def load_prompt_file(path: Path) -> Prompt:
    """Parse one prompt file and check its declared variables against its templates."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise AssistantError(f"Cannot read prompt file {path}: {exc.strerror}. "
                             "Restore it from the repository.") from exc
    head, body = _split(path, text)
    meta = _frontmatter(path, head)
    declared = _declared(path, meta)
    messages = _messages(path, body)
    used = _used_variables(path, messages)
    undeclared = sorted(used - set(declared))
    unused = [v for v in declared if v not in used]
    if undeclared:
        raise AssistantError(f"Prompt {path} uses undeclared variable(s) {undeclared}; add them "
                             "to `variables:` in its frontmatter or remove them.")
    if unused:
        raise AssistantError(f"Prompt {path} declares variable(s) {unused} that it never uses; "
                             "use them as {name} in the text or remove them from `variables:`.")
    name = str(meta.get("name") or path.stem)
    return Prompt(name=name, path=path, variables=tuple(declared), messages=messages)


def _split(path: Path, text: str) -> tuple[str, str]:
    match = _FRONTMATTER.match(text.replace("\r\n", "\n"))
    if not match:
        raise AssistantError(f"Prompt {path} has no frontmatter; start it with a `---` block "
                             "that declares `variables: [...]`.")
    return match.group("head"), match.group("body")


def _frontmatter(path: Path, head: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(head)
    except yaml.YAMLError as exc:
        raise AssistantError(f"Prompt {path} has invalid YAML frontmatter: {exc}") from exc
    if not isinstance(data, dict):
        raise AssistantError(f"Prompt {path}: frontmatter must be a mapping with `variables:`.")
    return data


def _declared(path: Path, meta: dict[str, Any]) -> list[str]:
    variables = meta.get("variables")
    if not isinstance(variables, list) or not all(
            isinstance(v, str) and _IDENTIFIER.match(v) for v in variables):
        raise AssistantError(f"Prompt {path}: frontmatter needs `variables:` as a list of "
                             "names, e.g. `variables: [question, context]`.")
    if len(set(variables)) != len(variables):
        raise AssistantError(f"Prompt {path} declares a variable twice: {variables}.")
    return variables


def _messages(path: Path, body: str) -> tuple[tuple[str, str], ...]:
    parts = _ROLE_LINE.split(body)
    if parts[0].strip() or len(parts) < 3:
        raise AssistantError(f"Prompt {path}: the body must be messages, each starting with a "
                             f"line `# <role>` (roles: {', '.join(ROLES)}).")
    roles, templates = parts[1::2], parts[2::2]
    return tuple((role, template.strip()) for role, template in zip(roles, templates, strict=True))


def _used_variables(path: Path, messages: tuple[tuple[str, str], ...]) -> set[str]:
    used: set[str] = set()
    for _role, template in messages:
        try:
            fields = [f for _, f, _, _ in string.Formatter().parse(template) if f is not None]
        except ValueError as exc:
            raise AssistantError(f"Prompt {path} has a malformed placeholder ({exc}); write "
                                 "`{{` and `}}` for literal braces.") from exc
        for field in fields:
            if not _IDENTIFIER.match(field):
                raise AssistantError(f"Prompt {path} has placeholder {{{field}}}; only plain "
                                     "names such as {question} are allowed.")
            used.add(field)
    return used
