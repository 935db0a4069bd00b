"""Pay-band charts: answer bands -> self-contained inline SVG, one chart per currency.

Example:
    >>> html = bands_svg(answer.bands)
    >>> html.count("<svg")  # USD and CNY bands never share an axis
    2
    >>> bands_html(answer.bands).count('<figure class="msg-chart"')  # the same, in a message
    2

Every label is escaped; the SVG carries no scripts, style sheets, links or external references,
so it is safe to insert as it is. `bands_html` draws the same bars as plain HTML for inside a
chat message: the Chatbot's sanitizer drops an SVG's viewBox (so it could not shrink to a
phone's width), while percentages in a style attribute survive it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from assistant.answer.types import Band
from assistant.corpus.model import COMPONENT_LABELS, COMPONENTS

WIDTH = 480
LABEL_W = 150  # left column for row labels
MIN_RIGHT_PAD = 24  # room for the last tick label
MAX_RIGHT_PAD = 120  # room for the figure printed after each bar (longer ones go inside)
ROW_H = 24
HEADER_H = 20  # region heading above its bars
HEAD_H = 46  # title + legend
AXIS_H = 26
MAX_LABEL_CHARS = 21
CHAR_W = 7.2  # generous average glyph width at font-size 12
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
COLORS: dict[str, str] = {
    "base": "#2563eb",
    "stock": "#059669",
    "bonus": "#d97706",
    "signing_bonus": "#db2777",
    "total_comp": "#7c3aed",
}
OTHER_COLOR = "#64748b"
MARKER_COLOR = "#dc2626"  # the person's own figure
SYMBOLS: dict[str, str] = {"USD": "$", "GBP": "£", "EUR": "€", "INR": "₹", "JPY": "¥"}


@dataclass(frozen=True)
class _Scale:
    """Maps money to x pixels over [0, top]."""

    top: float
    step: float
    x0: float = LABEL_W
    x1: float = WIDTH - MIN_RIGHT_PAD

    def x(self, value: float) -> float:
        """Pixel position of `value`."""
        return self.x0 + (self.x1 - self.x0) * max(0.0, value) / self.top


def bands_svg(bands: Sequence[Band]) -> str:
    """A <div> of inline SVG range charts, one per currency; "" when there is nothing to draw."""
    groups: dict[str, list[Band]] = {}
    for band in bands:
        if _drawable(band):
            groups.setdefault(band.currency, []).append(band)
    if not groups:
        return ""
    charts = "".join(_currency_svg(currency, rows) for currency, rows in groups.items())
    return f'<div class="pay-bands">{charts}</div>'


def bands_html(bands: Sequence[Band]) -> str:
    """The bands as HTML range bars, one <figure class="msg-chart"> per currency; "" if none."""
    groups: dict[str, list[Band]] = {}
    for band in bands:
        if _drawable(band):
            groups.setdefault(band.currency, []).append(band)
    return "".join(_currency_html(currency, rows) for currency, rows in groups.items())


def _currency_html(currency: str, bands: list[Band]) -> str:
    top, _ = _axis(max(max(b.low, b.high, b.marker or 0.0) for b in bands))
    regions = list(dict.fromkeys(_where(b) for b in bands))
    title = f"Pay bands in {currency}" + (f" — {regions[0]}" if len(regions) == 1 else "")
    rows = []
    for label, band in _lines(bands, list(dict.fromkeys(b.component for b in bands))):
        if band is None:
            rows.append(f'<div class="band-head">{_esc(label)}</div>')
            continue
        low, high = sorted((band.low, band.high))
        left, width = 100 * low / top, max(100 * (high - low) / top, 1.0)
        color = COLORS.get(band.component, OTHER_COLOR)
        mark = ""
        if band.marker is not None and math.isfinite(band.marker) and band.marker >= 0:
            mark = (f'<span class="band-mark" title="Your figure: '
                    f'{_esc(money(band.marker, band.currency))}" '
                    f'style="left:{min(99.5, 100 * band.marker / top):.2f}%"></span>')
        rows.append(
            f'<div class="band-row" title="{_esc(f"{label}: {_span(low, high, currency)}")}">'
            f'<span class="band-label">{_esc(_shorten(label))}</span>'
            f'<span class="band-track"><span class="band-bar" style="left:{left:.2f}%;'
            f'width:{width:.2f}%;background:{color}"></span>{mark}</span>'
            f'<span class="band-figure">{_esc(_span(low, high, currency, code=False))}</span>'
            "</div>")
    return (f'<figure class="msg-chart"><figcaption>{_esc(title)}</figcaption>'
            + "".join(rows) + "</figure>")


def money(value: float, currency: str, code: bool = True) -> str:
    """Short money label: $165K, ₹4.5M, CNY 950K (or 950K with code=False)."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            number = f"{value / size:.2f}".rstrip("0").removesuffix(".") + suffix
            break
    else:
        number = f"{value:.0f}"
    symbol = SYMBOLS.get(currency.upper())
    if symbol:
        return f"{symbol}{number}"
    return f"{currency} {number}" if code else number


def _drawable(band: Band) -> bool:
    values = (band.low, band.high)
    return all(math.isfinite(v) and v >= 0 for v in values) and max(values) > 0


def _currency_svg(currency: str, bands: list[Band]) -> str:
    top, step = _axis(max(max(b.low, b.high, b.marker or 0.0) for b in bands))
    longest = max(len(_span(b.low, b.high, currency, code=False)) for b in bands)
    right_pad = min(MAX_RIGHT_PAD, max(MIN_RIGHT_PAD, CHAR_W * longest + 10))
    scale = _Scale(top=top, step=step, x1=WIDTH - right_pad)
    components = list(dict.fromkeys(b.component for b in bands))
    lines = _lines(bands, components)
    height = HEAD_H + sum(ROW_H if band else HEADER_H for _, band in lines) + AXIS_H
    regions = list(dict.fromkeys(_where(b) for b in bands))
    title = f"Pay bands in {currency}" + (f" — {regions[0]}" if len(regions) == 1 else "")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'role="img" aria-label="{_esc(title)}" font-family="{_esc(FONT)}" font-size="12" '
        f'data-currency="{_esc(currency)}">',
        f"<title>{_esc(title)}</title>",
        f'<text x="0" y="16" font-size="14" font-weight="600" fill="currentColor">'
        f"{_esc(title)}</text>",
        _legend(components),
        _grid(scale, currency, HEAD_H, height - AXIS_H),
    ]
    y = float(HEAD_H)
    for label, band in lines:
        if band is None:
            parts.append(f'<text x="0" y="{y + HEADER_H - 5:.1f}" font-weight="600" '
                         f'fill="currentColor">{_esc(label)}</text>')
            y += HEADER_H
        else:
            parts.append(_bar(band, label, scale, y))
            y += ROW_H
    parts.append("</svg>")
    return "".join(parts)


def _lines(bands: list[Band], components: list[str]) -> list[tuple[str, Band | None]]:
    """Chart lines: bars labelled by region, by component, or by component under region heads."""
    by_region: dict[str, list[Band]] = {}
    for band in bands:
        by_region.setdefault(_where(band), []).append(band)
    rank = {c: COMPONENTS.index(c) if c in COMPONENTS else len(COMPONENTS) for c in components}
    if len(components) == 1:
        return [(where, band) for where, group in by_region.items() for band in group]
    lines: list[tuple[str, Band | None]] = []
    for where, group in by_region.items():
        if len(by_region) > 1:
            lines.append((where, None))
        lines += [(COMPONENT_LABELS.get(b.component, b.component), b)
                  for b in sorted(group, key=lambda b: rank[b.component])]
    return lines


def _where(band: Band) -> str:
    return band.region + (f" · {band.level}" if band.level else "")


def _bar(band: Band, label: str, scale: _Scale, top: float) -> str:
    low, high = sorted((band.low, band.high))
    x_low, x_high = scale.x(low), scale.x(high)
    width = max(x_high - x_low, 3.0)
    color = COLORS.get(band.component, OTHER_COLOR)
    figure = _span(low, high, band.currency, code=False)
    full = f"{label}: {_span(low, high, band.currency)} ({band.currency})"
    mid = top + ROW_H / 2
    return (
        f"<g><title>{_esc(full)}</title>"
        f'<text x="{LABEL_W - 8}" y="{mid + 4:.1f}" text-anchor="end" fill="currentColor">'
        f"{_esc(_shorten(label))}</text>"
        f'<rect x="{x_low:.1f}" y="{top + 5:.1f}" width="{width:.1f}" height="{ROW_H - 10}" '
        f'rx="3" fill="{color}"/>'
        f'<text {_figure_place(figure, x_low, x_low + width)} y="{mid + 4:.1f}" '
        f'font-variant-numeric="tabular-nums">{_esc(figure)}</text>{_marker(band, scale, top)}</g>'
    )


def _marker(band: Band, scale: _Scale, top: float) -> str:
    """The person's own figure on its band: a red line with a title saying whose it is."""
    if band.marker is None or not math.isfinite(band.marker) or band.marker < 0:
        return ""
    x = scale.x(band.marker)
    said = f"Your figure: {money(band.marker, band.currency)}"
    return (f'<g class="marker"><title>{_esc(said)}</title>'
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top + 1:.1f}" y2="{top + ROW_H - 1:.1f}" '
            f'stroke="{MARKER_COLOR}" stroke-width="3"/></g>')


def _figure_place(figure: str, x_low: float, x_high: float) -> str:
    """Attributes placing a bar's figure after it, else before it, else inside it."""
    needed = CHAR_W * len(figure) + 6
    if x_high + needed <= WIDTH:
        return f'x="{x_high + 6:.1f}" fill="currentColor"'
    if x_low - needed >= LABEL_W:
        return f'x="{x_low - 6:.1f}" text-anchor="end" fill="currentColor"'
    return f'x="{x_high - 6:.1f}" text-anchor="end" fill="#ffffff"'


def _span(low: float, high: float, currency: str, code: bool = True) -> str:
    if low == high:
        return money(low, currency, code)
    return f"{money(low, currency, code)}–{money(high, currency, code)}"


def _legend(components: list[str]) -> str:
    items, x = [], 0.0
    for component in components:
        name = COMPONENT_LABELS.get(component, component)
        color = COLORS.get(component, OTHER_COLOR)
        items.append(f'<rect x="{x:.1f}" y="26" width="10" height="10" rx="2" fill="{color}"/>'
                     f'<text x="{x + 14:.1f}" y="35" fill="currentColor">{_esc(name)}</text>')
        x += 24 + 7 * len(name)
    return "<g>" + "".join(items) + "</g>"


def _grid(scale: _Scale, currency: str, top: float, bottom: float) -> str:
    lines = []
    for i in range(round(scale.top / scale.step) + 1):
        value = scale.step * i
        x, tick = scale.x(value), money(value, currency, code=False)
        lines.append(f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}" '
                     f'stroke="currentColor" stroke-opacity="0.15"/>'
                     f'<text x="{x:.1f}" y="{bottom + 16:.1f}" text-anchor="middle" '
                     f'fill="currentColor" fill-opacity="0.7">{_esc(tick)}'
                     "</text>")
    return "<g>" + "".join(lines) + "</g>"


def _axis(value: float) -> tuple[float, float]:
    """A round axis end and tick step (1-2-2.5-5 × 10^k) with at most five intervals."""
    raw = value / 5
    exponent = 10 ** math.floor(math.log10(raw))
    step = next(m * exponent for m in (1, 2, 2.5, 5, 10) if m * exponent >= raw)
    return math.ceil(value / step - 1e-9) * step, step


def _shorten(text: str) -> str:
    return text if len(text) <= MAX_LABEL_CHARS else text[:MAX_LABEL_CHARS - 1].rstrip() + "…"


def _esc(text: str) -> str:
    return escape(str(text), quote=True)
