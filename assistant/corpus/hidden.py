"""Characters a reader cannot see: removed from guide text, questions and terminal output.

Example:
    >>> visible("Ali\u200bbaba\U000e0041 Seattle")
    'Alibaba Seattle'
    >>> visible("\x1b[31mred\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07")
    'red link'

What goes: Unicode tag characters (U+E0000-U+E007F, text no screen shows), zero-width
characters, bidirectional overrides and isolates (they reorder what is shown), the byte-order
mark, and control characters other than tab and newline (a carriage return too: it can redraw
a terminal line). ANSI escape sequences (colours, clear-screen, OSC-8 hyperlinks) go as whole
sequences, so no stray "[31m" is left behind.
A lone surrogate cannot be encoded at all: `has_lone_surrogate` tells the caller to refuse it.
"""

from __future__ import annotations

import re
import unicodedata

# CSI (colours, clear-screen), OSC (titles, OSC-8 links), two-byte escapes, one-byte CSI
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])"
                   r"|\x9b[0-?]*[ -/]*[@-~]")
_INVISIBLE = re.compile(
    "[\U000e0000-\U000e007f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
    "\u00ad\u180e\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# A zero-width joiner is kept where it joins an emoji ("👁️‍🗨️"); anywhere else it hides text.
_LOOSE_ZWJ = re.compile("(?<![\ufe0f\U0001f000-\U0001faff\u2600-\u27bf])\u200d")


def visible(text: str) -> str:
    """`text` in NFC with invisible and control characters (but tab and newline) removed."""
    text = _LOOSE_ZWJ.sub("", _INVISIBLE.sub("", _ANSI.sub("", text)))
    return unicodedata.normalize("NFC", text)


def hidden_count(text: str) -> int:
    """How many characters `visible` would remove (escape sequences count whole)."""
    plain = _ANSI.sub("", text)
    return len(_ANSI.findall(text)) + len(_INVISIBLE.findall(plain)) + len(
        _LOOSE_ZWJ.findall(_INVISIBLE.sub("", plain)))


def has_lone_surrogate(text: str) -> bool:
    """True when `text` holds half of a UTF-16 pair, which no encoding can carry."""
    return _SURROGATE.search(text) is not None
