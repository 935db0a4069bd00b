"""`ask --server URL`: the same question and answer contract, over HTTP to a running app.

Example:
    >>> RemoteAssistant("http://127.0.0.1:7860").ask("Alibaba Seattle sign-on?")["status"]
    'answered'

HTTP errors come back as the AssistantError subclass of their status with the server's own
message, so the CLI prints one line and exits 1 (or 2 for bad questions), as it does locally.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from assistant.errors import (
    AssistantError,
    IndexLockedError,
    IndexMissingError,
    NotFoundError,
    UsageError,
)

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
ERROR_BY_STATUS: dict[int, type[AssistantError]] = {
    400: UsageError, 413: UsageError, 422: UsageError,
    404: NotFoundError, 409: IndexLockedError, 503: IndexMissingError,
}


class RemoteAssistant:
    """Asks the JSON API of a running app; returns the answer object as a dict."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise UsageError(f"--server needs an http(s) URL such as http://127.0.0.1:7860, "
                             f"not {url!r}.")
        self.url = url.strip().rstrip("/")
        self.timeout = timeout
        # A proxy must never sit between us and a server on this machine.
        handlers = [urllib.request.ProxyHandler({})] if parts.hostname in LOOPBACK else []
        self._opener = urllib.request.build_opener(*handlers)

    def ask(self, question: str, history: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
        """POST /api/ask and return its JSON object."""
        return self._post("/api/ask", {"question": question, "history": list(history)})

    def _post(self, path: str, payload: dict[str, Any]) -> dict[str, Any]:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(payload).encode(), method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json"})
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return _json_object(response.read(), self.url)
        except urllib.error.HTTPError as exc:
            raise _http_error(exc, self.url) from None
        except TimeoutError:
            raise AssistantError(f"The server at {self.url} did not answer within "
                                 f"{self.timeout:.0f} s; try again later.") from None
        except (urllib.error.URLError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            raise AssistantError(f"The server at {self.url} is not reachable ({reason}); start "
                                 "it with `python app.py` or check the --server URL.") from None


def _json_object(raw: bytes, url: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        raise AssistantError(f"The server at {url} did not answer with a JSON object; is it "
                             "the negotiation assistant?")
    return data


def _http_error(exc: urllib.error.HTTPError, url: str) -> AssistantError:
    try:
        message = str(json.loads(exc.read()).get("error", ""))
    except (ValueError, AttributeError, OSError):
        message = ""
    message = message or f"HTTP {exc.code} {exc.reason}"
    if exc.code == 429:
        wait = exc.headers.get("Retry-After", "")
        return AssistantError(f"The server at {url} is rate limiting: {message}"
                              + (f" (retry after {wait} s)" if wait and wait not in message
                                 else ""))
    cls = ERROR_BY_STATUS.get(exc.code, AssistantError)
    return cls(message if cls is not AssistantError else f"The server at {url} failed: "
               f"{message}")
