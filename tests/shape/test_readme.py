"""The README documents every environment variable the settings read."""

from __future__ import annotations

from pathlib import Path

from assistant.settings import CONFIG_ENV, ENV_VARS, SECRET_ENV_VARS

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_environment_variable_is_in_the_configuration_table() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [v for v in (*ENV_VARS, *SECRET_ENV_VARS, CONFIG_ENV) if f"`{v}`" not in text]
    assert missing == []
