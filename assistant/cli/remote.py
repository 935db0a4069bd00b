"""`ask --server URL`: the same question and answer contract, over HTTP to a running app.

Example:
    >>> RemoteAssistant("http://127.0.0.1:7860").ask("Alibaba Seattle sign-on?").status
    'answered'

The one HTTP seam of the CLI (httpx). It satisfies the same `Asker` protocol as the local
`Assistant` and returns an `Answer` (built with `Answer.from_dict`), so the CLI renders both
alike. HTTP errors come back as the AssistantError subclass of their status with the server's
own message, so the CLI prints one line and exits 1 (or 2 for bad questions), as it does
locally; that line is cleaned as answers are (`common.one_line`), since the server may be
anyone's, and a Retry-After is shown only when it is a number of seconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

import httpx

from assistant.answer.types import Answer, Message
from assistant.errors import (
    AssistantError,
    IndexLockedError,
    IndexMissingError,
    NotFoundError,
    UsageError,
)

ERROR_BY_STATUS: dict[int, type[AssistantError]] = {
    400: UsageError, 413: UsageError, 422: UsageError,
    404: NotFoundError, 409: IndexLockedError, 503: IndexMissingError,
}


class RemoteAssistant:
    """Asks the JSON API of a running app; returns its answer as an `Answer`."""

    def __init__(self, url: str, timeout: float = 60.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"--server needs an http(s) URL such as http://127.0.0.1:7860, "
                             f"not {url!r}.")
        self.url = url.strip().rstrip("/")
        self.timeout = timeout
        # Proxies from the environment never sit between us and the app we were pointed at.
        self._client = httpx.Client(base_url=self.url, timeout=timeout, trust_env=False,
                                    transport=transport)

    def ask(self, question: str, history: Sequence[Message] = ()) -> Answer:
        """POST /api/ask and return its answer."""
        data = self._post("/api/ask", {"question": question, "history": list(history)})
        try:
            return Answer.from_dict(data)
        except ValueError:
            raise _not_ours(self.url) from None

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self._client.post(path, json=payload,
                                         headers={"Accept": "application/json"})
        except httpx.TimeoutException:
            raise AssistantError(f"The server at {self.url} did not answer within "
                                 f"{self.timeout:.0f} s; try again later.") from None
        except httpx.TransportError as exc:
            raise AssistantError(f"The server at {self.url} is not reachable ({exc}); start "
                                 "it with `python app.py` or check the --server URL.") from None
        if response.is_error:
            raise _http_error(response, self.url)
        try:
            data = response.json()
        except ValueError:
            data = None
        if not isinstance(data, dict):
            raise _not_ours(self.url)
        return data


def _not_ours(url: str) -> AssistantError:
    return AssistantError(f"The server at {url} did not answer with an answer object; is it "
                          "the negotiation assistant?")


def _http_error(response: httpx.Response, url: str) -> AssistantError:
    try:
        message = str(response.json().get("error", ""))
    except (ValueError, AttributeError):
        message = ""
    message = message or f"HTTP {response.status_code} {response.reason_phrase}"
    if response.status_code == 429:
        wait = response.headers.get("Retry-After", "").strip()
        wait = wait if wait.isascii() and wait.isdigit() and len(wait) <= 6 else ""  # seconds
        return AssistantError(f"The server at {url} is rate limiting: {message}"
                              + (f" (retry after {wait} s)" if wait and wait not in message
                                 else ""))
    cls = ERROR_BY_STATUS.get(response.status_code, AssistantError)
    return cls(message if cls is not AssistantError else f"The server at {url} failed: "
               f"{message}")
