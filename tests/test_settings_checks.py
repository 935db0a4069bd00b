"""A bad setting is refused at start with one line naming the variable and what it accepts
(issue 21: a negative rate limit turned limits off, a timeout of 0 dropped requests, a negative
in-flight cap made every request a 503, a huge number of days made every rating a 500, and a
typo in a boolean turned ratings off, all silently)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli.admin import main as admin
from assistant.cli.ask import main as ask
from assistant.errors import UsageError
from assistant.settings import CONFIG_ENV, ENV_VARS, Settings

pytestmark = pytest.mark.reliability

# (variable, bad value, words of what it accepts)
BAD = [
    ("ASSISTANT_RATE_LIMIT", "-5", "from 0 (off)"),
    ("ASSISTANT_REQUEST_TIMEOUT", "0", "seconds from 0.1"),
    ("ASSISTANT_REQUEST_TIMEOUT", "-1", "seconds from 0.1"),
    ("ASSISTANT_REQUEST_TIMEOUT", "nan", "seconds from 0.1"),
    ("ASSISTANT_MAX_IN_FLIGHT", "-1", "from 0 (no cap)"),
    ("ASSISTANT_FEEDBACK_DAYS", "100000000", "days from 1 to 3650"),
    ("ASSISTANT_FEEDBACK_DAYS", "0", "days from 1 to 3650"),
    ("ASSISTANT_FEEDBACK", "flase", "true or false"),
    ("ASSISTANT_FOLLOW_LINKS", "maybe", "true or false"),
    ("ASSISTANT_CHROMA_TIMEOUT", "inf", "seconds from 0.1"),
    ("ASSISTANT_LLM_TIMEOUT", "-3", "seconds from 0.1"),
    ("ASSISTANT_PORT", "70000", "from 0 to 65535"),
    ("ASSISTANT_PORT", "http", "from 0 to 65535"),
    ("ASSISTANT_EMBEDDER", "bert", "one of openvino-int8"),
    ("ASSISTANT_TRUSTED_PROXIES", "proxy.example", "IP addresses or networks"),
    ("ASSISTANT_WIDGET_ORIGINS", "careers.example", "origins such as"),
    ("ASSISTANT_CHROMA_URL", "localhost:8000", "http(s):// URL"),
    ("ASSISTANT_REDIS_URL", "localhost:6379", "redis:// URL"),
    ("ASSISTANT_DATABASE_URL", "mysql://db", "postgresql:// URL"),
    ("ASSISTANT_SERVED_HOSTS", "https://coach.example/", "host names"),
]
GOOD = {"ASSISTANT_RATE_LIMIT": "0", "ASSISTANT_MAX_IN_FLIGHT": "0", "ASSISTANT_FEEDBACK": "OFF",
        "ASSISTANT_FOLLOW_LINKS": "yes", "ASSISTANT_REQUEST_TIMEOUT": "2.5",
        "ASSISTANT_FEEDBACK_DAYS": "365", "ASSISTANT_TRUSTED_PROXIES": "10.0.0.0/8, ::1",
        "ASSISTANT_SERVED_HOSTS": "coach.example, localhost:7860",
        "ASSISTANT_WIDGET_ORIGINS": "https://careers.example, http://localhost:8000"}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ASSISTANT_* variable of the caller's shell, and no config file."""
    for var in ENV_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv(CONFIG_ENV, str(tmp_path / "absent.toml"))
    monkeypatch.chdir(tmp_path)


@pytest.mark.parametrize(("var", "value", "accepts"), BAD, ids=[f"{v}={x}" for v, x, _ in BAD])
def test_a_bad_value_is_refused_naming_the_variable(var: str, value: str, accepts: str) -> None:
    with pytest.raises(UsageError) as caught:
        Settings.load(environ={var: value}, config_file=Path("/nonexistent"))
    message = str(caught.value)
    assert message.startswith(f"{var} (") and accepts in message and repr(value) in message
    assert "\n" not in message


def test_a_bad_value_in_the_config_file_is_refused_too(tmp_path: Path) -> None:
    config = tmp_path / "assistant.toml"
    config.write_text("rate_limit = -5\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"ASSISTANT_RATE_LIMIT \(rate_limit\) must be"):
        Settings.load(environ={}, config_file=config)


def test_good_values_load_as_they_mean() -> None:
    settings = Settings.load(environ=GOOD, config_file=Path("/nonexistent"))
    assert (settings.rate_limit, settings.max_in_flight, settings.feedback) == (0, 0, False)
    assert settings.follow_links and settings.request_timeout == 2.5
    assert settings.trusted_proxies == ("10.0.0.0/8", "::1")
    assert settings.served_hosts == ("coach.example", "localhost:7860")


@pytest.mark.parametrize(("command", "args"), [(admin, ["serve"]), (admin, ["lint"]),
                                               (ask, ["Alibaba Seattle sign-on?"])],
                         ids=["serve", "lint", "ask"])
@pytest.mark.parametrize(("var", "value"), [("ASSISTANT_RATE_LIMIT", "-5"),
                                            ("ASSISTANT_FEEDBACK", "flase")])
def test_every_command_refuses_to_start_with_one_line(
        monkeypatch: pytest.MonkeyPatch, command: object, args: list[str], var: str,
        value: str) -> None:
    monkeypatch.setenv(var, value)
    result = CliRunner().invoke(command, args)  # type: ignore[arg-type]
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {var} (") and "must be" in lines[0]
