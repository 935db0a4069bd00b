"""One comparison key for a place name, however it is typed.

Example:
    >>> name_key("Zürich"), name_key("Zu\u0308rich"), name_key("ZURICH")
    ('zurich', 'zurich', 'zurich')
    >>> name_key("St. Louis"), name_key("Saint-Louis")
    ('st louis', 'st louis')

Diacritics are dropped after Unicode decomposition (NFKD), so precomposed and decomposed
spellings meet; case is folded; punctuation becomes space; "saint" is spelled "st".
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

# Name-key prefix of state and airport codes ("abbr ny", "abbr tlv"): looked up only for a code
# typed in capitals, so "ny" or "me" in running text never meets them.
ABBREVIATION = "abbr "
_NOT_WORD = re.compile(r"[^\w&']+|_")
_SAINT = re.compile(r"\b(saint|ste?)\b")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Lower-case ASCII words of `name`, diacritics and punctuation removed."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ß", "ss").replace("ø", "o")
                                       .replace("Ø", "O").replace("ł", "l").replace("Ł", "L"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    words = _NOT_WORD.sub(" ", plain.replace("’", "'")).replace("'", "").split()
    return _SAINT.sub("st", " ".join(words))


EARTH_KM = 6371.0


def km_apart(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))
