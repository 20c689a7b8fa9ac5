"""Dates in Chinese text: absolute (2025年8月23日, 8月23日, 廿五日) and relative to the publication date (昨日, 前天,
上週, 數日後, 八月下旬, 今年, 去年, 日前), resolved to ``(date, precision)`` as in DESIGN.md §3.

Found with one regular expression over the Simplified shadow of a sentence; numerals may be Arabic, full-width or
Chinese (二十五, 廿五, 二〇二五).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _relative_words() -> dict[str, tuple[str, int, str]]:
    """The relative date words of ``data/triggers/zh_dates.tsv``: word -> (unit, offset, precision)."""
    text = resources.files("kuroshio.data").joinpath("triggers/zh_dates.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {word: (unit, int(offset), precision) for word, unit, offset, precision in rows[1:]}


# relative word -> (unit, offset, precision)
_RELATIVE: dict[str, tuple[str, int, str]] = _relative_words()

_NUM = r"[0-9０-９〇零一二三四五六七八九十廿卅两]{1,4}"
_YEAR = r"[12][0-9]{3}|[12１２][０-９]{3}|[一二][〇零一二三四五六七八九]{3}"

DATE_PATTERN = re.compile(
    rf"(?P<rym>(?P<ry>今年|去年|明年|前年)(?P<rm>{_NUM})月(?:(?P<rd>{_NUM})[日号])?(?P<rpart>上旬|中旬|下旬|初|底)?)"
    rf"|(?P<ymd>(?P<y>{_YEAR})年(?:(?P<m>{_NUM})月(?:(?P<d>{_NUM})[日号])?(?P<ympart>上旬|中旬|下旬|初|底)?)?)(?!代)"
    rf"|(?P<md>(?P<m2>{_NUM})月(?:(?P<d2>{_NUM})[日号]|(?P<part>上旬|中旬|下旬|初|底|中)?))"
    rf"|(?P<dd>(?<![0-9０-９])(?P<d3>{_NUM})[日号](?![本元圆语文方军相韩美媒台中朝俄报电]))"
    rf"|(?P<dur>(?P<n>{_NUM}|数|几)(?P<unit>天|日|周|星期|个星期|个月|年)(?P<dir>以前|之前|以后|之后|前|后))"
    rf"|(?P<rel>{'|'.join(map(re.escape, _RELATIVE))})"
)

# Every character a DATE_PATTERN match can start with (the first of each alternative). Python's re tries all six
# alternatives at every position; this lookahead rejects the other positions at once (same matches, ~3x faster).
_STARTS = "0-9０-９〇零一二三四五六七八九十廿卅两数几" + "".join(sorted({word[0] for word in _RELATIVE}))
_SCAN = re.compile(f"(?=[{_STARTS}])(?:{DATE_PATTERN.pattern})")

# Every DATE_PATTERN match holds one of these characters (a unit of the numeric forms, one character of each relative
# word): a text with none of them has no date expression, found by one character-class search.
_UNIT_CHARS = "月年日号天周星"
_ANCHORS = re.compile(
    "["
    + re.escape("".join(sorted(set(_UNIT_CHARS) | {
        next((c for c in word if c in _UNIT_CHARS), word[0]) for word in _RELATIVE
    })))
    + "]"
)

_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "两": 2}
_FULL = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY-MM-DD | YYYY-MM | YYYY
    precision: str  # day | week | month | year


def parse_number(text: str) -> int | None:
    """An integer from Arabic, full-width or Chinese numerals (二十五, 廿五, 十二, 二〇二五); None when unreadable."""
    text = text.translate(_FULL)
    if text.isdigit():
        return int(text)
    if all(c in _DIGITS for c in text):  # digit by digit: 二〇二五
        return int("".join(str(_DIGITS[c]) for c in text))
    total, rest = 0, text
    if rest.startswith("廿"):
        total, rest = 20, rest[1:]
    elif rest.startswith("卅"):
        total, rest = 30, rest[1:]
    elif "十" in rest:
        tens, _, rest = rest.partition("十")
        if tens and tens not in _DIGITS:
            return None
        total = (_DIGITS[tens] if tens else 1) * 10
    if rest:
        if len(rest) != 1 or rest not in _DIGITS:
            return None
        total += _DIGITS[rest]
    return total or None


@lru_cache(maxsize=1024)  # once per document date, not once per sentence
def parse_base(date: str | None) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of a YYYY[-MM[-DD]] publication date."""
    if not date:
        return None
    parts = date.split("-")
    try:
        nums = [int(p) for p in parts]
    except ValueError:
        return None
    return (nums[0], nums[1] if len(nums) > 1 else None, nums[2] if len(nums) > 2 else None)


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is not None:
        try:
            dt.date(y, m or 1, d)
        except ValueError:
            return False
    return 1800 <= y <= 2200


def resolve(match: re.Match[str], base: tuple[int, int | None, int | None] | None) -> tuple[str, str] | None:
    """(value, precision) of one DATE_PATTERN match, relative to ``base`` (the publication date)."""
    if match.group("rym"):
        if base is None:
            return None
        y = base[0] + _RELATIVE[match.group("ry")][1]
        m = parse_number(match.group("rm"))
        d = parse_number(match.group("rd")) if match.group("rd") else None
        if m is None or not _valid(y, m, d):
            return None
        return _fmt(y, m, d), ("day" if d else "month")
    if match.group("ymd"):
        y = parse_number(match.group("y"))
        m = parse_number(match.group("m")) if match.group("m") else None
        d = parse_number(match.group("d")) if match.group("d") else None
        if y is None or not _valid(y, m, d):
            return None
        return _fmt(y, m, d), ("day" if d else "month" if m else "year")
    if match.group("md"):
        if base is None:
            return None
        m = parse_number(match.group("m2"))
        d = parse_number(match.group("d2")) if match.group("d2") else None
        y = base[0]
        if m is not None and base[1] is not None and m > base[1] + 2:
            y -= 1  # 12月 in a February report is last December
        if m is None or not _valid(y, m, d):
            return None
        return _fmt(y, m, d), ("day" if d else "month")
    if match.group("dd"):
        if base is None or base[1] is None:
            return None
        d = parse_number(match.group("d3"))
        y, m = base[0], base[1]
        if d is None or not _valid(y, m, d):
            return None
        return _fmt(y, m, d), "day"
    if match.group("dur"):
        return _duration(match, base)
    word = match.group("rel")
    if word and base is not None:
        unit, offset, precision = _RELATIVE[word]
        y, m, d = base
        if unit == "year":
            return _fmt(y + offset), "year"
        if m is None:
            return None
        if unit == "month":
            index = y * 12 + (m - 1) + offset
            return _fmt(index // 12, index % 12 + 1), "month"
        if d is None:
            return _fmt(y, m), "month"
        day = dt.date(y, m, d) + dt.timedelta(days=offset)
        if precision == "month":
            return _fmt(day.year, day.month), precision
        return _fmt(day.year, day.month, day.day), precision
    return None


def _duration(match: re.Match[str], base: tuple[int, int | None, int | None] | None) -> tuple[str, str] | None:
    """三天前, 兩週後, 一年前: an offset from the publication date ('a few' counts as three)."""
    if base is None or base[1] is None or base[2] is None:
        return None
    vague = match.group("n") in ("数", "几")
    n = 3 if vague else parse_number(match.group("n"))
    if n is None:
        return None
    sign = -1 if match.group("dir") in ("以前", "之前", "前") else 1
    unit = match.group("unit")
    y, m, d = base
    if unit == "年":
        return _fmt(y + sign * n), "year"
    if unit == "个月":
        index = y * 12 + (m - 1) + sign * n
        return _fmt(index // 12, index % 12 + 1), "month"
    days = n * (7 if unit in ("周", "星期", "个星期") else 1)
    day = dt.date(y, m, d) + dt.timedelta(days=sign * days)
    return _fmt(day.year, day.month, day.day), ("day" if days == n and not vague else "week")


def find_dates(shadow: str, start: int, end: int, base_date: str | None) -> list[DateMention]:
    """Every resolvable date expression in ``shadow[start:end]``, in text order."""
    base = parse_base(base_date)
    found: list[DateMention] = []
    for match in _SCAN.finditer(shadow, start, end):
        resolved = resolve(match, base)
        if resolved is not None:
            found.append(DateMention(match.start(), match.end(), resolved[0], resolved[1]))
    return found


_UNSEEN = object()
# (publication date, the groups of a DATE_PATTERN match) -> what resolve() makes of it
_RESOLVED: dict[tuple[object, ...], tuple[str, str] | None] = {}


class LazyDates:
    """The date expressions of ``shadow[start:end]``, found at once and each resolved only when first asked for
    (a coder needs one or two of them; resolving is the costly part)."""

    def __init__(self, shadow: str, start: int, end: int, base_date: str | None) -> None:
        self.matches = list(_SCAN.finditer(shadow, start, end)) if _ANCHORS.search(shadow, start, end) else []
        self.base = parse_base(base_date)
        self._values: dict[int, tuple[str, str] | None] = {}

    def value(self, i: int) -> tuple[str, str] | None:
        """(value, precision) of the i-th expression, or None when it does not resolve. The same expression resolves
        the same way against the same publication date: resolved once per process (bounded), not once per use."""
        if i in self._values:
            return self._values[i]
        key = (self.base, self.matches[i].groups())
        resolved = _RESOLVED.get(key, _UNSEEN)
        if resolved is _UNSEEN:
            if len(_RESOLVED) > 65536:
                _RESOLVED.clear()
            resolved = _RESOLVED[key] = resolve(self.matches[i], self.base)
        self._values[i] = resolved
        return resolved


_DATELINE = re.compile(
    r"(?:^|\n)[^\n，。,：:]{0,24}?(?:([12][0-9]{3})年)?([0-9０-９一二三四五六七八九十]{1,3})月"
    r"([0-9０-９一二三四五六七八九十廿卅]{1,3})日(?:专|特)?(?:电|讯)"
)


def dateline_date(shadow: str, base_date: str | None) -> str | None:
    """The day of a news agency's dateline near the top of the (Simplified) text (新华社首尔9月3日电), as YYYY-MM-DD:
    the year written, else the publication date's year moved to the nearest such day; None without either."""
    m = _DATELINE.search(shadow, 0, min(len(shadow), 400))
    if m is None:
        return None
    month, day = parse_number(m.group(2)), parse_number(m.group(3))
    base = parse_base(base_date)
    year = int(m.group(1)) if m.group(1) else (base[0] if base else None)
    if year is None or month is None or day is None or not _valid(year, month, day):
        return None
    if not m.group(1) and base is not None and base[1] is not None:
        shift = (month - base[1]) / 12
        if shift > 0.5 and _valid(year - 1, month, day):  # "12月30日电" published on 2 January
            year -= 1
        elif shift < -0.5 and _valid(year + 1, month, day):
            year += 1
    return _fmt(year, month, day)


def is_after(value: str, base_date: str | None) -> bool:
    """Whether ``value`` lies after the publication date, compared at the coarser of the two precisions."""
    if not base_date:
        return False
    n = min(len(value), len(base_date))
    return value[:n] > base_date[:n]
