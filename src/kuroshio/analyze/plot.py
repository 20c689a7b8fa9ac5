"""Draw a dyad series: a PNG (matplotlib) or an interactive offline HTML page (plotly, JavaScript bundled).

Both need the ``plot`` extra (``pip install kuroshio[plot]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kuroshio.errors import UsageError

QUAD_NAMES = {
    "q1": "verbal cooperation",
    "q2": "material cooperation",
    "q3": "verbal conflict",
    "q4": "material conflict",
}
QUAD_COLORS = {"q1": "#74add1", "q2": "#4575b4", "q3": "#f46d43", "q4": "#a50026"}


def plot_series(rows: list[dict[str, Any]], path: str | Path, *, title: str = "") -> Path:
    """Write the series (rows of :func:`kuroshio.analyze.dyad_series`) to ``path`` (.png or .html)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".png":
        _png(rows, path, title)
    elif suffix in (".html", ".htm"):
        _html(rows, path, title)
    else:
        raise UsageError(f"{path}: plot file must end in .png or .html")
    return path


def _png(rows: list[dict[str, Any]], path: Path, title: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg", force=False)
        import matplotlib.pyplot as plt
    except ImportError:
        raise UsageError("PNG plots need matplotlib: pip install 'kuroshio[plot]'") from None
    labels = [r["period"] for r in rows]
    x = range(len(rows))
    fig, ax = plt.subplots(figsize=(min(14.0, max(6.0, 0.35 * len(rows) + 2)), 4.5))
    try:
        bottom = [0] * len(rows)
        for key, name in QUAD_NAMES.items():
            values = [r[key] for r in rows]
            ax.bar(x, values, bottom=bottom, label=name, color=QUAD_COLORS[key], width=0.8)
            bottom = [b + v for b, v in zip(bottom, values, strict=True)]
        ax.set_ylabel("events")
        step = max(1, len(rows) // 20)
        ax.set_xticks(list(x)[::step], labels[::step], rotation=45, ha="right")
        twin = ax.twinx()
        means = [r["goldstein_mean"] if r["goldstein_mean"] is not None else float("nan") for r in rows]
        twin.plot(list(x), means, color="black", marker="o", linewidth=1.5, label="mean Goldstein")
        twin.axhline(0, color="grey", linewidth=0.5)
        twin.set_ylim(-10.5, 10.5)
        twin.set_ylabel("mean Goldstein")
        handles, names = ax.get_legend_handles_labels()
        h2, n2 = twin.get_legend_handles_labels()
        ax.legend(handles + h2, names + n2, loc="upper left", fontsize="small")
        ax.set_title(title)
        fig.tight_layout()
        fig.savefig(path, dpi=120)
    finally:
        plt.close(fig)


def _html(rows: list[dict[str, Any]], path: Path, title: str) -> None:
    try:
        import plotly.graph_objects as go
        from plotly.subplots import make_subplots
    except ImportError:
        raise UsageError("HTML plots need plotly: pip install 'kuroshio[plot]'") from None
    labels = [r["period"] for r in rows]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    for key, name in QUAD_NAMES.items():
        fig.add_trace(go.Bar(x=labels, y=[r[key] for r in rows], name=name, marker_color=QUAD_COLORS[key]))
    fig.add_trace(
        go.Scatter(
            x=labels, y=[r["goldstein_mean"] for r in rows], name="mean Goldstein", mode="lines+markers",
            line={"color": "black"}, connectgaps=False,
        ),
        secondary_y=True,
    )  # fmt: skip
    fig.update_layout(barmode="stack", title=title, template="plotly_white")
    fig.update_yaxes(title_text="events", secondary_y=False)
    fig.update_yaxes(title_text="mean Goldstein", range=[-10.5, 10.5], secondary_y=True)
    fig.write_html(str(path), include_plotlyjs=True, full_html=True)
