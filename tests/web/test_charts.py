"""Pay-band charts: labels and numbers come from the bands, currencies never share an axis,
and hostile text stays text."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

import pytest

from assistant.answer.types import Band
from assistant.web.charts import bands_html, bands_svg, money

SVG = "{http://www.w3.org/2000/svg}"
GUIDE = "alibaba/ml-ai-engineer"


def band(region: str, component: str, low: float, high: float, currency: str = "USD",
         level: str = "") -> Band:
    return Band(guide=GUIDE, region=region, component=component, low=low, high=high,
                currency=currency, level=level)


def charts(html: str) -> list[ET.Element]:
    """The <svg> elements of the chart HTML (which must be well-formed XML)."""
    root = ET.fromstring(html)
    assert root.tag == "div"
    return list(root.iter(f"{SVG}svg"))


def texts(svg: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]


def test_no_bands_no_chart() -> None:
    assert bands_svg([]) == ""
    assert bands_svg([band("Seattle", "base", math.nan, 1.0), band("X", "base", -5, -1)]) == ""


def test_labels_and_numbers_come_from_the_bands() -> None:
    html = bands_svg([band("Seattle (US)", "base", 165_000, 235_000),
                      band("Bay Area", "base", 170_000, 240_000)])
    (svg,) = charts(html)
    shown = texts(svg)
    assert "Pay bands in USD" in shown
    assert {"Seattle (US)", "Bay Area"} <= set(shown)
    assert {"$165K–$235K", "$170K–$240K"} <= set(shown)
    assert svg.get("data-currency") == "USD"
    titles = ["".join(t.itertext()) for t in svg.iter(f"{SVG}title")]
    assert "Seattle (US): $165K–$235K (USD)" in titles


def test_bars_span_their_ranges_on_a_shared_axis() -> None:
    (svg,) = charts(bands_svg([band("A", "base", 100_000, 200_000),
                               band("B", "base", 50_000, 100_000)]))
    bars = [r for r in svg.iter(f"{SVG}rect") if float(r.get("height", 0)) > 10]
    a, b = (float(r.get("x", 0)) for r in bars)
    width_a, width_b = (float(r.get("width", 0)) for r in bars)
    assert b < a  # B starts at a lower figure
    assert width_a == pytest.approx(2 * width_b, rel=0.01)  # 100K span vs 50K span
    assert math.isclose(a, b + width_b, rel_tol=0.01)  # A starts where B ends (100K)


def test_components_under_region_headings() -> None:
    (svg,) = charts(bands_svg([band("Seattle (US)", "base", 165_000, 235_000),
                               band("Seattle (US)", "stock", 90_000, 250_000),
                               band("Bay Area", "base", 170_000, 240_000),
                               band("Bay Area", "stock", 95_000, 260_000)]))
    shown = texts(svg)
    assert shown.count("Seattle (US)") == 1 and shown.count("Bay Area") == 1
    assert shown.count("base") >= 2 and shown.count("stock") >= 2  # rows + legend
    assert "$90K–$250K" in shown


def test_one_region_is_named_in_the_title_and_levels_in_labels() -> None:
    (svg,) = charts(bands_svg([band("Singapore", "base", 130_000, 200_000, "SGD", "P6"),
                               band("Singapore", "base", 180_000, 260_000, "SGD", "P7")]))
    shown = texts(svg)
    assert "Pay bands in SGD" in shown[0]
    assert {"Singapore · P6", "Singapore · P7"} <= set(shown)
    assert "130K–200K" in shown  # no symbol for SGD: the title names the currency


def test_each_currency_gets_its_own_chart() -> None:
    html = bands_svg([band("Seattle (US)", "base", 165_000, 235_000, "USD"),
                      band("Bangalore", "base", 3_000_000, 5_500_000, "INR"),
                      band("Beijing", "base", 480_000, 920_000, "CNY"),
                      band("Bay Area", "stock", 95_000, 260_000, "USD")])
    svgs = charts(html)
    assert [s.get("data-currency") for s in svgs] == ["USD", "INR", "CNY"]
    usd, inr, cny = ("\n".join(texts(s)) for s in svgs)
    assert "$" in usd and "₹" not in usd and "Bangalore" not in usd
    assert "₹3M–₹5.5M" in inr and "$" not in inr
    assert "480K–920K" in cny and "Pay bands in CNY — Beijing" in cny and "$" not in cny
    assert "$95K–$260K" in usd  # both USD bands share the USD chart


def test_hostile_text_is_escaped() -> None:
    hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>" onload="alert(3)'
    html = bands_svg([band(hostile, "base", 1_000, 2_000, currency='EUR"><script>x</script>',
                           level="<b>L5</b>"),
                      band("Berlin", hostile, 1_000, 3_000)])
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for svg in charts(html):  # well-formed: the quotes did not break out of attributes
        for element in svg.iter():
            tag = element.tag.removeprefix(SVG)
            assert tag in {"svg", "title", "text", "g", "rect", "line"}, tag
            assert not [a for a in element.attrib if a.lower().startswith("on")]
            assert not [a for a in element.attrib if "href" in a.lower()]
    assert any(hostile in "".join(svg.itertext()) for svg in charts(html))


def test_no_external_references() -> None:
    html = bands_svg([band("Seattle", "base", 1, 2)])
    assert "url(" not in html and "@import" not in html and "<style" not in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_message_bars_place_each_range_on_its_currency_axis() -> None:
    html = bands_html([band("A", "base", 100_000, 200_000), band("B", "base", 50_000, 100_000),
                       band("Beijing", "base", 480_000, 920_000, "CNY")])
    figures = ET.fromstring(f"<root>{html}</root>").findall("figure")
    assert [f.get("class") for f in figures] == ["msg-chart", "msg-chart"]
    assert [f.findtext("figcaption") for f in figures] == ["Pay bands in USD",
                                                           "Pay bands in CNY — Beijing"]
    bars = [b.get("style", "") for b in figures[0].iter("span") if b.get("class") == "band-bar"]
    assert bars[0].startswith("left:50.00%;width:50.00%")  # 100K–200K on a 0–200K axis
    assert bars[1].startswith("left:25.00%;width:25.00%")
    assert "$100K–$200K" in "".join(figures[0].itertext())
    assert bands_html([]) == "" and bands_html([band("X", "base", -5, -1)]) == ""


def test_message_bars_escape_hostile_labels() -> None:
    hostile = '<script>alert(1)</script>" onmouseover="alert(2)'
    html = bands_html([band(hostile, "base", 1_000, 2_000, currency='E"><b>')])
    assert "<script" not in html and "<b>" not in html
    root = ET.fromstring(f"<root>{html}</root>")  # well-formed: no attribute was broken out of
    assert not [a for e in root.iter() for a in e.attrib if a.lower().startswith("on")]
    assert hostile in "".join(root.itertext())


@pytest.mark.parametrize(("value", "currency", "expected"), [
    (165_000, "USD", "$165K"),
    (1_550_000, "CNY", "CNY 1.55M"),
    (950, "GBP", "£950"),
    (4_500_000, "INR", "₹4.5M"),
    (0, "EUR", "€0"),
])
def test_money_labels(value: float, currency: str, expected: str) -> None:
    assert money(value, currency) == expected
