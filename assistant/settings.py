"""One typed settings object: defaults < config file < environment < CLI flags.

Example:
    >>> settings = Settings.load(overrides={"index": "/tmp/idx"})
    >>> settings.index
    PosixPath('/tmp/idx')

Secrets (the LLM API key) come only from the environment.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from assistant.errors import UsageError

# Environment variable -> settings field. The README's configuration table mirrors this.
ENV_VARS: dict[str, str] = {
    "ASSISTANT_CORPUS": "corpus",
    "ASSISTANT_INDEX": "index",
    "ASSISTANT_CHROMA_URL": "chroma_url",
    "ASSISTANT_CHROMA_TIMEOUT": "chroma_timeout",
    "ASSISTANT_COLLECTION": "collection",
    "ASSISTANT_EMBEDDER": "embedder",
    "ASSISTANT_MODEL_DIR": "model_dir",
    "ASSISTANT_DATA": "data_dir",
    "ASSISTANT_HOST": "host",
    "ASSISTANT_PORT": "port",
    "ASSISTANT_WIDGET_ORIGINS": "widget_origins",
    "ASSISTANT_RATE_LIMIT": "rate_limit",
    "ASSISTANT_REDIS_URL": "redis_url",
    "ASSISTANT_DATABASE_URL": "database_url",
    "ASSISTANT_TRUSTED_PROXIES": "trusted_proxies",
    "ASSISTANT_REQUEST_TIMEOUT": "request_timeout",
    "ASSISTANT_MAX_IN_FLIGHT": "max_in_flight",
    "ASSISTANT_FEEDBACK": "feedback",
    "ASSISTANT_FOLLOW_LINKS": "follow_links",
    "ASSISTANT_FEEDBACK_DAYS": "feedback_days",
    "ASSISTANT_LLM_BASE_URL": "llm_base_url",
    "ASSISTANT_LLM_MODEL": "llm_model",
    "ASSISTANT_LLM_PROVIDER": "llm_provider",
    "ASSISTANT_LLM_TIMEOUT": "llm_timeout",
}
SECRET_ENV_VARS = ("ASSISTANT_LLM_API_KEY", "OPENAI_API_KEY")
EMBED_SECRET_ENV = "ASSISTANT_EMBED_SECRET"  # signs embed tokens (web/embed_tokens.py)
CONFIG_ENV = "ASSISTANT_CONFIG"
DEFAULT_CONFIG = Path("assistant.toml")


@dataclass(frozen=True)
class Settings:
    """Every knob of the assistant, resolved once at the edge and passed down."""

    corpus: Path = Path("corpus")
    index: Path = Path("index")
    chroma_url: str = ""  # empty: embedded PersistentClient under `index`
    chroma_timeout: float = 2.0  # seconds a Chroma server request may take (server mode)
    collection: str = "guides"
    embedder: str = "openvino-int8"  # openvino-int8 | onnx-int8 | onnx (fp32) | hash (test fake)
    model_dir: Path = Path(".models")
    data_dir: Path = Path("data")
    host: str = "127.0.0.1"
    port: int = 7860
    widget_origins: tuple[str, ...] = ()
    rate_limit: int = 60  # requests per minute per client IP
    redis_url: str = field(default="", repr=False)  # set: replicas share their counters there
    database_url: str = field(default="", repr=False)  # set: ratings go to this PostgreSQL
    trusted_proxies: tuple[str, ...] = ()  # whose X-Forwarded-For counts (none by default)
    request_timeout: float = 10.0  # seconds a request's headers and body may take to arrive
    max_in_flight: int = 64  # requests answered at once; past it 503 + Retry-After
    feedback: bool = True  # store ratings (with their question and answer) at all
    follow_links: bool = False  # read symlinks that lead outside the corpus roots
    feedback_days: int = 90  # ratings older than this are deleted
    llm_base_url: str = ""
    llm_model: str = ""
    llm_provider: str = ""
    llm_timeout: float = 30.0
    llm_api_key: str = field(default="", repr=False)
    embed_secret: str = field(default="", repr=False)  # set: widget origins may use tokens

    @classmethod
    def load(
        cls,
        overrides: dict[str, Any] | None = None,
        environ: dict[str, str] | None = None,
        config_file: Path | None = None,
    ) -> Settings:
        """Resolve settings from defaults, config file, environment and explicit overrides."""
        env = dict(os.environ if environ is None else environ)
        values: dict[str, Any] = {}
        path = config_file or Path(env.get(CONFIG_ENV, DEFAULT_CONFIG))
        if path.is_file():
            values.update(_read_config(path))
        for var, name in ENV_VARS.items():
            if env.get(var, "") != "":
                values[name] = env[var]
        for var in SECRET_ENV_VARS:
            if env.get(var):
                values["llm_api_key"] = env[var]
                break
        if env.get(EMBED_SECRET_ENV):
            values["embed_secret"] = env[EMBED_SECRET_ENV]
        values.update({k: v for k, v in (overrides or {}).items() if v is not None})
        return cls()._with(values)

    @property
    def llm_enabled(self) -> bool:
        """True when an LLM is configured (endpoint + model, or a provider string)."""
        return bool((self.llm_base_url and self.llm_model) or self.llm_provider)

    def _with(self, values: dict[str, Any]) -> Settings:
        known = {f.name: f for f in fields(self)}
        coerced: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise UsageError(f"Unknown setting {name!r}; known: {', '.join(sorted(known))}.")
            coerced[name] = _coerce(name, getattr(self, name), value)
        return replace(self, **coerced)


def _read_config(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"Cannot read config file {path}: {exc}. Fix or remove it.") from exc
    section = data.get("assistant", data)
    if "llm_api_key" in section:
        raise UsageError(f"{path}: put the API key in ASSISTANT_LLM_API_KEY, not in a file.")
    if "embed_secret" in section:
        raise UsageError(f"{path}: put the embed secret in {EMBED_SECRET_ENV}, not in a file.")
    return {_config_key(key): value for key, value in section.items()}


def _config_key(key: str) -> str:
    """The field a config key names: its variable without ASSISTANT_ (`data`), or the field."""
    return ENV_VARS.get(f"ASSISTANT_{key.upper()}", key)


def _coerce(name: str, default: Any, value: Any) -> Any:
    try:
        if isinstance(default, Path):
            return Path(value)
        if isinstance(default, bool):
            return str(value).lower() in ("1", "true", "yes", "on")
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(s.strip() for s in items if str(s).strip())
    except (TypeError, ValueError) as exc:
        raise UsageError(f"Setting {name} has an invalid value {value!r}: {exc}.") from exc
    return str(value)
