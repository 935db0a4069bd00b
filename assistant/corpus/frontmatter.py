"""Split YAML frontmatter from a guide body and load it with bounded cost.

Only `yaml.SafeLoader` (or its C twin) ever runs, so `!!python/object` tags are refused. Files
over MAX_BYTES are rejected before parsing, and YAML that defines anchors is composed by a
SafeLoader that caps aliases and nodes, so a "billion laughs" document cannot blow up.

Example:
    >>> split_frontmatter("---\\ncompany: acme\\n---\\n# Body\\n").data
    {'company': 'acme'}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

MAX_BYTES = 1 << 20  # no real guide comes near this; larger files are refused unread
MAX_ALIASES = 64
MAX_NODES = 50_000

_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# An anchor ("&name") is the only way to create aliases; YAML without one cannot expand.
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&[^\s,\[\]{}]")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class _TooComplexError(yaml.YAMLError):
    """Raised when a document uses too many aliases or nodes."""


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader that refuses documents with too many aliases or nodes."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        """Count nodes and aliases before composing each one."""
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise _TooComplexError(f"more than {MAX_ALIASES} YAML aliases (alias bomb?)")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise _TooComplexError(f"more than {MAX_NODES} YAML nodes")
        return super().compose_node(parent, index)


@dataclass(frozen=True)
class Frontmatter:
    """The result of splitting a file: frontmatter data (or an error) and the body after it.

    `code` and `error` are empty on success; otherwise they name the lint code and say what
    is wrong. `body_offset` is the number of lines before the body starts.
    """

    data: dict[str, Any] | None
    body: str
    present: bool
    body_offset: int = 0
    code: str = ""
    error: str = ""

    @property
    def ok(self) -> bool:
        """True when there was no frontmatter problem."""
        return not self.code


def split_frontmatter(text: str) -> Frontmatter:
    """Split `text` into frontmatter data and body; never raises on bad YAML."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return Frontmatter(data=None, body=text, present=False)
    close = _CLOSE.search(text, 4)
    if close is None:
        return _failed(text, "E101", "frontmatter opened with '---' but never closed")
    raw = text[4 : close.start()]
    body = text[close.end() + 1 :]
    offset = text.count("\n", 0, close.end()) + 1
    return _load(raw, body, offset)


def load_yaml(raw: str) -> Any:
    """Load YAML with SafeLoader semantics and the alias/node caps; raises yaml.YAMLError."""
    if len(raw.encode("utf-8")) > MAX_BYTES:
        raise _TooComplexError(f"YAML larger than {MAX_BYTES} bytes")
    loader = _BoundedLoader if _ANCHOR.search(raw) else _FAST_LOADER
    return yaml.load(raw, Loader=loader)


def _load(raw: str, body: str, offset: int) -> Frontmatter:
    """Parse the frontmatter block and map YAML failures to lint codes."""
    try:
        data = load_yaml(raw)
    except _TooComplexError as exc:
        return _failed(body, "E103", f"frontmatter refused: {exc}", offset)
    except yaml.constructor.ConstructorError as exc:
        tag = _tag_of(exc)
        message = f"frontmatter uses tag {tag} that safe loading refuses; remove it"
        return _failed(body, "E102", message, offset)
    except yaml.YAMLError as exc:
        return _failed(body, "E101", f"frontmatter is not valid YAML: {_one_line(exc)}", offset)
    except RecursionError:
        return _failed(body, "E103", "frontmatter nests too deeply", offset)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        return _failed(body, "E202", f"frontmatter must be a mapping, got {kind}", offset)
    return Frontmatter(data=data, body=body, present=True, body_offset=offset)


def _failed(body: str, code: str, error: str, offset: int = 0) -> Frontmatter:
    """A failed split that still carries the body."""
    return Frontmatter(data=None, body=body, present=True, body_offset=offset, code=code,
                       error=error)


def _tag_of(exc: yaml.constructor.ConstructorError) -> str:
    """The offending tag named in a ConstructorError, or a generic label."""
    match = re.search(r"tag '([^']+)'", str(exc.problem or ""))
    return f"'{match.group(1)}'" if match else "(unknown)"


def _one_line(exc: yaml.YAMLError) -> str:
    """A YAML error squeezed onto one line."""
    return " ".join(str(exc).split())
