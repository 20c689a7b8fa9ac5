"""The ingest vocabulary file is well formed, and its entries do what they say."""

from __future__ import annotations

import pytest

from kuroshio.errors import DictionaryError
from kuroshio.ingest.layout import author_names, is_caption, is_note, parse_date, split_role
from kuroshio.ingest.vocabulary import parse_vocabulary, vocabulary


def test_bundled_vocabulary_loads() -> None:
    vocab = vocabulary()
    assert vocab.roles[0] == max(vocab.roles, key=len)
    assert len(set(vocab.roles)) == len(vocab.roles)


def test_malformed_vocabulary_is_refused() -> None:
    with pytest.raises(DictionaryError):
        parse_vocabulary("note_prefixes: [1, 2]")
    with pytest.raises(DictionaryError):
        parse_vocabulary("- a list")


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("東亞戰略研究中心副研究員", ("東亞戰略研究中心", "副研究員")),
        ("海峡大学国际关系学院教授", ("海峡大学国际关系学院", "教授")),
        ("Senior Fellow, Pacific Policy Institute", ("Pacific Policy Institute", "Senior Fellow")),
        ("Professor at Seaside University", ("Seaside University", "Professor")),
        ("北方國際問題研究院", ("北方國際問題研究院", None)),
        ("王建華", None),
    ],
)
def test_affiliation_lines(line: str, want: tuple[str, str | None] | None) -> None:
    assert split_role(line, vocabulary()) == want


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("記者陳怡君／綜合報導", ["陳怡君"]),
        ("记者王小明/北京报道", ["王小明"]),
        ("作者：劉志強、陳靜", ["劉志強", "陳靜"]),
        ("By Helen Park and John Lee", ["Helen Park", "John Lee"]),
        ("美日韓的共同譴責聲明全文", None),
    ],
)
def test_bylines(line: str, want: list[str] | None) -> None:
    assert author_names(line, vocabulary()) == want


def test_markers_and_dates() -> None:
    vocab = vocabulary()
    assert is_note("編按：本文不代表本會立場。", vocab) and is_note("Editor's note: views are the author's own.", vocab)
    assert is_caption("兩國領袖會談。（圖片來源：外交部）", vocab)
    assert is_caption("Leaders meet. (Photo: Reuters)", vocab)
    assert parse_date("2025年9月12日") == "2025-09-12"
    assert parse_date("Sept. 3, 2025") == "2025-09-03"
    assert parse_date("2025/10/08") == "2025-10-08"
    assert parse_date("2025年13月1日") is None
