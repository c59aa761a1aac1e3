"""Lay out a horizontal grouped bar chart as numbers a template can draw as SVG.

Drawn at build time, so the page needs no charting script and the figures are the data's own.
"""
from __future__ import annotations

from dataclasses import dataclass

LABEL_WIDTH = 170  # room for the longest beat-area name
BAR = 9
GAP = 8
PLOT_WIDTH = 420
VALUE_ROOM = 48


@dataclass
class Bar:
    y: float
    width: float
    value: int
    series: int


@dataclass
class Row:
    label: str
    y: float  # the baseline of the row's label
    bars: list[Bar]


def grouped_bars(labels: list[str], series: list[list[int]]) -> dict:
    """Geometry for one row per label, one bar per series; widths scale to the largest value."""
    top = max(max(values) for values in series) or 1
    rows, y = [], 30.0
    for i, label in enumerate(labels):
        bars = [Bar(y + s * (BAR + 1), round(PLOT_WIDTH * values[i] / top, 1), values[i], s)
                for s, values in enumerate(series)]
        rows.append(Row(label, y + len(series) * (BAR + 1) / 2 + 3, bars))
        y += len(series) * (BAR + 1) + GAP
    ticks = [round(top * k / 4) for k in range(5)]
    return {"rows": rows, "height": y + 24, "width": LABEL_WIDTH + PLOT_WIDTH + VALUE_ROOM,
            "label_width": LABEL_WIDTH, "plot_width": PLOT_WIDTH, "bottom": y,
            "ticks": [(LABEL_WIDTH + PLOT_WIDTH * t / top, t) for t in ticks]}
