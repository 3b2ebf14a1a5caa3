"""Chart geometry for the analytics pages: numbers in, SVG coordinates out, drawn by a Jinja macro.

The server draws the charts (no chart library, no script, no CDN): each function
returns plain dicts of rectangles, lines and ticks in a fixed viewBox that the
template ``analytics/_charts.html`` turns into ``<svg role="img">`` with a title,
beside a data table with the same figures for screen readers and copying.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

WIDTH = 640
LEFT = 230  # room for group labels on horizontal charts
RIGHT = 24
TOP = 12
ROW = 30  # height of one group on horizontal charts
AXIS = 28  # room for the axis labels under the plot


def nice_max(value: float, floor: float = 1.0) -> float:
    """A round axis maximum at or above ``value`` (1, 2, 2.5, 5 × a power of ten)."""
    value = max(value, floor)
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _ticks(top: float, count: int = 5) -> list[float]:
    return [top * i / count for i in range(count + 1)]


def histogram(bins: Sequence[dict[str, Any]], height: int = 220) -> dict[str, Any]:
    """Vertical bars, one per HTER bin; the y axis counts segments."""
    plot_h = height - TOP - AXIS
    left = 48
    top = nice_max(max((b["segments"] for b in bins), default=0), floor=5)
    slot = (WIDTH - left - RIGHT) / max(len(bins), 1)
    bars = []
    for i, b in enumerate(bins):
        h = plot_h * b["segments"] / top
        bars.append({"x": round(left + i * slot + slot * 0.12, 1), "y": round(TOP + plot_h - h, 1),
                     "w": round(slot * 0.76, 1), "h": round(h, 1), "label": b["bin"], "value": b["segments"],
                     "cx": round(left + i * slot + slot / 2, 1)})
    ticks = [{"y": round(TOP + plot_h - plot_h * t / top, 1), "label": f"{t:g}"} for t in _ticks(top, 5)]  # whole segment counts
    return {"width": WIDTH, "height": height, "left": left, "right": WIDTH - RIGHT, "base": TOP + plot_h,
            "bars": bars, "ticks": ticks, "label_y": TOP + plot_h + 20}


def boxes(groups: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One horizontal box per group: whiskers min–max, box q1–q3, median line, a dot at the group's HTER."""
    scored = [g for g in groups if g.get("segments")]
    top = nice_max(max((g["max"] for g in scored), default=0), floor=100)
    span = WIDTH - LEFT - RIGHT
    height = TOP + ROW * max(len(scored), 1) + AXIS

    def x(v: float) -> float:
        return round(LEFT + span * v / top, 1)

    rows = []
    for i, g in enumerate(scored):
        y = TOP + i * ROW
        rows.append({"label": g["group"], "y": y, "mid": y + ROW / 2, "box_y": y + 7, "box_h": ROW - 14,
                     "x_min": x(g["min"]), "x_max": x(g["max"]), "x_q1": x(g["q1"]), "x_q3": x(g["q3"]),
                     "box_w": round(max(x(g["q3"]) - x(g["q1"]), 1.5), 1), "x_median": x(g["median"]),
                     "x_hter": x(g["hter"]) if g["hter"] is not None else None, "stats": g})
    ticks = [{"x": x(t), "label": f"{t:g}"} for t in _ticks(top, 4)]
    return {"width": WIDTH, "height": height, "left": LEFT, "right": WIDTH - RIGHT,
            "base": TOP + ROW * max(len(scored), 1), "rows": rows, "ticks": ticks}


def bars(items: Sequence[tuple[str, float | None]], *, top: float | None = None) -> dict[str, Any]:
    """Horizontal bars, one per (label, value); a missing value draws no bar."""
    values = [v for _, v in items if v is not None]
    top = top or nice_max(max(values, default=0))
    span = WIDTH - LEFT - RIGHT
    rows = []
    for i, (label, value) in enumerate(items):
        y = TOP + i * ROW
        w = span * (value or 0) / top
        inside = w > span * 0.8  # no room after the bar: write the value inside its end
        rows.append({"label": label, "value": value, "y": y + 6, "h": ROW - 12, "mid": y + ROW / 2,
                     "w": round(max(w, 1.5 if value else 0), 1), "inside": inside,
                     "end": round(LEFT + w - 6 if inside else LEFT + w + 4, 1)})
    height = TOP + ROW * max(len(items), 1) + AXIS
    ticks = [{"x": round(LEFT + span * t / top, 1), "label": f"{t:g}"} for t in _ticks(top, 4)]
    return {"width": WIDTH, "height": height, "left": LEFT, "right": WIDTH - RIGHT,
            "base": TOP + ROW * max(len(items), 1), "rows": rows, "ticks": ticks}
