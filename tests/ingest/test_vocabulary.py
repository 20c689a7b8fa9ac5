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


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("聯合報／ 編譯周辰陽／即時報導", [("周辰陽", "編譯")]),
        ("林建宏/核稿編輯", [("林建宏", "核稿編輯")]),
        ("凌志遠 教授", [("凌志遠", "教授")]),
        ("内容提要", None),
        ("關鍵詞", None),
    ],
)
def test_byline_roles_and_non_names(line: str, want: list[tuple[str, str]] | None) -> None:
    from kuroshio.ingest.layout import parse_byline

    got = parse_byline(line, vocabulary())
    assert ([(a.name, a.role) for a in got] if got else None) == want


def test_date_lines_with_time_or_label() -> None:
    from kuroshio.ingest.layout import find_date

    assert find_date("2024/06/19 17:20") == "2024-06-19"
    assert find_date("2023/9/8 10:15(9/9 08:02 更新)") == "2023-09-08"
    assert find_date("NEWS | Oct. 26, 2023") == "2023-10-26"
    assert find_date("Monday, March 3, 2025, 9:05 a.m. Press Office") == "2025-03-03"
    assert find_date("兩國外長於2024年5月17日在首爾舉行會談並簽署協定。") is None
    assert find_date("美日韓峰會 2023年8月18日在大衛營登場") is None
    assert find_date("Japan and South Korea sign pact on November 18, 2025") is None


def test_captions_by_photo_credit_and_inline_bylines() -> None:
    from kuroshio.ingest.layout import inline_byline

    vocab = vocabulary()
    assert is_caption("兩國外長握手合影。(路透)", vocab)
    assert is_caption("解放軍艦艇在台海周邊活動。（國防部提供）", vocab)
    assert not is_caption("外交部表示，將與美日兩國密切合作（詳見附件）並持續關注。", vocab)
    assert inline_byline("〔記者方志成／台北報導〕國防部今天公布", vocab) == "方志成"
    assert inline_byline("(中央社記者吳建國台北17日電)外交部今天表示", vocab) == "吳建國"
    assert inline_byline("外交部今天表示", vocab) is None
