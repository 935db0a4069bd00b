"""Issue 21, high item 4: the stream and the whole answer are judged by one check, so the
stream never shows what the final answer then withdraws.

Over the sample guide corpus/guides/alibaba/ml-ai-engineer.md, asked "Alibaba Seattle
sign-on?": passage [1] is the Seattle (US) row (base $165K–$235K, stock $90K–$250K, bonus
15%), passage [2] the guide's script, which asks for a $60K sign-on bonus.
"""

from __future__ import annotations

import pytest
from answer_support import sample_assistant

from assistant.answer.compose import compose
from assistant.answer.llm.answerer import llm_answer, llm_stream
from assistant.answer.llm.fakes import ScriptedChatModel
from assistant.answer.types import Answer

pytestmark = pytest.mark.reliability

QUESTION = "Alibaba Seattle sign-on?"
REPLIES = [
    # $60K is passage [2]'s, but this sentence cites only [1]
    "Seattle (US) base is $165K–$235K [1]. The script asks for a $60K sign-on bonus [1].",
    "Seattle (US) base is $165K–$235K [1]. The script asks for a $60K sign-on bonus.",
    "The script asks for a $60K sign-on bonus [1]. Seattle (US) base is $165K–$235K [1].",
    "Seattle (US) base is $165K–$235K [1]. The script asks for a $60K sign-on bonus [2].",
    "Seattle (US) base is $165K–$235K [1].\n\nIn London it is $165K–$235K [1].",
    "The script asks for a $60K sign-on bonus [2]. Seattle (US) base is $165K–$235K [2].",
    "Seattle (US) base is $165K–$235K. The stock is $90K–$250K [1].",
    "Seattle (US) base is $165K–$235K [1]. See [7].",
    "Seattle (US) base is $165K–$235K.",
]


@pytest.mark.parametrize("reply", REPLIES)
def test_the_stream_shows_only_what_the_final_answer_keeps(reply: str) -> None:
    bot = sample_assistant()
    retrieved = bot.retrieve(QUESTION)
    grounded = compose(retrieved, today=bot.today)
    items = list(llm_stream(bot.settings, retrieved, grounded,
                            model=ScriptedChatModel(replies=[reply]), lexicon=bot.lexicon))
    shown = "".join(i for i in items[:-1] if isinstance(i, str))
    final = items[-1]
    whole = llm_answer(bot.settings, retrieved, grounded,
                       model=ScriptedChatModel(replies=[reply]), lexicon=bot.lexicon)
    assert isinstance(final, Answer)
    assert final.text == whole.text  # one verdict, streamed or not
    if final.text.startswith(reply):  # kept: everything was shown
        assert shown.strip() == reply
    elif shown.strip():  # refused: what was shown is what the same check keeps
        alone = llm_answer(bot.settings, retrieved, grounded,
                           model=ScriptedChatModel(replies=[shown.strip()]),
                           lexicon=bot.lexicon)
        assert alone.text.startswith(shown.strip()), alone.text.split("\n\n")[0]
        assert reply.startswith(shown)


def test_a_figure_of_an_uncited_passage_is_never_streamed() -> None:
    bot = sample_assistant()
    retrieved = bot.retrieve(QUESTION)
    grounded = compose(retrieved, today=bot.today)
    items = list(llm_stream(bot.settings, retrieved, grounded,
                            model=ScriptedChatModel(replies=[REPLIES[0]]), lexicon=bot.lexicon))
    shown = "".join(i for i in items[:-1] if isinstance(i, str))
    assert "$165K–$235K" in shown and "$60K" not in shown
    final = items[-1]
    assert isinstance(final, Answer) and final.text.split("\n\n")[0].endswith("$60K._")
