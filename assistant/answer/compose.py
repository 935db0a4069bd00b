"""The grounded answerer: evidence -> Answer, quoting figures verbatim with [n] citations.

Example:
    >>> answer = compose(evidence, today=date(2026, 11, 22))
    >>> answer.text.splitlines()[0]
    '**Alibaba ML/AI Engineer — Seattle (US)** (USD): base $165K–$235K, ... [1]'

No LLM: every sentence is either a figure copied from a guide, a passage quoted from one, or a
plain statement of what the guides do not hold. A message is written the same for every kind;
any other evidence is written by the answerer of its kind (kinds/dispatch.py).
"""

from __future__ import annotations

from datetime import date

from assistant.answer.evidence import Retrieved, Said
from assistant.answer.kinds.base import said
from assistant.answer.kinds.dispatch import answerer_for
from assistant.answer.types import Answer


def compose(evidence: Retrieved, today: date | None = None) -> Answer:
    """Write the Markdown answer for the evidence of a routed question."""
    if isinstance(evidence, Said):
        return said(evidence)
    return answerer_for(evidence.kind).write(evidence, today or date.today())
