"""Plots of a dyad series: a PNG and a self-contained (offline) HTML page."""

from __future__ import annotations

import re

import pytest

from kuroshio.analyze.plot import plot_series
from kuroshio.errors import UsageError


@pytest.fixture
def rows(store, factory):
    specs = [("KOR", "JPN", "042", "2019-07-04"), ("JPN", "KOR", "112", "2019-09-10")]
    store.add(factory.make_document("a", specs))
    return store.dyad_series("KOR", "JPN")


def test_png(rows, tmp_path):
    pytest.importorskip("matplotlib")
    path = plot_series(rows, tmp_path / "series.png", title="KOR - JPN")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_html_bundles_plotly_and_loads_nothing_from_the_network(rows, tmp_path):
    pytest.importorskip("plotly")
    html = plot_series(rows, tmp_path / "series.html", title="KOR - JPN").read_text(encoding="utf-8")
    assert "Plotly.newPlot" in html
    assert "2019-08" in html  # the empty month is drawn too
    assert re.findall(r"<script[^>]*\bsrc=", html) == []  # plotly.js is inlined, not fetched
    assert len(html) > 1_000_000


def test_unknown_plot_suffix(rows, tmp_path):
    with pytest.raises(UsageError, match="png or .html"):
        plot_series(rows, tmp_path / "series.svg")
