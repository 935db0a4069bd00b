"""Normalize the guides' region strings ("NYC (HQ)", ":us: New York (USD)") to one place name.

Rules, in order: drop emoji flags, ":shortcodes:" and Markdown emphasis; peel trailing
parentheticals into the note (currencies "GBP", "HQ", anything else such as "US R&D") except a
lone state or country code, which stays part of the place ("Cambridge (MA)"); drop a trailing
" HQ"; unwrap "India (Bangalore)" style wrappers to the places inside; split "A / B" lists and
resolve each part through the aliases' guide names (places/aliases.py) after removing a US state
or country suffix.
Multi-place regions keep every place: "Bay Area / Sunnyvale (US R&D)" -> "Bay Area / Sunnyvale",
note "US R&D".

Example:
    >>> normalize_region(":us: New York (USD)")
    Region(raw=':us: New York (USD)', name='New York', note='USD')
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.corpus.model import Region
from assistant.money.currency import currency_symbol_to_code
from assistant.places.aliases import REGION_ALIASES, STATE_CODES

_KEEP_SUFFIX = frozenset({"Cambridge", "Melbourne"})  # the suffix tells two places apart
_WRAPPERS = frozenset(
    "US UK India Australia Germany Canada APAC EMEA Romania Europe LATAM China Japan".split()
)
_CURRENCY_NOTE_RE = re.compile(
    r"^[A-Z]{3}(?:\s*(?:/|and)\s*[A-Z]{3})*(?:\s+\S{1,3})?(?:\s+equiv\.?)?$"
)
_SHORTCODE_RE = re.compile(r":[a-z0-9_+-]+:")
_FLAG_RE = re.compile("[\U0001f1e6-\U0001f1ff]")
_TRAILING_PAREN_RE = re.compile(r"^(?P<base>.*?)\s*\((?P<inner>[^()]*)\)\s*$")
_HQ_SUFFIX_RE = re.compile(r"^(?P<base>.+?)\s+HQ$")
_SUFFIX_RE = re.compile(r"^(?P<city>.+?),?\s+(?P<code>[A-Z]{2})$")
_SPLIT_RE = re.compile(r"\s*/\s*")

_CURRENCY_HINTS: dict[str, str] = {
    "London": "GBP", "Cambridge, UK": "GBP", "Glasgow": "GBP", "Cardiff": "GBP",
    "Southampton": "GBP", "Abingdon": "GBP", "Edinburgh": "GBP", "United Kingdom": "GBP",
    "Remote UK": "GBP", "Singapore": "SGD", "Bangalore": "INR", "Hyderabad": "INR",
    "Mumbai": "INR", "Pune": "INR", "Chennai": "INR", "Gurgaon": "INR", "Noida": "INR",
    "Delhi": "INR", "India": "INR", "Hangzhou": "CNY", "Beijing": "CNY", "Shanghai": "CNY",
    "Shenzhen": "CNY", "Tokyo": "JPY", "Seoul": "KRW", "Suwon": "KRW", "Hong Kong": "HKD",
    "Sydney": "AUD", "Melbourne": "AUD", "Toronto": "CAD", "Vancouver": "CAD",
    "Montreal": "CAD", "Ottawa": "CAD", "Tel Aviv": "ILS", "Zurich": "CHF", "Copenhagen": "DKK",
    "Stockholm": "SEK", "Gothenburg": "SEK", "Oslo": "NOK", "Warsaw": "PLN", "Dubai": "AED",
    "Riyadh": "SAR", "São Paulo": "BRL", "Curitiba": "BRL", "Montevideo": "UYU",
    "Buenos Aires": "ARS", "Jakarta": "IDR", "Ho Chi Minh City": "VND", "Hsinchu": "TWD",
    "Bucharest": "RON", "Amsterdam": "EUR", "Berlin": "EUR", "Munich": "EUR", "Paris": "EUR",
    "Dublin": "EUR", "Frankfurt": "EUR", "Tallinn": "EUR", "Vilnius": "EUR", "Veldhoven": "EUR",
    "Sophia Antipolis": "EUR", "Remote EU": "EUR", "Walldorf": "EUR", "Hamburg": "EUR",
}  # fmt: skip


def _strip_decoration(raw: str) -> str:
    text = _FLAG_RE.sub("", _SHORTCODE_RE.sub("", raw)).replace("**", "").replace("__", "")
    return " ".join(text.split()).strip(" *_")


def _is_currency_note(inner: str) -> bool:
    if not _CURRENCY_NOTE_RE.match(inner):
        return False
    return all(currency_symbol_to_code(code) for code in re.findall(r"[A-Z]{3}", inner))


def _peel(text: str) -> tuple[str, list[str]]:
    """Split trailing parentheticals and a trailing " HQ" off the place into notes."""
    notes: list[str] = []
    while True:
        m = _TRAILING_PAREN_RE.match(text)
        if m and m.group("base"):
            base, inner = m.group("base"), m.group("inner").strip()
            if inner in STATE_CODES:
                text = f"{base} {inner}"  # "Cambridge (MA)", "Vancouver (BC)": part of the place
                continue
            if base.strip() in _WRAPPERS and not _is_currency_note(inner):
                text, notes = _unwrap(base.strip(), inner, notes)
                continue
            notes.insert(0, inner)
            text = base
            continue
        hq = _HQ_SUFFIX_RE.match(text)
        if hq:
            notes.insert(0, "HQ")
            text = hq.group("base")
            continue
        return text.strip(), notes


def _unwrap(wrapper: str, inner: str, notes: list[str]) -> tuple[str, list[str]]:
    """Unwrap "India (Bangalore)" -> "Bangalore" (note "India"); "US (Major Tech Hubs)" stays."""
    alias = REGION_ALIASES.get(f"{wrapper} ({inner})".casefold())
    if alias:
        return alias, notes
    places = [p for p in _SPLIT_RE.split(inner) if p]
    if all(p[:1].isupper() and not p.startswith(("Other", "Major", "Various")) for p in places):
        return " / ".join(places), [wrapper, *notes]
    return wrapper, [inner, *notes]


def _place(part: str) -> str:
    """One place: alias lookup, then a US state / country suffix dropped ("Austin, TX")."""
    part = part.strip().strip(",")
    key = part.casefold()
    alias = REGION_ALIASES.get(key) or REGION_ALIASES.get(key.replace(",", ""))
    if alias:
        return alias
    m = _SUFFIX_RE.match(part)
    if m and m.group("code") in STATE_CODES and m.group("city") not in _KEEP_SUFFIX:
        return _place(m.group("city"))
    return part


_TITLE_RE = re.compile(r"engineer|scientist|manager|designer|architect|\bI+\b|\d", re.IGNORECASE)


@lru_cache(maxsize=4096)
def normalize_region(raw: str) -> Region:
    """Region with `raw` verbatim, a canonical place name and a note (HQ, currency, other)."""
    text = _strip_decoration(raw)
    whole = REGION_ALIASES.get(text.casefold())
    if whole:
        return Region(raw=raw, name=whole)
    base, notes = _peel(text)
    parts = [p for p in _SPLIT_RE.split(base) if p]
    places = [_place(p) for p in parts]
    # Titles such as "ML/AI Engineer I-II" have no known part: keep them as written.
    joined = places != parts or (len(parts) > 1 and not _TITLE_RE.search(base))
    name = " / ".join(places) if joined else base or text
    if name == "Cambridge" and notes and notes[0].startswith(("UK", "MA")):
        name = f"Cambridge, {notes[0][:2]}"
    return Region(raw=raw, name=name, note="; ".join(notes))


def note_currency(note: str) -> str:
    """The first currency a currency note names ("GBP £" -> "GBP", "INR/USD equiv" -> "INR")."""
    if not _is_currency_note(note):
        return ""
    return currency_symbol_to_code(re.findall(r"[A-Z]{3}", note)[0])


def region_currency_hint(name: str) -> str:
    """The local currency of a normalized place ("Singapore" -> "SGD"); "" when not known.

    For "A / B" names the first place decides; US places return "" because "$" already says USD.
    """
    first = _SPLIT_RE.split(name)[0] if name else ""
    return _CURRENCY_HINTS.get(first, "")


def resolve_region_alias(text: str) -> str:
    """Canonical place for a user's words ("NYC", "sf", "Bengaluru"); the input when unknown."""
    return normalize_region(text).name
