"""English date expressions resolved against the publication date (2025-11-27 is a Thursday)."""

from __future__ import annotations

import pytest

from kuroshio.events.en_dates import date_matches, find_dates, nearest_date, parse_date

ANCHOR = parse_date("2025-11-27")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("on Monday", "2025-11-24", "day"),
        ("on Thursday", "2025-11-27", "day"),
        ("yesterday", "2025-11-26", "day"),
        ("Today, the ministry", "2025-11-27", "day"),
        ("tomorrow", "2025-11-28", "day"),
        ("August 23", "2025-08-23", "day"),
        ("23 August 2024", "2024-08-23", "day"),
        ("Aug. 23", "2025-08-23", "day"),
        ("Dec. 8", "2025-12-08", "day"),
        ("January 5", "2026-01-05", "day"),
        ("on 12 July 2023", "2023-07-12", "day"),
        ("last week", "2025-11-17", "week"),
        ("next week", "2025-12-01", "week"),
        ("last month", "2025-10", "month"),
        ("next month", "2025-12", "month"),
        ("early next year", "2026", "year"),
        ("this year", "2025", "year"),
        ("in August", "2025-08", "month"),
        ("in March 2019", "2019-03", "month"),
        ("in 2019", "2019", "year"),
        ("since their meeting last November", "2024-11", "month"),
        ("last March", "2025-03", "month"),
        ("next March", "2026-03", "month"),
        ("next December", "2025-12", "month"),
        ("this December", "2025-12", "month"),
        ("starts a visit this weekend", "2025-11-29", "day"),
        ("last weekend", "2025-11-22", "day"),
    ],
)
def test_resolves(text: str, value: str, precision: str) -> None:
    found = find_dates(text, ANCHOR)
    assert [(d.value, d.precision) for d in found] == [(value, precision)]


def test_future_weekday() -> None:
    assert find_dates("on Monday", ANCHOR, future=True)[0].value == "2025-12-01"


@pytest.mark.parametrize(
    "text", ["They may meet.", "the 1965 treaty", "No date here.", "May I ask?", "met Defense Minister Dong Jun"]
)
def test_no_date(text: str) -> None:
    assert find_dates(text, ANCHOR) == []


def test_offsets_and_nearest() -> None:
    text = "From March 10 to March 21 the drills ran."
    found = find_dates(text, parse_date("2025-03-07"), offset=100)
    assert [(d.start, d.end) for d in found] == [(105, 113), (117, 125)]
    assert all(text[d.start - 100 : d.end - 100].startswith("March") for d in found)
    assert nearest_date(found, 116, 100, 141).value == "2025-03-21"
    assert nearest_date(found, 100, 130, 141) is None


def test_relative_dates_need_an_anchor() -> None:
    assert find_dates("yesterday", None) == []
    assert find_dates("on 12 July 2023", None)[0].value == "2023-07-12"


def test_parse_date() -> None:
    assert parse_date("2025-08") is not None and parse_date("2025-08").day == 1
    assert parse_date("nonsense") is None and parse_date(None) is None


def test_year_only_anchor() -> None:
    anchor = parse_date("2025")
    assert find_dates("on Monday", anchor, day_known=False) == []
    assert [d.value for d in find_dates("on August 3", anchor, day_known=False)] == ["2025-08-03"]
    assert [d.value for d in find_dates("in March", anchor, day_known=False)] == ["2025-03"]


@pytest.mark.parametrize("future", [False, True])
@pytest.mark.parametrize("past", [False, True])
def test_one_scan_resolves_every_way(future: bool, past: bool) -> None:
    """A sentence read once (``date_matches``) resolves near, future and past dates as a fresh read does."""
    text = "On Monday, after talks last week and a call on July 4, officials said they would meet in August."
    scan = date_matches(text)
    assert find_dates(text, ANCHOR, future=future, past=past, matches=scan) == find_dates(
        text, ANCHOR, future=future, past=past
    )
    assert find_dates(text, ANCHOR, day_known=False, matches=scan) == find_dates(text, ANCHOR, day_known=False)
