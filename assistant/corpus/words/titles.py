"""A company's own job titles, named by two of their words, one only that title has.

Example:
    >>> titled_role(roles_of_hsbc, ["the", "infrastructure", "platform", "role"])
    ('asia-infrastructure-platform-engineer', (1, 2))

Most guides are one of the library's standard roles; many companies also have a guide for a
role of their own ("Reliability Leads Platform Engineer" at Airwallex). People shorten such
titles ("Airwallex's reliability platform role"), so the whole title rarely appears. A title
is named when the question holds two of its words, one of which none of the company's other
titles and no standard role has ("reliability platform"); words other titles share
("platform") only break ties. Two titles named equally name neither.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from stop_words import get_stop_words

from assistant.corpus.words.roles import ROLE_ALIASES, STANDARD_ROLES

# The words of the standard roles' titles and their aliases ("data", "software", "engineer"):
# they name a standard role, never one company's own title.
_STANDARD_WORDS = frozenset(
    word for phrases in (STANDARD_ROLES, *ROLE_ALIASES.values())
    for phrase in phrases for word in phrase.replace("/", " ").replace("-", " ").split())
_FUNCTION_WORDS = frozenset(get_stop_words("en"))
# Words of a title a question must hold: one alone is often the company's other name
# ("Sea Group / Shopee", "ByteDance / TikTok"), not its Shopee Platform Engineer guide.
NAMING_WORDS = 2


def titled_role(roles: Mapping[str, str], words: Sequence[str], company: str = ""
                ) -> tuple[str, tuple[int, ...]]:
    """The one role of `roles` (a company's role slug -> guide id) whose own title the words
    name, with the positions in `words` of the words that name it; ("", ()) when none or
    several do. Words of the company's own name (`company`, its slug) never name a title
    ("Workday Illuminate AI Engineer")."""
    said = [_singular(w.casefold().strip(".,;:!?'()\"")) for w in words]
    named = {_singular(w) for w in company.split("-")}
    own = {r: _title_words(r) - named for r in roles if r not in STANDARD_ROLES}
    if not own:
        return "", ()
    scored = []
    for role, title in own.items():
        others = set().union(*(w for r, w in own.items() if r != role))
        unique = title.intersection(said) - others
        shared = title.intersection(said) & others
        if unique and len(unique) + len(shared) >= NAMING_WORDS:
            at = tuple(i for i, w in enumerate(said) if w in title)
            scored.append((len(unique) + 0.5 * len(shared), role, at))
    scored.sort(reverse=True)
    if not scored or len(scored) > 1 and scored[1][0] == scored[0][0]:
        return "", ()
    return scored[0][1], scored[0][2]


def _title_words(role: str) -> set[str]:
    """The words of a role slug that could name it: no standard-role word, no function word."""
    return {_singular(w) for w in role.split("-")
            if len(w) >= 3 and w not in _STANDARD_WORDS and w not in _FUNCTION_WORDS}


def _singular(word: str) -> str:
    """"leads" -> "lead", "platforms" -> "platform" (enough to match a title's words)."""
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") \
        else word
