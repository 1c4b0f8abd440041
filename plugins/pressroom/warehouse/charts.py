"""Inline SVG charts for the self-contained HTML report (no JavaScript, no downloads)."""

from __future__ import annotations

import math
from html import escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f")
FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def _ticks(top: float, count: int = 4) -> list[float]:
    step = max(1, round(top / count)) if top else 1
    return [step * i for i in range(count + 1) if step * i <= max(top, step)]


def stacked_bars(categories: list[str], series: dict[str, list[float]], *, title: str,
                 width: int = 900, height: int = 280) -> str:
    """Vertical bars, one per category, stacked by series (e.g. months x countries)."""
    left, bottom, top_pad = 44, 46, 28
    plot_w, plot_h = width - left - 150, height - bottom - top_pad
    totals = [sum(values[i] for values in series.values()) for i in range(len(categories))]
    top = max(totals, default=0) or 1
    bar_w = plot_w / max(len(categories), 1)
    label_every = max(1, math.ceil(64 / bar_w))  # labels ~60 px wide must not overlap
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" {FONT}>',
             f'<title>{escape(title)}</title>',
             f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>']
    for tick in _ticks(top):
        y = top_pad + plot_h - tick / top * plot_h
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:g}</text>')
    for i, category in enumerate(categories):
        x, base = left + i * bar_w, top_pad + plot_h
        for colour, values in zip(PALETTE, series.values(), strict=False):
            h = values[i] / top * plot_h
            if h > 0:
                base -= h
                tip = f"{_text(category)}: {values[i]:g}"
                parts.append(f'<rect x="{x + 1:.1f}" y="{base:.1f}" width="{max(bar_w - 2, 1):.1f}" '
                             f'height="{h:.1f}" fill="{colour}"><title>{tip}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle">'
                         f'{_text(category)}</text>')
    for j, (name, colour) in enumerate(zip(series, PALETTE, strict=False)):
        y = top_pad + 14 * j
        parts.append(f'<rect x="{width - 140}" y="{y}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{width - 125}" y="{y + 9}">{_text(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def horizontal_bars(items: list[tuple[str, float]], *, title: str, width: int = 900) -> str:
    """One labelled horizontal bar per item, largest first as given."""
    row, left, top_pad = 18, 190, 28
    height = top_pad + row * len(items) + 10
    items = [(label, float(value or 0)) for label, value in items]
    top = max((v for _, v in items), default=0) or 1
    plot_w = width - left - 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" {FONT}>',
             f'<title>{escape(title)}</title>',
             f'<text x="4" y="16" font-size="13" font-weight="bold">{escape(title)}</text>']
    for i, (label, value) in enumerate(items):
        y = top_pad + i * row
        w = value / top * plot_w
        parts.append(f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">{_text(label)}</text>'
                     f'<rect x="{left}" y="{y + 2}" width="{w:.1f}" height="{row - 5}" fill="{PALETTE[0]}"/>'
                     f'<text x="{left + w + 4:.1f}" y="{y + 12}">{value:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


def point_map(points: list[tuple], *, title: str, bounds=(34.5, 29.0, 49.0, 38.5),
              regions: tuple[tuple[str, float, float], ...] = (), outlines=None,
              width: int = 900, height: int = 560) -> str:
    """Places as circles (area ~ value) on land, sea and country borders; points are (label, lat, lon, value),
    regions (name, lat, lon) are written pale behind them, `outlines` (basemap.Outlines) draws the shapes.
    Labels are placed beside their circle where they overlap no other label, circle or region name; a place
    whose label fits nowhere keeps its circle and its tooltip."""
    west, south, east, north = bounds
    pad = 30

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return (pad + (lon - west) / (east - west) * (width - 2 * pad),
                pad + (north - lat) / (north - south) * (height - 2 * pad))

    def path(shape) -> str:
        return "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lat, lon) for lon, lat in shape))

    frame = f'x="{pad}" y="{pad}" width="{width - 2 * pad}" height="{height - 2 * pad}"'
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" {FONT}>',
             f'<title>{escape(title)}</title><defs><clipPath id="map-frame"><rect {frame}/></clipPath></defs>',
             f'<rect {frame} fill="{SEA if outlines else LAND}" stroke="#999"/>',
             f'<text x="{pad}" y="18" font-size="13" font-weight="bold">{escape(title)}</text>',
             '<g clip-path="url(#map-frame)">']
    if outlines:
        parts += [f'<path d="{path(shape)}Z" fill="{LAND}" stroke="#b9b3a3" stroke-width="0.6"/>'
                  for shape in outlines.land]
        parts += [f'<path d="{path(shape)}Z" fill="{SEA}"/>' for shape in outlines.lakes]
        parts += [f'<path d="{path(line)}" fill="none" stroke="#8d8677" stroke-width="1" stroke-dasharray="4 2"/>'
                  for line in outlines.borders]
    for lon in range(int(west) + 1, int(east) + 1):
        x, _ = xy(south, lon)
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{pad}" y2="{height - pad}" stroke="#e0dccf" '
                     'stroke-opacity="0.6"/>')
    for lat in range(int(south) + 1, int(north) + 1):
        _, y = xy(lat, west)
        parts.append(f'<line x1="{pad}" x2="{width - pad}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e0dccf" '
                     'stroke-opacity="0.6"/>')
    parts.append("</g>")
    parts += [f'<text x="{xy(south, lon)[0]:.1f}" y="{height - pad + 12}" text-anchor="middle">{lon}°E</text>'
              for lon in range(int(west) + 1, int(east) + 1)]
    parts += [f'<text x="{pad - 4}" y="{xy(lat, west)[1] + 4:.1f}" text-anchor="end">{lat}°N</text>'
              for lat in range(int(south) + 1, int(north) + 1)]
    taken: list[Box] = []
    for name, lat, lon in regions:
        x, y = xy(lat, lon)
        parts.append(f'<text x="{x:.1f}" y="{y:.1f}" font-size="22" fill="#c9c2ae" text-anchor="middle" '
                     f'letter-spacing="4">{_text(name)}</text>')
        half = 7.5 * len(name)
        taken.append((x - half, y - 18, x + half, y + 2))
    located = [p for p in points if p[1] is not None and p[2] is not None]
    top = max((p[3] or 0 for p in located), default=0) or 1
    circles = []
    for label, lat, lon, value in sorted(located, key=lambda p: -(p[3] or 0)):
        x, y = xy(lat, lon)
        r = 3 + 14 * ((value or 0) / top) ** 0.5
        circles.append((label, value, x, y, r))
        taken.append((x - r, y - r, x + r, y + r))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{PALETTE[1]}" fill-opacity="0.55" '
                     f'stroke="#7a1010"><title>{_text(label)}: {value or 0:g}</title></circle>')
    for label, _, x, y, r in circles:  # largest first: the busiest places get their labels
        box = _label_box(str(_text(label)), x, y, r, taken, (pad, pad, width - pad, height - pad))
        if box:
            taken.append(box)
            parts.append(f'<text x="{box[0]:.1f}" y="{box[3] - 3:.1f}" paint-order="stroke" stroke="#fff" '
                         f'stroke-width="3" stroke-opacity="0.8">{_text(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


Box = tuple[float, float, float, float]  # x0, y0, x1, y1
LAND, SEA = "#f4f1ea", "#dce9f2"
CHAR_WIDTH, LINE_HEIGHT = 6.4, 13  # 11 px system-ui text, generously


def _label_box(label: str, x: float, y: float, r: float, taken: list[Box], frame: Box) -> Box | None:
    """The first spot beside a circle (right, left, above, below) where a label overlaps nothing taken."""
    w, h = CHAR_WIDTH * len(label), LINE_HEIGHT
    for x0, y0 in ((x + r + 2, y - h / 2), (x - r - 2 - w, y - h / 2), (x - w / 2, y - r - h - 1),
                   (x - w / 2, y + r + 1)):
        box = (x0, y0, x0 + w, y0 + h)
        inside = frame[0] <= box[0] and box[2] <= frame[2] and frame[1] <= box[1] and box[3] <= frame[3]
        if inside and not any(_overlap(box, other) for other in taken):
            return box
    return None


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _text(value) -> str:
    """A label as SVG text: escaped, and "unknown" for a missing one (a group without country or province)."""
    return escape("unknown" if value is None else str(value))
