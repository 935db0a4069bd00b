"""The whole answer path in one object: resolve -> retrieve -> compose (or an LLM, guarded).

Example:
    >>> bot = Assistant(Settings.load())
    >>> bot.ask("Alibaba Seattle sign-on?").status
    'answered'

Cheap to construct; the index, the library and any LLM load on first use and are shared by
every later question (the web app answers concurrently from one instance). Each part the
settings would open can be passed in instead (tests and tools pass their own), e.g. a library
of parsed guides, answered without an index:

    >>> Assistant(settings, library=Library(guides)).ask("Is a sign-on clawed back?").status
    'answered'
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from assistant.answer.compose import compose
from assistant.answer.evidence import Retrieved
from assistant.answer.library import Library
from assistant.answer.read.dialogue import resolve_in_context
from assistant.answer.retrieve import Retriever
from assistant.answer.types import Answer, Message
from assistant.corpus.hidden import has_lone_surrogate, visible
from assistant.errors import UsageError
from assistant.places.lexicon import LEXICON_FILE, Lexicon
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.answer.kinds.base import GeneralSearch
    from assistant.answer.llm.answerer import ChatModel
    from assistant.answer.read.reading import Resolved
    from assistant.embed.embedder import Embedder
    from assistant.index.handle import IndexHandle

MAX_QUESTION_CHARS = 2000


class Assistant:
    """Answers questions from one index version."""

    def __init__(self, settings: Settings, library: Library | None = None,
                 today: date | None = None, *, index: IndexHandle | None = None,
                 embedder: Embedder | None = None, search: GeneralSearch | None = None) -> None:
        """Each of `library`, `index`, `embedder` (the index's model) and `search`
        (general search over the library) replaces what the settings would open. A `library`
        given without an `index` is answered without one: general questions are searched
        lexically over it, and reranked by meaning only when an `embedder` is given."""
        self.settings = settings
        self.today = today
        self._library = library
        self._index = index
        self._embedder = embedder
        self._search = search
        self._lock = threading.RLock()

    @property
    def index(self) -> IndexHandle:
        """The opened index (raises IndexMissingError with the command that builds one)."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    from assistant.index.handle import open_index

                    self._index = open_index(self.settings, self._embedder)
        return self._index

    @property
    def opened_version(self) -> str:
        """The version of the index once opened; "" before (it is never opened to say so)."""
        return self._index.version if self._index is not None else ""

    @property
    def library(self) -> Library:
        """The library of the live index version, loaded once."""
        if self._library is None:
            with self._lock:
                if self._library is None:
                    self._library = self._load_library()
        return self._library

    def _load_library(self) -> Library:
        """The live index's catalog: header now, each guide when a question needs it."""
        return Library.from_catalog(self.index.catalog)

    @cached_property
    def retriever(self) -> Retriever:
        """Evidence finder over the library (general questions use hybrid search)."""
        from assistant.answer.search import HybridSearch
        from assistant.embed.embedder import get_embedder

        index = self._index_or_none()
        embedder = self._embedder
        if embedder is None and index is not None:
            embedder = get_embedder(self.settings)
        search = self._search
        if search is None:
            search = HybridSearch(self.library, index, embedder).search
        embed = self.library.remembering(embedder) if embedder is not None else None
        return Retriever(self.library, self.lexicon, search, embed,
                         meaningful=getattr(embedder, "meaningful", True))

    @cached_property
    def lexicon(self) -> Lexicon:
        """Places and ordinary words (`make setup` builds the file; else the first use does)."""
        return Lexicon(self.settings.model_dir / LEXICON_FILE)

    def retrieve(self, question: str, history: Sequence[Message] = (), k: int = 4) -> Retrieved:
        """Resolve and retrieve without composing (`k` passages at most for general search)."""
        return self.retriever.retrieve(self.read(question, history), k=k)

    def read(self, question: str, history: Sequence[Message] = ()) -> Resolved:
        """The question's reading, in the context of `history` (refused when malformed)."""
        question = check_question(question)
        return resolve_in_context(question, history, self.library.vocabulary, self.lexicon)

    def quick(self, resolved: Resolved) -> bool:
        """True when answering this reading is one guide's look-up or a message: no search,
        no model, no table across guides, no LLM (a web server answers it on its event loop,
        where handing it to a thread costs more than the answer)."""
        return not self.settings.llm_enabled and self.retriever.quick(resolved)

    def ask(self, question: str, history: Sequence[Message] = (),
            model: ChatModel | None = None) -> Answer:
        """Answer one question, optionally as a follow-up to `history`.

        With an LLM configured (or `model`, a LangChain chat model, given) an answered question
        is rephrased by it and guarded; otherwise the grounded answer is final.
        """
        return self.answer(self.read(question, history), history, model)

    def answer(self, resolved: Resolved, history: Sequence[Message] = (),
               model: ChatModel | None = None) -> Answer:
        """Answer a reading `read` made (see `ask`)."""
        retrieved = self.retriever.retrieve(resolved)
        grounded = self._versioned(compose(retrieved, today=self.today))
        if self._uses_llm(grounded, model):
            from assistant.answer.llm.answerer import llm_answer

            answer = llm_answer(self.settings, retrieved, grounded, history=history,
                                model=model, vocabulary=self.library.vocabulary,
                                lexicon=self.lexicon)
            return self._versioned(answer)
        return grounded

    def stream(self, question: str, history: Sequence[Message] = (),
               model: ChatModel | None = None) -> Iterator[str | Answer]:
        """Answer deltas (str) as they come, then the final Answer."""
        retrieved = self.retrieve(question, history)
        grounded = self._versioned(compose(retrieved, today=self.today))
        if self._uses_llm(grounded, model):
            from assistant.answer.llm.answerer import llm_stream

            for item in llm_stream(self.settings, retrieved, grounded, history=history,
                                   model=model, vocabulary=self.library.vocabulary,
                                   lexicon=self.lexicon):
                yield self._versioned(item) if isinstance(item, Answer) else item
            return
        for piece in grounded.text.split("\n\n"):
            yield piece + "\n\n"
        yield grounded

    def _versioned(self, answer: Answer) -> Answer:
        """The answer stamped with the index version its library came from (the version an
        Assistant opened stays its version: a re-index is served by a new Assistant)."""
        version = self._index.version if self._index is not None else ""
        return replace(answer, index_version=version) if version else answer

    def _uses_llm(self, grounded: Answer, model: ChatModel | None) -> bool:
        return grounded.status == "answered" and (model is not None or self.settings.llm_enabled)

    def _index_or_none(self) -> IndexHandle | None:
        """The index to search: none for a library given without one (and never opened)."""
        if self._index is None and self._library is not None:
            return None
        return self.index


def check_question(question: str) -> str:
    """The question without invisible characters; empty, over-long or broken ones refused
    with a message saying what is allowed."""
    if isinstance(question, str) and has_lone_surrogate(question):
        raise UsageError("The question holds a broken character (half of a UTF-16 surrogate "
                         "pair); send it as plain UTF-8 text.")
    if isinstance(question, str):
        question = visible(question)
    if not isinstance(question, str) or not question.strip():
        raise UsageError("Ask a question, e.g. ask \"Alibaba Seattle sign-on?\".")
    if len(question) > MAX_QUESTION_CHARS:
        raise UsageError(f"The question is {len(question)} characters; the limit is "
                         f"{MAX_QUESTION_CHARS}.")
    return question.strip()
