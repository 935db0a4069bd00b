"""The one ASGI app: JSON API, source viewer, widget script, health, and the Gradio chat at "/".

Example:
    >>> app = create_app(Settings.load())
    >>> uvicorn.run(app, host="127.0.0.1", port=7860)   # or: serve(Settings.load())

`create_app` loads the index once (a missing index is not fatal: /healthz says so and the API
answers 503 with the command that builds one) and every request shares that Assistant.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware

from assistant.answer.live import LiveAssistant
from assistant.answer.pipeline import MAX_QUESTION_CHARS, Assistant
from assistant.errors import AssistantError, UsageError
from assistant.settings import Settings
from assistant.web import api
from assistant.web.counters import Counters
from assistant.web.docs import DOCS_CSP, docs_page
from assistant.web.embed_tokens import EmbedTokenGuard
from assistant.web.feedback import open_feedback
from assistant.web.guards.chat_routes import ChatRouteGuard
from assistant.web.guards.inflight import InFlight, InFlightLimit
from assistant.web.limits import (
    BodyLimitMiddleware,
    PreflightGuard,
    RateLimiter,
    RateLimitMiddleware,
)
from assistant.web.requestlog import RequestLogMiddleware, configure_logging
from assistant.web.serving import uvicorn_options

log = logging.getLogger("assistant.web")
QUEUE_IDLE_POLL_S = 0.01
STATIC = Path(__file__).resolve().parent / "static"
DESCRIPTION = (f"Answers salary-negotiation questions from the guide library with exact, cited "
               f"figures. Questions are at most {MAX_QUESTION_CHARS} characters; errors are "
               "JSON {\"error\": message}.")


def create_app(settings: Settings, bot: Assistant | None = None, *,
               mount_chat: bool = True) -> FastAPI:
    """Build the app over one warmed Assistant; `mount_chat=False` leaves out the Gradio page."""
    live = LiveAssistant(settings, bot or Assistant(settings))
    web = api.WebState(settings, live, open_feedback(settings),
                       load=InFlight(settings.max_in_flight))
    web.warm()
    live.start(settings.version_check)  # a new index version is served without a restart
    app = FastAPI(title="Offer coach API", version="1", description=DESCRIPTION,
                  docs_url=None, redoc_url=None)
    app.state.web = web
    _add_error_handlers(app)
    app.include_router(api.router)
    _add_static_routes(app)
    origins = list(settings.widget_origins)
    # the last added runs first: closed routes, rate limit, then the body read whole, and only
    # then an in-flight slot (a body that trickles in holds no slot)
    app.add_middleware(InFlightLimit, load=web.load)
    app.add_middleware(BodyLimitMiddleware)
    counters = Counters(settings.redis_url or "memory://")  # shared by replicas via Redis
    app.add_middleware(RateLimitMiddleware, limiter=RateLimiter(settings.rate_limit, counters))
    if mount_chat:
        app.add_middleware(ChatRouteGuard)
    app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type"], max_age=600)
    app.add_middleware(PreflightGuard, allow_origins=origins)
    app.add_middleware(EmbedTokenGuard, secret=settings.embed_secret,
                       allow_origins=tuple(origins), counters=counters,
                       served_hosts=settings.served_hosts)
    app.add_middleware(RequestLogMiddleware)
    if mount_chat:
        _mount_chat(app, web)
    app.router.on_shutdown.append(live.stop)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    async def assistant_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AssistantError)
        retry = {"Retry-After": "5"} if exc.http_status == 503 else None
        return JSONResponse({"error": str(exc)}, status_code=exc.http_status, headers=retry)

    async def bad_request(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        kind = request.headers.get("content-type", "").split(";")[0].strip().casefold()
        if request.method == "POST" and kind != "application/json":
            return JSONResponse({"error": "Send the body as JSON, with the header "
                                          "Content-Type: application/json."}, status_code=415)
        return JSONResponse({"error": describe_validation(exc.errors())}, status_code=422)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code,
                            headers=exc.headers)

    app.add_exception_handler(AssistantError, assistant_error)
    app.add_exception_handler(RequestValidationError, bad_request)
    app.add_exception_handler(HTTPException, http_error)


_PLAIN = {  # pydantic's error types, said as what to do
    "json_invalid": "the body is not valid JSON",
    "string_unicode": "it holds a broken character (half of a UTF-16 surrogate pair); send "
                      "plain UTF-8 text",
    "string_too_short": "it is empty; ask a question, e.g. \"Alibaba Seattle sign-on?\"",
}


def describe_validation(errors: Any) -> str:
    """One line naming each bad field of a request body."""
    parts = []
    for error in list(errors)[:5]:
        where = ".".join(str(x) for x in error.get("loc", ()) if x != "body")
        message = _PLAIN.get(str(error.get("type")), str(error.get("msg", "invalid")))
        if error.get("type") == "string_too_long":
            message = f"it is too long: the limit is {error.get('ctx', {}).get('max_length')}"
        parts.append(f"{where}: {message}" if where else message)
    return "Invalid request: " + "; ".join(parts) + "."


def _add_static_routes(app: FastAPI) -> None:
    @app.get("/widget.js", include_in_schema=False)
    def widget_js() -> Response:
        path = STATIC / "widget.js"
        if not path.is_file():
            return JSONResponse({"error": "widget.js is missing from the package."}, 404)
        return FileResponse(path, media_type="application/javascript", headers={
            "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return HTMLResponse(docs_page(app.openapi()), headers={
            "Content-Security-Policy": DOCS_CSP, "X-Content-Type-Options": "nosniff"})


def _mount_chat(app: FastAPI, web: api.WebState) -> None:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    import gradio as gr

    from assistant.web import chat

    blocks = chat.build_chat(web.live, web.settings, web.feedback)
    options: dict[str, Any] = getattr(chat, "chat_mount_options", dict)()
    gr.mount_gradio_app(app, blocks, path="/", **options)
    queue = getattr(blocks, "_queue", None)
    if hasattr(queue, "sleep_when_free"):
        # Gradio's idle queue polls every 1 ms on the event loop the API shares; 10 ms is
        # still instant for a person and frees that CPU for API requests.
        queue.sleep_when_free = QUEUE_IDLE_POLL_S  # type: ignore[union-attr]


@contextlib.contextmanager
def serve_in_background(app: FastAPI, host: str = "127.0.0.1", port: int = 0,
                        timeout: float = 30.0, settings: Settings | None = None
                        ) -> Iterator[str]:
    """Run `app` under uvicorn in a thread (port 0: a free one); yield its base URL."""
    import uvicorn

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port,
                                           **uvicorn_options(settings or Settings())))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the app did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout)


def check_port_free(host: str, port: int) -> None:
    """Fail early, with the flag to change, when the address is taken."""
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
    except OSError as exc:
        raise UsageError(f"Cannot listen on {host}:{port} ({exc.strerror}); pass --port "
                         "(or set ASSISTANT_PORT) to use another port.") from exc


def serve(settings: Settings) -> None:
    """Run the app with uvicorn until interrupted (one process; threads answer concurrently)."""
    import uvicorn

    configure_logging()
    check_port_free(settings.host, settings.port)
    app = create_app(settings)
    print(f"Serving on http://{settings.host}:{settings.port}  (chat at /, API docs at /docs, "
          "widget at /widget.js)", flush=True)
    uvicorn.run(app, host=settings.host, port=settings.port, **uvicorn_options(settings))
