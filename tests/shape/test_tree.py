"""The test tree mirrors the package: a folder of tests names a folder of `assistant/`.

Folders that test across stages keep names of their own: the browser, the evaluation sets, the
shape checks, the reliability suite and the fixtures.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS, PACKAGE = ROOT / "tests", ROOT / "assistant"
ACROSS = {"browser", "eval", "shape", "reliability", "fixtures", "__pycache__"}


def test_every_test_folder_mirrors_a_package_folder() -> None:
    strays = sorted(str(folder.relative_to(TESTS)) for folder in TESTS.rglob("*")
                    if folder.is_dir() and not ACROSS & set(folder.relative_to(TESTS).parts)
                    and not (PACKAGE / folder.relative_to(TESTS)).is_dir())
    assert strays == []


def test_no_two_test_files_share_a_name() -> None:
    """pytest imports test files by their base name (no __init__.py), so a second one with the
    same name stops the run at collection."""
    names = [p.name for p in TESTS.rglob("test_*.py")]
    assert sorted({n for n in names if names.count(n) > 1}) == []
