"""Cabinet members and senior officials of Korea, Japan, the United States, China, Taiwan, the DPRK and Russia beyond
the foreign and defence ministers (people_nea_officials.yaml) resolve to their office's code only while they hold it,
and a sentence that names them now has them as actors."""

from __future__ import annotations

import pytest

from kuroshio.actors import lookup, recognize_actors
from kuroshio.config import Options
from kuroshio.model import Document
from kuroshio.normalize import normalize_document
from kuroshio.segment import segment_document


def codes(query: str, date: str) -> list[str]:
    return [row["code"] for row in lookup(query, date=date, options=Options())]


def mentions(text: str, date: str) -> list[tuple[str, str]]:
    options = Options()
    doc = segment_document(normalize_document(Document(id="t", text=text, date=date), options), options)
    return [(m.text, m.code) for m in recognize_actors(doc, options).mentions]


@pytest.mark.parametrize(
    ("query", "inside", "code", "outside", "plain"),
    [
        ("Ahn Duk-geun", "2025-04-01", "KORGOV", "2025-09-01", "KOR"),
        ("安德根", "2025-04-01", "KORGOV", "2021-01-01", "KOR"),
        ("Choo Kyung-ho", "2023-03-01", "KORGOV", "2024-06-01", "KOR"),
        ("Kang Hoon-sik", "2025-08-01", "KORGOV", "2024-06-01", "KOR"),
        ("Kim Tae-hyo", "2023-08-18", "KORGOV", "2025-08-01", "KOR"),
        ("Yasutoshi Nishimura", "2023-05-01", "JPNGOV", "2024-06-01", "JPN"),
        ("西村康稔", "2023-05-01", "JPNGOV", "2024-06-01", "JPN"),
        ("Satsuki Katayama", "2025-11-01", "JPNGOV", "2025-06-01", "JPN"),
        ("Jennifer Granholm", "2023-05-01", "USAGOV", "2025-06-01", "USA"),
        ("Chris Wright", "2025-04-01", "USAGOV", "2024-06-01", "USA"),
        ("William Burns", "2023-05-01", "USASPY", "2025-06-01", "USA"),
        ("Tulsi Gabbard", "2025-06-01", "USASPY", "2024-06-01", "USA"),
        ("Wang Xiaohong", "2024-01-01", "CHNCOP", "2021-01-01", "CHN"),
        ("王小洪", "2024-01-01", "CHNCOP", "2021-01-01", "CHN"),
        ("Lan Fo'an", "2024-06-01", "CHNGOV", "2022-06-01", "CHN"),
        ("Cheng Li-chiun", "2025-07-01", "TWNGOV", "2023-06-01", "TWN"),
        ("鄭麗君", "2025-07-01", "TWNGOV", "2023-06-01", "TWN"),
        ("Kang Sun Nam", "2023-06-01", "PRKMIL", "2025-03-01", "PRK"),
        ("Sergei Naryshkin", "2024-01-01", "RUSSPY", "2015-01-01", "RUS"),
    ],
)
def test_an_official_holds_the_office_code_only_during_the_term(
    query: str, inside: str, code: str, outside: str, plain: str
) -> None:
    assert code in codes(query, inside)
    assert code not in codes(query, outside)
    assert plain in codes(query, outside)


@pytest.mark.parametrize(
    ("query", "date", "expected"),
    [
        # a move between offices changes the code; the successor holds it, the predecessor no longer does
        ("Chen Wenqing", "2020-01-01", ["CHNSPY"]),
        ("Chen Wenqing", "2024-01-01", ["CHNGOV"]),
        ("John Ratcliffe", "2020-10-01", ["USASPY"]),
        ("John Ratcliffe", "2023-10-01", ["USA"]),
        ("David Perdue", "2018-01-01", ["USALEG"]),
        ("David Perdue", "2025-08-01", ["USAGOV"]),
        ("Lee Chang-yang", "2024-03-01", ["KOR"]),
    ],
)
def test_the_code_is_the_office_held_at_the_date(query: str, date: str, expected: list[str]) -> None:
    assert codes(query, date) == expected


def test_a_trade_sentence_now_has_both_ministers_as_actors() -> None:
    found = mentions(
        "Industry Minister Ahn Duk-geun asked U.S. Energy Secretary Chris Wright to expand LNG cooperation.",
        "2025-04-01",
    )
    assert ("Minister Ahn Duk-geun", "KORGOV") in found
    assert ("Chris Wright", "USAGOV") in found
    found = mentions("Industry Minister Ahn Duk-geun met Commerce Secretary Howard Lutnick.", "2025-04-24")
    assert [code for _, code in found] == ["KORGOV", "USAGOV"]


def test_officials_are_mentions_in_chinese_and_japanese_script() -> None:
    assert ("日本財務相片山さつき", "JPNGOV") in mentions("日本財務相片山さつき會見美國財長貝森特。", "2025-10-28")
    assert ("安德根", "KORGOV") in mentions("韓國產業通商資源部長官安德根與美方會談。", "2025-04-01")
