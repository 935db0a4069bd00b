"""What both CLIs share: settings from flags, lines made safe for a terminal, and turning errors
into one line + exit code."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from assistant.corpus.hidden import visible
from assistant.errors import AssistantError
from assistant.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])
log = logging.getLogger("assistant")


def corpus_option(func: F) -> F:
    """--corpus DIR (repeatable; env ASSISTANT_CORPUS; default corpus/)."""
    return click.option(
        "--corpus",
        "corpus",
        multiple=True,
        type=click.Path(path_type=Path),
        help="Corpus root to read (repeat for several). Env ASSISTANT_CORPUS; default corpus/.",
    )(func)


def index_option(func: F) -> F:
    """--index DIR (env ASSISTANT_INDEX; default index/)."""
    return click.option(
        "--index",
        "index",
        type=click.Path(path_type=Path),
        default=None,
        help="Index directory. Env ASSISTANT_INDEX; default index/.",
    )(func)


def load_settings(corpus: tuple[Path, ...] = (), index: Path | None = None) -> Settings:
    """Settings with CLI flags on top of config file and environment."""
    overrides: dict[str, Any] = {"index": index}
    if corpus:
        overrides["corpus"] = corpus[0]
    return Settings.load(overrides=overrides)


def corpus_roots(settings: Settings, corpus: tuple[Path, ...]) -> list[Path]:
    """The corpus roots to read: every --corpus given, else the configured one."""
    return list(corpus) if corpus else [settings.corpus]


def one_line(text: str) -> str:
    """`text` as one terminal line, cleaned as answers are (`visible`: no escape sequences, no
    invisible characters) and with its line breaks and tabs made spaces. Server messages, file
    names and stored questions come from elsewhere; a newline in one would split the line."""
    return visible(text).replace("\r", " ").replace("\n", " ").replace("\t", " ")


def echo_line(text: str, err: bool = False) -> None:
    """Print `text` as one clean line (see `one_line`)."""
    click.echo(one_line(text), err=err)


def configure_logging(verbose: bool = False) -> None:
    """Warnings to stderr; every detail too with `verbose` or ASSISTANT_DEBUG=1."""
    debug = verbose or os.environ.get("ASSISTANT_DEBUG") == "1"
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, stream=sys.stderr,
                        force=True)


def translate_errors(func: F) -> F:
    """Print AssistantError as one line on stderr and exit with its code; log anything else."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except click.ClickException:
            raise
        except AssistantError as exc:
            echo_line(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as exc:  # noqa: BLE001 - the edge: never show a raw traceback
            log.debug("unexpected failure", exc_info=True)
            echo_line(f"error: unexpected failure ({type(exc).__name__}: {exc}). "
                      "Re-run with ASSISTANT_DEBUG=1 for details.", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]
