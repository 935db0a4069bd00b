"""Frontmatter splitting and bounded, safe YAML loading."""

from __future__ import annotations

import time

import pytest

from assistant.corpus.frontmatter import MAX_ALIASES, MAX_BYTES, load_yaml, split_frontmatter


def test_splits_data_and_body() -> None:
    front = split_frontmatter("---\ncompany: acme\nrole: pm\n---\n### Title\n\ntext\n")
    assert front.ok and front.present
    assert front.data == {"company": "acme", "role": "pm"}
    assert front.body == "### Title\n\ntext\n"
    assert front.body_offset == 4


def test_no_frontmatter_keeps_whole_text_as_body() -> None:
    front = split_frontmatter("### Title\n---\nmore\n")
    assert front.ok and not front.present and front.data is None
    assert front.body.startswith("### Title")


def test_bom_and_crlf_are_accepted() -> None:
    front = split_frontmatter("\ufeff---\r\ncompany: acme\r\n---\r\nbody\r\n")
    assert front.data == {"company": "acme"}
    assert front.body == "body\n"


def test_ampersand_in_text_is_not_an_anchor() -> None:
    assert load_yaml("summary: R&D and Evidence & Sources") == {
        "summary": "R&D and Evidence & Sources"
    }


def test_a_few_aliases_still_load() -> None:
    assert load_yaml("a: &x [1, 2]\nb: *x\n") == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    ("text", "code", "words"),
    [
        ("---\ncompany: acme\n", "E101", "never closed"),
        ("---\ncompany: [acme\n---\nbody\n", "E101", "not valid YAML"),
        ("---\nx: !!python/object/apply:os.system ['true']\n---\n", "E102", "python/object"),
        ("---\n- just\n- a list\n---\nbody\n", "E202", "must be a mapping"),
    ],
)
def test_bad_frontmatter_gives_a_code_and_keeps_the_body(text: str, code: str, words: str) -> None:
    front = split_frontmatter(text)
    assert not front.ok and front.data is None
    assert front.code == code
    assert words in front.error


def _bomb(levels: int) -> str:
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        refs = ", ".join([f"*l{i - 1}"] * 9)
        lines.append(f"l{i}: &l{i} [{refs}]")
    return "---\n" + "\n".join(lines) + "\n---\nbody\n"


def test_alias_bomb_is_refused_quickly() -> None:
    started = time.perf_counter()
    front = split_frontmatter(_bomb(12))
    assert front.code == "E103"
    assert f"more than {MAX_ALIASES} YAML aliases" in front.error
    assert time.perf_counter() - started < 1.0


def test_oversized_yaml_is_refused_before_parsing() -> None:
    front = split_frontmatter("---\nx: '" + "a" * (MAX_BYTES + 1) + "'\n---\nbody\n")
    assert front.code == "E103"
