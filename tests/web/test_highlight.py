"""Highlighting: well-formed nested markup whose text is exactly the document text, whatever the spans."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from kuroshio.web.highlight import Annotation, annotations_for, highlight, render_blocks


class _Checker(HTMLParser):
    """Collects text and checks that every <mark> closes in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.text: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        assert tag == "mark"
        self.depth += 1
        self.ids += [v for k, v in attrs if k == "id"]

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        assert tag == "mark"
        self.depth -= 1
        assert self.depth >= 0

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.text.append(data)


def _check(markup: str) -> _Checker:
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.depth == 0
    return checker


def test_nested_and_crossing_spans():
    text = "北韓譴責會談<&>"
    spans = [
        Annotation(0, 2, "mention", {"data-code": "PRK"}),
        Annotation(1, 2, "mention", {"data-code": "KOR"}),  # nested in 北韓
        Annotation(1, 4, "trigger", {"data-code": "111", "id": "trigger-1"}),  # crosses the end of 北韓
    ]
    markup = str(highlight(text, spans))
    checker = _check(markup)
    assert "".join(checker.text) == text
    assert checker.ids == ["trigger-1"]  # the split trigger keeps one id
    assert markup.count('data-code="111"') == 2
    assert "&lt;&amp;&gt;" in markup


def test_offset_clips_to_the_block():
    spans = [Annotation(8, 14, "trigger", {"data-code": "042"})]
    markup = str(highlight("abcdef", spans, offset=10))
    assert markup == '<mark class="trigger" data-code="042">abcd</mark>ef'


def test_attributes_are_escaped():
    spans = [Annotation(0, 1, "mention", {"data-code": '"><script>'}, title="a<b")]
    markup = str(highlight("x", spans))
    assert "<script>" not in markup
    assert 'title="a&lt;b"' in markup


@given(
    text=st.text(alphabet="ab韓日 <&\n", min_size=0, max_size=40),
    raw=st.lists(st.tuples(st.integers(-3, 45), st.integers(0, 12), st.booleans()), max_size=12),
    offset=st.integers(0, 5),
)
def test_text_is_preserved_for_any_spans(text, raw, offset):
    spans = [
        Annotation(start, start + length, "trigger" if trig else "mention", {"id": f"t{i}"})
        for i, (start, length, trig) in enumerate(raw)
    ]
    checker = _check(str(highlight(text, spans, offset=offset)))
    assert html.unescape("".join(checker.text)) == text
    assert len(checker.ids) == len(set(checker.ids))


def test_document_blocks_carry_event_attributes(documents):
    doc = next(d for d in documents if d.id == "hans-protest")
    kinds = [a.kind for a in annotations_for(doc)]
    assert kinds.count("trigger") == 2
    rendered = render_blocks(doc)
    assert [b.kind for b in rendered] == ["title", "paragraph"]
    body = str(rendered[1].html)
    planned = re.search(r'<mark class="trigger"[^>]*data-mode="planned"[^>]*>([^<]*)</mark>', body)
    assert planned is not None and planned.group(1) == "反制措施"
    assert 'data-code="163"' in planned.group(0)
    assert 'data-date="2025-09-05"' in planned.group(0)
