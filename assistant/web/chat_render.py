"""What the chat page shows for an Answer: safe HTML for messages, sources, freshness badge.

Example:
    >>> html = answer_html(answer, bot.library)
    >>> 'href="/api/guides/alibaba/ml-ai-engineer#compensation"' in html
    True

Nothing from guides or answers becomes live markup: message text goes through
`markdown_to_html` (markdown-it + nh3), badge text through `html.escape`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from html import escape, unescape
from typing import Any
from urllib.parse import quote

import nh3

from assistant.answer.library import Library
from assistant.answer.pipeline import MAX_QUESTION_CHARS
from assistant.answer.read.dialogue import MAX_TURN_CHARS, MAX_TURNS, Message
from assistant.answer.types import Answer, Citation
from assistant.web.render import markdown_to_html

_MARKER = re.compile(r"\[(\d+)\](?![(\[])")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~&])")
_BETWEEN_TAGS = re.compile(r">\s*\n\s*<")  # the Chatbot shows newlines (white-space: pre-line)
_CHART = re.compile(r'<figure class="msg-chart">.*?</figure>', re.DOTALL)  # never nested


def guide_url(guide: str, section: str = "") -> str:
    """The source-viewer link for a guide, at a section when one is given."""
    url = "/api/guides/" + quote(guide, safe="/")
    return url + ("#" + quote(section, safe="") if section else "")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax so `text` renders as itself."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def answer_markdown(answer: Answer, library: Library | None = None) -> str:
    """The answer's Markdown with [n] markers linked to the source viewer, plus its sources."""
    sources = sources_markdown(answer.citations, library)
    return linked_text(answer) + ("\n\n" + sources if sources else "")


def linked_text(answer: Answer) -> str:
    """The answer's Markdown with each [n] marker a link to the cited section."""
    links = {c.n: guide_url(c.guide, c.section) for c in answer.citations}

    def link(match: re.Match[str]) -> str:
        url = links.get(int(match.group(1)))
        return f"[\\[{match.group(1)}\\]]({url})" if url else match.group(0)

    return _MARKER.sub(link, answer.text)


def sources_markdown(citations: Sequence[Citation], library: Library | None = None) -> str:
    """A "Sources" list: [n] Guide title — section — file, each section a link."""
    if not citations:
        return ""
    lines = ["**Sources**", ""]
    for c in citations:
        guide = library.guide(c.guide) if library is not None else None
        title = guide.title if guide is not None else c.guide
        lines.append(f"- \\[{c.n}\\] {md_escape(title)} — "
                     f"[{md_escape(c.title or c.section)}]({guide_url(c.guide, c.section)}) — "
                     f"`{c.source.replace('`', '')}`")
    return "\n".join(lines)


def answer_html(answer: Answer, library: Library | None = None, chart: str = "") -> str:
    """The final chat message for an answer: sanitized HTML with linked citations, then the
    `chart` (charts.bands_html, shown in the message at phone width), then the sources."""
    sources = sources_markdown(answer.citations, library)
    return (_compact(markdown_to_html(linked_text(answer))) + chart
            + (_compact(markdown_to_html(sources)) if sources else ""))


def draft_html(text: str) -> str:
    """A message still streaming in: its Markdown so far, sanitized."""
    return _compact(markdown_to_html(text))


def _compact(html: str) -> str:
    """Drop the newlines between block tags (text never holds a raw '>' or '<')."""
    return _BETWEEN_TAGS.sub("><", html).strip()


def user_html(question: str) -> str:
    """The user's own turn, shown as plain text."""
    return escape(question).replace("\n", "<br>")


def notice_html(message: str) -> str:
    """An error or notice shown in the chat as plain text."""
    return f"<p><em>{escape(message)}</em></p>"


def history_messages(chat: Sequence[dict[str, Any]]) -> list[Message]:
    """Chatbot messages (HTML, maybe as content parts) -> [{"role", "content"}] plain text."""
    messages: list[Message] = []
    for item in list(chat)[-MAX_TURNS:]:  # the API's cap on turns (dialogue.py)
        role = item.get("role") if isinstance(item, dict) else None
        if role not in ("user", "assistant"):
            continue
        html = _CHART.sub("", _content_text(item.get("content"))[:MAX_TURN_CHARS * 8])
        # a user turn is an earlier question: capped as a question is (the API's cap too)
        text = plain_text(html)[:MAX_QUESTION_CHARS if role == "user" else MAX_TURN_CHARS]
        if text:
            messages.append({"role": role, "content": text})
    return messages


def plain_text(html: str) -> str:
    """Tags stripped and entities decoded: the text a message showed."""
    return unescape(nh3.clean(html.replace("<br>", "\n"), tags=set())).strip()


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or "") if content.get("type", "text") == "text" else ""
    if isinstance(content, (list, tuple)):
        return "\n\n".join(_content_text(part) for part in content)
    return ""


def badge_html(answer: Answer, library: Library | None = None, today: date | None = None) -> str:
    """A freshness badge: "Reviewed 2026-02 · pay data 2025-Q4 · review overdue"."""
    fresh = answer.freshness
    if fresh is None:
        return ""
    updated, due = fresh.last_updated, fresh.next_review_due
    if not answer.guide or not (updated or due):
        return ""
    overdue = bool(due) and due < (today or date.today()).isoformat()
    parts = [f"Reviewed {updated[:7]}"] if updated else []
    if fresh.salary_data_quarter:
        parts.append(f"pay data {fresh.salary_data_quarter}")
    if due:
        parts.append("review overdue" if overdue else f"next review {due[:7]}")
    guide = library.guide(answer.guide) if library is not None else None
    name = " ".join(x for x in (guide.company_display, guide.role_display) if x) \
        if guide is not None else answer.guide
    state = "overdue" if overdue else "fresh"
    return (f'<div class="freshness {state}" data-state="{state}" '
            f'title="{escape(f"Last updated {updated}, next review due {due}")}">'
            f'<span class="freshness-guide">{escape(name or answer.guide)}</span> '
            f'<span class="freshness-dates">{escape(" · ".join(parts))}</span></div>')
