"""Officials that East Asian news names (vice ministers, ambassadors, spokespersons, commanders, cabinet members beyond
the foreign and defence ministers) and the office-holders of South and Southeast Asia, the Pacific, Central Asia and
Europe resolve to their office's code only while they hold it, in English and in both Chinese scripts, and appear as
actors in running text."""

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
        ("Takehiro Funakoshi", "2025-11-14", "JPNGOV", "2022-01-01", "JPN"),
        ("船越健裕", "2025-11-14", "JPNGOV", "2022-01-01", "JPN"),
        ("Wu Jianghao", "2024-06-01", "CHNGOV", "2015-01-01", "CHN"),
        ("吳江浩", "2024-06-01", "CHNGOV", "2015-01-01", "CHN"),
        ("吴江浩", "2024-06-01", "CHNGOV", "2015-01-01", "CHN"),
        ("Kim Yung-ho", "2024-03-01", "KORGOV", "2023-07-01", "KOR"),
        ("金暎浩", "2024-03-01", "KORGOV", "2025-09-01", "KOR"),
        ("Matthew Miller", "2024-05-01", "USAGOV", "2025-06-01", "USA"),
        ("Tammy Bruce", "2025-03-01", "USAGOV", "2024-06-01", "USA"),
        ("Rahm Emanuel", "2023-05-01", "USAGOV", "2025-06-01", "USA"),
        ("伊曼紐爾", "2023-05-01", "USAGOV", "2025-06-01", "USA"),
        ("Jake Sullivan", "2023-05-01", "USAGOV", "2025-06-01", "USA"),
        ("沙利文", "2023-05-01", "USAGOV", "2025-06-01", "USA"),
        ("No Kwang Chol", "2025-03-01", "PRKMIL", "2022-01-01", "PRK"),
        ("努光鐵", "2025-03-01", "PRKMIL", "2022-01-01", "PRK"),
        ("Song Tao", "2024-01-01", "CHNGOV", "2022-06-01", "CHN"),
        ("宋濤", "2024-01-01", "CHNGOV", "2022-06-01", "CHN"),
        ("Penny Wong", "2023-01-01", "AUSGOV", "2021-01-01", "AUS"),
        ("黄英贤", "2023-01-01", "AUSGOV", "2021-01-01", "AUS"),
        ("Gilberto Teodoro", "2024-06-01", "PHLMIL", "2022-06-01", "PHL"),
        ("He Weidong", "2024-01-01", "CHNMIL", "2025-11-01", "CHN"),
        ("何衛東", "2024-01-01", "CHNMIL", "2025-11-01", "CHN"),
        # South and Southeast Asia, the Pacific, Central Asia, Europe (people_asia_pacific.yaml)
        ("Shehbaz Sharif", "2024-06-01", "PAKGOV", "2023-12-01", "PAK"),  # the caretaker months in between
        ("Imran Khan", "2020-01-01", "PAKGOV", "2023-01-01", "PAK"),
        ("Asim Munir", "2024-01-01", "PAKMIL", "2021-01-01", "PAK"),
        ("Sheikh Hasina", "2023-01-01", "BGDGOV", "2025-01-01", "BGD"),
        ("Muhammad Yunus", "2025-01-01", "BGDGOV", "2023-01-01", "BGD"),
        ("Ranil Wickremesinghe", "2023-06-01", "LKAGOV", "2025-01-01", "LKA"),
        ("Anura Kumara Dissanayake", "2025-01-01", "LKAGOV", "2024-01-01", "LKA"),
        ("Mohamed Muizzu", "2024-03-01", "MDVGOV", "2023-01-01", "MDV"),
        ("Vikram Misri", "2025-01-01", "INDGOV", "2023-01-01", "IND"),
        ("Upendra Dwivedi", "2025-01-01", "INDMIL", "2023-01-01", "IND"),
        ("Jacinda Ardern", "2022-01-01", "NZLGOV", "2024-01-01", "NZL"),
        ("Christopher Luxon", "2024-06-01", "NZLGOV", "2021-01-01", "NZL"),
        ("James Marape", "2023-01-01", "PNGGOV", "2018-01-01", "PNG"),
        ("Kassym-Jomart Tokayev", "2023-01-01", "KAZGOV", "2018-01-01", "KAZ"),
        ("Dmytro Kuleba", "2023-01-01", "UKRGOV", "2025-01-01", "UKR"),
        ("Annalena Baerbock", "2023-01-01", "DEUGOV", "2020-01-01", "DEU"),
        ("Boris Pistorius", "2024-01-01", "DEUMIL", "2022-01-01", "DEU"),
        ("Jens Stoltenberg", "2022-01-01", "IGOWSTNAT", "2024-12-01", "NOR"),
        # cabinet members and senior officials beyond the foreign and defence ministers (people_nea_officials.yaml)
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


def test_a_post_that_changed_hands_resolves_to_the_holder_at_the_date() -> None:
    assert "JPNGOV" in codes("Hideo Tarumi", "2022-05-01")
    assert "JPNGOV" not in codes("Kenji Kanasugi", "2022-05-01")
    assert "JPNGOV" in codes("Kenji Kanasugi", "2024-05-01")
    assert "JPNGOV" not in codes("Hideo Tarumi", "2024-05-01")


@pytest.mark.parametrize(
    ("query", "date", "expected"),
    [
        # a change of sector or post changes the code; an EU official carries the EU code; a candidate holds none
        ("Tetsuo Saito", "2023-01-01", ["JPNGOV"]),
        ("Tetsuo Saito", "2025-01-01", ["JPNPTY"]),
        ("Tetsuo Saito", "2025-11-01", ["JPNOPP"]),
        ("Cho Tae-yong", "2023-06-01", ["KORGOV"]),
        ("Cho Tae-yong", "2024-06-01", ["KORSPY"]),
        ("Kaja Kallas", "2025-03-01", ["IGOEUREEC"]),
        ("Kaja Kallas", "2023-03-01", ["ESTGOV"]),
        ("禹元植", "2025-01-01", ["KORLEG"]),
        ("Hsiao Bi-khim", "2023-06-01", ["TWNGOV"]),
        ("Hsiao Bi-khim", "2024-01-10", ["TWN"]),  # running mate, no office
        ("蕭美琴", "2024-06-01", ["TWNGOV"]),
        ("Dmytro Kuleba", "2024-06-01", ["UKRGOV"]),
        ("Andrii Sybiha", "2024-06-01", ["UKR"]),
        ("Andrii Sybiha", "2025-06-01", ["UKRGOV"]),
        ("Dmytro Kuleba", "2025-06-01", ["UKR"]),
        ("Sébastien Lecornu", "2024-01-01", ["FRAMIL"]),
        ("Sébastien Lecornu", "2025-10-20", ["FRAGOV"]),
        ("Denys Shmyhal", "2024-01-01", ["UKRGOV"]),
        ("Denys Shmyhal", "2025-09-01", ["UKRMIL"]),
        ("Donald Tusk", "2016-01-01", ["IGOEUREEC"]),
        ("Donald Tusk", "2024-06-01", ["POLGOV"]),
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


def test_both_japanese_name_orders_are_known() -> None:
    assert codes("Funakoshi Takehiro", "2025-11-14") == codes("Takehiro Funakoshi", "2025-11-14") == ["JPNGOV"]


def test_a_protest_sentence_now_has_both_officials_as_actors() -> None:
    english = mentions(
        "Vice Foreign Minister Takehiro Funakoshi lodged a strong protest with Chinese Ambassador Wu Jianghao.",
        "2025-11-14",
    )
    assert [code for _, code in english] == ["JPNGOV", "CHNGOV"]
    chinese = mentions("日本外務次官船越健裕向中國駐日大使吳江浩提出嚴正抗議。", "2025-11-14")
    assert ("日本外務次官船越健裕", "JPNGOV") in chinese
    assert ("中國駐日大使吳江浩", "CHNGOV") in chinese  # one person, posted in Japan


def test_a_leader_is_a_mention_in_an_english_sentence() -> None:
    found = mentions("Pakistani Prime Minister Shehbaz Sharif met Chinese Premier Li Qiang in Beijing.", "2024-06-07")
    assert ("Pakistani Prime Minister Shehbaz Sharif", "PAKGOV") in found
    found = mentions("New Zealand's foreign minister Winston Peters spoke with Penny Wong.", "2024-03-18")
    assert found == [("New Zealand's foreign minister Winston Peters", "NZLGOV"), ("Penny Wong", "AUSGOV")]


def test_a_leader_is_a_mention_in_chinese_sentences() -> None:
    found = mentions("巴基斯坦總理夏巴茲·謝里夫會見了中國國務院總理李強。", "2024-06-07")
    assert ("巴基斯坦總理夏巴茲·謝里夫", "PAKGOV") in found
    assert ("新西兰总理拉克森", "NZLGOV") in mentions("新西兰总理拉克森访问中国。", "2024-06-13")


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
