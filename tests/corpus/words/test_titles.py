"""A company's own job titles, named by two of their words (titles.py); over the real library
in tests/answer/test_usable_answers.py."""

from __future__ import annotations

from assistant.corpus.words.titles import titled_role

# A made-up company: two titles of its own beside standard roles.
ROLES = {"software-engineer": "x/software-engineer", "data-engineer": "x/data-engineer",
         "orbital-payments-platform-engineer": "x/orbital",
         "ledger-migration-platform-engineer": "x/ledger"}


def test_two_words_of_one_title_name_it() -> None:
    said = "the orbital platform role at quuxcorp".split()
    assert titled_role(ROLES, said) == ("orbital-payments-platform-engineer", (1, 2))


def test_the_naming_words_positions_and_plurals_read() -> None:
    said = "their ledgers migration platforms job".split()
    assert titled_role(ROLES, said) == ("ledger-migration-platform-engineer", (1, 2, 3))


def test_one_word_alone_is_not_enough() -> None:
    """"Sea Group / Shopee": one word may be the company's other name."""
    assert titled_role(ROLES, ["orbital"]) == ("", ())


def test_shared_or_standard_words_name_no_title() -> None:
    assert titled_role(ROLES, "platform engineer data software".split()) == ("", ())


def test_the_company_name_itself_names_no_title() -> None:
    roles = {"workday-illuminate-ai-engineer": "w/i", "software-engineer": "w/s"}
    assert titled_role(roles, "workday ml job at workday".split(), "workday") == ("", ())
