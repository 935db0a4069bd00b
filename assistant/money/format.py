"""Numbers back into the guides' own notation: "$165K–$235K", "CNY 1.6M", "₹38.5L", "15%".

Example:
    >>> format_range(165_000, 235_000, "USD")
    '$165K–$235K'

Used where a figure exists only in a guide's frontmatter (cells.py parses; this renders).
"""

from __future__ import annotations

_RENDER_SYMBOLS: dict[str, str] = {
    "USD": "$",
    "GBP": "£",
    "EUR": "€",
    "INR": "₹",
    "ILS": "₪",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
    "HKD": "HK$",
    "BRL": "R$",
}


def _short(value: float, steps: tuple[tuple[float, str], ...]) -> str:
    """"165K", "1.6M", "38.5L" when two decimals of the unit say it exactly; else every digit
    ("$10,001", never a rounded "$10K": a rendered figure must read back as itself)."""
    for size, suffix in steps:
        if abs(value) >= size:
            short = round(value / size, 2)
            if abs(short * size - value) < 0.005:
                return f"{short:.2f}".rstrip("0").rstrip(".") + suffix
            break
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def format_amount(value: float, currency: str) -> str:
    """Render a number the way the guides do: "$165K", "CNY 1.6M", "₹38.5L", "15%"."""
    if currency == "%":
        return f"{value:g}%"
    if currency == "INR":
        number = _short(value, ((1e7, "Cr"), (1e5, "L")))
    else:
        number = _short(value, ((1e9, "B"), (1e6, "M"), (1e3, "K")))
    symbol = _RENDER_SYMBOLS.get(currency)
    if symbol:
        return f"{symbol}{number}"
    return f"{currency} {number}".strip()


def format_range(low: float | None, high: float | None, currency: str) -> str:
    """Render a low–high pair ("$165K–$235K"); a single value when the ends agree or one lacks."""
    if low is None and high is None:
        return ""
    if low is None or high is None or low == high:
        value = high if low is None else low
        return format_amount(value, currency) if value is not None else ""
    if currency == "%":
        return f"{low:g}–{high:g}%"
    return f"{format_amount(low, currency)}–{format_amount(high, currency)}"
