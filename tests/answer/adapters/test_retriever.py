"""GuideRetriever under LangChain's standard retriever suite, plus the chain's answer."""

from __future__ import annotations

from typing import Any

import pytest
from answer_support import sample_assistant
from langchain_core.retrievers import BaseRetriever
from langchain_tests.integration_tests import RetrieversIntegrationTests

from assistant.answer.adapters.chain import build_chain
from assistant.answer.adapters.retriever import GuideRetriever
from assistant.answer.llm.fakes import ScriptedChatModel


class TestGuideRetrieverStandard(RetrieversIntegrationTests):
    """LangChain's retriever contract: k in the constructor and per call, Documents back."""

    # The suite has one async test and pytest-asyncio runs in strict mode here, so the class
    # is marked; the mark is harmless on the sync tests, which pytest-asyncio warns about.
    pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings(
        "ignore:The test <Function .*asyncio:pytest.PytestWarning")]

    @property
    def retriever_constructor(self) -> type[BaseRetriever]:
        return GuideRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"assistant": sample_assistant(), "k": 2}

    @property
    def retriever_query_example(self) -> str:
        return "Alibaba ML engineer compensation"


def test_rows_come_first_then_passages() -> None:
    docs = GuideRetriever(assistant=sample_assistant(), k=3).invoke("Alibaba Seattle sign-on?")
    assert [d.metadata["kind"] for d in docs] == ["row", "section", "section"]
    assert docs[0].metadata["region"] == "Seattle (US)"
    assert docs[0].page_content.startswith("Alibaba ML/AI Engineer — Seattle (US) (USD)")
    assert {d.metadata["guide"] for d in docs} == {"alibaba/ml-ai-engineer"}
    assert docs[1].metadata["section"] == "negotiate-up-strategy"


@pytest.mark.parametrize("question", ["How should I negotiate a sign-on bonus?", "Google?"])
def test_general_and_unknown_questions_get_library_hits(question: str) -> None:
    docs = GuideRetriever(assistant=sample_assistant(), k=2).invoke(question)
    assert docs and all(d.metadata["kind"] == "section" for d in docs)


def test_k_caps_and_never_pads() -> None:
    retriever = GuideRetriever(assistant=sample_assistant())
    assert len(retriever.invoke("Alibaba ML engineer compensation", k=0)) == 0
    many = retriever.invoke("Alibaba ML engineer compensation", k=50)
    assert len({(d.page_content, d.metadata["section"]) for d in many}) == len(many)


def test_chain_answers_grounded() -> None:
    answer = build_chain(sample_assistant()).invoke(
        {"question": "Alibaba Seattle sign-on?", "history": []})
    assert answer.status == "answered"
    assert answer.citations and answer.citations[0].guide == "alibaba/ml-ai-engineer"
    assert "Seattle (US)" in answer.text


def test_chain_with_a_model_guards_its_answer() -> None:
    good = "Seattle (US) has no sign-on figure [1]; the script asks for a $60K sign-on [2]."
    model = ScriptedChatModel(replies=[good, "Seattle sign-on is $75K [1].", RuntimeError("x")])
    chain = build_chain(sample_assistant(), model=model)
    inputs = {"question": "Alibaba Seattle sign-on?", "history": []}
    first, second, third = (chain.invoke(inputs) for _ in range(3))
    assert first.text.startswith(good) and [c.n for c in first.citations] == [1, 2]
    assert "do not hold: $75K" in second.text.split("\n\n")[0]
    assert "could not be read" in third.text.split("\n\n")[0]
    assert second.citations == third.citations and third.citations[0].guide.startswith("alibaba")
