"""The sign-on sentences a script holds (pick/sections.py), on made-up script text: a
decimal point inside a figure never ends a sentence."""

from __future__ import annotations

from assistant.answer.pick.sections import sign_on_sentences


def test_a_decimal_figure_stays_in_its_sentence() -> None:
    text = ("Open high. I'd take an RSU grant of $2.35M over 4 years with a $120K sign-on "
            "bonus in year one. Then hold.")
    assert list(sign_on_sentences(text)) == [
        "I'd take an RSU grant of $2.35M over 4 years with a $120K sign-on bonus in year one."]


def test_sentences_without_a_sign_on_figure_are_not_mentions() -> None:
    assert list(sign_on_sentences("A sign-on is common. Base is $180K.")) == []
