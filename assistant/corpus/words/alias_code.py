"""Which code made a vocabulary's aliases: a digest of the modules that make them.

Example:
    >>> alias_code()
    '3f9c2a71d04be815'

A vocabulary pickled with an index carries this digest (vocabulary.py); loaded by the same
code it keeps its aliases as they are, loaded by other code (a corrected alias table) it
makes them again, so a fix needs no rebuild and an unchanged load costs no time in step with
the number of companies.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

# The modules the aliases are made by: the vocabulary, the word tables it reads, the places.
MAKERS = ("assistant.corpus.words.vocabulary", "assistant.corpus.words.known_names",
          "assistant.corpus.words.nicknames", "assistant.corpus.words.roles",
          "assistant.corpus.words.tickers", "assistant.corpus.regions",
          "assistant.places.aliases")


@lru_cache(maxsize=1)
def alias_code() -> str:
    """The digest of the makers' source files (read once per process)."""
    digest = hashlib.sha256()
    for name in MAKERS:
        spec = find_spec(name)
        if spec is None or spec.origin is None:
            raise ImportError(f"{name} is not importable")
        digest.update(Path(spec.origin).read_bytes())
    return digest.hexdigest()[:16]
