"""Questions asked while `assistant index` writes a new version: every one is answered, and
each answer names the one index version it was read from (the version its Assistant opened)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from index_support import CountingEmbedder, hash_settings

from assistant.answer.pipeline import Assistant
from assistant.index.writing.builder import build_index

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ("Alibaba ML engineer Seattle base?", "How do I negotiate a sign-on bonus?",
             "Alibaba ML engineer Singapore stock?")


def test_answers_during_a_rebuild_each_come_from_one_version(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = hash_settings(tmp_path / "index")
    first = build_index(settings, [corpus], progress=False)
    bot = Assistant(settings)
    before = {q: bot.ask(q) for q in QUESTIONS}
    assert {a.index_version for a in before.values()} == {first.version}

    guide = corpus / "guides" / "alibaba" / "ml-ai-engineer.md"
    text = guide.read_text(encoding="utf-8")  # the Seattle base, in frontmatter and table
    guide.write_text(text.replace("165000", "166000").replace("$165K–", "$166K–"), "utf-8")
    done = threading.Event()
    built: list[str] = []

    def rebuild() -> None:  # a slow embedder keeps the build running while we ask
        built.append(build_index(settings, [corpus], rebuild=True, progress=False,
                                 embedder=CountingEmbedder(delay=0.05)).version)
        done.set()

    writer = threading.Thread(target=rebuild)
    writer.start()
    asked = 0
    while not done.is_set():
        for question in QUESTIONS:
            answer = bot.ask(question)
            assert answer.status == before[question].status
            assert answer.index_version == first.version  # wholly the old version
            assert answer.text == before[question].text
            asked += 1
    writer.join()
    assert asked >= 3 and built and built[0] != first.version
    fresh = Assistant(settings).ask(QUESTIONS[0])
    assert fresh.index_version == built[0] and "$166K" in fresh.text
