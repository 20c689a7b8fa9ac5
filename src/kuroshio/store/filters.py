"""Event filters as parameterized SQL: the one place that turns query arguments into a WHERE clause."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from kuroshio.errors import UsageError
from kuroshio.model import MODES
from kuroshio.store.schema import pair_key

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CAMEO = re.compile(r"^\d{1,4}$")


def date_bounds(value: str, *, name: str = "date") -> tuple[dt.date, dt.date]:
    """The first and last day of the period a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' string names."""
    m = _DATE.match(value.strip())
    if not m:
        raise UsageError(f"{name} must look like YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), 1), dt.date(year, int(month), last)
        d = dt.date(year, int(month), int(day))
    except ValueError:
        raise UsageError(f"{name} is not a valid date: {value!r}") from None
    return d, d


def actor_condition(value: str, code_col: str, country_col: str) -> tuple[str, list[Any]]:
    """``value`` matches a full actor code, or, when it has three letters, also the country column."""
    value = value.strip().upper()
    if not value:
        raise UsageError("an actor code must not be empty")
    if len(value) == 3:
        return f"({code_col} = ? OR {country_col} = ?)", [value, value]
    return f"{code_col} = ?", [value]


@dataclass(slots=True)
class Where:
    """Accumulates AND-ed conditions and their parameters."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.parts)) if self.parts else ""


def check_mode(mode: str | None) -> None:
    if mode is not None and mode not in MODES:
        raise UsageError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")


def event_where(
    *,
    source: str | None = None,
    target: str | None = None,
    code: str | None = None,
    root: str | None = None,
    quad_class: int | None = None,
    mode: str | None = None,
    since: str | None = None,
    until: str | None = None,
    doc: str | None = None,
    q: str | None = None,
) -> Where:
    """The WHERE clause over the ``events`` table for the documented filters (see Store.events)."""
    where = Where()
    if source and target and len(source.strip()) == 3 and len(target.strip()) == 3:
        # Redundant with the two conditions below, but lets DuckDB skip the blocks of other dyads.
        where.add("pair = ?", pair_key(source.strip().upper(), target.strip().upper()))
    if source:
        sql, params = actor_condition(source, "source", "source_country")
        where.add(sql, *params)
    if target:
        sql, params = actor_condition(target, "target", "target_country")
        where.add(sql, *params)
    if code:
        if not _CAMEO.match(code):
            raise UsageError(f"code must be a CAMEO code or prefix of digits, not {code!r}")
        where.add("starts_with(cameo, ?)", code)
    if root:
        if not _CAMEO.match(root):
            raise UsageError(f"root must be a two-digit CAMEO root, not {root!r}")
        where.add("root = ?", root.zfill(2))
    if quad_class is not None:
        if quad_class not in (1, 2, 3, 4):
            raise UsageError(f"quad class must be 1, 2, 3 or 4, not {quad_class!r}")
        where.add("quad_class = ?", int(quad_class))
    if mode:
        check_mode(mode)
        where.add("mode = ?", mode)
    add_dates(where, since, until)
    if doc:
        where.add("doc = ?", doc)
    if q:
        needle = q.strip().lower()
        where.add(
            "(contains(lower(sentence), ?) OR contains(lower(source_text), ?) OR contains(lower(target_text), ?))",
            needle, needle, needle,
        )  # fmt: skip
    return where


def add_dates(where: Where, since: str | None, until: str | None) -> None:
    """Events whose date's first day falls in [first day of ``since``, last day of ``until``]."""
    if since:
        where.add("day >= ?", date_bounds(since, name="since")[0])
    if until:
        where.add("day <= ?", date_bounds(until, name="until")[1])
