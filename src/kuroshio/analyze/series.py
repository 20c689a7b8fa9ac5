"""Dyadic analyses over the ``events`` table: time series, top actors and dyads, the actor network.

Every function takes a DuckDB connection on a store and returns plain dicts (JSON-ready). ``mode`` restricts to one
mode (``"actual"`` by default: planned, hypothetical and negated events did not happen); ``None`` takes all.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from kuroshio.errors import UsageError
from kuroshio.store.filters import Where, actor_condition, add_dates, check_mode, date_bounds
from kuroshio.store.schema import pair_key

FREQS = ("week", "month", "quarter", "year")
DIRECTIONS = ("both", "ab", "ba")
LEVELS = ("country", "actor")
# An event enters a series only when its date is at least as precise as the period (length of the date string).
_MIN_DATE_LENGTH = {"week": 10, "month": 7, "quarter": 7, "year": 4}


def dyad_where(
    a: str,
    b: str,
    *,
    direction: str = "both",
    since: str | None = None,
    until: str | None = None,
    mode: str | None = "actual",
) -> Where:
    """Events from ``a`` to ``b`` (``ab``), from ``b`` to ``a`` (``ba``) or either way (``both``)."""
    if direction not in DIRECTIONS:
        raise UsageError(f"direction must be one of {', '.join(DIRECTIONS)}, not {direction!r}")
    where = Where()
    a, b = a.strip().upper(), b.strip().upper()
    if len(a) == 3 and len(b) == 3:
        # Countries (or non-state groups): the indexed-by-equality pair column, then the direction.
        where.add("pair = ?", pair_key(a, b))
        if direction != "both" and a != b:
            first = a if direction == "ab" else b
            sql, params = actor_condition(first, "source", "source_country")
            where.add(sql, *params)
        _mode_and_dates(where, mode, since, until)
        return where
    src_a, pa_ = actor_condition(a, "source", "source_country")
    tgt_b, pb_ = actor_condition(b, "target", "target_country")
    src_b, pb2 = actor_condition(b, "source", "source_country")
    tgt_a, pa2 = actor_condition(a, "target", "target_country")
    if direction == "ab":
        where.add(f"{src_a} AND {tgt_b}", *pa_, *pb_)
    elif direction == "ba":
        where.add(f"{src_b} AND {tgt_a}", *pb2, *pa2)
    else:
        where.add(f"(({src_a} AND {tgt_b}) OR ({src_b} AND {tgt_a}))", *pa_, *pb_, *pb2, *pa2)
    _mode_and_dates(where, mode, since, until)
    return where


def _mode_and_dates(where: Where, mode: str | None, since: str | None, until: str | None) -> None:
    if mode:
        check_mode(mode)
        where.add("mode = ?", mode)
    add_dates(where, since, until)


def period_start(day: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    return dt.date(day.year, 1, 1)


def next_period(start: dt.date, freq: str) -> dt.date:
    if freq == "week":
        return start + dt.timedelta(days=7)
    if freq == "year":
        return dt.date(start.year + 1, 1, 1)
    months = 1 if freq == "month" else 3
    m = start.month - 1 + months
    return dt.date(start.year + m // 12, m % 12 + 1, 1)


def period_label(start: dt.date, freq: str) -> str:
    """'2025-W33', '2025-08', '2025-Q3' or '2025'."""
    if freq == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if freq == "month":
        return f"{start.year}-{start.month:02d}"
    if freq == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    freq: str = "month",
    direction: str = "both",
    since: str | None = None,
    until: str | None = None,
    mode: str | None = "actual",
    fill: bool = True,
) -> list[dict[str, Any]]:
    """One row per period from the first to the last (or ``since`` to ``until``), empty periods included.

    With ``fill=False`` only the periods that have events are returned.

    Row: ``{"period", "start", "events", "q1".."q4", "goldstein_mean", "goldstein_sum"}``; ``goldstein_mean`` is
    None for a period without events. Events dated less precisely than the period (a 'YYYY' date in a month series)
    are left out.
    """
    if freq not in FREQS:
        raise UsageError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    where = dyad_where(a, b, direction=direction, since=since, until=until, mode=mode)
    where.add("day IS NOT NULL AND date_len >= ?", _MIN_DATE_LENGTH[freq])
    # Grouping by (period, quad class) with plain count/sum is much cheaper than FILTER aggregates; rows are
    # assembled here.
    sql = f"""SELECT date_trunc('{freq}', day)::DATE AS p, quad_class, count(*), sum(goldstein)
        FROM events {where.sql()} GROUP BY p, quad_class"""
    found: dict[dt.date, list[Any]] = {}
    for p, quad, n, total in con.execute(sql, where.params).fetchall():
        cell = found.setdefault(p, [0, 0, 0, 0, 0, 0.0])
        cell[0] += n
        if quad in (1, 2, 3, 4):
            cell[quad] += n
        cell[5] += total or 0.0
    starts = sorted(found)
    first = period_start(date_bounds(since, name="since")[0], freq) if since else (starts[0] if starts else None)
    last = period_start(date_bounds(until, name="until")[1], freq) if until else (starts[-1] if starts else None)
    if first is None or last is None:
        return []
    rows: list[dict[str, Any]] = []
    start = first
    while start <= last:
        n, q1, q2, q3, q4, total = found.get(start, (0, 0, 0, 0, 0, 0.0))
        if not n and not fill:
            start = next_period(start, freq)
            continue
        mean = total / n if n else None
        rows.append(
            {
                "period": period_label(start, freq),
                "start": start.isoformat(),
                "events": int(n),
                "q1": int(q1),
                "q2": int(q2),
                "q3": int(q3),
                "q4": int(q4),
                "goldstein_mean": round(float(mean), 4) if mean is not None else None,
                "goldstein_sum": round(float(total or 0.0), 4),
            }
        )
        start = next_period(start, freq)
    return rows


def _level_columns(level: str) -> tuple[str, str]:
    if level not in LEVELS:
        raise UsageError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return ("source_country", "target_country") if level == "country" else ("source", "target")


def _base_where(since: str | None, until: str | None, mode: str | None) -> Where:
    where = Where()
    if mode:
        check_mode(mode)
        where.add("mode = ?", mode)
    add_dates(where, since, until)
    return where


def _edges(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None,
    until: str | None,
    mode: str | None,
    level: str,
    domestic: bool,
    min_count: int = 1,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    src, tgt = _level_columns(level)
    where = _base_where(since, until, mode)
    where.add(f"{src} IS NOT NULL AND {tgt} IS NOT NULL")
    if not domestic:
        where.add(f"{src} <> {tgt}")
    sql = (
        f"SELECT {src}, {tgt}, count(*) AS n, avg(goldstein) FROM events {where.sql()} "
        f"GROUP BY {src}, {tgt} HAVING count(*) >= ? ORDER BY n DESC, {src}, {tgt}"
    )
    params = [*where.params, int(min_count)]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [
        {"source": s, "target": t, "events": int(n), "goldstein_mean": round(float(g), 4)}
        for s, t, n, g in con.execute(sql, params).fetchall()
    ]


def network(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    mode: str | None = "actual",
    min_count: int = 1,
    level: str = "country",
    domestic: bool = True,
) -> dict[str, list[dict[str, Any]]]:
    """``{"nodes": [{"id", "events"}], "edges": [{"source", "target", "events", "goldstein_mean"}]}``.

    Nodes are the actors of the edges kept (``min_count`` or more events); a node's ``events`` counts the kept
    events it takes part in. ``level="country"`` merges actors by country (events without one are left out).
    """
    edges = _edges(con, since=since, until=until, mode=mode, level=level, domestic=domestic, min_count=min_count)
    weight: dict[str, int] = {}
    for e in edges:
        weight[e["source"]] = weight.get(e["source"], 0) + e["events"]
        if e["target"] != e["source"]:
            weight[e["target"]] = weight.get(e["target"], 0) + e["events"]
    nodes = [{"id": k, "events": v} for k, v in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))]
    return {"nodes": nodes, "edges": edges}


def top_dyads(
    con: duckdb.DuckDBPyConnection,
    n: int = 10,
    *,
    since: str | None = None,
    until: str | None = None,
    mode: str | None = "actual",
    level: str = "country",
    domestic: bool = False,
) -> list[dict[str, Any]]:
    """The ``n`` directed dyads with most events (international ones only unless ``domestic``)."""
    return _edges(con, since=since, until=until, mode=mode, level=level, domestic=domestic, limit=n)


def top_actors(
    con: duckdb.DuckDBPyConnection,
    n: int = 10,
    *,
    since: str | None = None,
    until: str | None = None,
    mode: str | None = "actual",
    level: str = "country",
) -> list[dict[str, Any]]:
    """The ``n`` actors taking part in most events: actor, events, as_source, as_target, goldstein_mean."""
    src, tgt = _level_columns(level)
    where = _base_where(since, until, mode)
    sql = f"""SELECT actor, count(*) AS n, sum(s), sum(t), avg(goldstein) FROM (
            SELECT {src} AS actor, 1 AS s, 0 AS t, goldstein FROM events {where.sql()}
            UNION ALL
            SELECT {tgt} AS actor, 0 AS s, 1 AS t, goldstein FROM events {where.sql()}
        ) WHERE actor IS NOT NULL GROUP BY actor ORDER BY n DESC, actor LIMIT ?"""
    params = [*where.params, *where.params, int(n)]
    return [
        {"actor": a, "events": int(k), "as_source": int(s), "as_target": int(t), "goldstein_mean": round(float(g), 4)}
        for a, k, s, t, g in con.execute(sql, params).fetchall()
    ]
