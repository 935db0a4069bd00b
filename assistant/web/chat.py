"""The Gradio chat page: streaming answers, linked citations, pay-band chart, feedback.

Example:
    >>> demo = build_chat(bot, settings, feedback)
    >>> app = gr.mount_gradio_app(app, demo, path="/", **chat_mount_options())

The page holds the conversation (the Chatbot value) and sends it with every question, so the
server keeps no session state. Messages are pre-rendered, sanitized HTML (see chat_render);
the Chatbot additionally runs its own sanitizer and renders no Markdown of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

import gradio as gr

from assistant.answer.pipeline import Assistant
from assistant.answer.types import Answer
from assistant.errors import AssistantError
from assistant.settings import Settings
from assistant.web.charts import bands_svg
from assistant.web.chat_render import (
    answer_html,
    badge_html,
    draft_html,
    history_messages,
    notice_html,
    user_html,
)
from assistant.web.feedback import FeedbackStore
from assistant.web.limits import LIMITED_HEADER

log = logging.getLogger(__name__)

TITLE = "Offer coach — salary negotiation guides"
DESCRIPTION = ("Answers come only from the guide library, with citations: click a [n] or a "
               "source to open the guide at that section.")
EXAMPLES = ("Alibaba Seattle sign-on?", "Alibaba ML engineer levels?",
            "Can a sign-on bonus be clawed back?")
CHART_PLACEHOLDER = ('<p class="chart-empty">Pay bands appear here when an answer quotes '
                    "figures.</p>")
ASK_CONCURRENCY = 8
MAX_QUEUE = 64  # chat events waiting at once; past it Gradio refuses the join ("queue full")

ChatValue = list[dict[str, Any]]
Outputs = tuple[Any, ...]  # chatbot, chart, badge, last answer, question box, status


def chat_theme() -> gr.themes.Base:
    """A theme with system fonts only (nothing fetched from font CDNs)."""
    return gr.themes.Soft(
        primary_hue="blue", neutral_hue="slate",
        font=["system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"],
        font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "monospace"],
    )


def chat_mount_options() -> dict[str, Any]:
    """Keyword arguments for gr.mount_gradio_app: theme, page CSS, no footer links."""
    # show_error off: a validation error would echo the input values to the client
    return {"theme": chat_theme(), "css": CSS, "footer_links": [], "show_error": False,
            "max_file_size": 1}


class ChatHandlers:
    """The page's event handlers over one Assistant and one FeedbackStore."""

    def __init__(self, bot: Assistant, feedback: FeedbackStore) -> None:
        self.bot = bot
        self.feedback = feedback

    def ask(self, question: str, chat: ChatValue | None, request: gr.Request | None = None
            ) -> Iterator[Outputs]:
        """Stream the answer to `question`, the conversation so far taken from `chat`."""
        chat = list(chat or [])
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
        text = ""
        try:
            for piece in self.bot.stream(question, history):
                if isinstance(piece, Answer):
                    yield self._final(chat, piece)
                    return
                text += piece
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
        message: dict[str, Any] = {"role": "assistant", "content": answer_html(answer, library)}
        if answer.suggestions:
            message["options"] = [{"value": s, "label": s} for s in answer.suggestions]
        chat[-1] = message
        chart = bands_svg(answer.bands) or CHART_PLACEHOLDER
        badge = badge_html(answer, library, self.bot.today)
        return chat, chart, badge, answer.as_dict(), gr.skip(), gr.skip()

    def rater(self, rating: str) -> Callable[..., tuple[str, str]]:
        """The click handler of the thumbs-up or thumbs-down button."""

        def rate(last: dict[str, Any] | None, comment: str, request: gr.Request | None = None
                 ) -> tuple[str, str]:
            if limited := rate_limited(request):
                return limited, comment
            if not last or not last.get("answer"):
                return "Ask a question first, then rate its answer.", comment
            try:
                fid = self.feedback.add(str(last.get("question", "")), str(last["answer"]),
                                        list(last.get("citations") or []), rating,
                                        (comment or "").strip())
            except AssistantError as exc:
                return str(exc), comment
            except Exception:
                log.exception("storing feedback failed")
                return "Feedback could not be saved; please try again.", comment
            return (f"Thanks — saved as #{fid.id} with this question and answer, kept "
                    f"{self.feedback.keep_days} days. To delete it: DELETE "
                    f"/api/feedback/{fid.id}?token={fid.token}"), ""

        return rate


def rate_limited(request: gr.Request | None) -> str:
    """The rate limiter's message when it marked this event's request (limits.py), else ""."""
    headers = getattr(request, "headers", None) or {}
    return str(headers.get(LIMITED_HEADER, ""))


def build_chat(bot: Assistant, settings: Settings, feedback: FeedbackStore) -> gr.Blocks:
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
                    latex_delimiters=[],
                    feedback_options=None, buttons=["copy"], layout="bubble",
                    placeholder="Ask about pay bands, sign-on bonuses, levels or negotiation "
                                "tactics — e.g. “Alibaba Seattle sign-on?”")
                with gr.Row(elem_id="oc-ask-row"):
                    question = gr.Textbox(show_label=False, scale=5, max_lines=4,
                                          placeholder="Ask about an offer…", elem_id="oc-question",
                                          autofocus=True)
                    send = gr.Button("Ask", variant="primary", scale=1, min_width=80,
                                     elem_id="oc-send")
                with gr.Row(elem_id="oc-examples"):
                    example_buttons = [gr.Button(text, size="sm", elem_classes=["oc-example"])
                                       for text in EXAMPLES]
            with gr.Column(scale=2, min_width=300, elem_id="oc-side-col"):
                badge = gr.HTML("", js_on_load=None, elem_id="oc-freshness")
                chart = gr.HTML(CHART_PLACEHOLDER, js_on_load=None, elem_id="oc-chart")
                with gr.Column(elem_id="oc-feedback", variant="panel",
                               visible=settings.feedback):
                    gr.HTML("<strong>Was the last answer helpful?</strong><br><small>Rating "
                            "saves the question and answer with your rating (kept "
                            f"{settings.feedback_days} days); nothing is saved otherwise."
                            "</small>", js_on_load=None)
                    comment = gr.Textbox(show_label=False, max_lines=3, elem_id="oc-comment",
                                         placeholder="Optional comment, then rate")
                    with gr.Row():
                        up = gr.Button("✓ Helpful", size="sm", elem_id="oc-up")
                        down = gr.Button("✗ Not helpful", size="sm", elem_id="oc-down")
                    status = gr.Markdown("", elem_id="oc-feedback-status")
        last = gr.JSON({}, visible=False)

        outputs = [chatbot, chart, badge, last, question, status]
        common: dict[str, Any] = {"outputs": outputs, "concurrency_limit": ASK_CONCURRENCY,
                                  "show_progress": "hidden"}
        question.submit(handlers.ask, [question, chatbot], api_name="ask", **common)
        send.click(handlers.ask, [question, chatbot], api_visibility="private", **common)
        for button in example_buttons:
            button.click(handlers.ask, [button, chatbot], api_visibility="private", **common)
        chatbot.option_select(handlers.ask_option, [chatbot], api_visibility="private", **common)
        for button, rating in ((up, "up"), (down, "down")):
            if settings.feedback:  # off: no handler that could store anything
                button.click(handlers.rater(rating), [last, comment], [status, comment],
                             api_name=f"feedback_{rating}")
    demo.queue(max_size=MAX_QUEUE)  # bounded: a flood is refused, not held in memory
    return demo


CSS = """
#oc-header h1 { font-size: 1.55rem; margin: .25rem 0 .15rem; }
#oc-header p { margin: 0 0 .5rem; color: var(--body-text-color-subdued); }
#oc-chat .message p { margin: .35rem 0; }
#oc-chat .message a { text-decoration: underline; }
#oc-chat blockquote { border-left: 3px solid var(--border-color-primary); margin: .4rem 0;
  padding: .1rem .75rem; color: var(--body-text-color); opacity: .85; }
#oc-chat ul { margin: .25rem 0 .25rem 1.1rem; }
#oc-chat code { font-size: .85em; }
#oc-chat .options { justify-content: flex-start; gap: .4rem; margin: .2rem 0 .6rem; }
#oc-chat .option { border-radius: 999px; border: 1px solid var(--color-accent);
  color: var(--color-accent); background: var(--background-fill-primary); font-size: .9rem;
  padding: .3rem .85rem; flex: 0 1 auto; width: auto; max-width: 100%; }
#oc-chat .option:hover { background: var(--color-accent-soft); }
#oc-examples { gap: .5rem; flex-wrap: wrap; }
#oc-examples button { flex: 0 1 auto; min-width: 0; border-radius: 999px; }
#oc-freshness .freshness { display: inline-flex; flex-wrap: wrap; gap: .35rem; align-items: center;
  padding: .3rem .7rem; border-radius: 10px; font-size: .85rem; border: 1px solid; }
#oc-freshness .freshness.fresh { color: #166534; background: #f0fdf4; border-color: #86efac; }
#oc-freshness .freshness.overdue { color: #9a3412; background: #fff7ed; border-color: #fdba74; }
#oc-freshness .freshness-guide { font-weight: 600; }
#oc-chart .chart-empty { color: var(--body-text-color-subdued); font-size: .9rem;
  padding: 1rem; border: 1px dashed var(--border-color-primary); border-radius: 8px; }
#oc-chart .pay-bands svg { display: block; margin-bottom: .75rem; }
"""
