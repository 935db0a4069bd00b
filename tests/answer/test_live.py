"""A long-lived process follows the index's live version (live.py): a version committed while
it serves is picked up without a restart, warmed before it answers, and no answer mixes two
versions (a request holding the old Assistant finishes on it)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from assistant.answer.live import LiveAssistant
from assistant.index.writing.builder import build_index
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEATTLE = "Alibaba ML engineer Seattle base?"


def hash_settings(index: Path) -> Settings:
    """The hash embedder (no model to load), the index under tmp, nothing from outside."""
    return Settings.load(overrides={"index": index, "embedder": "hash"}, environ={},
                         config_file=Path("/nonexistent"))


def _raise_seattle(corpus: Path) -> None:
    """alibaba/ml-ai-engineer.md: the Seattle base $165K–… (frontmatter and table) -> $166K."""
    guide = corpus / "guides" / "alibaba" / "ml-ai-engineer.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("165000", "166000").replace("$165K–", "$166K–"), "utf-8")


def test_a_new_version_is_followed_and_answers_never_mix(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = hash_settings(tmp_path / "index")
    first = build_index(settings, [corpus], progress=False)
    warmed: list[str] = []
    live = LiveAssistant(settings, warm=lambda bot: warmed.append(bot.ask(SEATTLE).text))
    held = live.current  # a request in flight when the new version lands
    before = held.ask(SEATTLE)
    assert before.index_version == first.version and "$165K" in before.text
    assert live.check() is False  # nothing new: no switch

    _raise_seattle(corpus)
    second = build_index(settings, [corpus], progress=False)
    assert second.version != first.version
    assert live.check() is True and live.switches == 1
    assert warmed and "$166K" in warmed[0]  # warmed before it was swapped in
    after = live.current.ask(SEATTLE)
    assert after.index_version == second.version
    assert "$166K" in after.text and "$165K" not in after.text
    late = held.ask(SEATTLE)  # the request that held the old one: wholly the old version
    assert late.index_version == first.version
    assert "$165K" in late.text and "$166K" not in late.text


def test_the_follower_thread_switches_on_its_own(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = hash_settings(tmp_path / "index")
    build_index(settings, [corpus], progress=False)
    live = LiveAssistant(settings)
    live.current.ask(SEATTLE)  # opened, as a serving process's would be
    live.start(every_s=0.05)
    try:
        _raise_seattle(corpus)
        second = build_index(settings, [corpus], progress=False)
        deadline = time.monotonic() + 30
        while live.version != second.version and time.monotonic() < deadline:
            time.sleep(0.05)
        assert live.version == second.version
        assert "$166K" in live.current.ask(SEATTLE).text
    finally:
        live.stop()


def test_an_unreachable_store_keeps_the_current_version(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", corpus)
    settings = hash_settings(tmp_path / "index")
    first = build_index(settings, [corpus], progress=False)
    live = LiveAssistant(settings)
    live.current.ask(SEATTLE)
    (tmp_path / "index" / "CURRENT").write_text("v-gone\n", encoding="utf-8")  # half-written
    assert live.check() is False
    assert live.version == first.version
    assert live.current.ask(SEATTLE).index_version == first.version
