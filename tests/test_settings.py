"""Settings precedence: defaults < config file < environment < CLI flag, through the real paths.

`Settings.load` is checked layer by layer for settings of every type; then the CLIs are run
through click's runner with all four layers set at once, and what they did (the index they
looked for or built, the corpus they linted, the address they would serve) shows which won.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from assistant.cli.admin import main as admin
from assistant.cli.ask import main as ask
from assistant.errors import UsageError
from assistant.settings import CONFIG_ENV, ENV_VARS, SECRET_ENV_VARS, Settings

LAYERS = ("default", "config", "env", "flag")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ASSISTANT_* variable of the caller's shell, and the working directory in tmp."""
    for var in (*ENV_VARS, *SECRET_ENV_VARS, CONFIG_ENV, "ASSISTANT_EMBED_SECRET"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)  # the defaults (index/, corpus/, assistant.toml) are relative


def _toml(values: dict[str, Any]) -> str:
    def literal(value: Any) -> str:
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, list):
            return "[" + ", ".join(literal(v) for v in value) + "]"
        return repr(value) if isinstance(value, int | float) else f'"{value}"'

    return "".join(f"{key} = {literal(value)}\n" for key, value in values.items())


# --- Settings.load, one layer at a time ----------------------------------------------------

# (field, config-file key and value, environment variable and value, override, expected at
# each layer): paths, ints, floats, bools, tuples and strings are each coerced on their way in.
CASES = [
    ("index", ("index", "cfg-index"), ("ASSISTANT_INDEX", "env-index"), "flag-index",
     (Path("index"), Path("cfg-index"), Path("env-index"), Path("flag-index"))),
    ("corpus", ("corpus", "cfg-corpus"), ("ASSISTANT_CORPUS", "env-corpus"), "flag-corpus",
     (Path("corpus"), Path("cfg-corpus"), Path("env-corpus"), Path("flag-corpus"))),
    ("port", ("port", 7001), ("ASSISTANT_PORT", "7002"), 7003, (7860, 7001, 7002, 7003)),
    ("chroma_timeout", ("chroma_timeout", 3.5), ("ASSISTANT_CHROMA_TIMEOUT", "4.5"), 5.5,
     (2.0, 3.5, 4.5, 5.5)),
    ("feedback", ("feedback", False), ("ASSISTANT_FEEDBACK", "true"), False,
     (True, False, True, False)),
    ("widget_origins", ("widget_origins", ["https://a.example"]),
     ("ASSISTANT_WIDGET_ORIGINS", "https://b.example, https://c.example"), ("https://d.example",),
     ((), ("https://a.example",), ("https://b.example", "https://c.example"),
      ("https://d.example",))),
    ("data_dir", ("data", "cfg-data"), ("ASSISTANT_DATA", "env-data"), "flag-data",
     (Path("data"), Path("cfg-data"), Path("env-data"), Path("flag-data"))),
    ("embedder", ("embedder", "onnx"), ("ASSISTANT_EMBEDDER", "onnx-int8"), "hash",
     ("openvino-int8", "onnx", "onnx-int8", "hash")),
]


@pytest.mark.parametrize(("name", "config", "env", "flag", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_each_layer_overrides_the_one_below(
        tmp_path: Path, name: str, config: tuple[str, Any], env: tuple[str, str], flag: Any,
        expected: tuple[Any, ...]) -> None:
    config_file = tmp_path / "settings.toml"
    config_file.write_text(_toml({config[0]: config[1]}), encoding="utf-8")
    layers = [
        Settings.load(environ={}, config_file=tmp_path / "absent.toml"),
        Settings.load(environ={}, config_file=config_file),
        Settings.load(environ={env[0]: env[1]}, config_file=config_file),
        Settings.load(overrides={name: flag}, environ={env[0]: env[1]}, config_file=config_file),
    ]
    assert {layer: getattr(s, name) for layer, s in zip(LAYERS, layers, strict=True)} == dict(
        zip(LAYERS, expected, strict=True))


def test_config_file_is_found_by_name_then_in_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "assistant.toml").write_text('[assistant]\nport = 7001\n', encoding="utf-8")
    assert Settings.load().port == 7001  # ./assistant.toml, keys under [assistant]
    named = tmp_path / "elsewhere.toml"
    named.write_text("port = 7005\n", encoding="utf-8")  # keys at the top level
    assert Settings.load(environ={CONFIG_ENV: str(named)}).port == 7005


def test_an_empty_variable_does_not_hide_the_config_file(tmp_path: Path) -> None:
    config_file = tmp_path / "settings.toml"
    config_file.write_text('index = "cfg-index"\n', encoding="utf-8")
    settings = Settings.load(environ={"ASSISTANT_INDEX": ""}, config_file=config_file)
    assert settings.index == Path("cfg-index")


def test_an_unset_flag_keeps_the_environment() -> None:
    settings = Settings.load(overrides={"index": None}, environ={"ASSISTANT_INDEX": "env"})
    assert settings.index == Path("env")


@pytest.mark.parametrize("key", ["llm_api_key", "embed_secret"])
def test_secrets_come_only_from_the_environment(tmp_path: Path, key: str) -> None:
    config_file = tmp_path / "settings.toml"
    config_file.write_text(f'{key} = "sk-in-a-file"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="not in a file"):
        Settings.load(environ={}, config_file=config_file)
    secret = Settings.load(environ={"ASSISTANT_LLM_API_KEY": "sk-env",
                                    "ASSISTANT_EMBED_SECRET": "site-secret"})
    assert (secret.llm_api_key, secret.embed_secret) == ("sk-env", "site-secret")


def test_an_unknown_config_key_is_a_usage_error(tmp_path: Path) -> None:
    config_file = tmp_path / "settings.toml"
    config_file.write_text('indx = "typo"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="Unknown setting 'indx'"):
        Settings.load(environ={}, config_file=config_file)


# --- the CLIs: all four layers at once, the flag wins ---------------------------------------


def _configure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: dict[str, Any],
               env: dict[str, str]) -> None:
    """Write `config` to the file ASSISTANT_CONFIG names and set `env`."""
    config_file = tmp_path / "assistant-config.toml"
    config_file.write_text(_toml(config), encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(config_file))
    for var, value in env.items():
        monkeypatch.setenv(var, value)


@pytest.mark.parametrize("layer", LAYERS)
def test_ask_looks_for_the_index_the_highest_layer_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layer: str) -> None:
    upto = LAYERS.index(layer)
    config = {"embedder": "hash"} | ({"index": str(tmp_path / "cfg-index")} if upto >= 1 else {})
    _configure(tmp_path, monkeypatch, config,
               {"ASSISTANT_INDEX": str(tmp_path / "env-index")} if upto >= 2 else {})
    flag = ["--index", str(tmp_path / "flag-index")] if upto >= 3 else []
    result = CliRunner().invoke(ask, [*flag, "Acme software engineer base?"])
    expected = {"default": "index", "config": str(tmp_path / "cfg-index"),
                "env": str(tmp_path / "env-index"), "flag": str(tmp_path / "flag-index")}
    assert result.exit_code == 1
    assert f"No index at {expected[layer]}:" in result.output


def _guide_corpus(root: Path, company: str) -> Path:
    """A corpus of one guide whose review date has passed, so lint names it (W401)."""
    guide = root / company / "software-engineer.md"
    guide.parent.mkdir(parents=True)
    guide.write_text(f"---\ncompany: {company}\nrole: software-engineer\n"
                     "next_review_due: 2001-01-01\n---\n# Software Engineer\n\nPay.\n",
                     encoding="utf-8")
    return root


@pytest.mark.parametrize("layer", LAYERS)
def test_lint_reads_the_corpus_the_highest_layer_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layer: str) -> None:
    corpora = {name: _guide_corpus(tmp_path / f"{name}-corpus", f"{name}co") for name in LAYERS}
    (tmp_path / "corpus").symlink_to(corpora["default"], target_is_directory=True)
    upto = LAYERS.index(layer)
    _configure(tmp_path, monkeypatch,
               {"corpus": str(corpora["config"])} if upto >= 1 else {},
               {"ASSISTANT_CORPUS": str(corpora["env"])} if upto >= 2 else {})
    flag = ["--corpus", str(corpora["flag"])] if upto >= 3 else []
    result = CliRunner().invoke(admin, ["lint", "--json", *flag])
    assert result.exit_code == 0, result.output
    assert f'"guide": "{layer}co/software-engineer"' in result.output
    assert result.output.count('"code": "W401"') == 1


def test_index_builds_where_the_flag_says_from_the_corpus_the_flag_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _configure(tmp_path, monkeypatch,
               {"index": str(tmp_path / "cfg-index"), "embedder": "hash",
                "corpus": str(_guide_corpus(tmp_path / "cfg-corpus", "cfgco"))},
               {"ASSISTANT_INDEX": str(tmp_path / "env-index"),
                "ASSISTANT_CORPUS": str(_guide_corpus(tmp_path / "env-corpus", "envco"))})
    flag_corpus = _guide_corpus(tmp_path / "flag-corpus", "flagco")
    result = CliRunner().invoke(admin, ["index", "--quiet", "--index",
                                        str(tmp_path / "flag-index"), "--corpus",
                                        str(flag_corpus)])
    assert result.exit_code == 0, result.output
    assert "1 guides" in result.output
    assert (tmp_path / "flag-index").is_dir()
    assert not (tmp_path / "env-index").exists() and not (tmp_path / "cfg-index").exists()
    for company, status in (("Flagco", "answered"), ("Envco", "no_guide")):
        answer = CliRunner().invoke(ask, ["--json", "--index", str(tmp_path / "flag-index"),
                                          f"Do you have guides for {company}?"])
        assert f'"status": "{status}"' in answer.output, answer.output


@pytest.mark.parametrize("layer", LAYERS)
def test_serve_listens_where_the_highest_layer_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layer: str) -> None:
    import assistant.web.server

    served: list[Settings] = []
    monkeypatch.setattr(assistant.web.server, "serve", served.append)  # no real server
    upto = LAYERS.index(layer)
    _configure(tmp_path, monkeypatch,
               {"host": "127.0.0.2", "port": 7001} if upto >= 1 else {},
               {"ASSISTANT_HOST": "127.0.0.3", "ASSISTANT_PORT": "7002"} if upto >= 2 else {})
    flag = ["--host", "127.0.0.4", "--port", "7003"] if upto >= 3 else []
    result = CliRunner().invoke(admin, ["serve", *flag])
    assert result.exit_code == 0, result.output
    expected = {"default": ("127.0.0.1", 7860), "config": ("127.0.0.2", 7001),
                "env": ("127.0.0.3", 7002), "flag": ("127.0.0.4", 7003)}
    assert [(s.host, s.port) for s in served] == [expected[layer]]
