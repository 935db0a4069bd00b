"""The JSON API: ask (plain and streamed), the guide source viewer, feedback, health.

One guide's look-up is answered on the event loop (well under a millisecond); every other
answer on threads of its own (`off_loop`, ANSWER_THREADS at most), never in the pool other
routes share, so a slow answer cannot stall /healthz, which reads only cached values. A
repeated question is answered from the AnswerCache.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Callable, Hashable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, TypeVar

import anyio
from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse

from assistant.answer.live import WARM_UP, LiveAssistant
from assistant.answer.pipeline import Assistant
from assistant.answer.types import Answer, Message
from assistant.errors import AssistantError, IndexUnavailableError, NotFoundError
from assistant.index.catalog import LOADED_GUIDES
from assistant.settings import Settings
from assistant.web.cache import AnswerCache
from assistant.web.feedback import Ratings
from assistant.web.guards.health import Reachability
from assistant.web.guards.inflight import InFlight
from assistant.web.render import GUIDE_PAGE_CSP, guide_page
from assistant.web.schemas import (
    AnswerOut,
    AskRequest,
    ErrorOut,
    FeedbackIn,
    FeedbackOut,
    HealthOut,
    guide_as_dict,
    sse_events,
)

log = logging.getLogger("assistant.web")
POST_ONLY = frozenset({"ask", "ask/stream", "feedback"})
RETRY_LOAD_S = 5.0
ANSWER_THREADS = 32
FIRST_PROBE_WAIT_S = 0.5
T = TypeVar("T")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (404, 413, 415, 422, 429, 500, 503)}


@dataclass
class WebState:
    """What every request needs: settings, the shared Assistant, the feedback store."""

    settings: Settings
    live: LiveAssistant  # the Assistant of the live index version, followed
    feedback: Ratings
    answers: AnswerCache = field(default_factory=AnswerCache)
    load: InFlight = field(default_factory=lambda: InFlight(0))
    loaded: bool = False
    vector: Reachability = field(init=False)  # the vector index's, for /healthz
    _threads: anyio.CapacityLimiter | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _next_try: float = 0.0
    _last_error: str = ""

    def __post_init__(self) -> None:
        self.vector = Reachability(lambda: self.bot.index.reachable())

    def warm(self) -> bool:
        """Load index, library, retriever and embedder now; False (logged) when there is none.

        After a failure it tries again at most every RETRY_LOAD_S seconds (health checks poll).
        """
        if self.loaded or time.monotonic() < self._next_try:
            return self.loaded
        with self._lock:
            if not self.loaded and time.monotonic() >= self._next_try:
                try:
                    self.bot.retrieve(WARM_UP)  # retrieval only: never calls an LLM
                    self.loaded = True
                    # A server lives long: unpickle every guide now, off the request path.
                    threading.Thread(target=self.bot.library.preload, name="preload",
                                     args=(LOADED_GUIDES, self.bot.lexicon),
                                     daemon=True).start()
                except AssistantError as exc:
                    self._next_try = time.monotonic() + RETRY_LOAD_S
                    if str(exc) != self._last_error:
                        log.warning("index not loaded: %s", exc)
                    self._last_error = str(exc)
        return self.loaded

    async def warm_later(self) -> bool:
        """`warm` on a thread of its own (one at a time), awaited at most FIRST_PROBE_WAIT_S on
        the loop; True once loaded."""
        if self.loaded or self._lock.locked():
            return self.loaded
        warming = threading.Thread(target=self.warm, name="warm", daemon=True)
        warming.start()
        deadline = time.monotonic() + FIRST_PROBE_WAIT_S
        while warming.is_alive() and time.monotonic() < deadline:
            await anyio.sleep(0.01)
        return self.loaded

    async def vector_reachable(self) -> bool | None:
        """The vector store's last known reachability; before the first probe has ended, wait
        for it at most FIRST_PROBE_WAIT_S (on the loop, not a thread), then None."""
        deadline = time.monotonic() + FIRST_PROBE_WAIT_S
        while (known := self.vector.known()) is None and time.monotonic() < deadline:
            await anyio.sleep(0.01)
        return known

    async def answer(self, bot: Assistant, question: str, history: list[Message]) -> Answer:
        """On the loop when `Assistant.quick` (a thread hand-off cost more than such an answer:
        a third of a loaded server's time), else on the answer threads, as is every answer
        until the library is loaded (loading may wait on a Chroma server)."""
        if self.loaded:
            resolved = bot.read(question, history)
            if bot.quick(resolved):
                return bot.answer(resolved, history)
            return await self.off_loop(bot.answer, resolved, history)
        return await self.off_loop(bot.ask, question, history)

    async def off_loop(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn(*args)` on the answer threads; the event loop goes on serving meanwhile."""
        if self._threads is None:  # made on the loop that uses it
            self._threads = anyio.CapacityLimiter(ANSWER_THREADS)
        return await anyio.to_thread.run_sync(functools.partial(fn, *args),
                                              limiter=self._threads)

    @property
    def bot(self) -> Assistant:
        """The Assistant to answer with now: take it once per request (one version each)."""
        return self.live.current

    def observed(self, reachable: bool) -> None:
        """What a request saw of the vector index, for /healthz."""
        self.vector.observed(reachable)

    def answer_key(self, body: AskRequest, bot: Assistant) -> Hashable | None:
        """Cache key of a question in context and the index version `bot` answers from; None
        when an LLM writes the answers."""
        if self.settings.llm_enabled:
            return None
        history = tuple((t.role, t.content) for t in body.history)
        return body.question, history, str(bot.today or date.today()), bot.opened_version


def state(request: Request) -> WebState:
    """The app's WebState."""
    return request.app.state.web  # type: ignore[no-any-return]


router = APIRouter()


@router.post("/api/ask", response_model=AnswerOut, responses=ERRORS, tags=["answers"])
async def ask(body: AskRequest, request: Request) -> Response:
    """Answer one question (optionally a follow-up to `history`) with citations."""
    web = state(request)
    bot = web.bot
    key = web.answer_key(body, bot)
    content = web.answers.get(key)
    if content is None:
        history = body.messages()
        try:
            answer = await web.answer(bot, body.question, history)
        except IndexUnavailableError:
            web.observed(False)
            raise
        content = json_bytes(answer.as_dict())
        web.answers.put(key, content)
    return Response(content, media_type="application/json")


def json_bytes(data: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON, as JSONResponse writes it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


@router.post("/api/ask/stream", responses={
    200: {"content": {"text/event-stream": {}},
          "description": "Server-sent events: delta {text}..., citations {status, citations, "
                         "suggestions}, done {the /api/ask object}; or error {error, status}."},
    **ERRORS}, tags=["answers"])
async def ask_stream(body: AskRequest, request: Request) -> Response:
    """Answer as server-sent events; errors before the first event are plain JSON errors."""
    web = state(request)
    events = web.bot.stream(body.question, body.messages())
    first = await web.off_loop(next, events)  # resolve + retrieve: bad input fails as JSON
    return StreamingResponse(_off_loop_events(web, sse_events(first, events)),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


async def _off_loop_events(web: WebState, events: Iterator[str]) -> AsyncIterator[str]:
    """Each event of a stream written on the answer threads."""
    while (event := await web.off_loop(next, events, None)) is not None:
        yield event


@router.get("/api/guides/{guide_id:path}", responses={
    200: {"content": {"text/html": {}, "application/json": {}},
          "description": "The guide as a standalone page (sections anchored by id) or JSON."},
    **ERRORS}, tags=["guides"])
def guide(guide_id: str, request: Request,
          fmt: Literal["html", "json"] = Query("html", alias="format")) -> Response:
    """The source viewer: a cited guide, looked up by id in the loaded library (never a path)."""
    web = state(request)
    found = web.bot.library.guide(guide_id)
    if found is None:
        raise NotFoundError(f"No guide {guide_id[:200]!r} in the library; ids look like "
                            "'alibaba/ml-ai-engineer'.")
    if fmt == "json":
        return JSONResponse(guide_as_dict(found))
    return HTMLResponse(guide_page(found, today=web.bot.today), headers={
        "Content-Security-Policy": GUIDE_PAGE_CSP, "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer"})


@router.post("/api/feedback", status_code=201, response_model=FeedbackOut, responses=ERRORS,
             tags=["feedback"])
def feedback(body: FeedbackIn, request: Request) -> Response:
    """Store a thumbs up/down (with an optional comment) on an answer: the only way a question
    is kept. The reply's `token` deletes the record again (DELETE /api/feedback/{id})."""
    web = state(request)
    if not web.settings.feedback:
        raise NotFoundError("Feedback storage is turned off on this server (ASSISTANT_FEEDBACK).")
    stored = web.feedback.add(body.question, body.answer, body.citations, body.rating,
                              body.comment)
    return JSONResponse({"id": stored.id, "token": stored.token,
                         "kept_days": web.feedback.keep_days}, status_code=201)


@router.delete("/api/feedback/{feedback_id}", status_code=204, responses=ERRORS,
               tags=["feedback"])
def delete_feedback(request: Request,
                    feedback_id: int = PathParam(ge=1, le=2**63 - 1),  # SQLite's integer range
                    token: str = Query(min_length=8, max_length=64,
                                       description="The token POST /api/feedback returned.")
                    ) -> Response:
    """Delete one stored rating, with the token its creation returned."""
    if not state(request).feedback.delete(feedback_id, token):
        raise NotFoundError(f"No feedback #{feedback_id} with that token.")
    return Response(status_code=204)


@router.get("/healthz", response_model=HealthOut, tags=["ops"])
async def healthz(request: Request) -> Response:
    """Liveness, whether the index is loaded (retried on a thread when it is not), whether its
    vector store answered its last probe (cached; "degraded" while a Chroma server is down,
    answers go on from the version already open) and whether the server is shedding load.
    Never waits on either."""
    web = state(request)
    load = {"in_flight": web.load.total, "shedding": web.load.shedding}
    if not await web.warm_later():
        return JSONResponse({"status": "degraded" if load["shedding"] else "ok",
                             "index_loaded": False, "guides": 0, "index_version": "",
                             "vector_index": "unknown", **load})
    reachable = await web.vector_reachable()
    vector = "unknown" if reachable is None else "ok" if reachable else "unreachable"
    return JSONResponse({"status": "degraded" if reachable is False or load["shedding"]
                         else "ok", "index_loaded": True, "guides": len(web.bot.library),
                         "index_version": web.bot.index.version, "vector_index": vector,
                         **load})


@router.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                  include_in_schema=False)
def unknown_api(rest: str) -> Response:
    """Unknown /api/ paths answer JSON (instead of falling through to the chat page)."""
    if rest in POST_ONLY:
        return JSONResponse({"error": f"Use POST for /api/{rest}."}, status_code=405,
                            headers={"Allow": "POST"})
    raise NotFoundError(f"No API endpoint /api/{rest[:200]}; see /docs for the list.")
