"""Chinese date expressions resolved against the publication date."""

from __future__ import annotations

import pytest

from kuroshio.events.dates import dateline_date, find_dates, is_after, parse_number


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("2025年8月23日", "2025-08-23", "day"),
        ("二〇二五年十月", "2025-10", "month"),
        ("1965年", "1965", "year"),
        ("8月23日", "2025-08-23", "day"),
        ("廿五日", "2025-08-25", "day"),
        ("二十五日", "2025-08-25", "day"),
        ("23日", "2025-08-23", "day"),
        ("昨日", "2025-08-26", "day"),
        ("前天", "2025-08-25", "day"),
        ("明天", "2025-08-28", "day"),
        ("上週", "2025-08-20", "week"),
        ("數日後", "2025-08-30", "week"),
        ("八月下旬", "2025-08", "month"),
        ("上個月", "2025-07", "month"),
        ("今年", "2025", "year"),
        ("去年", "2024", "year"),
        ("去年11月", "2024-11", "month"),
        ("三天前", "2025-08-24", "day"),
        ("兩週後", "2025-09-10", "week"),
        ("兩個月前", "2025-06", "month"),
        ("一年前", "2024", "year"),
        ("今年3月5日", "2025-03-05", "day"),
        ("日前", "2025-08-27", "week"),
    ],
)
def test_dates_resolve_against_the_publication_date(text: str, value: str, precision: str) -> None:
    from kuroshio.normalize.script import to_simplified

    shadow = to_simplified(text)
    found = find_dates(shadow, 0, len(shadow), "2025-08-27")
    assert [(d.value, d.precision) for d in found] == [(value, precision)]
    assert (found[0].start, found[0].end) == (0, len(text))


@pytest.mark.parametrize("text", ["日本", "1990年代", "13日本人", "第三十九届"])
def test_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, 0, len(text), "2025-08-27") == []


def test_a_month_well_after_the_publication_month_is_last_year() -> None:
    assert [d.value for d in find_dates("12月", 0, 3, "2026-02-20")] == ["2025-12"]
    assert [d.value for d in find_dates("3月", 0, 2, "2026-02-20")] == ["2026-03"]


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("昨天", 0, 2, None) == []
    assert [d.value for d in find_dates("2024年5月", 0, 7, None)] == ["2024-05"]


def test_january_minus_one_month_is_december_of_the_year_before() -> None:
    assert [d.value for d in find_dates("上月", 0, 2, "2026-01-04")] == ["2025-12"]


@pytest.mark.parametrize(("text", "number"), [("十二", 12), ("三十一", 31), ("廿五", 25), ("卅", 30), ("２５", 25),
                                              ("二〇二五", 2025), ("十", 10), ("九", 9)])
def test_parse_number(text: str, number: int) -> None:
    assert parse_number(text) == number


def test_parse_number_refuses_garbage() -> None:
    assert parse_number("十十") is None


def test_is_after_compares_at_the_coarser_precision() -> None:
    assert is_after("2025-08-25", "2025-08-23")
    assert not is_after("2025-08", "2025-08-23")
    assert is_after("2025-09", "2025-08-23")
    assert not is_after("2025-08-23", None)


def test_the_prefiltered_scan_finds_what_the_plain_pattern_finds() -> None:
    from kuroshio.events.dates import _SCAN, DATE_PATTERN

    text = (
        "据报道，今年3月5日上午，外长于2024年10月访问首尔；12日晚又在东京会见日方。两国于去年上旬、"
        "二〇二三年八月下旬和廿五日三次会谈，数日后再谈，最近三天前也谈过。1990年代以来，本周和下个月各有一轮。"
    )
    for start, end in [(0, len(text)), (3, 40), (10, 11), (25, len(text) - 3)]:
        plain = [(m.span(), m.lastgroup) for m in DATE_PATTERN.finditer(text, start, end)]
        assert [(m.span(), m.lastgroup) for m in _SCAN.finditer(text, start, end)] == plain
    assert len(list(_SCAN.finditer(text))) >= 10


def test_lazy_dates_find_what_the_full_scan_finds() -> None:
    """The character pre-check of LazyDates never hides a date expression: same matches, same resolved dates."""
    import random

    from kuroshio.events.dates import _RELATIVE, _SCAN, LazyDates, parse_base, resolve

    alphabet = "0123二十五年月日号天周星期个前后以之今去明上下昨最近本数几初底旬中，。的会" + "".join(_RELATIVE)
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        lazy = LazyDates(text, 0, len(text), "2025-08-23")
        assert [m.span() for m in lazy.matches] == [m.span() for m in _SCAN.finditer(text, 0, len(text))]
        assert [lazy.value(i) for i in range(len(lazy.matches))] == [
            resolve(m, parse_base("2025-08-23")) for m in lazy.matches
        ]


@pytest.mark.parametrize(
    ("shadow", "published", "expected"),
    [
        ("韩美日发表声明\n\n新华社首尔9月3日电 韩国联合参谋本部3日称", "2025-10-10", "2025-09-03"),
        ("中新社北京12月30日电 外交部发言人", "2026-01-02", "2025-12-30"),  # the nearest such day
        ("本报东京2024年5月1日讯 日本政府", None, "2024-05-01"),
        ("新华社北京9月3日电 外交部", None, None),  # no year anywhere
        ("外交部发言人9月3日表示", "2025-10-10", None),  # a date in the body, not a dateline
    ],
)
def test_a_news_agency_dateline_gives_the_day_the_text_counts_from(
    shadow: str, published: str | None, expected: str | None
) -> None:
    assert dateline_date(shadow, published) == expected
