"""The report's chart: the project's advantage over the peer, one bar per comparable row.

Left: how many times faster or smaller the project is (log scale, 1× marked); right: the
difference in points per question set; below, when the scaling step ran, how each cost grows
with the library (1×, 3×, 10×), as a ratio to the 1× figure.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def draw(speed: list[tuple[str, float]], points: list[tuple[str, float]], path: Path,
         curves: dict[str, list[tuple[float, float]]] | None = None) -> None:
    """Write the PNG (matplotlib without a display): (label, times better), (label, points)
    and each scaling curve's (times the library, ratio to 1×) points."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    height = 0.42 * max(len(speed), len(points), 4) + 1.8
    if curves:
        fig = plt.figure(figsize=(14, height + 5))
        grid = fig.add_gridspec(2, 2, height_ratios=[height, 5])
        left, right = fig.add_subplot(grid[0, 0]), fig.add_subplot(grid[0, 1])
        _scaling(fig.add_subplot(grid[1, :]), curves)
    else:
        fig, (left, right) = plt.subplots(1, 2, figsize=(14, height))
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


def _scaling(axes: Any, curves: dict[str, list[tuple[float, float]]]) -> None:
    """One line per cost: its ratio to the 1× figure as the library grows; 1.5× and 2× marked
    (issue 20's bounds for cold look-ups and memory, and for warm p95)."""
    for label, points in curves.items():
        axes.plot([x for x, _ in points], [y for _, y in points], marker="o", label=label)
    sizes = sorted({x for points in curves.values() for x, _ in points})
    axes.set_xscale("log")
    axes.set_xticks(sizes, [f"{x:g}×" for x in sizes])
    axes.axhline(1.5, color="grey", linestyle="--", linewidth=0.8)
    axes.axhline(2.0, color="grey", linestyle=":", linewidth=0.8)
    axes.set_xlabel("the library, times its real size (renamed copies of every company)")
    axes.set_ylabel("ratio to the 1× figure")
    axes.set_title("how cost grows with the library (dashed: 1.5×, dotted: 2×)", fontsize=10)
    axes.legend(fontsize=8, ncol=3)
