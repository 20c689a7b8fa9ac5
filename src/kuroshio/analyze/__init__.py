"""Analyses of stored events: dyad time series, top actors and dyads, the actor network, plots."""

from kuroshio.analyze.series import (
    DIRECTIONS,
    FREQS,
    dyad_series,
    dyad_where,
    network,
    period_label,
    top_actors,
    top_dyads,
)

__all__ = [
    "DIRECTIONS",
    "FREQS",
    "dyad_series",
    "dyad_where",
    "network",
    "period_label",
    "top_actors",
    "top_dyads",
]
