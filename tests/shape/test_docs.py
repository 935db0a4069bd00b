"""The reference pages in docs/ keep up with the code: every setting, the token example."""

from __future__ import annotations

import re
import time
from pathlib import Path

from assistant.settings import CONFIG_ENV, EMBED_SECRET_ENV, ENV_VARS, SECRET_ENV_VARS

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_environment_variable_is_in_the_configuration_page() -> None:
    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    names = (*ENV_VARS, *SECRET_ENV_VARS, EMBED_SECRET_ENV, CONFIG_ENV)
    assert [v for v in names if f"`{v}`" not in text] == []


def test_the_embed_token_example_mints_tokens_the_assistant_accepts() -> None:
    from assistant.web.embed_tokens import verify

    page = (DOCS / "api-and-widget.md").read_text(encoding="utf-8")
    code = re.search(r"```python\n(import base64.*?)```", page, re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code.group(1), namespace)  # noqa: S102 - our own page's example
    token = namespace["embed_token"](b"site-secret", "https://careers.example")  # type: ignore[operator]
    assert verify(b"site-secret", token, "https://careers.example", time.time()).quota == 50
