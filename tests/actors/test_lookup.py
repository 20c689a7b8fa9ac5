"""The acceptance look-ups of issue 4 and the lookup contract (DESIGN.md §2)."""

from __future__ import annotations

import pytest

from kuroshio.actors import lookup
from kuroshio.config import Options
from kuroshio.errors import UsageError


def codes(query: str, date: str | None) -> list[str]:
    return [row["code"] for row in lookup(query, date=date, options=Options())]


@pytest.mark.parametrize(
    ("query", "date", "code"),
    [
        ("李在明", "2024-01-01", "KOROPP"),
        ("李在明", "2025-09-01", "KORGOV"),
        ("Lee Jae-myung", "2025-09-01", "KORGOV"),
        ("石破茂", "2025-08-23", "JPNGOV"),
        ("高市早苗", "2025-11-18", "JPNGOV"),
        ("高市早苗", "2025-10-10", "JPNPTY"),
        ("川普", "2025-03-01", "USAGOV"),
        ("特朗普", "2025-12-31", "USAGOV"),
        ("駐韓美軍", None, "USAMIL"),
        ("USFK", None, "USAMIL"),
        ("北韓", None, "PRK"),
        ("朝鲜", None, "PRK"),
        ("Pyongyang", None, "PRKGOV"),
        ("平壤", None, "PRKGOV"),
        ("解放軍", None, "CHNMIL"),
        ("自衛隊", None, "JPNMIL"),
        ("朝中社", None, "PRKMED"),
        ("國台辦", None, "CHNGOV"),
        ("南韓國防部長", None, "KORMIL"),
        ("尹錫悅", "2023-05-01", "KORGOV"),
        ("尹錫悅", "2025-09-01", "KOR"),
        ("文在寅", "2018-04-27", "KORGOV"),
        ("岸田文雄", "2023-01-01", "JPNGOV"),
        ("蔡英文", "2020-01-01", "TWNGOV"),
        ("賴清德", "2025-01-01", "TWNGOV"),
        ("習近平", "2025-01-01", "CHNGOV"),
        ("普丁", "2025-01-01", "RUSGOV"),
        ("NATO", None, "IGOWSTNAT"),
    ],
)
def test_acceptance_lookups(query: str, date: str | None, code: str) -> None:
    assert code in codes(query, date)


def test_rows_have_the_contract_fields() -> None:
    rows = lookup("李在明", date="2025-09-01", options=Options())
    assert rows and set(rows[0]) == {"code", "country", "name", "matched", "valid_from", "valid_until"}
    assert rows[0]["country"] == "KOR" and rows[0]["valid_from"] == "2025-06-04" and rows[0]["valid_until"] is None


def test_a_code_finds_who_holds_it_at_a_date() -> None:
    names = [row["name"] for row in lookup("JPNGOV", date="2025-08-23", options=Options())]
    assert "Shigeru Ishiba" in names and "Sanae Takaichi" not in names


def test_trump_between_terms_is_no_government() -> None:
    assert codes("Trump", "2023-01-01") == ["USA"]


def test_unknown_name_finds_nothing() -> None:
    assert lookup("Atlantis Republic", date=None, options=Options()) == []


def test_empty_query_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        lookup("  ", date=None, options=Options())
