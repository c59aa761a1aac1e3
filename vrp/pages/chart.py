"""Lay out a horizontal grouped bar chart as numbers a template can draw as SVG.

Drawn at build time, so the page needs no charting script and the figures are the data's own. Two
layouts of the same chart: `wide`, labels beside the bars, for a laptop; `narrow`, each label above
its bars, drawn at about the width of a phone's column so that its words are read at 12 px or more
(partials/bar-chart.html shows the one that fits).
"""
from __future__ import annotations

from dataclasses import dataclass

BAR = 9
GAP = 8
VALUE_ROOM = 48
# label beside the bars (wide) or above them (narrow): the room for the labels, for the bars, the type size
LAYOUTS = {"wide": {"label_width": 170, "plot_width": 420, "font": 11, "label_height": 0},
           "narrow": {"label_width": 0, "plot_width": 296, "font": 13, "label_height": 17}}


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


def grouped_bars(labels: list[str], series: list[list[int]], layout: str = "wide") -> dict:
    """Geometry for one row per label, one bar per series; widths scale to the largest value."""
    spec = LAYOUTS[layout]
    label_width, plot_width, label_height = spec["label_width"], spec["plot_width"], spec["label_height"]
    top = max(max(values) for values in series) or 1
    rows, y = [], 30.0
    for i, label in enumerate(labels):
        bars_top = y + label_height
        bars = [Bar(bars_top + s * (BAR + 1), round(plot_width * values[i] / top, 1), values[i], s)
                for s, values in enumerate(series)]
        label_y = y + 12 if label_height else y + len(series) * (BAR + 1) / 2 + 3
        rows.append(Row(label, label_y, bars))
        y = bars_top + len(series) * (BAR + 1) + GAP
    ticks = [round(top * k / 4) for k in range(5)]
    return {"rows": rows, "height": y + 24, "width": label_width + plot_width + VALUE_ROOM, "layout": layout,
            "label_width": label_width, "plot_width": plot_width, "bottom": y, "font": spec["font"],
            "label_x": label_width - 8 if label_width else 0, "label_anchor": "end" if label_width else "start",
            "ticks": [(label_width + plot_width * t / top, t) for t in ticks]}
