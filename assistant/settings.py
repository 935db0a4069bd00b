"""One typed settings object: defaults < config file < environment < CLI flags.

Example:
    >>> settings = Settings.load(overrides={"index": "/tmp/idx"})
    >>> settings.index
    PosixPath('/tmp/idx')

Secrets (the LLM API key) come only from the environment.
"""

from __future__ import annotations

import ipaddress
import math
import os
import re
import tomllib
from collections.abc import Callable
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
    "ASSISTANT_SERVED_HOSTS": "served_hosts",
    "ASSISTANT_VERSION_CHECK": "version_check",
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
    served_hosts: tuple[str, ...] = ()  # host[:port] this app is reached at (embed tokens)
    version_check: float = 10.0  # seconds between checks for a new live index version; 0 off

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
            _check(name, coerced[name], value)
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
            return _boolean(name, value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(s.strip() for s in items if str(s).strip())
    except (TypeError, ValueError, OverflowError):
        raise UsageError(_refusal(name, value)) from None
    return str(value)


def _boolean(name: str, value: Any) -> bool:
    word = str(value).strip().lower()
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    raise ValueError(name)


# --- what each setting accepts, checked once when settings are loaded ----------------------
# A bad value is refused at start with one line naming the variable and what it takes: left
# alone, a negative rate limit turned limits off, a timeout of 0 dropped requests, a typo in a
# boolean turned ratings off, and a huge number of days made every rating fail.

TRUE_WORDS, FALSE_WORDS = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
EMBEDDERS = ("openvino-int8", "onnx-int8", "onnx", "hash")
MAX_SECONDS = 3600.0
MAX_FEEDBACK_DAYS = 3650  # ten years; timedelta and the databases overflow long past it
_HOST_PORT = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,62}")


def _number(low: float, high: float) -> Callable[[Any], bool]:
    return lambda v: math.isfinite(v) and low <= v <= high


def _url(*schemes: str) -> Callable[[Any], bool]:
    return lambda v: v == "" or (v.split("://", 1)[0].lower() in schemes and "://" in v
                                 and len(v.split("://", 1)[1].strip("/")) > 0)


def _address(text: str) -> bool:
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return text == "*"
    return True


_WHOLE = "a whole number"
# setting -> (test of the coerced value, what it accepts, said after "must be")
RULES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "corpus": (lambda v: str(v) != "", "a folder path"),
    "index": (lambda v: str(v) != "", "a folder path"),
    "model_dir": (lambda v: str(v) != "", "a folder path"),
    "data_dir": (lambda v: str(v) != "", "a folder path"),
    "chroma_url": (_url("http", "https"), "empty or an http(s):// URL"),
    "chroma_timeout": (_number(0.1, MAX_SECONDS), f"seconds from 0.1 to {MAX_SECONDS:.0f}"),
    "collection": (lambda v: bool(_NAME.fullmatch(v)),
                   "1 to 63 letters, digits, dots, dashes or underscores"),
    "embedder": (lambda v: v in EMBEDDERS, f"one of {', '.join(EMBEDDERS)}"),
    "host": (lambda v: v != "" and not any(c in v for c in " /@"), "a host name or IP address"),
    "port": (_number(0, 65535), f"{_WHOLE} from 0 to 65535"),
    "widget_origins": (lambda v: all(_url("http", "https")(o) and o.count("/") == 2 for o in v),
                       "comma-separated origins such as https://careers.example"),
    "rate_limit": (_number(0, 1_000_000), f"{_WHOLE} from 0 (off) to 1000000 per minute"),
    "redis_url": (_url("redis", "rediss", "unix"), "empty or a redis:// URL"),
    "database_url": (_url("postgresql", "postgres"), "empty or a postgresql:// URL"),
    "trusted_proxies": (lambda v: all(_address(a) for a in v),
                        "comma-separated IP addresses or networks (or *)"),
    "request_timeout": (_number(0.1, MAX_SECONDS), f"seconds from 0.1 to {MAX_SECONDS:.0f}"),
    "max_in_flight": (_number(0, 100_000), f"{_WHOLE} from 0 (no cap) to 100000"),
    "feedback_days": (_number(1, MAX_FEEDBACK_DAYS), f"{_WHOLE} of days from 1 to "
                                                      f"{MAX_FEEDBACK_DAYS}"),
    "llm_base_url": (_url("http", "https"), "empty or an http(s):// URL"),
    "llm_timeout": (_number(0.1, MAX_SECONDS), f"seconds from 0.1 to {MAX_SECONDS:.0f}"),
    "served_hosts": (lambda v: all(_HOST_PORT.fullmatch(h) for h in v),
                     "comma-separated host names, each with an optional :port"),
    "version_check": (_number(0, MAX_SECONDS), f"seconds from 0 (never) to {MAX_SECONDS:.0f}"),
}
_BOOLEAN = f"true or false ({'/'.join(TRUE_WORDS)} or {'/'.join(FALSE_WORDS)})"


def _check(name: str, coerced: Any, value: Any) -> None:
    """UsageError naming the variable when `coerced` is outside what `name` accepts."""
    test = RULES.get(name)
    if test is not None and not test[0](coerced):
        raise UsageError(_refusal(name, value))


def _refusal(name: str, value: Any) -> str:
    """One line: the variable, what it accepts, what it got."""
    var = next((v for v, f in ENV_VARS.items() if f == name), name)
    default = getattr(Settings, name, None)
    accepts = RULES[name][1] if name in RULES else _BOOLEAN if isinstance(default, bool) \
        else f"a {type(default).__name__} value"
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    return f"{var} ({name}) must be {accepts}; got {shown}."
