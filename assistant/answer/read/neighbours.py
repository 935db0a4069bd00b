"""A name the question uses may be part of a longer name the library lacks: never a stand-in.

Example:
    >>> longer_role(words, typed, used, start=2, end=4)   # "Airbnb data science manager"
    'data science manager'
    >>> longer_company(typed, used, start=0, end=1)       # "Mercury Systems security ..."
    'Mercury Systems'

"data science" is the library's data scientist, but a "data science manager" is another job;
"designer" is its product designer, but a "brand designer" is not; "Mercury" is a library
company, but "Mercury Systems" is another firm. When a role phrase runs on into a job head
noun, or a bare job word follows a modifier, or a company name runs on into a capitalised word
that no other slot explains, the reading keeps the longer name as an unknown one, so the
answer says the library has no guide for it and suggests what it has.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.read.phrases import QUESTION_WORDS

# Nouns that head a job title: after a matched role phrase they make a different job.
JOB_HEADS = frozenset("manager managers analyst analysts advocate advocates lead leads director "
                      "directors recruiter recruiters designer designers specialist specialists "
                      "consultant consultants officer officers administrator administrators "
                      "coordinator coordinators writer writers researcher researchers "
                      "evangelist evangelists partner partners owner owners master masters "
                      "representative representatives technician technicians".split())
# Library role aliases that are bare job words: a modifier before them names another job.
BARE_JOBS = frozenset("designer designers developer developers engineer engineers manager "
                      "managers architect architects scientist scientists".split())
# Words before a bare job word that keep it the library's job ("senior designer").
KEEP_MODIFIERS = frozenset("senior staff principal junior lead mid new the a an our my your "
                           "ux ui product software".split())
DETERMINERS = frozenset("the a an our my your their his her its this that".split())
LEVEL_WORDS = frozenset("senior staff principal junior lead mid new intern grad distinguished "
                        "fellow associate entry".split())
CORPORATE_SUFFIXES = frozenset("inc inc. corp corp. corporation llc ltd ltd. limited co co. "
                               "company plc gmbh ag sa".split())


def longer_role(words: Sequence[str], used: Sequence[bool], start: int, end: int) -> str:
    """The longer job a matched role phrase is part of, or "" when the match stands."""
    if end < len(words) and not used[end] and words[end] in JOB_HEADS:
        return " ".join(words[start:end + 1])
    phrase = " ".join(words[start:end])
    before = words[start - 1] if start > 0 else ""
    if (phrase in BARE_JOBS and before and not used[start - 1] and before not in KEEP_MODIFIERS
            and before not in QUESTION_WORDS and before.isalpha()):
        return f"{before} {phrase}"
    return ""


def longer_company(typed: Sequence[str], used: Sequence[bool], start: int, end: int) -> str:
    """The longer firm name a matched company runs on into ("Mercury Systems"), or ""."""
    if end >= len(typed) or used[end] or typed[end - 1].endswith((",", ".", "?", "!", ";", ":")):
        return ""  # a sentence or a list goes on: "I work at Google. Compare ..."
    nxt = typed[end].strip(",.?!")
    if not nxt[:1].isupper() or nxt.casefold() in QUESTION_WORDS | LEVEL_WORDS:
        return ""
    if nxt.isupper() or any(c.isdigit() for c in nxt):  # "Amazon L5", "Meta SWE", "Apple ICT3"
        return ""
    if nxt.casefold() in CORPORATE_SUFFIXES or typed[end - 1].endswith((",", "'s")):
        return ""
    return " ".join(typed[start:end + 1]).strip(",.?!")


def unnamed_job(words: Sequence[str], used: Sequence[bool]) -> str:
    """A job the question names that no role matched ("program manager", "UX researcher")."""
    for i, word in enumerate(words):
        head = word.strip(".,?!")
        if used[i] or head not in JOB_HEADS | BARE_JOBS:
            continue
        before = words[i - 1] if i > 0 else ""
        named = before and not used[i - 1] and before.isalpha() and before not in QUESTION_WORDS
        if head in BARE_JOBS:  # "ux designer" is the library's designer; "game designer" not
            if named and before not in KEEP_MODIFIERS:
                return f"{before} {head}"
        elif named and before not in LEVEL_WORDS and before not in DETERMINERS:
            return f"{before} {head}"  # "UX researcher", "scrum master"
        elif head not in ("lead", "leads", "partner", "partners", "owner", "owners"):
            return head  # "a recruiter", "senior researcher"
    return ""
