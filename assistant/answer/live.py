"""The Assistant of the index's live version, followed while a long-lived process serves.

Example:
    >>> live = LiveAssistant(settings, warm=lambda bot: bot.retrieve("Stripe base?"))
    >>> live.start(every_s=5.0)     # a thread checks the live version every 5 s
    >>> bot = live.current          # take it once per request: one version per answer

An `Assistant` answers from the one index version it opened. When a writer (`assistant index`,
on any machine, over the same directory or Chroma server) commits a new version, a follower
notices within `every_s` seconds, opens an Assistant on the new version, warms it off the
request path, and only then swaps it in whole. A request that took the old one finishes on it,
so no answer mixes two versions; the old one is dropped when its last request ends. The writer
keeps the previous version (versions/base.py `to_keep`), so it is still there meanwhile.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.answer.pipeline import Assistant
from assistant.errors import AssistantError
from assistant.index.catalog import LOADED_GUIDES
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.index.versions.base import VersionRepo

log = logging.getLogger(__name__)


WARM_UP = "How do I negotiate a sign-on bonus?"  # a general question: search, model, library


def warm_up(bot: Assistant) -> None:
    """Load what a new version needs before its first request: the index, the library, the
    retriever and the embedder (one general question, retrieval only: never an LLM), and
    every guide unpickled (as many as the catalog keeps), with its row places. The vector
    store is not opened: answers search the vectors the catalog keeps (search.py)."""
    bot.retrieve(WARM_UP)
    bot.library.preload(LOADED_GUIDES, bot.lexicon)


class LiveAssistant:
    """Holds the Assistant of the live index version and replaces it when a newer one is live."""

    def __init__(self, settings: Settings, first: Assistant | None = None,
                 warm: Callable[[Assistant], object] | None = None,
                 opener: Callable[[Settings], Assistant] = Assistant) -> None:
        self.settings = settings
        self._current = first or opener(settings)
        self._warm = warm or warm_up
        self._open = opener
        self._checking = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._repo: VersionRepo | None = None
        self.switches = 0  # how many times a newer version was swapped in

    @property
    def current(self) -> Assistant:
        """The Assistant to answer with now (take it once per request)."""
        return self._current

    @property
    def version(self) -> str:
        """The index version the current Assistant answers from ("" before it has opened)."""
        return self._current.opened_version

    def check(self) -> bool:
        """Open, warm and swap in the live version when it is not the current one; True when
        a switch happened. Errors (the store unreachable, a version half-written) are logged
        and the current Assistant stays."""
        if not self._checking.acquire(blocking=False):
            return False  # a check is already running
        try:
            live = self._live_version()
            if live is None or live == self.version or not self.version:
                return False
            fresh = self._open(self.settings)
            self._warm(fresh)
            if fresh.index.version != live:  # another build committed meanwhile: next check
                log.info("index version moved on while warming %s", live)
            self._current = fresh
            self.switches += 1
            log.info("now answering from index version %s", fresh.index.version)
            return True
        except AssistantError as exc:
            log.warning("index version not followed: %s", exc)
            return False
        finally:
            self._checking.release()

    def start(self, every_s: float) -> None:
        """Check every `every_s` seconds on a daemon thread (0 or less: never)."""
        if every_s <= 0 or self._thread is not None:
            return

        def loop() -> None:
            while not self._stop.wait(every_s):
                self.check()

        self._thread = threading.Thread(target=loop, name="follow-index", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """End the checking thread (it finishes the check it is in)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _live_version(self) -> str | None:
        """The version the index's CURRENT pointer names now (a small read)."""
        if self._repo is None:
            from assistant.index.versions.factory import open_versions

            self._repo = open_versions(self.settings)
        return self._repo.current()
