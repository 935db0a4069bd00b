"""A library edited by hand: files that claim another guide's id, hidden text, broken files.

The real guide is the project's sample corpus/guides/alibaba/ml-ai-engineer.md (Seattle (US)
base $165,000–$235,000); the impostors are made here from it with other figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.reader import read_corpus

pytestmark = pytest.mark.reliability

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "corpus" / "guides" / "alibaba" / "ml-ai-engineer.md"


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _impostor() -> str:
    return REAL.read_text(encoding="utf-8").replace("165000", "999000")


@pytest.mark.parametrize("impostor_at", ["aaa-shadow/x.md", "zzz/late.md", "alibaba/copy.md"])
def test_the_file_at_the_ids_own_path_wins(tmp_path: Path, impostor_at: str) -> None:
    _write(tmp_path, "alibaba/ml-ai-engineer.md", REAL.read_text(encoding="utf-8"))
    _write(tmp_path, impostor_at, _impostor())
    result = read_corpus([tmp_path])
    (guide,) = [g for g in result.guides if g.id == "alibaba/ml-ai-engineer"]
    assert guide.path.endswith("alibaba/ml-ai-engineer.md")
    seattle = next(r for r in guide.rows if r.region.raw.startswith("Seattle"))
    assert seattle.figure("base").low == 165_000  # the real guide's figure, not 999,000
    assert impostor_at in result.skipped
    codes = [(f.path, f.code) for f in result.findings if f.code == "E301"]
    assert codes == [(impostor_at, "E301")]
    assert result.order.count("alibaba/ml-ai-engineer") == 1


def test_two_files_away_from_the_ids_path_keep_the_first_and_say_so(tmp_path: Path) -> None:
    _write(tmp_path, "a/one.md", REAL.read_text(encoding="utf-8"))
    _write(tmp_path, "b/two.md", _impostor())
    result = read_corpus([tmp_path])
    assert [g.path for g in result.guides] == ["a/one.md"]
    assert "b/two.md" in result.skipped and "guides/<company>/<role>" in result.skipped["b/two.md"]
