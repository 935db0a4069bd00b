"""Real-browser harness: the app in a subprocess, host pages on other ports, headless chromium.

Fixtures:
    app_url      "http://127.0.0.1:PORT" of `python app.py` over corpus/ + tests/fixtures/hostile,
                 indexed with the hash embedder (deterministic, ~2 s; the answers these tests
                 check come from pay rows and section routing, not from embedding semantics).
    host_urls    HostUrls(allowed=..., blocked=...): a hostile-CSS page embedding the widget,
                 served from an origin in ASSISTANT_WIDGET_ORIGINS and from one that is not.
                 Add "?widget=0" for the page without the widget, "?position=left" for
                 data-position="left", "?remember=off" for data-remember="off",
                 "?stub=1" for a widget served by the host server itself
                 and talking to its scripted SSE stub (see `stub_stream`), "?token=T" for
                 data-token="T" (the app signs embed tokens with EMBED_SECRET).
    stub_stream  the scripted /api/ask/stream of the host server: sends one delta, waits for
                 `stub_stream.release.set()`, then sends the rest in awkward chunks (CRLF,
                 events split mid-line); the question "fail" ends with an `error` event.
    page         a fresh context + page (1280x800). Extra attributes for assertions:
                   page.requests_seen   every request URL of the context (popups included)
                   page.blocked         requests to anything but loopback (aborted, never sent)
                   page.console_errors  console errors and uncaught page errors
                   page.dialogs         messages of alert/confirm/prompt dialogs (dismissed)
                 A full-page screenshot lands in test-artifacts/browser/<test name>.png.
    mobile_page  the same at phone size (375x740, touch).
    make_page    a factory of such pages in a given Look (desktop 1280x900 or phone 390x844,
                 light or dark); `shoot(page, name)` saves a screenshot of a state into
                 test-artifacts/ui-states/.

Chromium is Debian's /usr/bin/chromium (`make browser` installs it); Playwright never downloads
a browser here. Without it these tests fail, they never skip.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from chat_support import EMBED_SECRET, Look

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
HOST_PAGE = Path(__file__).with_name("host_page.html")
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
START_TIMEOUT_S = 90
WIDGET_TITLE = "Offer coach"


@dataclass(frozen=True)
class HostUrls:
    """The host page from an allowed origin and from one the API refuses (CORS)."""

    allowed: str
    blocked: str


def is_loopback(url: str) -> bool:
    """True for URLs that stay on this machine (and for data:/blob:/about: pages)."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return (parts.hostname or "") in LOOPBACK


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


WIDGET_JS = ROOT / "assistant" / "web" / "static" / "widget.js"
STUB_CITATION = {"n": 1, "guide": "stub/guide", "source": "guides/stub/guide.md",
                 "section": "pay", "title": "Pay"}


def sse(event: str, data: Any, newline: str = "\n") -> bytes:
    """One server-sent event."""
    return f"event: {event}{newline}data: {json.dumps(data)}{newline}{newline}".encode()


class StubStream:
    """A scripted, slow /api/ask/stream: proves the widget renders deltas as they arrive."""

    FIRST = "**Stub answer** first part "
    REST = "then the rest [1]."

    def __init__(self) -> None:
        self.release = threading.Event()
        self.questions: list[str] = []

    MARKDOWN = ("### Heading\n**Bold** and _italic_ with `code` [1] and [9].\n"
                "> quoted one\n>\n> - first\n>\n> - second\n\n"
                "1. one\n2. two\n\n"
                "[ok](https://example.com/a \"Title\") [bad](javascript:alert(1)) [rel](/x) "
                "<img src=x onerror=alert(1)> ![pic](http://203.0.113.9/p.png)")

    def chunks(self, question: str) -> Iterator[bytes]:
        """The response body, in the pieces it is written in."""
        self.questions.append(question)
        if question == "markdown":
            yield sse("delta", {"text": self.MARKDOWN})
            yield sse("done", {"question": question, "status": "clarify",
                               "answer": self.MARKDOWN, "citations": [STUB_CITATION],
                               "suggestions": ["Acme <b>base</b>?"]})
            return
        yield b": comment lines are ignored\n\n" + sse("delta", {"text": self.FIRST})
        self.release.wait(timeout=20)
        if question == "fail":
            yield sse("error", {"error": "The index is being rebuilt; try again soon.",
                                "status": 503})
            return
        rest = sse("delta", {"text": self.REST}, "\r\n")
        yield rest[:9]
        yield rest[9:]
        answer = {"question": question, "status": "answered", "answer": self.FIRST + self.REST,
                  "citations": [STUB_CITATION], "suggestions": []}
        final = sse("citations", {k: answer[k] for k in ("status", "citations", "suggestions")})
        final += sse("done", answer)
        yield final[:-1]
        yield final[-1:]


class HostPages:
    """Serves the host page on two loopback ports; the script src is filled in once known."""

    def __init__(self) -> None:
        self.app_url = ""
        self.stub = StubStream()
        self.template = Template(HOST_PAGE.read_text(encoding="utf-8"))
        self.servers = [ThreadingHTTPServer(("127.0.0.1", 0), self._handler()) for _ in range(2)]
        for server in self.servers:
            threading.Thread(target=server.serve_forever, daemon=True).start()

    @property
    def urls(self) -> HostUrls:
        """Allowed and blocked host page URLs."""
        allowed, blocked = (f"http://127.0.0.1:{s.server_address[1]}/" for s in self.servers)
        return HostUrls(allowed=allowed, blocked=blocked)

    def render(self, query: str) -> bytes:
        """The host page for a request's query string."""
        params = parse_qs(query)
        widget = ""
        if params.get("widget", ["1"])[0] != "0":
            position = ' data-position="left"' if params.get("position") == ["left"] else ""
            if params.get("remember") == ["off"]:
                position += ' data-remember="off"'
            if params.get("token"):  # an embed token minted for this page (EMBED_SECRET)
                position += f' data-token="{html.escape(params["token"][0])}"'
            src = "/widget.js" if params.get("stub") == ["1"] else f"{self.app_url}/widget.js"
            widget = (f'<script src="{src}" data-title="{WIDGET_TITLE}"'
                      f"{position} defer></script>")
        return self.template.substitute(widget=widget).encode("utf-8")

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        pages = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                parts = urlsplit(self.path)
                if parts.path == "/":
                    self.reply("text/html; charset=utf-8", pages.render(parts.query))
                elif parts.path == "/widget.js":
                    self.reply("application/javascript", WIDGET_JS.read_bytes())
                else:
                    self.send_error(404)

            def do_POST(self) -> None:  # noqa: N802
                if self.path != "/api/ask/stream":
                    self.send_error(404)
                    return
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()  # HTTP/1.0: the body ends when the connection closes
                for chunk in pages.stub.chunks(body["question"]):
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    time.sleep(0.05)

            def reply(self, content_type: str, body: bytes) -> None:
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

        return Handler

    def close(self) -> None:
        """Stop both servers."""
        for server in self.servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="session")
def host_pages() -> Iterator[HostPages]:
    """The two host-page servers (started before the app, which must know the allowed origin)."""
    pages = HostPages()
    yield pages
    pages.close()


@pytest.fixture()
def stub_stream(host_pages: HostPages) -> Iterator[StubStream]:
    """The host server's scripted SSE endpoint, reset for one test (released at teardown)."""
    host_pages.stub = StubStream()
    yield host_pages.stub
    host_pages.stub.release.set()


@pytest.fixture(scope="session")
def browser_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """corpus/ plus the hostile fixture corpus, indexed through the CLI with the hash embedder."""
    index = tmp_path_factory.mktemp("browser") / "index"
    cli = Path(sys.executable).with_name("assistant")
    result = subprocess.run(
        [str(cli), "index", "--corpus", "corpus", "--corpus", str(HOSTILE), "--index", str(index),
         "--quiet"],
        cwd=ROOT, env=app_env(index, index.parent, ""), capture_output=True, text=True,
        timeout=300, check=False)
    assert result.returncode == 0, f"index build failed:\n{result.stdout}\n{result.stderr}"
    return index


def app_env(index: Path, data: Path, origins: str) -> dict[str, str]:
    """The environment the app and the indexer run with: loopback only, nothing downloaded."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
    env.update({
        "ASSISTANT_EMBEDDER": "hash",
        "ASSISTANT_INDEX": str(index),
        "ASSISTANT_CORPUS": str(ROOT / "corpus"),
        "ASSISTANT_DATA": str(data / "data"),
        "ASSISTANT_CONFIG": str(data / "no-config.toml"),
        "ASSISTANT_WIDGET_ORIGINS": origins,
        "ASSISTANT_RATE_LIMIT": "100000",
        "ASSISTANT_EMBED_SECRET": EMBED_SECRET,
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
        "NO_PROXY": "127.0.0.1,localhost",
    })
    return env


def wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> dict[str, Any]:
    """Poll /healthz until it answers 200; fail with the server log if it dies or stalls."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"app.py exited with {proc.returncode}:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as resp:
                return dict(json.loads(resp.read()))
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.25)
    pytest.fail(f"app.py did not answer /healthz in {START_TIMEOUT_S}s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def app_url(browser_index: Path, host_pages: HostPages) -> Iterator[str]:
    """Base URL of the running app (a subprocess on a free loopback port)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    allowed = host_pages.urls.allowed.rstrip("/")
    log = browser_index.parent / "app.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=app_env(browser_index, browser_index.parent, allowed),
            stdout=out, stderr=subprocess.STDOUT)
    try:
        health = wait_healthy(url, proc, log)
        assert health.get("index_loaded") is True, health
        host_pages.app_url = url
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def host_urls(app_url: str, host_pages: HostPages) -> HostUrls:
    """Host page URLs (allowed, blocked) embedding `<script src="{app_url}/widget.js">`."""
    return host_pages.urls


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Debian chromium driven by Playwright (fails, never skips, when it is missing)."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def _open_page(browser: Any, request: pytest.FixtureRequest, shot: str = "",
               **context_args: Any) -> Iterator[Any]:
    context = browser.new_context(**context_args)
    page = context.new_page()
    page.requests_seen, page.blocked, page.console_errors, page.dialogs = [], [], [], []

    def block(route: Any) -> None:
        page.blocked.append(route.request.url)
        route.abort()

    def on_dialog(dialog: Any) -> None:
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            page.console_errors.append(message.text)

    context.route(lambda url: not is_loopback(url), block)
    context.on("request", lambda req: page.requests_seen.append(req.url))
    context.on("dialog", on_dialog)
    context.on("console", on_console)
    context.on("weberror", lambda err: page.console_errors.append(str(err.error)))
    page.set_default_timeout(20_000)
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.name + (f"-{shot}" if shot else ""))
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        finally:
            context.close()


@pytest.fixture()
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh desktop page (see the module docstring for its extra attributes)."""
    yield from _open_page(browser, request, viewport={"width": 1280, "height": 800})


@pytest.fixture()
def mobile_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh phone-sized page (375x740, touch)."""
    yield from _open_page(browser, request, viewport={"width": 375, "height": 740},
                          is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture()
def make_page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable[..., Any]]:
    """make_page(look, shot="") -> a fresh page in that Look (closed at teardown)."""
    with contextlib.ExitStack() as stack:
        def make(look: Look, shot: str = "") -> Any:
            pages = _open_page(browser, request, shot=shot or look.name, **look.context_args())
            page = next(pages)
            stack.callback(next, pages, None)
            return page

        yield make


class Widget:
    """Drives the embedded widget on one page (Playwright's CSS pierces the open shadow root)."""

    HOST = "[data-offer-coach]"

    def __init__(self, page: Any) -> None:
        self.page = page

    def part(self, selector: str) -> Any:
        """A locator for `selector` inside the widget."""
        return self.page.locator(f"{self.HOST} {selector}")

    def goto(self, url: str) -> Widget:
        """Load a host page and wait for the bubble."""
        self.page.goto(url)
        self.part(".bubble").wait_for(state="visible")
        return self

    def shadow_eval(self, body: str, arg: Any = None) -> Any:
        """Evaluate `(root, arg) => body` with the widget's shadow root."""
        return self.page.evaluate(
            f"([arg]) => {{ const root = document.querySelector('{self.HOST}').shadowRoot;"
            f" {body} }}", [arg])

    def focused(self) -> str:
        """Class name of the focused element inside the widget ('' when focus is outside)."""
        return str(self.shadow_eval(
            "return document.activeElement && document.activeElement.matches('"
            f"{self.HOST}') && root.activeElement ? root.activeElement.className : '';"))

    def tab_to_bubble(self, limit: int = 15) -> None:
        """Press Tab from the top of the page until the bubble has focus."""
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            if self.focused() == "bubble":
                return
        pytest.fail("Tab never reached the widget's bubble")

    def ask(self, question: str) -> Any:
        """Type a question, press Enter, wait for the reply to settle; return its locator."""
        before = self.part(".msg.bot").count()
        self.part(".input").fill(question)
        self.part(".input").press("Enter")
        self.page.wait_for_function(
            f"""(n) => {{ const root = document.querySelector('{self.HOST}').shadowRoot;
                const bots = root.querySelectorAll('.msg.bot');
                return bots.length > n && !root.querySelector('.log[aria-busy]')
                       && !bots[bots.length - 1].querySelector('.typing'); }}""",
            arg=before)
        return self.part(".msg.bot").last


@pytest.fixture()
def widget(page: Any) -> Widget:
    """The widget driver on the desktop `page`."""
    return Widget(page)


@pytest.fixture()
def widget_on() -> type[Widget]:
    """The widget driver class, for pages made with `make_page`: widget_on(page)."""
    return Widget


@pytest.fixture()
def mobile_widget(mobile_page: Any) -> Widget:
    """The widget driver on the phone-sized `mobile_page`."""
    return Widget(mobile_page)
