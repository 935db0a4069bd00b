"""The answer path as a LangChain Runnable: {"question", "history"} -> Answer.

Example:
    >>> chain = build_chain(Assistant(Settings.load()))
    >>> chain.invoke({"question": "Alibaba Seattle sign-on?", "history": []}).status
    'answered'

An adapter, not a second pipeline: it calls `Assistant.ask`, so resolve -> retrieve -> compose
(-> LLM -> guard, with its fallbacks) is the same code whichever way a question comes in.
Without an LLM configured (or a `model` passed) the answer is the grounded one.
"""

from __future__ import annotations

from typing import Any

from langchain_core.runnables import Runnable, RunnableLambda

from assistant.answer.llm.answerer import ChatModel
from assistant.answer.pipeline import Assistant
from assistant.answer.types import Answer

State = dict[str, Any]  # question, history


def build_chain(assistant: Assistant, model: ChatModel | None = None) -> Runnable[State, Answer]:
    """{"question", "history"} -> Answer, grounded unless an LLM is configured or given."""

    def ask(inputs: State) -> Answer:
        return assistant.ask(inputs["question"], list(inputs.get("history") or []), model=model)

    return RunnableLambda(ask, name="ask")

