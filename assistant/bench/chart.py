"""The report's chart: the project's advantage over the peer, one bar per comparable row.

Left: how many times faster or smaller the project is (log scale, 1× marked); right: the
difference in points per question set. The scaling curves (1×, 3×, 10×) will join it as a
third panel when they are measured.
"""

from __future__ import annotations

from pathlib import Path


def draw(speed: list[tuple[str, float]], points: list[tuple[str, float]], path: Path) -> None:
    """Write the PNG (matplotlib without a display): (label, times better), (label, points)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(14, 0.42 * max(len(speed), len(points), 4)
                                                     + 1.8))
    if speed:
        bars = left.barh([label for label, _ in speed], [factor for _, factor in speed],
                         color=["tab:green" if f >= 1 else "tab:red" for _, f in speed])
        left.bar_label(bars, labels=[f"{f:.1f}×" if f >= 1 else f"1/{1 / f:.1f}×"
                                     for _, f in speed], padding=3, fontsize=8)
        left.set_xscale("log")
        left.set_xlim(min(0.5, *(f / 1.5 for _, f in speed)), max(2.0, *(f * 2 for _, f in speed)))
        left.axvline(1.0, color="black", linewidth=0.8)
        left.invert_yaxis()
    left.set_title("times better than the LangChain peer (log; red: the peer is)", fontsize=10)
    if points:
        bars = right.barh([label for label, _ in points], [value for _, value in points],
                          color=["tab:green" if v >= 0 else "tab:red" for _, v in points])
        right.bar_label(bars, labels=[f"{v:+.0f}" for _, v in points], padding=3, fontsize=8)
        right.axvline(0.0, color="black", linewidth=0.8)
        right.set_xlim(min(0.0, *(v for _, v in points)) - 5, 110)
        right.invert_yaxis()
    right.set_title("quality: points above the peer's upper bound", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
