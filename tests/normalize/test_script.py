from hypothesis import given
from hypothesis import strategies as st

from kuroshio.config import Options
from kuroshio.model import Document
from kuroshio.normalize import detect_language, normalize_document, to_simplified


def test_detects_traditional_simplified_and_english():
    assert detect_language("韓國總統昨天抵達東京，與日本首相舉行會談，雙方發表聯合聲明。") == ("zh", "zh-Hant")
    assert detect_language("韩国总统昨天抵达东京，与日本首相举行会谈，双方发表联合声明。") == ("zh", "zh-Hans")
    assert detect_language("The South Korean president arrived in Tokyo for talks.") == ("en", "Latn")


def test_shadow_is_simplified_and_same_length():
    doc = normalize_document(Document(id="d", text="南韓總統訪問臺灣與美國"), Options())
    assert doc.shadow == "南韩总统访问台湾与美国"
    assert len(doc.shadow) == len(doc.text)


def test_simplified_documents_need_no_shadow():
    doc = normalize_document(Document(id="d", text="韩国总统访问日本，双方举行会谈。"), Options())
    assert doc.script == "zh-Hans" and doc.shadow is None
    assert doc.match_text == doc.text


def test_forced_language_wins():
    doc = normalize_document(Document(id="d", text="韩国总统访问日本"), Options(lang="zh-Hant"))
    assert (doc.lang, doc.script) == ("zh", "zh-Hant")


@given(st.text(alphabet=st.sampled_from("韓國總統訪問臺灣與美國日本北韓會談聲明abc 123，。「」"), max_size=200))
def test_shadow_preserves_length_and_is_idempotent(text):
    shadow = to_simplified(text)
    assert len(shadow) == len(text)
    assert to_simplified(shadow) == shadow


@given(st.text(alphabet="國国這这說说的了中文ab 。", max_size=400), st.integers(min_value=1, max_value=40))
def test_counting_changed_characters_stops_only_once_enough(text, enough):
    """The script decision counts Traditional characters only until it has enough: the same decision as a full count."""
    from kuroshio.normalize.script import _count_changed

    shadow = to_simplified(text)
    full = sum(a != b for a, b in zip(text, shadow, strict=True))
    assert (_count_changed(text, shadow, enough) >= enough) == (full >= enough)


@given(st.text(alphabet=st.sampled_from("aZmé ÿĀİıſK國ア한1-.\n\U0001f600"), max_size=200))
def test_latin_letters_are_counted_as_a_to_z(text):
    """The language test counts A-Z and a-z only (not é, İ, ſ or the Kelvin sign), in every text."""
    from kuroshio.normalize.script import _NOT_LATIN_BYTES

    expected = sum(c.isascii() and c.isalpha() for c in text)
    assert len(text.encode("latin-1", "ignore").translate(None, _NOT_LATIN_BYTES)) == expected
