"""Comparisons and placements on screen: the chat page and the widget, over the sample guide.

Expectations come from corpus/guides/alibaba/ml-ai-engineer.md: Seattle (US) base
$165K–$235K, Beijing base CNY 480K–CNY 920K. An offer of $180K base sits
(180 − 165) ÷ (235 − 165) = 21% of the way through the Seattle band.
Each test leaves a full-page screenshot in test-artifacts/browser/.
"""

from __future__ import annotations

from typing import Any

import pytest
from chat_support import BOT, ask, assert_safe, open_chat

pytestmark = pytest.mark.browser

COMPARE = "Compare Alibaba ML engineer base in Seattle vs Beijing"
PLACE = "Alibaba ML engineer offer in Seattle: $180K base. Is that good?"


def test_chat_page_shows_a_comparison_table(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    answer = ask(page, COMPARE)
    rows = answer.locator("table tbody tr")
    assert rows.count() == 2
    cells = [rows.nth(i).inner_text() for i in range(2)]
    assert "Seattle (US)" in cells[0] and "$165K–$235K" in cells[0]
    assert "Beijing" in cells[1] and "CNY 480K–CNY 920K" in cells[1]
    assert "$90K–$250K" not in answer.inner_text()  # stock was not asked
    charts = page.locator("#oc-chart svg")
    assert charts.count() == 2  # USD and CNY never share an axis
    assert_safe(page)


def test_chat_page_places_an_offer_with_a_marker(page: Any, app_url: str) -> None:
    open_chat(page, app_url)
    answer = ask(page, PLACE)
    text = answer.inner_text()
    assert "21% of the way through" in text and "$165K–$235K" in text
    assert "percentile" not in text
    marker = page.locator("#oc-chart svg g.marker")
    assert marker.count() == 1
    assert "Your figure: $180K" in marker.text_content()
    assert page.locator(BOT).count() >= 1
    assert_safe(page)


def test_widget_shows_a_comparison_table(widget: Any, host_urls: Any) -> None:
    widget.goto(host_urls.allowed)
    widget.part(".bubble").click()
    answer = widget.ask(COMPARE)
    rows = answer.locator("table tbody tr")
    assert rows.count() == 2
    assert "$165K–$235K" in rows.nth(0).inner_text()
    assert "CNY 480K–CNY 920K" in rows.nth(1).inner_text()
    assert answer.locator("table th").first.inner_text() == "Guide"
    assert answer.locator(".band-bar").count() == 2
    assert answer.locator(".bands-title").count() == 2  # one axis per currency


def test_widget_places_an_offer_with_a_marker(widget: Any, host_urls: Any) -> None:
    widget.goto(host_urls.allowed)
    widget.part(".bubble").click()
    answer = widget.ask(PLACE)
    assert "21% of the way through" in answer.inner_text()
    marker = answer.locator(".band-marker")
    assert marker.count() == 1
    assert marker.get_attribute("title") == "Your figure: USD 180K"
    left = float(marker.evaluate("m => parseFloat(m.style.left)"))
    bar = answer.locator(".band-bar")
    start = float(bar.evaluate("b => parseFloat(b.style.left)"))
    width = float(bar.evaluate("b => parseFloat(b.style.width)"))
    assert start < left < start + width  # inside the drawn band, where 21% puts it
