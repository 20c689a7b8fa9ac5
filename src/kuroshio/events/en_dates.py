"""Dates in English text, resolved against the publication date.

Absolute dates ("August 23", "23 August 2025", "Aug. 23", "in August", "in 2019"), weekdays ("on Monday"),
and relative expressions ("yesterday", "last week", "next month", "early next year") become ``(date, precision)``
with precision ``day``, ``week``, ``month`` or ``year``. A week is dated by its Monday.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MONTH = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_DATE = re.compile(
    r"\b(?:"
    + _MONTH.format(n="m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    + r"|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format(n="m2") + r"(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    + r"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    + r"|(?P<rel>(?i:yesterday|today|tomorrow|tonight))"
    + r"|(?:(?P<qual>(?i:early|late|mid|earlier|later))[- ])?"
    + r"(?P<when>(?i:last|next|this|past|coming))\s+(?P<unit>week|month|year|weekend)\b"
    + r"|(?:(?P<qual2>(?i:early|late|mid|earlier|later))[- ](?:in\s+)?|in\s+|(?P<when3>(?i:last|next|this|coming))\s+)?"
    + _MONTH.format(n="m3") + r"(?:\s+(?P<y3>(?:19|20)\d\d))?\b"
    + r"|\bin\s+(?P<y4>(?:19|20)\d\d)\b"
    + r")",
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str
    precision: str
    relative: bool = False  # a weekday, "yesterday", "last week": only as good as the anchor's day


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    parts = value.split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


_CUE = re.compile(  # the lookahead only skips positions no cue can start at (a faster scan, the same matches)
    r"(?=[JFMASONDTWYELPCjfmasondtwyelnpci\d])"
    r"\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"(?i:yesterday|today|tomorrow|tonight|early|late|mid|earlier|later)\b|"
    r"(?i:last|next|this|past|coming)\s+(?:week|month|year|(?-i:[JFMASOND]))|in\s+(?=[A-Z12])|\d{1,2}\s+[A-Z])"
)


def date_matches(text: str) -> list[tuple[re.Match[str], bool]]:
    """The date expressions of ``text``, unresolved, each with whether it is relative (a weekday, "yesterday", "last
    week"): ``find_dates`` resolves them. Only positions with a cue word (a month, a weekday, a digit, "last", ...)
    are tried, which keeps the scan cheap on sentences without dates; a caller that resolves one text in several
    ways (``future``, ``past``) scans it once."""
    found: list[tuple[re.Match[str], bool]] = []
    taken = 0
    for cue in _CUE.finditer(text):
        if cue.start() < taken:
            continue
        m = _DATE.match(text, cue.start())
        if m is None or m.end() == m.start():
            continue
        taken = m.end()
        found.append((m, bool(m.group("wd") or m.group("rel") or m.group("unit") or m.group("when3"))))
    return found


def find_dates(
    text: str, anchor: date | None, *, offset: int = 0, future: bool = False, day_known: bool = True,
    past: bool = False, matches: list[tuple[re.Match[str], bool]] | None = None,
) -> list[DateMention]:
    """Date expressions in ``text`` (spans shifted by ``offset``), resolved against ``anchor``.

    ``future`` resolves a bare weekday forward (planned events) instead of backward; ``past`` resolves a month or
    month-day without a year to its last occurrence up to the anchor (a verb in the past tense: "lodged a protest in
    July", told in June, was last July). Expressions that need an anchor
    are skipped when there is none; when only the anchor's year is known (``day_known=False``), weekdays and
    relative expressions are skipped and a month-day takes the anchor's year. ``matches``: ``date_matches(text)``
    when the caller has it already.
    """
    found: list[DateMention] = []
    for m, relative in date_matches(text) if matches is None else matches:
        if relative and not day_known:
            continue
        value = _resolve(m, anchor if day_known or m.group("y1") or m.group("y2") else None, future=future, past=past)
        if value is None and not day_known and anchor is not None:
            value = _resolve(m, date(anchor.year, 7, 1), future=future)  # mid-year: no shift to another year
        if value is not None:
            found.append(DateMention(m.start() + offset, m.end() + offset, value[0], value[1], relative))
    return found


def _resolve(m: re.Match[str], anchor: date | None, *, future: bool, past: bool = False) -> tuple[str, str] | None:
    g = m.groupdict()
    month_name = g["m1"] or g["m2"]
    if month_name:
        if month_name == "May" and g["d1"] is None and g["d2"] is None:
            return None
        day = int(g["d1"] or g["d2"])
        year_text = g["y1"] or g["y2"]
        year = int(year_text) if year_text else (anchor.year if anchor else None)
        if year is None:
            return None
        try:
            value = date(year, _month(month_name), day)
        except ValueError:
            return None
        if not year_text and anchor is not None:
            # a month-day without a year: the nearest such date to the anchor
            if (value - anchor).days > 183:
                value = value.replace(year=year - 1)
            elif (anchor - value).days > 183:
                value = value.replace(year=year + 1)
            if past and value > anchor:
                try:
                    value = value.replace(year=value.year - 1)
                except ValueError:  # February 29
                    return None
        return value.isoformat(), "day"
    if g["wd"]:
        if anchor is None:
            return None
        delta = (WEEKDAYS[g["wd"].lower()] - anchor.weekday()) % 7
        value = anchor + timedelta(days=delta) if future else anchor - timedelta(days=(7 - delta) % 7)
        return value.isoformat(), "day"
    if g["rel"]:
        if anchor is None:
            return None
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g["rel"].lower()]
        return (anchor + timedelta(days=shift)).isoformat(), "day"
    if g["unit"]:
        if anchor is None:
            return None
        step = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}[g["when"].lower()]
        unit = g["unit"].lower()
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
            return monday.isoformat(), "week"
        if unit == "weekend":  # "this weekend": the Saturday of the anchor's week ("last weekend": the one before)
            saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5, weeks=step)
            return saturday.isoformat(), "day"
        if unit == "month":
            month = anchor.month - 1 + step
            return f"{anchor.year + month // 12:04d}-{month % 12 + 1:02d}", "month"
        return f"{anchor.year + step:04d}", "year"
    if g["m3"]:
        name = g["m3"]
        if name.lower().rstrip(".") == "may" and not g["y3"] and not m.group(0).lower().startswith("in"):
            return None  # the modal verb
        if len(name) <= 4 and not name.endswith(".") and not g["y3"] and m.group(0) == name:
            return None  # a bare "Jun", "Mar": a name ("Dong Jun"), not a month, unless "in Jun", "Jun 2024", "Jun."
        if not m.group(0)[:1].isupper() and not m.group(0).lower().startswith(("in", "early", "late", "mid")) \
                and not g["when3"]:
            return None
        month = _month(name)
        if g["y3"]:
            return f"{int(g['y3']):04d}-{month:02d}", "month"
        if anchor is None:
            return None
        year = anchor.year
        when = (g["when3"] or "").lower()
        if when == "last":  # "last November": the latest November before the anchor's month
            return f"{year - (month >= anchor.month):04d}-{month:02d}", "month"
        if when in ("next", "coming"):  # "next March": the first March after the anchor's month
            return f"{year + (month <= anchor.month):04d}-{month:02d}", "month"
        if when == "this":
            return f"{year:04d}-{month:02d}", "month"
        if (month - anchor.month > 6 and not future) or (past and month > anchor.month):
            year -= 1
        elif anchor.month - month > 6 and future:
            year += 1
        return f"{year:04d}-{month:02d}", "month"
    if g["y4"]:
        return g["y4"], "year"
    return None


def nearest_date(dates: list[DateMention], position: int, start: int, end: int) -> DateMention | None:
    """The date expression in ``[start, end)`` nearest to ``position`` (None when there is none)."""
    inside = [d for d in dates if d.start >= start and d.end <= end]
    if not inside:
        return None
    return min(inside, key=lambda d: abs(d.start - position))
