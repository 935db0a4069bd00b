"""The answer path as one LangChain Runnable: resolve -> retrieve -> compose (-> LLM -> guard).

Example:
    >>> chain = build_chain(Assistant(Settings.load()))
    >>> chain.invoke({"question": "Alibaba Seattle sign-on?", "history": []}).status
    'answered'

Without an LLM configured (or a `model` passed) the chain ends at the grounded composer. With
one, answered questions go through prompts/answer.md | chat model | StrOutputParser and then
the guard; any failure on that branch falls back to the grounded answer with a note.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import (
    Runnable,
    RunnableBranch,
    RunnableLambda,
    RunnablePassthrough,
)

from assistant.answer.compose import compose
from assistant.answer.context import numbered_passages
from assistant.answer.llm import (
    answer_chain,
    chat_model,
    failure_note,
    fallback,
    guarded,
    prompt_inputs,
)
from assistant.answer.types import Answer

State = dict[str, Any]  # question, history, retrieved, grounded, passages (+ text, error)


def build_chain(assistant: Any, model: BaseChatModel | None = None) -> Runnable[State, Answer]:
    """{"question", "history"} -> Answer, grounded unless an LLM is configured or given."""
    gather: Runnable[State, State] = RunnableLambda(lambda inputs: _gather(assistant, inputs),
                                                    name="retrieve")
    grounded: Runnable[State, Answer] = RunnableLambda(_grounded, name="grounded")
    if model is None and not assistant.settings.llm_enabled:
        return gather | grounded
    generate = RunnablePassthrough.assign(
        text=RunnableLambda(_prompt_inputs, name="prompt_inputs")
        | answer_chain(model or chat_model(assistant.settings)))
    llm = (generate | RunnableLambda(_judge, name="guard")).with_fallbacks(
        [RunnableLambda(_failed, name="fallback")], exception_key="error")
    return gather | RunnableBranch((_answered, llm), grounded)


def _gather(assistant: Any, inputs: State) -> State:
    history = list(inputs.get("history") or [])
    retrieved = assistant.retrieve(inputs["question"], history)
    today: date | None = getattr(assistant, "today", None)
    answer = compose(retrieved, today=today)
    return {"question": inputs["question"], "history": history, "retrieved": retrieved,
            "grounded": answer, "passages": numbered_passages(retrieved, answer)}


def _answered(state: State) -> bool:
    return bool(state["grounded"].status == "answered")


def _grounded(state: State) -> Answer:
    answer: Answer = state["grounded"]
    return answer


def _prompt_inputs(state: State) -> dict[str, str]:
    return prompt_inputs(state["retrieved"], state["passages"], state["history"])


def _judge(state: State) -> Answer:
    return guarded(state["text"], state["passages"], state["retrieved"], state["grounded"])


def _failed(state: State) -> Answer:
    return fallback(state["grounded"], failure_note(state["error"]), state["error"])
