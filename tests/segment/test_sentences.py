from hypothesis import given
from hypothesis import strategies as st

from kuroshio.config import Options
from kuroshio.model import Block, Document
from kuroshio.segment import segment_document, split_sentences


def _texts(text, spans):
    return [text[s:e] for s, e in spans]


def test_chinese_sentences_keep_closing_quotes():
    text = "他說：「我們將深化合作。」雙方隨後舉行會談！會後發表聲明？"
    assert _texts(text, split_sentences(text)) == ["他說：「我們將深化合作。」", "雙方隨後舉行會談！", "會後發表聲明？"]


def test_english_sentences_guard_abbreviations():
    text = "U.S. Secretary Blinken met Mr. Park in Seoul. They discussed North Korea. Gen. Paul LaCamera spoke."
    assert _texts(text, split_sentences(text)) == [
        "U.S. Secretary Blinken met Mr. Park in Seoul.",
        "They discussed North Korea.",
        "Gen. Paul LaCamera spoke.",
    ]


def test_sentences_stay_inside_their_blocks():
    text = "標題\n\n第一句。第二句。"
    doc = Document(id="d", text=text, blocks=(Block("title", 0, 2), Block("paragraph", 4, len(text))))
    doc = segment_document(doc, Options())
    assert [(doc.sentence_text(i), s.block) for i, s in enumerate(doc.sentences)] == [
        ("標題", 0),
        ("第一句。", 1),
        ("第二句。", 1),
    ]


@given(st.text(alphabet=st.sampled_from("日韓會談。！？ .A\n「」"), max_size=120))
def test_spans_are_ordered_non_empty_and_inside(text):
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[s:e].strip() == text[s:e]
        last = e


def test_chinese_semicolons_and_runs_of_end_marks():
    text = "雙方舉行會談；會後發表聲明！？」記者問。最後一句； "
    assert _texts(text, split_sentences(text)) == ["雙方舉行會談；", "會後發表聲明！？」", "記者問。", "最後一句；"]
