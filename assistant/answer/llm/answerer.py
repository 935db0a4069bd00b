"""The optional LLM answerer: rephrase the grounded answer's passages, then guard the result.

Example:
    >>> answer = llm_answer(settings, retrieved, grounded)
    >>> answer.citations[0].guide
    'alibaba/ml-ai-engineer'

The model sees only the grounded answer's cited passages, numbered as its citations. Its text
is kept only if the guard (assistant.answer.llm.guard) finds every figure in the passages it cites
and every [n] among the citations, and binding.py finds each figure written for the place,
company, level and part the cited rows give it for; otherwise, and on timeouts, HTTP or
connection errors and empty or unreadable output, the grounded answer comes back with a
one-line note saying why. Streamed or not, the text is judged by the same check, segment by
segment (binding.problem). `chat_model` is the one seam to the outside world; tests pass
`model=ScriptedChatModel(...)`; `lexicon` and `vocabulary` are the place lexicon and the
library's vocabulary the question was read with (the Assistant passes its own).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import Runnable
from pydantic import SecretStr

from assistant.answer.evidence import Retrieved, guide_of, rows_of
from assistant.answer.kinds.base import markdown
from assistant.answer.llm.binding import first_problem, problem
from assistant.answer.llm.context import (
    Passage,
    numbered_passages,
    render_context,
    render_history,
)
from assistant.answer.llm.guard import Verdict, check, segments
from assistant.answer.llm.prompts import load_prompt
from assistant.answer.llm.scope import Scope
from assistant.answer.types import Answer
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.errors import LLMError
from assistant.places.lexicon import Lexicon
from assistant.settings import Settings

log = logging.getLogger(__name__)
MAX_TIMEOUT_S = 30.0
STREAM_DEADLINE_FACTOR = 4  # a whole streamed answer may take this many request timeouts
DUMMY_API_KEY = "not-needed"  # local OpenAI-compatible servers ignore the key
_THINKING = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
History = Sequence[dict[str, Any]]
ChatModel = BaseChatModel  # the one LangChain type callers outside this folder name


@lru_cache(maxsize=8)
def chat_model(settings: Settings) -> BaseChatModel:
    """The configured chat model, built once per settings (raises LLMError if it cannot be)."""
    timeout = min(settings.llm_timeout, MAX_TIMEOUT_S)
    try:
        if settings.llm_provider:
            from langchain.chat_models import init_chat_model

            kwargs: dict[str, Any] = {"timeout": timeout, "max_retries": 0}
            if settings.llm_base_url:
                kwargs["base_url"] = settings.llm_base_url
            # Other providers read their own key variables; OPENAI_API_KEY is not theirs.
            if settings.llm_base_url or settings.llm_provider.startswith("openai"):
                kwargs["api_key"] = SecretStr(settings.llm_api_key or DUMMY_API_KEY)
            return init_chat_model(settings.llm_provider, **kwargs)
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(base_url=settings.llm_base_url, model=settings.llm_model,
                          api_key=SecretStr(settings.llm_api_key or DUMMY_API_KEY),
                          timeout=timeout, max_retries=0)
    except Exception as exc:  # a missing package, key or unknown provider: say which setting
        raise LLMError(f"Cannot set up the LLM ({exc}). Check ASSISTANT_LLM_PROVIDER / "
                       "ASSISTANT_LLM_MODEL, or unset them to use the grounded answers.") from exc


def answer_chain(model: BaseChatModel) -> Runnable[dict[str, str], str]:
    """prompts/answer.md | model | text: inputs are question, context and history."""
    prompt = ChatPromptTemplate.from_messages(list(load_prompt("answer").messages))
    return prompt | model | StrOutputParser()


def prompt_inputs(retrieved: Retrieved, passages: Sequence[Passage],
                  history: History = ()) -> dict[str, str]:
    """The prompt's variables for one question."""
    return {"question": retrieved.question, "context": render_context(passages),
            "history": render_history(history)}


def llm_answer(settings: Settings, retrieved: Retrieved, grounded: Answer, *,
               lexicon: Lexicon, history: History = (), model: BaseChatModel | None = None,
               vocabulary: Vocabulary | None = None) -> Answer:
    """The LLM's answer if the guard passes it, else the grounded answer with a note."""
    passages = numbered_passages(retrieved, grounded)
    try:
        chain = answer_chain(model or chat_model(settings))
        text = chain.invoke(prompt_inputs(retrieved, passages, history))
    except Exception as exc:  # any model failure falls back; the log keeps the detail
        return fallback(grounded, failure_note(exc), exc)
    scope = guard_scope(retrieved, vocabulary, lexicon)
    return guarded(text, passages, scope, grounded)


def guard_scope(retrieved: Retrieved, vocabulary: Vocabulary | None,
                lexicon: Lexicon) -> Scope:
    """What the guard reads figures against: the cited rows and guide, the vocabulary (the
    guide's own when none is given) and the place lexicon."""
    guide = guide_of(retrieved)
    if vocabulary is None and guide is not None:
        vocabulary = Vocabulary.from_guides([guide])
    return Scope(rows_of(retrieved), lexicon, guide, vocabulary)


def llm_stream(settings: Settings, retrieved: Retrieved, grounded: Answer, *,
               lexicon: Lexicon, history: History = (), model: BaseChatModel | None = None,
               vocabulary: Vocabulary | None = None) -> Iterator[str | Answer]:
    """Text deltas (str) as the model writes them, then the final Answer.

    Text is shown a segment at a time (sentences up to one that cites a passage), each once
    the check the whole answer gets (binding.problem) has passed it, so the final Answer
    never withdraws shown text for what it shows: it fails only on what was never shown
    (a segment held back, or no citation at all). When it does (or the model fails midway)
    its text is the grounded answer with a note, and the UI must replace the streamed text
    with it; when the guard passes, the final text is the streamed text plus the grounded
    answer's notes and freshness line.
    """
    passages = numbered_passages(retrieved, grounded)
    scope = guard_scope(retrieved, vocabulary, lexicon)
    texts = {p.n: p.text for p in passages}
    deadline = time.monotonic() + STREAM_DEADLINE_FACTOR * min(settings.llm_timeout,
                                                               MAX_TIMEOUT_S)
    text, shown = "", 0  # what the model wrote; how much of it was shown
    try:
        chain = answer_chain(model or chat_model(settings))
        for delta in chain.stream(prompt_inputs(retrieved, passages, history)):
            text += delta or ""
            for item in _release(visible(text), shown, texts, scope, False):
                if isinstance(item, str):
                    shown += len(item)
                    yield item
                else:
                    yield fallback(grounded, item.note)  # the segment was never shown
                    return
            if time.monotonic() > deadline:
                raise TimeoutError("the streamed answer ran past its deadline")
    except Exception as exc:  # any model failure falls back; the log keeps the detail
        yield fallback(grounded, failure_note(exc), exc)
        return
    verdict = judge(visible(text), texts, scope)
    if verdict.ok and visible(text)[shown:].strip():
        yield visible(text)[shown:].rstrip()
    yield guarded(text, passages, scope, grounded, verdict)


def visible(text: str) -> str:
    """The text without the model's thinking (closed or still open)."""
    return _THINKING.sub("", text).split("<think>", 1)[0].split("<THINK>", 1)[0]


@dataclass(frozen=True)
class _Refused:
    note: str


def _release(text: str, shown: int, passages: Mapping[int, str], scope: Scope,
             finished: bool) -> Iterator[str | _Refused]:
    """The segments of `text` past `shown` that are complete and pass the check, in order;
    a refusal in place of the first that fails."""
    for segment in segments(text, finished):
        if segment.end <= shown:
            continue
        start = max(segment.start, shown)
        note = problem(text[segment.start:segment.end], text[:segment.start], segment.cited,
                       passages, scope)
        if note:
            yield _Refused(note)
            return
        yield text[start:segment.end]


def judge(text: str, passages: Mapping[int, str], scope: Scope) -> Verdict:
    """The guard's verdict on a whole answer: markers and values (guard.check), then each
    segment's binding (binding.first_problem)."""
    text = text.strip()
    verdict = check(text, passages)
    if verdict.ok and (note := first_problem(text, passages, scope)):
        return Verdict(False, note)
    return verdict


def guarded(text: str, passages: Sequence[Passage], scope: Scope, grounded: Answer,
            verdict: Verdict | None = None) -> Answer:
    """The LLM text as an Answer if the guard passes it, else the grounded one with a note."""
    text = visible(text).strip()
    verdict = verdict or judge(text, {p.n: p.text for p in passages}, scope)
    if not verdict.ok:
        log.info("LLM answer rejected: %s", verdict.note)  # never the question (privacy)
        return fallback(grounded, verdict.note)
    cited = [c for c in grounded.citations if c.n in verdict.cited]
    return replace(grounded, text=markdown(grounded.notes, [text], grounded.freshness_note),
                   citations=tuple(cited))


def fallback(grounded: Answer, note: str, exc: BaseException | None = None) -> Answer:
    """The grounded answer with a note on top saying why the LLM's was not used."""
    if exc is not None:
        log.warning("LLM failed, answering from the guides: %s: %s", type(exc).__name__, exc)
    return replace(grounded, text=f"{note}\n\n{grounded.text}", notes=(note, *grounded.notes))


def failure_note(exc: BaseException) -> str:
    """A one-line Markdown note for a model failure: timeout, HTTP error, unreachable, other."""
    name = type(exc).__name__.lower()
    status = getattr(exc, "status_code", None)
    if isinstance(exc, TimeoutError) or "timeout" in name:
        reason = "did not answer in time"
    elif isinstance(status, int):
        reason = f"returned an error (HTTP {status})"
    elif "connect" in name:
        reason = "could not be reached"
    elif isinstance(exc, LLMError):
        reason = "is not set up correctly"
    else:
        reason = "returned an answer that could not be read"
    return f"_The language model {reason}, so this is the guide's own answer._"
