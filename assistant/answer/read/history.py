"""Follow-ups: carry company, role, region and topic over from earlier user turns.

The caller passes the conversation in (the server keeps no session state), as a list of
{"role": "user" | "assistant", "content": str}.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.answer.read.intent import decided
from assistant.answer.read.reading import Resolved
from assistant.answer.read.resolve import resolve
from assistant.answer.types import Message
from assistant.corpus.hidden import has_lone_surrogate, visible
from assistant.corpus.words.vocabulary import Vocabulary
from assistant.errors import UsageError
from assistant.places.lexicon import Lexicon

FOLLOW_UP_OPENERS = frozenset({"and", "also", "same", "what about", "how about", "and in",
                               "what of", "then", "for"})
SHORT_TURN_WORDS = 6
MAX_TURNS = 50  # the API's cap too (web/schemas.py)
MAX_TURN_CHARS = 20_000
# Words that point back at an earlier turn ("the total comp there?", "what level is that?").
POINTING_WORDS = frozenset("there that this it them those these same they their its here "
                           "theirs".split())


def resolve_in_context(question: str, history: Sequence[Message], vocab: Vocabulary,
                       lexicon: Lexicon) -> Resolved:
    """Resolve `question`, filling what it leaves out from the earlier user turns.

    Each earlier turn either starts a new subject (it names what it asks about) or leans on
    the one before; only the latest subject is carried, so a company named two turns ago
    never lends its region to a question about another company.
    """
    context: Resolved | None = None
    for message in validate_history(history):
        if message["role"] != "user":
            continue
        turn = resolve(message["content"], vocab, lexicon)
        context = decided(turn.with_context(context)) if context and is_follow_up(turn) \
            else turn
    current = resolve(question, vocab, lexicon)
    return decided(current.with_context(context)) if context and is_follow_up(current) \
        else current


def is_follow_up(resolved: Resolved) -> bool:
    """An elliptical turn ("And in London?", "What about stock?", "And Meta?").

    A turn that opens as a follow-up ("and", "same for", "what about") always is one; otherwise
    a turn that names both company and role starts a new subject, and a turn with words of its
    own beyond names and pay words ("can a sign-on be clawed back?") is a new question.
    """
    if resolved.unknown_names or resolved.ambiguous:
        return False
    words = resolved.question.casefold().split()
    if words and (words[0] in FOLLOW_UP_OPENERS or " ".join(words[:2]) in FOLLOW_UP_OPENERS):
        return True  # "Same for Mercury PMs?": what it names replaces, the rest carries
    if resolved.company and resolved.role:
        return False
    own = [w for w in resolved.leftover if w not in POINTING_WORDS]
    pointing = any(w.strip("?.,!") in POINTING_WORDS for w in words)
    return len(words) <= SHORT_TURN_WORDS and (pointing or not own)


def validate_history(history: Sequence[Message]) -> Sequence[Message]:
    """Check the shape of a conversation; raise UsageError saying what is wrong.

    At most MAX_TURNS turns are taken and each at most MAX_TURN_CHARS long (only the latest
    subject is ever carried, so older turns cannot change an answer); invisible characters
    are removed as from the question.
    """
    if not isinstance(history, Sequence) or len(history) > MAX_TURNS:
        raise UsageError(f"history must be a list of at most {MAX_TURNS} turns; send the "
                         "latest ones.")
    cleaned: list[Message] = []
    for i, message in enumerate(history):
        if not isinstance(message, dict) or message.get("role") not in ("user", "assistant"):
            raise UsageError(f"history[{i}] must be {{'role': 'user'|'assistant', 'content'}}.")
        content = message.get("content")
        if not isinstance(content, str):
            raise UsageError(f"history[{i}].content must be a string.")
        if len(content) > MAX_TURN_CHARS or has_lone_surrogate(content):
            raise UsageError(f"history[{i}].content must be UTF-8 text of at most "
                             f"{MAX_TURN_CHARS:,} characters.")
        cleaned.append({"role": message["role"], "content": visible(content)})
    return cleaned
