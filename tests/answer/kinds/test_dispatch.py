"""Every kind of answer has its answerer in the one dispatch table."""

from __future__ import annotations

from assistant.answer.kinds.dispatch import KINDS, answerer_for
from assistant.answer.kinds.figures import FIGURES
from assistant.answer.types import Kind


def test_every_kind_has_an_answerer() -> None:
    assert set(KINDS) == set(Kind)
    for kind in Kind:
        answerer = answerer_for(kind)
        assert callable(answerer.gather) and callable(answerer.write)


def test_one_guide_kinds_share_the_figures_answerer() -> None:
    for kind in (Kind.FIGURES, Kind.PLACEMENT, Kind.LEVERS, Kind.SCRIPT, Kind.ESPP):
        assert answerer_for(kind) is FIGURES
    assert answerer_for(Kind.COUNTER) is not FIGURES
