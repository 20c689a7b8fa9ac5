"""Office-holders of South and Southeast Asia, the Pacific, Central Asia and Europe (people_asia_pacific.yaml) resolve
to their office's code only while they hold it, and appear as actors in running text."""

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
    ],
)
def test_an_office_holder_has_the_office_code_only_during_the_term(
    query: str, inside: str, code: str, outside: str, plain: str
) -> None:
    assert code in codes(query, inside)
    assert code not in codes(query, outside)
    assert plain in codes(query, outside)


def test_a_post_that_changed_hands_resolves_to_the_holder_at_the_date() -> None:
    assert codes("Dmytro Kuleba", "2024-06-01") == ["UKRGOV"]
    assert codes("Andrii Sybiha", "2024-06-01") == ["UKR"]
    assert codes("Andrii Sybiha", "2025-06-01") == ["UKRGOV"]
    assert codes("Dmytro Kuleba", "2025-06-01") == ["UKR"]


def test_a_minister_who_moves_between_sectors_changes_code() -> None:
    assert codes("Sébastien Lecornu", "2024-01-01") == ["FRAMIL"]
    assert codes("Sébastien Lecornu", "2025-10-20") == ["FRAGOV"]
    assert codes("Denys Shmyhal", "2024-01-01") == ["UKRGOV"]
    assert codes("Denys Shmyhal", "2025-09-01") == ["UKRMIL"]
    assert codes("Donald Tusk", "2016-01-01") == ["IGOEUREEC"]
    assert codes("Donald Tusk", "2024-06-01") == ["POLGOV"]


def test_a_leader_is_a_mention_in_an_english_sentence() -> None:
    found = mentions("Pakistani Prime Minister Shehbaz Sharif met Chinese Premier Li Qiang in Beijing.", "2024-06-07")
    assert ("Pakistani Prime Minister Shehbaz Sharif", "PAKGOV") in found
    found = mentions("New Zealand's foreign minister Winston Peters spoke with Penny Wong.", "2024-03-18")
    assert found == [("New Zealand's foreign minister Winston Peters", "NZLGOV"), ("Penny Wong", "AUSGOV")]


def test_a_leader_is_a_mention_in_chinese_sentences() -> None:
    found = mentions("巴基斯坦總理夏巴茲·謝里夫會見了中國國務院總理李強。", "2024-06-07")
    assert ("巴基斯坦總理夏巴茲·謝里夫", "PAKGOV") in found
    assert ("新西兰总理拉克森", "NZLGOV") in mentions("新西兰总理拉克森访问中国。", "2024-06-13")
