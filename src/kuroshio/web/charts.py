"""Small server-side SVG charts: the dyad trajectory, sparklines and the actor network.

Every data point is an element with class ``point`` (or ``spark-point``, ``node``, ``edge``) and ``data-*``
attributes, so pages work without JavaScript and tests can count what was drawn. No third-party chart library.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from markupsafe import Markup

QUAD_COLOURS = {1: "#5b9bd5", 2: "#2e7d32", 3: "#f0a030", 4: "#c62828"}
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _a(value: Any) -> str:
    return escape(str(value), quote=True)


def _fmt(value: float) -> str:
    return f"{value:.1f}"


def trajectory(series: Sequence[Mapping[str, Any]], *, width: int = 880, height: int = 420) -> Markup:
    """Goldstein mean per period (line with points) above quad-class counts per period (stacked bars)."""
    if not series:
        return Markup('<p class="empty">No events for this dyad and these filters.</p>')
    left, right, top, gap = 48, 16, 24, 36
    line_h = (height - top - gap - 40) * 0.5
    bars_top = top + line_h + gap
    bars_h = height - bars_top - 40
    plot_w = width - left - right
    n = len(series)
    step = plot_w / n
    xs = [left + step * (i + 0.5) for i in range(n)]

    def y_gold(value: float) -> float:
        return top + (10 - max(-10.0, min(10.0, value))) / 20 * line_h

    parts = [
        f'<svg class="chart trajectory" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="Goldstein mean and quad-class counts per period" xmlns="http://www.w3.org/2000/svg">'
    ]
    # Goldstein panel: axis at -10, 0, +10.
    for tick in (-10, -5, 0, 5, 10):
        y = y_gold(tick)
        cls = "axis zero" if tick == 0 else "axis"
        parts.append(f'<line class="{cls}" x1="{left}" x2="{width - right}" y1="{_fmt(y)}" y2="{_fmt(y)}"/>')
        parts.append(f'<text class="tick" x="{left - 6}" y="{_fmt(y + 4)}" text-anchor="end">{tick:+d}</text>')
    parts.append(f'<text class="label" x="{left}" y="{top - 4}">Goldstein mean</text>')
    path = []
    for x, row in zip(xs, series, strict=True):
        if row.get("goldstein_mean") is None or not row.get("events"):
            continue
        path.append(f"{'M' if not path else 'L'}{_fmt(x)},{_fmt(y_gold(float(row['goldstein_mean'])))}")
    if path:
        parts.append(f'<path class="line" d="{" ".join(path)}"/>')
    for x, row in zip(xs, series, strict=True):
        if row.get("goldstein_mean") is None or not row.get("events"):
            continue
        mean = float(row["goldstein_mean"])
        parts.append(
            f'<circle class="point" cx="{_fmt(x)}" cy="{_fmt(y_gold(mean))}" r="4" data-period="{_a(row["period"])}" '
            f'data-value="{mean:.2f}" data-events="{int(row["events"])}">'
            f"<title>{_a(row['period'])}: Goldstein mean {mean:+.2f}, {int(row['events'])} events</title></circle>"
        )
    # Quad-class panel: stacked bars.
    peak = max((sum(int(row.get(f"q{q}") or 0) for q in range(1, 5)) for row in series), default=0) or 1
    parts.append(f'<text class="label" x="{left}" y="{_fmt(bars_top - 6)}">Events per quad class</text>')
    base = bars_top + bars_h
    parts.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{_fmt(base)}" y2="{_fmt(base)}"/>')
    parts.append(f'<text class="tick" x="{left - 6}" y="{_fmt(bars_top + 4)}" text-anchor="end">{peak}</text>')
    bar_w = max(2.0, min(48.0, step * 0.7))
    for x, row in zip(xs, series, strict=True):
        y = base
        for q in range(1, 5):
            count = int(row.get(f"q{q}") or 0)
            if not count:
                continue
            h = count / peak * bars_h
            y -= h
            parts.append(
                f'<rect class="bar q{q}" x="{_fmt(x - bar_w / 2)}" y="{_fmt(y)}" width="{_fmt(bar_w)}" '
                f'height="{_fmt(h)}" fill="{QUAD_COLOURS[q]}" data-period="{_a(row["period"])}" data-quad="{q}" '
                f'data-count="{count}"><title>{_a(row["period"])}: {count} {QUAD_NAMES[q]}</title></rect>'
            )
    # Period labels: at most ~12, evenly spaced.
    every = max(1, math.ceil(n / 12))
    for i, (x, row) in enumerate(zip(xs, series, strict=True)):
        if i % every == 0:
            parts.append(
                f'<text class="tick" x="{_fmt(x)}" y="{height - 22}" text-anchor="middle">{_a(row["period"])}</text>'
            )
    legend_x = left
    for q in range(1, 5):
        parts.append(f'<rect x="{legend_x}" y="{height - 12}" width="10" height="10" fill="{QUAD_COLOURS[q]}"/>')
        parts.append(f'<text class="legend" x="{legend_x + 14}" y="{height - 3}">{QUAD_NAMES[q]}</text>')
        legend_x += 170
    parts.append("</svg>")
    return Markup("".join(parts))


def sparkline(values: Sequence[float], *, width: int = 120, height: int = 28, label: str = "") -> Markup:
    """A tiny line of event counts per period."""
    if not values:
        return Markup('<span class="spark empty">–</span>')
    peak = max(values) or 1
    n = len(values)
    xs = [2 + (width - 4) * (i / (n - 1) if n > 1 else 0.5) for i in range(n)]
    ys = [height - 3 - (height - 6) * v / peak for v in values]
    points = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in zip(xs, ys, strict=True))
    parts = [
        f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{_a(label)}" xmlns="http://www.w3.org/2000/svg"><polyline points="{points}"/>'
    ]
    for x, y, v in zip(xs, ys, values, strict=True):
        parts.append(f'<circle class="spark-point" cx="{_fmt(x)}" cy="{_fmt(y)}" r="1.6" data-value="{v:g}"/>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _layout(nodes: Sequence[str], edges: Sequence[tuple[str, str, float]], *, iterations: int = 120) -> dict:
    """A deterministic force-directed layout (Fruchterman-Reingold) in the unit square."""
    rng = random.Random(42)
    n = len(nodes)
    pos = {
        node: [0.5 + 0.4 * math.cos(2 * math.pi * i / max(n, 1)), 0.5 + 0.4 * math.sin(2 * math.pi * i / max(n, 1))]
        for i, node in enumerate(nodes)
    }
    for node in nodes:
        pos[node][0] += rng.uniform(-0.01, 0.01)
        pos[node][1] += rng.uniform(-0.01, 0.01)
    if n < 2:
        return {node: (0.5, 0.5) for node in nodes}
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    for _ in range(iterations):
        disp = {node: [0.0, 0.0] for node in nodes}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = max(math.hypot(dx, dy), 1e-4)
                force = k * k / dist
                disp[a][0] += dx / dist * force
                disp[a][1] += dy / dist * force
                disp[b][0] -= dx / dist * force
                disp[b][1] -= dy / dist * force
        for a, b, weight in edges:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = max(math.hypot(dx, dy), 1e-4)
            force = dist * dist / k * min(2.0, 0.5 + math.log1p(weight) / 3)
            disp[a][0] -= dx / dist * force
            disp[a][1] -= dy / dist * force
            disp[b][0] += dx / dist * force
            disp[b][1] += dy / dist * force
        for node in nodes:
            dx, dy = disp[node]
            length = max(math.hypot(dx, dy), 1e-9)
            pos[node][0] += dx / length * min(length, temperature)
            pos[node][1] += dy / length * min(length, temperature)
        temperature *= 0.96
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    span_x = (max(xs) - min(xs)) or 1
    span_y = (max(ys) - min(ys)) or 1
    return {node: ((p[0] - min(xs)) / span_x, (p[1] - min(ys)) / span_y) for node, p in pos.items()}


def _tone(goldstein: float | None) -> str:
    if goldstein is None:
        return "#888"
    if goldstein >= 0:
        return "#2e7d32" if goldstein >= 3 else "#6a9f3a"
    return "#c62828" if goldstein <= -3 else "#e07b24"


def network(graph: Mapping[str, Any], *, width: int = 900, height: int = 640, max_nodes: int = 60) -> Markup:
    """The actor network: node size by events, directed edges coloured by mean Goldstein score."""
    ranked = sorted(graph.get("nodes", []), key=lambda node: (-int(node.get("events") or 0), str(node["id"])))
    nodes = [str(node["id"]) for node in ranked[:max_nodes]]
    if not nodes:
        return Markup('<p class="empty">No events for these filters.</p>')
    kept = set(nodes)
    edges = [e for e in graph.get("edges", []) if str(e["source"]) in kept and str(e["target"]) in kept]
    layout = _layout(nodes, [(str(e["source"]), str(e["target"]), float(e.get("events") or 1)) for e in edges])
    margin = 40
    peak_node = max(int(node.get("events") or 0) for node in ranked[:max_nodes]) or 1
    peak_edge = max((int(e.get("events") or 0) for e in edges), default=1) or 1

    def xy(node: str) -> tuple[float, float]:
        x, y = layout[node]
        return margin + x * (width - 2 * margin), margin + y * (height - 2 * margin)

    parts = [
        f'<svg class="chart network" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="Actor network" xmlns="http://www.w3.org/2000/svg">'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
        'markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>'
    ]
    radius = {}
    for node in ranked[:max_nodes]:
        radius[str(node["id"])] = 6 + 16 * math.sqrt(int(node.get("events") or 0) / peak_node)
    for e in edges:
        source, target = str(e["source"]), str(e["target"])
        if source == target:
            continue
        (x1, y1), (x2, y2) = xy(source), xy(target)
        dist = max(math.hypot(x2 - x1, y2 - y1), 1e-6)
        # Bend the two directions of a dyad apart; stop the arrow at the target circle.
        nx, ny = -(y2 - y1) / dist, (x2 - x1) / dist
        cx, cy = (x1 + x2) / 2 + nx * 18, (y1 + y2) / 2 + ny * 18
        back = radius[target] + 2
        ex, ey = x2 - (x2 - cx) / max(math.hypot(x2 - cx, y2 - cy), 1e-6) * back, y2 - (y2 - cy) / max(
            math.hypot(x2 - cx, y2 - cy), 1e-6
        ) * back
        count = int(e.get("events") or 0)
        mean = e.get("goldstein_mean")
        stroke = 1 + 5 * count / peak_edge
        title = f"{source} → {target}: {count} events" + (
            f", Goldstein mean {float(mean):+.2f}" if mean is not None else ""
        )
        parts.append(
            f'<a href="/dyad/{_a(source)}/{_a(target)}"><path class="edge" d="M{_fmt(x1)},{_fmt(y1)} '
            f'Q{_fmt(cx)},{_fmt(cy)} {_fmt(ex)},{_fmt(ey)}" stroke="{_tone(mean)}" stroke-width="{_fmt(stroke)}" '
            f'marker-end="url(#arrow)" data-source="{_a(source)}" data-target="{_a(target)}" data-events="{count}">'
            f"<title>{_a(title)}</title></path></a>"
        )
    for node in ranked[:max_nodes]:
        name = str(node["id"])
        x, y = xy(name)
        count = int(node.get("events") or 0)
        parts.append(
            f'<a href="/actor/{_a(name)}"><g class="node" data-id="{_a(name)}" data-events="{count}">'
            f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(radius[name])}"/>'
            f'<text x="{_fmt(x)}" y="{_fmt(y + radius[name] + 12)}" text-anchor="middle">{_a(name)}</text>'
            f"<title>{_a(name)}: {count} events</title></g></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
