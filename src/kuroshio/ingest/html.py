"""Web pages: main text and metadata with trafilatura, offsets re-aligned to the page's own text.

trafilatura drops navigation, ads, comments and related links and returns the article as XML (``head``, ``p``,
``list/item``, ``table/row/cell``) with title, author, date and site name. When it merges a small page or a fragment
(a corpus record's ``html``) into a single paragraph, the page's own block elements (headings, paragraphs, list
items, figure captions) outside navigation, header, footer, aside and ad/comment/related containers are used. Each
extracted block is then found again in the decoded HTML source (tags skipped, entities decoded, whitespace runs
matched loosely), so that every character maps back to an offset in the file; a block that cannot be found is kept
with no source map. Bylines such as
記者陳怡君／綜合報導 become the author 陳怡君; editor lines (責任編輯：...) are kept out of the body.
"""

from __future__ import annotations

import html as html_lib
import re

from kuroshio.errors import IngestError
from kuroshio.ingest.layout import Front, Line, RawBlock, author_names, build_document, document_words, join_lines
from kuroshio.ingest.layout import parse_date as parse_date_line
from kuroshio.ingest.vocabulary import vocabulary
from kuroshio.model import Author, Document

_INLINE = re.compile(r"</?(?:a|span|b|i|em|strong|u|small|sup|sub|font|mark|abbr|code|q|time)\b", re.I)
_TOKEN = re.compile(r"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<[^>]*>|&#?\w+;", re.S | re.I)


def visible_text(source: str) -> tuple[str, list[int]]:
    """The page's text without tags (entities decoded, whitespace runs as one space) and its source offsets."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0

    def add(text: str, start: int, single: bool) -> None:
        for i, ch in enumerate(text):
            if ch.isspace():
                if chars and chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            offsets.append(start if single else start + i)

    for m in _TOKEN.finditer(source):
        add(source[pos : m.start()], pos, False)
        token = m.group(0)
        if token.startswith("&"):
            add(html_lib.unescape(token), m.start(), True)
        elif not _INLINE.match(token):
            add(" ", m.start(), True)
        pos = m.end()
    add(source[pos:], pos, False)
    return "".join(chars), offsets


class _Aligner:
    def __init__(self, source: str) -> None:
        self.text, self.offsets = visible_text(source)
        self.cursor = 0

    def find(self, piece: str) -> list[int]:
        """Source offsets of each character of ``piece`` (-1 where it could not be placed)."""
        squeezed = re.sub(r"\s+", " ", piece)
        at = self.text.find(squeezed, self.cursor)
        if at < 0:
            at = self.text.find(squeezed)
        if at < 0:
            return [-1] * len(piece)
        if at >= self.cursor:
            self.cursor = at + len(squeezed)
        out: list[int] = []
        k = at
        for i, ch in enumerate(piece):
            if ch.isspace() and i > 0 and piece[i - 1].isspace():
                out.append(-1)
                continue
            out.append(self.offsets[k] if k < len(self.offsets) else -1)
            k += 1
        return out


def _block(text: str, aligner: _Aligner, kind: str = "") -> RawBlock:
    text = text.strip()
    return RawBlock([Line(text=text, src=aligner.find(text))], kind=kind)


_BOILERPLATE = re.compile(
    r"nav|menu|footer|header|sidebar|aside|comment|related|share|social|advert|\bad\b|ad-|-ad\b|banner|promo"
    r"|subscribe|breadcrumb",
    re.I,
)
_BLOCK_TAGS = {
    **{f"h{n}": "head" for n in range(1, 7)},
    "p": "p",
    "li": "item",
    "blockquote": "quote",
    "figcaption": "caption",
}


def _trafilatura_elements(root: object) -> list[tuple[str, str]]:
    """(tag, text) of the main-text elements of trafilatura's XML."""
    out: list[tuple[str, str]] = []
    main = root.find("main")  # type: ignore[attr-defined]
    for element in main.iter() if main is not None else ():
        tag = element.tag
        if tag not in ("head", "p", "item", "row", "quote"):
            continue
        if tag == "row":
            text = "\t".join(" ".join(c.itertext()).strip() for c in element.findall("cell"))
        else:
            text = " ".join("".join(element.itertext()).split())
        if text:
            out.append((tag, text))
    return out


def _simple_elements(source: str) -> list[tuple[str, str]]:
    """(tag, text) of the block elements of a page or fragment, boilerplate containers left out.

    The fallback when trafilatura merges a small page or fragment (a corpus record's ``html``) into one paragraph.
    """
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(source)
    except (ValueError, TypeError, SyntaxError):
        return []
    out: list[tuple[str, str]] = []
    for element in tree.iter(*_BLOCK_TAGS):
        if any(
            a.tag in ("nav", "header", "footer", "aside", "form", "script", "style")
            or _BOILERPLATE.search(f"{a.get('class', '')} {a.get('id', '')}")
            for a in (element, *element.iterancestors())
        ):
            continue
        if element.tag in ("li", "p") and any(a.tag in _BLOCK_TAGS for a in element.iterancestors()):
            continue
        text = " ".join(element.text_content().split())
        if text:
            out.append((_BLOCK_TAGS[element.tag], text))
    return out


def read_html(source: str, path: str) -> Document:
    """A Document from an HTML page (see the module docstring)."""
    import trafilatura
    from lxml import etree

    vocab = vocabulary()
    try:
        xml = trafilatura.extract(
            source,
            output_format="xml",
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises assorted errors on broken markup
        raise IngestError(path, f"cannot parse HTML ({type(exc).__name__})") from None
    root = etree.fromstring(xml.encode("utf-8")) if xml else etree.Element("doc")
    elements = _trafilatura_elements(root)
    if len(elements) <= 1:
        simple = _simple_elements(source)
        if len(simple) > len(elements):
            elements = simple
    aligner = _Aligner(source)
    front = Front()
    title = (root.get("title") or "").strip()
    if not title and elements and elements[0][0] == "head":
        title = elements[0][1]
    blocks: list[RawBlock] = []
    if title:
        blocks.append(_block(title, aligner, "title"))
        front.title = title
    byline = (root.get("author") or "").strip()
    names = _byline_names(byline) if byline else None
    if names:
        front.authors = [Author(n) for n in names]
    date = root.get("date")
    front.date = parse_date_line(date) if date else None
    for tag, text in elements:
        if tag == "head" and text == title:
            continue
        if any(p.match(text) for p in vocab.editor_lines):
            continue
        names = _byline_names(text) if len(text) < 40 else None
        if names and not front.authors and not blocks[1:]:
            front.authors = [Author(n) for n in names]
            continue
        kind = {"head": "heading", "caption": "caption"}.get(tag, "")
        blocks.append(_block(text, aligner, kind))
    words = document_words([ln for b in blocks for ln in b.lines])
    for block in blocks:
        join_lines(block, words, vocab)
        if not block.kind:
            block.kind = "note" if block.text.startswith(vocab.note_prefixes) else "paragraph"
    if len(blocks) <= (1 if title else 0):
        raise IngestError(path, "no main text found in the HTML page")
    doc = build_document(blocks, front, vocab=vocab)
    from dataclasses import replace

    return replace(doc, publisher=doc.publisher or (root.get("sitename") or None))


def _byline_names(text: str) -> list[str] | None:
    return author_names(text, vocabulary())
