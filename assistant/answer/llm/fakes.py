"""A deterministic chat model for tests and demos: it replies with scripted texts in order.

Example:
    >>> model = ScriptedChatModel(replies=["Seattle base is $165K–$235K [1]."])
    >>> llm_answer(settings, retrieved, grounded, model=model).text
    'Seattle base is $165K–$235K [1].'

A reply may be an exception instance, which is raised instead (to script failures). Streaming
splits a reply into word-sized deltas. Every prompt received is kept in `calls`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, Field, PrivateAttr

Reply = str | Exception


class ScriptedChatModel(BaseChatModel):
    """Replies with `replies` in order; the last one repeats once the script runs out."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    replies: list[Reply] = Field(default_factory=lambda: list[Reply](["The guides say nothing."]))
    calls: list[list[BaseMessage]] = Field(default_factory=list)
    _next: int = PrivateAttr(default=0)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _reply(self, messages: list[BaseMessage]) -> str:
        self.calls.append(list(messages))
        reply = self.replies[min(self._next, len(self.replies) - 1)]
        self._next += 1
        if isinstance(reply, Exception):
            raise reply
        return reply

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None,
                  run_manager: CallbackManagerForLLMRun | None = None,
                  **kwargs: Any) -> ChatResult:
        """One scripted reply as a single message."""
        message = AIMessage(content=self._reply(messages))
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None,
                run_manager: CallbackManagerForLLMRun | None = None,
                **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        """One scripted reply in word-sized deltas."""
        for piece in re.findall(r"\S+\s*|\s+", self._reply(messages)):
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager is not None:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
