"""SVG charts: one point per period with events, bars per quad class, sparklines and network elements."""

from __future__ import annotations

import re

from kuroshio.web.charts import network, sparkline, trajectory


def _row(period, events, q, mean):
    counts = {f"q{i}": 0 for i in range(1, 5)}
    counts[f"q{q}"] = events
    return {"period": period, "events": events, **counts, "goldstein_mean": mean, "goldstein_sum": None}


def test_trajectory_points_and_bars():
    series = [_row("2025-01", 2, 1, 3.0), _row("2025-02", 0, 1, None), _row("2025-03", 5, 4, -9.5)]
    svg = str(trajectory(series))
    points = re.findall(r'<circle class="point"[^>]*data-period="([^"]+)"[^>]*data-value="([^"]+)"', svg)
    assert points == [("2025-01", "3.00"), ("2025-03", "-9.50")]
    assert svg.count('class="bar q1"') == 1 and svg.count('class="bar q4"') == 1
    # Higher Goldstein is drawn higher (smaller y).
    ys = [float(y) for y in re.findall(r'<circle class="point" cx="[^"]+" cy="([^"]+)"', svg)]
    assert ys[0] < ys[1]


def test_trajectory_without_data():
    assert "No events" in str(trajectory([]))


def test_sparkline():
    svg = str(sparkline([0, 3, 1]))
    assert svg.count('class="spark-point"') == 3
    assert "spark empty" in str(sparkline([]))


def test_network_is_deterministic_and_escaped():
    graph = {
        "nodes": [{"id": "KOR", "events": 5}, {"id": "JPN", "events": 3}, {"id": "<X>", "events": 1}],
        "edges": [
            {"source": "KOR", "target": "JPN", "events": 3, "goldstein_mean": 2.0},
            {"source": "JPN", "target": "KOR", "events": 1, "goldstein_mean": -4.0},
            {"source": "<X>", "target": "KOR", "events": 1, "goldstein_mean": None},
        ],
    }
    svg = str(network(graph))
    assert svg == str(network(graph))
    assert svg.count('class="node"') == 3
    assert svg.count('class="edge"') == 3
    assert "<X>" not in svg and "&lt;X&gt;" in svg
    assert "No events" in str(network({"nodes": [], "edges": []}))
