"""The README documents every environment variable the settings read."""

from __future__ import annotations

from pathlib import Path

from assistant.settings import CONFIG_ENV, ENV_VARS, SECRET_ENV_VARS

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_environment_variable_is_in_the_configuration_table() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [v for v in (*ENV_VARS, *SECRET_ENV_VARS, CONFIG_ENV) if f"`{v}`" not in text]
    assert missing == []


def test_the_readme_embed_token_example_mints_tokens_the_assistant_accepts() -> None:
    import re
    import time

    from assistant.web.embed_tokens import verify

    code = re.search(r"```python\n(import base64.*?)```", README.read_text("utf-8"), re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(code.group(1), namespace)  # noqa: S102 - our own README's example
    token = namespace["embed_token"](b"site-secret", "https://careers.example")  # type: ignore[operator]
    assert verify(b"site-secret", token, "https://careers.example", time.time()).quota == 50
