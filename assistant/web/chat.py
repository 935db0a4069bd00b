"""The Gradio chat page: streaming answers, linked citations, pay-band chart, feedback.

Example:
    >>> demo = build_chat(bot, settings, feedback)
    >>> app = gr.mount_gradio_app(app, demo, path="/", **chat_mount_options())

The page holds the conversation (the Chatbot value) and sends it with every question, so the
server keeps no session state. The browser keeps it too, in localStorage (gr.BrowserState), so
a reload shows it again; "Clear conversation" empties both. Saving and restoring run in the
browser only: no request, nothing counted against the rate limit. Messages are pre-rendered,
sanitized HTML (see chat_render); the Chatbot additionally runs its own sanitizer and renders
no Markdown of its own. static/chat_page.js adds what the Chatbot lacks: copying a message as
plain text, plain-text labels for screen readers, and showing a long answer from its start.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import ValidationError

from assistant.answer.live import LiveAssistant
from assistant.answer.pipeline import Assistant
from assistant.answer.types import Answer
from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.web.charts import bands_html, bands_svg
from assistant.web.chat_render import (
    answer_html,
    badge_html,
    draft_html,
    history_messages,
    notice_html,
    user_html,
)
from assistant.web.feedback import Ratings
from assistant.web.guards.chat_queue import QueueGuard, quiet_validation
from assistant.web.limits import LIMITED_HEADER
from assistant.web.schemas import FeedbackIn

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
TITLE = "Offer coach — salary negotiation guides"
DESCRIPTION = ("Answers come only from the guide library, with citations: click a [n] or a "
               "source to open the guide at that section.")
EXAMPLES = ("Alibaba Seattle sign-on?", "Alibaba ML engineer levels?",
            "Can a sign-on bonus be clawed back?")
CHART_PLACEHOLDER = ('<p class="chart-empty">Pay bands appear here when an answer quotes '
                    "figures.</p>")
ASK_CONCURRENCY = 8
MAX_QUEUE = 64  # chat events waiting at once; past it Gradio refuses the join ("queue full")
# Gradio keeps each session's last outputs (its conversation, up to the body cap) in memory;
# past this many sessions the least recently used are forgotten.
STATE_SESSIONS = 256
# Each draft re-sends the whole conversation to the page: at most one per DRAFT_EVERY_S, so a
# reply is a few times its request, not one copy per streamed word.
DRAFT_EVERY_S = 0.4
# The conversation kept on the page (and in the browser): the newest messages only, so one
# kept across many reloads still fits the chat's body cap (limits.MAX_CHAT_BODY_BYTES; an
# answer with its charts is at most ~10 KB).
KEEP_MESSAGES = 60
# The conversation in this browser's localStorage. The "secret" is no secret: Gradio ships it
# in the page config. A fixed one keeps the saved conversation readable after a restart.
STORAGE_KEY = "offer-coach-chat"
STORAGE_SECRET = "offer-coach-chat-v1"
DELETE_LABEL = "Delete my rating"

ChatValue = list[dict[str, Any]]
Outputs = tuple[Any, ...]  # chatbot, chart, badge, last answer, question box, status
Rated = tuple[Any, ...]  # status, comment, the stored rating, the Delete button

# Browser-only event functions (no request): outputs are chatbot, chart, badge, last answer.
_EMPTY = json.dumps([[], CHART_PLACEHOLDER, "", {}])
RESTORE_JS = (f"(kept) => kept && Array.isArray(kept.chat) && kept.chat.length ? [kept.chat, "
              f"kept.chart || {json.dumps(CHART_PLACEHOLDER)}, kept.badge || '', kept.last || {{}}]"
              f" : {_EMPTY}")
SAVE_JS = "(chat, chart, badge, last) => ({chat, chart, badge, last})"
CLEAR_JS = f"() => [...{_EMPTY}, {{chat: []}}]"  # ... and the emptied store


def chat_theme() -> gr.themes.Base:
    """A theme with system fonts only (nothing fetched from font CDNs)."""
    return gr.themes.Soft(
        primary_hue="blue", neutral_hue="slate",
        font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )


def chat_mount_options() -> dict[str, Any]:
    """Keyword arguments for gr.mount_gradio_app: theme, page CSS and script, no footer links."""
    # show_error off: a validation error would echo the input values to the client
    return {"theme": chat_theme(), "css_paths": [STATIC / "chat.css"],
            "js": (STATIC / "chat_page.js").read_text(encoding="utf-8"),
            "footer_links": [], "show_error": False, "max_file_size": 1}


class ChatHandlers:
    """The page's event handlers over one Assistant and one feedback store."""

    def __init__(self, bot: Assistant | LiveAssistant, feedback: Ratings) -> None:
        self._bot = bot
        self.feedback = feedback

    @property
    def bot(self) -> Assistant:
        """The Assistant to answer with now (the live index version's, when followed)."""
        return self._bot.current if isinstance(self._bot, LiveAssistant) else self._bot

    def ask(self, question: str, chat: ChatValue | None, request: gr.Request | None = None
            ) -> Iterator[Outputs]:
        """Stream the answer to `question`, the conversation so far taken from `chat`."""
        chat = list(chat or [])[-KEEP_MESSAGES:]
        question = (question or "").strip()
        if not question:
            yield chat, gr.skip(), gr.skip(), gr.skip(), "", gr.skip()
            return
        history = history_messages(chat)
        chat.append({"role": "user", "content": user_html(question)})
        if limited := rate_limited(request):  # the question stays, with when to ask again
            chat.append({"role": "assistant", "content": notice_html(limited)})
            yield chat, gr.skip(), gr.skip(), gr.skip(), "", gr.skip()
            return
        chat.append({"role": "assistant", "content": "<p><em>Looking in the guides…</em></p>"})
        yield list(chat), gr.skip(), gr.skip(), gr.skip(), "", ""
        text, shown = "", time.monotonic()
        try:
            for piece in self.bot.stream(question, history):
                if isinstance(piece, Answer):
                    yield self._final(chat, piece)
                    return
                text += piece
                if time.monotonic() - shown >= DRAFT_EVERY_S:
                    shown = time.monotonic()
                    chat[-1] = {"role": "assistant", "content": draft_html(text)}
                    yield list(chat), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()
        except AssistantError as exc:
            chat[-1] = {"role": "assistant", "content": notice_html(str(exc))}
        except Exception:
            log.exception("chat answer failed")
            chat[-1] = {"role": "assistant", "content": notice_html(
                "Something went wrong while answering; please try again.")}
        yield chat, CHART_PLACEHOLDER, "", {}, gr.skip(), gr.skip()

    def ask_option(self, chat: ChatValue | None, evt: gr.SelectData,
                   request: gr.Request | None = None) -> Iterator[Outputs]:
        """A clicked suggestion chip: ask it as the next question."""
        yield from self.ask(str(evt.value or ""), chat, request)

    def _final(self, chat: ChatValue, answer: Answer) -> Outputs:
        library = self.bot.library
        content = answer_html(answer, library, chart=bands_html(answer.bands))
        message: dict[str, Any] = {"role": "assistant", "content": content}
        if answer.suggestions:
            message["options"] = [{"value": s, "label": s} for s in answer.suggestions]
        chat[-1] = message
        chart = bands_svg(answer.bands) or CHART_PLACEHOLDER
        badge = badge_html(answer, library, self.bot.today)
        return chat, chart, badge, answer.as_dict(), gr.skip(), gr.skip()

    def rater(self, rating: str) -> Callable[..., Rated]:
        """The click handler of the thumbs-up or thumbs-down button."""

        def rate(last: dict[str, Any] | None, comment: str, request: gr.Request | None = None
                 ) -> Rated:
            if limited := rate_limited(request):
                return limited, comment, gr.skip(), gr.skip()
            if not last or not last.get("answer"):
                return "Ask a question first, then rate its answer.", comment, gr.skip(), \
                    gr.skip()
            try:
                rated = FeedbackIn.from_page(last, rating, comment)
            except ValidationError:
                return ("This answer cannot be rated: it is not one this page showed.", comment,
                        gr.skip(), gr.skip())
            try:
                stored = self.feedback.add(rated.question, rated.answer, rated.citations,
                                           rated.rating, rated.comment)
            except AssistantError as exc:
                return str(exc), comment, gr.skip(), gr.skip()
            except Exception:
                log.exception("storing feedback failed")
                return "Feedback could not be saved; please try again.", comment, gr.skip(), \
                    gr.skip()
            return (f"Thanks — your rating is saved with this question and answer, and kept "
                    f"{self.feedback.keep_days} days. Changed your mind? Press “{DELETE_LABEL}” "
                    "to remove it now."), "", {"id": stored.id, "token": stored.token}, \
                gr.update(visible=True)

        return rate

    def delete_rating(self, kept: dict[str, Any] | None, request: gr.Request | None = None
                      ) -> tuple[Any, ...]:
        """The Delete button: remove the rating this page saved last (its id and token)."""
        if limited := rate_limited(request):
            return limited, gr.skip(), gr.skip()
        if not kept:
            return "There is no rating of yours to delete.", None, gr.update(visible=False)
        try:
            gone = self.feedback.delete(int(kept["id"]), str(kept["token"]))
        except Exception:
            log.exception("deleting feedback failed")
            return "The rating could not be deleted; please try again.", gr.skip(), gr.skip()
        said = ("Your rating is deleted: nothing of it, nor of the question and answer, is "
                "kept." if gone else "That rating was already deleted.")
        return said, None, gr.update(visible=False)


def rate_limited(request: gr.Request | None) -> str:
    """The rate limiter's message when it marked this event's request (limits.py), else ""."""
    headers = getattr(request, "headers", None) or {}
    return str(headers.get(LIMITED_HEADER, ""))


def build_chat(bot: Assistant | LiveAssistant, settings: Settings, feedback: Ratings
               ) -> gr.Blocks:
    """The chat page as a Blocks app, to be mounted at "/" by the server."""
    handlers = ChatHandlers(bot, feedback)
    with gr.Blocks(title=TITLE, analytics_enabled=False, fill_width=False) as demo:
        gr.HTML(f"<header class='oc-header'><h1>{TITLE}</h1><p>{DESCRIPTION}</p></header>",
                js_on_load=None, elem_id="oc-header")
        with gr.Row(equal_height=False, elem_id="oc-main"):
            with gr.Column(scale=3, min_width=360, elem_id="oc-chat-col"):
                chatbot = gr.Chatbot(
                    label="Conversation", show_label=False, elem_id="oc-chat", height=560,
                    render_markdown=False, sanitize_html=True, allow_tags=False,
                    latex_delimiters=[], autoscroll=False,  # chat_page.js shows answer starts
                    feedback_options=None, buttons=["copy"], layout="bubble",
                    placeholder="Ask about pay bands, sign-on bonuses, levels or negotiation "
                                "tactics — e.g. “Alibaba Seattle sign-on?”")
                with gr.Row(elem_id="oc-ask-row"):
                    question = gr.Textbox(label="Your question", show_label=False, scale=5,
                                          max_lines=4, placeholder="Ask about an offer…",
                                          elem_id="oc-question", autofocus=True)
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=80,
                                     elem_id="oc-send")
                with gr.Row(elem_id="oc-examples"):
                    example_buttons = [gr.Button(text, size="sm", elem_classes=["oc-example"])
                                       for text in EXAMPLES]
                    clear = gr.Button("Clear conversation", size="sm", elem_id="oc-clear")
            with gr.Column(scale=2, min_width=300, elem_id="oc-side-col"):
                badge = gr.HTML("", js_on_load=None, elem_id="oc-freshness")
                chart = gr.HTML(CHART_PLACEHOLDER, js_on_load=None, elem_id="oc-chart")
                with gr.Column(elem_id="oc-feedback", variant="panel",
                               visible=settings.feedback):
                    gr.HTML("<strong>Was the last answer helpful?</strong><br><small>Rating "
                            "saves the question and answer with your rating (kept "
                            f"{settings.feedback_days} days); nothing is saved otherwise."
                            "</small>", js_on_load=None)
                    comment = gr.Textbox(label="Comment on the answer (optional)",
                                         show_label=False, max_lines=3, elem_id="oc-comment",
                                         placeholder="Optional comment, then rate")
                    with gr.Row():
                        up = gr.Button("✓ Helpful", size="sm", elem_id="oc-up")
                        down = gr.Button("✗ Not helpful", size="sm", elem_id="oc-down")
                    status = gr.Markdown("", elem_id="oc-feedback-status")
                    delete = gr.Button(DELETE_LABEL, size="sm", variant="stop", visible=False,
                                       elem_id="oc-delete-rating")
        last = gr.JSON({}, visible=False)
        kept_rating = gr.State(None)
        store = gr.BrowserState({"chat": []}, storage_key=STORAGE_KEY, secret=STORAGE_SECRET)

        saved = [chatbot, chart, badge, last]
        outputs = [*saved, question, status]
        common: dict[str, Any] = {"outputs": outputs, "concurrency_limit": ASK_CONCURRENCY,
                                  "concurrency_id": "ask",  # one limit for every way to ask
                                  "show_progress": "hidden"}
        asked = [question.submit(handlers.ask, [question, chatbot], api_name="ask", **common),
                 send.click(handlers.ask, [question, chatbot], api_visibility="private",
                            **common),
                 chatbot.option_select(handlers.ask_option, [chatbot], api_visibility="private",
                                       **common)]
        asked += [button.click(handlers.ask, [button, chatbot], api_visibility="private",
                               **common) for button in example_buttons]
        for event in asked:
            event.then(None, saved, [store], js=SAVE_JS, api_visibility="private")
        demo.load(None, [store], saved, js=RESTORE_JS, api_visibility="private")
        for emptied in (clear.click, chatbot.clear):
            emptied(None, None, [*saved, store], js=CLEAR_JS, api_visibility="private")
        if settings.feedback:  # off: no handler that could store anything
            for button, rating in ((up, "up"), (down, "down")):
                button.click(handlers.rater(rating), [last, comment],
                             [status, comment, kept_rating, delete],
                             api_name=f"feedback_{rating}")
            delete.click(handlers.delete_rating, [kept_rating], [status, kept_rating, delete],
                         api_name="feedback_delete")
    demo.queue(max_size=MAX_QUEUE)  # bounded: a flood is refused, not held in memory
    demo.state_session_capacity = STATE_SESSIONS
    QueueGuard(demo._queue).install()  # joins counted per client, unread results dropped
    quiet_validation(demo, lambda: gr.Error("The conversation sent is not in this page's "
                                            "format; reload the page.", print_exception=False))
    return demo

