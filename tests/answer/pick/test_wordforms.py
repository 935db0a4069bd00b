"""How pick/wordforms.py reads a question's words as the paragraphs spell them: roots,
shortenings, run-together words and misspellings. Made-up words."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from assistant.answer.pick.wordforms import root, spelled_out


def test_a_shortening_no_paragraph_holds_reads_as_the_words_it_begins() -> None:
    known = tuple(sorted(["relocation", "relocate", "base", "prepared"]))
    assert spelled_out(["relo", "base"], known) == ["relocate", "relocation", "base"]
    assert spelled_out(["prep"], known) == ["prepared"]
    assert spelled_out(["rel", "visa"], known) == ["rel", "visa"]  # too short; no such word


def test_a_run_together_word_reads_as_the_two_words_it_joins() -> None:
    known = tuple(sorted(["claw", "back", "pay", "payback", "walk", "away"]))
    assert spelled_out(["clawback", "walkaway"], known) == ["claw", "back", "walk", "away"]
    assert spelled_out(["payback"], known) == ["payback"]  # held as one word: kept
    assert spelled_out(["clawing"], known) == ["clawing"]  # no two words make it


def test_words_meet_at_their_roots() -> None:
    assert root("separately") == root("separate") == root("separated")
    assert root("negotiating") == root("negotiate") == root("negotiation")
    assert root("offers") == root("offer") and root("tsmc's") == "tsmc"
    assert root("clawback") != root("claw")


def test_a_misspelt_word_reads_as_the_paragraphs_word_one_edit_away() -> None:
    known = tuple(sorted(["exercis", "bridg", "standard", "option"]))
    assert spelled_out(["excercis", "standrad"], known, frozenset({"excercis", "standrad"})) \
        == ["exercis", "standard"]  # a letter too many; two swapped
    assert spelled_out(["bride"], known, frozenset()) == ["bride"]  # an English word: kept
    assert spelled_out(["bride"], known, frozenset({"bride"})) == ["bridg"]
    assert spelled_out(["exrcse"], known, frozenset({"exrcse"})) == ["exrcse"]  # too far


def test_roots_are_safe_from_several_threads_at_once() -> None:
    """The web app answers on worker threads; the stemmer object holds the word it works on,
    so two threads at once raised IndexError mid-word (a 500 under load)."""
    words = [f"{stem}{n}ing" for n in range(4000) for stem in ("negotiat", "claw")]
    root.cache_clear()
    alone = [root.__wrapped__(w) for w in words]
    root.cache_clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        together = list(pool.map(root, words, chunksize=1))
    assert together == alone
