"""Signed embed tokens in the real browser: a site that is not on the origin allow-list embeds
the widget with a token its server minted; a forged or foreign token is said as a sentence.

Expectations from corpus/guides/alibaba/ml-ai-engineer.md: its Negotiate Up script asks for a
"$60K sign-on".
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from chat_support import EMBED_SECRET

from assistant.web.embed_tokens import mint

pytestmark = pytest.mark.browser


def _origin(url: str) -> str:
    return url.rstrip("/")


def test_a_token_lets_an_unlisted_site_embed_the_widget(widget: Any, host_urls: Any) -> None:
    token = mint(EMBED_SECRET.encode(), _origin(host_urls.blocked), ttl=300, quota=5)
    widget.goto(f"{host_urls.blocked}?token={quote(token)}")
    widget.part(".bubble").click()
    reply = widget.ask("Alibaba Seattle sign-on?")
    assert "$60K sign-on" in reply.inner_text()
    assert "error" not in (reply.get_attribute("class") or "")


@pytest.mark.parametrize(("secret", "origin", "said"), [
    (b"not-the-secret", None, "not valid for this coach"),
    (EMBED_SECRET.encode(), "http://127.0.0.1:1", "minted for another site"),
])
def test_a_bad_token_is_said_as_a_sentence(widget: Any, host_urls: Any, secret: bytes,
                                           origin: str | None, said: str) -> None:
    token = mint(secret, origin or _origin(host_urls.blocked), ttl=300)
    widget.goto(f"{host_urls.blocked}?token={quote(token)}")
    widget.part(".bubble").click()
    reply = widget.ask("Alibaba Seattle sign-on?")
    assert said in reply.inner_text()
    assert "$60K" not in widget.part(".log").inner_text()
