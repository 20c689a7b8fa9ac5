"""From lines to a Document: join lines into blocks, label the blocks, read the byline, keep the source map.

Every reader (text extract, PDF, HTML) turns its input into :class:`Line` objects (text plus one source offset per
character, and whatever layout signals it has) grouped into :class:`RawBlock` lists. This module does the rest, the
same way for all of them:

1. ``join_lines``: lines of a block become one string. CJK lines join with no space, Latin lines with one; a broken
   URL is glued back; a line-end hyphen is dropped only when the joined word is a word (attested elsewhere in the
   document, or a stem plus a common suffix, and not a prefix that takes a hyphen such as ``well-``).
2. ``label_blocks``: notes (編按, Editor's note) and captions (圖片來源, Photo:) by their markers; then the front
   matter (the heading-like blocks before the first paragraph) gives the title (largest font, else first), the
   authors, affiliations with roles (新台灣國策智庫研發長 -> 新台灣國策智庫 + 研發長) and the date; later heading-like
   blocks followed by text are headings; the rest are paragraphs.
3. ``build_document``: blocks joined by blank lines, block offsets, :class:`~kuroshio.model.SourceRun` runs, URLs,
   and the publisher named in an editor's note.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from kuroshio.ingest.vocabulary import Vocabulary, vocabulary
from kuroshio.model import Author, Block, Document, SourceRun

SENTENCE_END = frozenset('。！？!?.;；…」』）)"”’')
HARD_END = frozenset("。！？!?.;；…")
CONTINUES = frozenset("，、,：:（(「『《〈“‘-—")
URL_CHARS = re.compile(r"[A-Za-z0-9/._~%?#=&+:@!$'*,;\-]+")
URL_TAIL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9/._~%?#=&+:@!$'*,;\-]*$")
URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9/._~%?#=&+:@!$*,;\-]+[A-Za-z0-9/_~%#=&+\-]")
LATIN_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
HYPHEN_END = re.compile(r"([A-Za-z]+)[-\u2010\u00ad]$")
WORD_START = re.compile(r"[a-z]+")
DATE_PATTERNS = (
    re.compile(r"^(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?:(?P<d>\d{1,2})\s*日)?$"),
    re.compile(r"^(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})(?:[-/.](?P<d>\d{1,2}))?$"),
    re.compile(
        r"^(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?P<d>\d{1,2}),?\s+"
        r"(?P<y>(?:19|20)\d\d)$"
    ),
    re.compile(
        r"^(?P<d>\d{1,2})\s+(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+"
        r"(?P<y>(?:19|20)\d\d)$"
    ),
)
MONTHS = {m: i for i, m in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), start=1)}
LATIN_NAME = re.compile(r"^(?:[A-Z][a-zA-Z'’\-]*\.?\s+){1,3}[A-Z][a-zA-Z'’\-]+$")
NAME_IN_PARENS = re.compile(r"^(?P<name>[^（(]{2,30})[（(](?P<aff>[^）)]{2,60})[）)]$")


def is_wide(ch: str) -> bool:
    """True for characters that join across a line break without a space (CJK ideographs, kana, CJK punctuation)."""
    if "\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
        return False  # Hangul: Korean puts spaces between words
    return unicodedata.east_asian_width(ch) in ("W", "F")


class _Widths(dict[str, int]):
    """Character -> cell width, filled on first sight (``sum(map(widths.__getitem__, text))`` stays in C)."""

    def __missing__(self, ch: str) -> int:
        width = self[ch] = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        return width


_WIDTHS = _Widths()


# Ranges every Unicode version makes wide (W/F; a test checks them against unicodedata): counted by one C-level
# pass; ASCII is narrow; only the characters left over are looked up one by one.
_ASCII_RUN = re.compile("[\x00-\x7f]+")
_SURELY_WIDE = re.compile("[\u3000-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]+")


def cell_width(text: str) -> int:
    """Display width in cells: CJK characters count 2."""
    if text.isascii():  # no ASCII character is wide: skip the per-character lookup
        return len(text)
    non_ascii = _ASCII_RUN.sub("", text)
    rest = _SURELY_WIDE.sub("", non_ascii)
    return len(text) + len(non_ascii) - len(rest) + sum(map(_WIDTHS.__getitem__, rest)) - len(rest)


@dataclass(slots=True)
class Line:
    """One visual line: its text (no surrounding whitespace), a source offset per character, and layout signals."""

    text: str
    src: list[int]
    page: int | None = None
    width: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float | None = None
    bold: bool = False
    lead: bool = False
    trail: bool = False


@dataclass(slots=True)
class RawBlock:
    lines: list[Line]
    kind: str = ""
    text: str = ""
    src: list[int] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)

    @property
    def size(self) -> float | None:
        sizes = [ln.size for ln in self.lines if ln.size]
        return statistics.median(sizes) if sizes else None

    @property
    def bold(self) -> bool:
        return all(ln.bold for ln in self.lines)

    @property
    def page(self) -> int | None:
        return self.lines[0].page if self.lines else None


# 1. joining lines -----------------------------------------------------------------------------------------------


def document_words(lines: Sequence[Line]) -> set[str]:
    """Lower-cased Latin words (and hyphenated compounds) written inside lines, not across line ends."""
    words: set[str] = set()
    for line in lines:
        body = line.text[:-1] if line.text.endswith(("-", "\u2010", "\u00ad")) else line.text
        for m in LATIN_WORD.finditer(body):
            word = m.group(0).lower()
            words.add(word)
            if "-" in word:
                words.update(word.split("-"))
    return words


def keep_hyphen(left: str, right: str, words: set[str], vocab: Vocabulary) -> bool:
    """Whether ``left-`` at a line end followed by ``right`` is a real hyphenated compound."""
    joined, hyphenated = (left + right).lower(), f"{left}-{right}".lower()
    if joined in words:
        return False
    if hyphenated in words:
        return True
    if left.lower() in vocab.hyphen_keep_prefixes:
        return True
    if len(left) >= 2 and any(right.lower().endswith(s) and len(right) > len(s) - 1 for s in vocab.word_suffixes):
        return False
    return True


def _glue_url(out: list[str], nxt: str) -> bool:
    tail = "".join(out[-300:])
    m = URL_TAIL.search(tail)
    if not m:
        return False
    first = URL_CHARS.match(nxt)
    if not first:
        return False
    token = first.group(0)
    return any(c in token for c in "./?=&%#") or m.group(0)[-1:] in "/.?=&-_#%"


def join_lines(block: RawBlock, words: set[str], vocab: Vocabulary) -> None:
    """Fill ``block.text``/``src``/``pages`` by joining its lines (see the module docstring)."""
    out: list[str] = []
    src: list[int] = []
    pages: list[int | None] = []
    for line in block.lines:
        text = line.text
        if not text:
            continue
        if out:
            prev = out[-1]
            hyphen = HYPHEN_END.search("".join(out[-40:]))
            start = WORD_START.match(text)
            if _glue_url(out, text):
                pass
            elif (
                hyphen
                and start
                and (prev == "\u00ad" or not keep_hyphen(hyphen.group(1), start.group(0), words, vocab))
            ):
                out.pop()
                src.pop()
                pages.pop()
            elif hyphen and start:
                pass
            elif is_wide(prev) or is_wide(text[0]):
                pass
            else:
                out.append(" ")
                src.append(-1)
                pages.append(line.page)
        out.extend(text)
        src.extend(line.src)
        pages.extend([line.page] * len(text))
    block.text, block.src, block.pages = "".join(out), src, pages


# 2. labelling blocks ----------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Front:
    title: str | None = None
    authors: list[Author] = field(default_factory=list)
    date: str | None = None


def parse_date(text: str) -> str | None:
    """YYYY-MM-DD (or YYYY-MM) from a date line, or None."""
    text = text.strip()
    for pattern in DATE_PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        parts = m.groupdict()
        year = int(parts["y"])
        month = int(parts["m"]) if parts.get("m") else MONTHS.get((parts.get("mon") or "")[:3].title(), 0)
        day = int(parts["d"]) if parts.get("d") else None
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31):
            return None
        return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return None


def is_note(text: str, vocab: Vocabulary) -> bool:
    return text.startswith(vocab.note_prefixes)


def is_caption(text: str, vocab: Vocabulary) -> bool:
    if _any_of(vocab.caption_markers).search(text):
        return True
    return len(text) <= 160 and any(p.search(text) for p in vocab.caption_patterns)


@lru_cache(maxsize=64)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One search for any of ``words`` (non-empty) anywhere in a text."""
    return re.compile("|".join(re.escape(w) for w in words) or "(?!)")


_ROLE_SEPARATORS = (", ", " at ", " of the ", ", the ", " — ", " - ")


def split_role(text: str, vocab: Vocabulary) -> tuple[str, str | None] | None:
    """(affiliation, role) of an affiliation line, or None when the line is not one."""
    text = text.strip()
    separated = any(sep in text for sep in _ROLE_SEPARATORS)  # an English role needs one of them
    for role in vocab.roles:
        if role.isascii():
            if not separated:
                continue
            for sep in _ROLE_SEPARATORS:
                head, found, tail = text.partition(sep)
                if found and head.lower() == role.lower() and tail:
                    return tail.strip(), role
                if found and tail.lower() == role.lower() and head:
                    return head.strip(), role
        elif text.endswith(role) and len(text) > len(role) + 1:
            return text[: -len(role)].strip(" ，,、"), role
    if any(marker in text for marker in vocab.organization_markers):
        return text, None
    return None


def is_cjk_name(text: str, vocab: Vocabulary) -> bool:
    """A Chinese personal name: a known surname and one or two more characters, or a transliteration with ·."""
    if "·" in text or "‧" in text or "・" in text:
        return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,6}(?:[·‧・][\u4e00-\u9fff]{1,6}){1,3}", text))
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text) or text in vocab.not_names:
        return False
    return any(text.startswith(s) and 1 <= len(text) - len(s) <= 2 for s in vocab.surnames)


def parse_byline(text: str, vocab: Vocabulary) -> list[Author] | None:
    """The authors on a byline line, or None when the line is not a byline.

    記者陳怡君／綜合報導 -> 陳怡君; 聯合報／編譯周辰陽／即時報導 -> 周辰陽 (role 編譯); 莊文仁/核稿編輯 -> 莊文仁 (role
    核稿編輯); 作者：劉志強、陳靜; By Helen Park and John Lee; 凌勝利 教授.
    """
    text = text.strip()
    for pattern in vocab.byline_patterns:
        m = pattern.match(text)
        if m:
            return [Author(m.group("name"))]
    for prefix in vocab.byline_prefixes:
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
            break
    authors: list[Author] = []
    pending_role: str | None = None
    for segment in (s.strip() for s in re.split(r"[／/|｜]", text)):
        if not segment or segment in vocab.byline_noise:
            continue
        role = next((r for r in vocab.byline_roles if segment == r), None)
        if role:
            if authors and authors[-1].role is None:
                authors[-1] = Author(authors[-1].name, authors[-1].affiliation, role)
            else:
                pending_role = role
            continue
        role = next((r for r in vocab.byline_roles if segment.startswith(r)), None)
        if role and is_cjk_name(segment[len(role) :].strip(), vocab):
            authors.append(Author(segment[len(role) :].strip(), None, role))
            continue
        role = next((r for r in vocab.byline_roles + vocab.roles if segment.endswith(r) and not r.isascii()), None)
        if role and is_cjk_name(segment[: -len(role)].strip(), vocab):
            authors.append(Author(segment[: -len(role)].strip(), None, role))
            continue
        names = [p.strip() for p in re.split(r"[、，,]|\s+and\s+|\s*&\s*", segment) if p.strip()]
        if names and all(is_cjk_name(n, vocab) or LATIN_NAME.match(n) for n in names):
            authors.extend(Author(n, None, pending_role) for n in names)
            pending_role = None
            continue
        if re.search(r"(?:報|报|社|新聞|新闻|時報|时报|電視|电视|日報|日报|網|网)$", segment) and len(segment) <= 8:
            continue  # the outlet
        return None
    return authors or None


def inline_byline(text: str, vocab: Vocabulary) -> str | None:
    """The reporter named at the start of a paragraph (〔記者方瑋立／台北報導〕 -> 方瑋立), or None."""
    for pattern in vocab.inline_bylines:
        m = pattern.match(text)
        if not m:
            continue
        rest = m.group("rest")
        for size in (3, 2, 4):
            if len(rest) >= size and is_cjk_name(rest[:size], vocab):
                return rest[:size]
    return None


def author_names(text: str, vocab: Vocabulary) -> list[str] | None:
    """Names on a byline line (see :func:`parse_byline`), or None when it is not a byline."""
    authors = parse_byline(text, vocab)
    return [a.name for a in authors] if authors else None


def find_date(text: str) -> str | None:
    """The date of a front-matter date line: the whole line; a date with at most 8 other letters ("WORLD | Apr. 2,
    2024", "2023/9/8 10:15(更新)"); or, in a line of at most 80 characters, a date with its day that at most a weekday
    or label precedes, followed by a time or place ("Monday, March 3, 2025, 9:05 a.m.
    Press Office"). A title that mentions a date is not a date line."""
    whole = parse_date(text)
    if whole or len(text) > 80 or text[-1] in HARD_END:
        return whole
    for pattern in DATE_PATTERNS:
        m = re.compile(pattern.pattern.lstrip("^").rstrip("$")).search(text)
        if not m:
            continue
        rest = text[: m.start()] + text[m.end() :]
        before = sum(1 for c in text[: m.start()] if c.isalpha())
        han = sum(1 for c in rest if "\u4e00" <= c <= "\u9fff")
        if sum(1 for c in rest if c.isalpha()) <= 8 or (m.groupdict().get("d") and before <= 12 and han <= 6):
            return parse_date(m.group(0))
    return None


def heading_like(block: RawBlock, *, body_size: float | None, max_lines: int) -> bool:
    text = block.text
    if not text or len(block.lines) > max_lines:
        return False
    if len(text) > 90 or cell_width(text) > 90 or len(text.split()) > 14:  # (a cell width is at least the length)
        return False
    if text[-1] in HARD_END or text[-1] in CONTINUES or text[-1] in "，,":
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if body_size and block.size:
        return block.bold or block.size > body_size * 1.08 or len(block.lines) == 1 and cell_width(text) < 50
    return True


def body_font_size(blocks: Sequence[RawBlock]) -> float | None:
    weights: dict[float, int] = {}
    for block in blocks:
        for line in block.lines:
            if line.size:
                key = round(line.size, 1)
                weights[key] = weights.get(key, 0) + len(line.text)
    return max(weights, key=lambda k: weights[k]) if weights else None


def label_blocks(blocks: list[RawBlock], vocab: Vocabulary, *, max_heading_lines: int = 1) -> Front:
    """Set ``kind`` on every block and return the front matter (title, authors, date)."""
    body_size = body_font_size(blocks)
    front = Front()
    looks_heading = [heading_like(b, body_size=body_size, max_lines=max_heading_lines) for b in blocks]
    for block in blocks:
        if is_note(block.text, vocab):
            block.kind = "note"
        elif is_caption(block.text, vocab):
            block.kind = "caption"
    for i, block in enumerate(blocks):  # date lines in the front matter
        if block.kind:
            continue
        date = find_date(block.text) if len(block.lines) <= 2 else None
        if date:
            block.kind = "date"
            front.date = front.date or date
        elif not looks_heading[i]:
            break
    first_body = next(
        (i for i, b in enumerate(blocks) if not b.kind and not looks_heading[i]),
        len(blocks),
    )
    candidates = [i for i in range(first_body) if not blocks[i].kind]
    if candidates:
        if body_size:
            title_i = max(candidates, key=lambda i: ((blocks[i].size or 0), -i))
        else:
            title_i = candidates[0]
        if first_body == len(blocks) and len(candidates) == 1 and len(blocks) > 1:
            title_i = candidates[0]
        blocks[title_i].kind = "title"
        front.title = blocks[title_i].text
        pending: list[Author] = []
        for i in candidates:
            if i == title_i:
                continue
            _label_front_block(blocks[i], vocab, front, pending)
    if not front.authors:
        first = next((b for b in blocks if not b.kind), None)
        name = inline_byline(first.text, vocab) if first is not None else None
        if name:
            front.authors.append(Author(name))
    for i, block in enumerate(blocks):
        if block.kind:
            continue
        nxt = next((b for b in blocks[i + 1 :] if b.kind not in ("caption",)), None)
        if looks_heading[i] and nxt is not None and not nxt.kind and not is_note(nxt.text, vocab):
            block.kind = "heading"
        else:
            block.kind = "paragraph"
    return front


def _label_front_block(block: RawBlock, vocab: Vocabulary, front: Front, pending: list[Author]) -> None:
    text = block.text
    date = find_date(text)
    if date:
        block.kind = "date"
        front.date = front.date or date
        return
    m = NAME_IN_PARENS.match(text)
    if m and parse_byline(m.group("name"), vocab):
        authors = parse_byline(m.group("name"), vocab) or []
        aff = split_role(m.group("aff"), vocab) or (m.group("aff"), None)
        block.kind = "author"
        front.authors.extend(Author(a.name, aff[0], aff[1] or a.role) for a in authors)
        return
    aff = split_role(text, vocab)
    authors = parse_byline(text, vocab)
    cjk = bool(authors) and all(is_cjk_name(a.name, vocab) for a in authors or ())
    if authors and (cjk or not aff):
        block.kind = "author"
        front.authors.extend(authors)
        pending.extend(authors)
        return
    if aff and (front.authors or pending):
        block.kind = "affiliation"
        affiliation, role = aff
        for author in pending:
            index = front.authors.index(author)
            front.authors[index] = Author(author.name, affiliation, role or author.role)
        pending.clear()
        return
    block.kind = "heading"


# 3. the document ---------------------------------------------------------------------------------------------------


def publisher_from_notes(notes: Sequence[str], vocab: Vocabulary) -> str | None:
    for note in notes:
        for pattern in vocab.publisher_patterns:
            m = pattern.search(note)
            if m:
                return m.group("name").strip()
    return None


def _extends(src: list[int], pages: list[int | None], start: int, a: int, b: int) -> bool:
    """Characters ``start + a`` .. ``start + b - 1`` continue the run that starts at ``start`` (C-level compares)."""
    first = src[start]
    return src[start + a : start + b] == list(range(first + a, first + b)) and (
        pages[start + a : start + b] == [pages[start]] * (b - a)
    )


def source_runs(src: Sequence[int], pages: Sequence[int | None]) -> tuple[SourceRun, ...]:
    """Maximal runs of consecutive source offsets on one page (offset -1, an inserted character, is in none)."""
    src, pages = list(src), list(pages)
    n = len(src)
    runs: list[SourceRun] = []
    start = 0
    while start < n:
        if src[start] < 0:
            start += 1
            continue
        try:  # no run goes past an inserted character; most runs end right there
            limit = src.index(-1, start) - start
        except ValueError:
            limit = n - start
        if _extends(src, pages, start, 1, limit):
            runs.append(SourceRun(start, src[start], limit, pages[start]))
            start += limit
            continue
        good, step = 1, 1  # gallop: a run of length ``good`` is known, ``bad`` is too long
        bad = limit + 1
        while good < limit:
            probe = min(good + step, limit)
            if not _extends(src, pages, start, good, probe):
                bad = probe
                break
            good, step = probe, step * 2
        while bad - good > 1:  # bisect between the two, checking only the new part
            mid = (good + bad) // 2
            if _extends(src, pages, start, good, mid):
                good = mid
            else:
                bad = mid
        runs.append(SourceRun(start, src[start], good, pages[start]))
        start += good
    return tuple(runs)


def build_document(blocks: list[RawBlock], front: Front, *, vocab: Vocabulary | None = None) -> Document:
    """The Document of labelled, joined blocks (id and source path are left for the reader to set)."""
    vocab = vocab or vocabulary()
    parts: list[str] = []
    src: list[int] = []
    pages: list[int | None] = []
    out_blocks: list[Block] = []
    pos = 0
    for block in blocks:
        if not block.text:
            continue
        if parts:
            parts.append("\n\n")
            src.extend((-1, -1))
            pages.extend((None, None))
            pos += 2
        parts.append(block.text)
        src.extend(block.src)
        pages.extend(block.pages)
        out_blocks.append(Block(block.kind or "paragraph", pos, pos + len(block.text), block.page))
        pos += len(block.text)
    text = "".join(parts)
    notes = [b.text for b in blocks if b.kind == "note"]
    urls = tuple(dict.fromkeys(m.group(0) for m in URL.finditer(text)))
    return Document(
        id="",
        text=text,
        title=front.title,
        authors=tuple(front.authors),
        publisher=publisher_from_notes(notes, vocab),
        date=front.date,
        urls=urls,
        blocks=tuple(out_blocks),
        source_runs=source_runs(src, pages),
    )


def finish(blocks: list[RawBlock], *, max_heading_lines: int = 1) -> Document:
    """Join, label and assemble: the shared tail of every reader."""
    vocab = vocabulary()
    blocks = [b for b in blocks if b.lines]
    lines = [ln for b in blocks for ln in b.lines]
    # the words only decide hyphens at line ends: without such a line they are never consulted
    hyphenated = any(ln.text.endswith(("-", "\u2010", "\u00ad")) for ln in lines)
    words = document_words(lines) if hyphenated else set()
    for block in blocks:
        join_lines(block, words, vocab)
    blocks = [b for b in blocks if b.text]
    front = label_blocks(blocks, vocab, max_heading_lines=max_heading_lines)
    return build_document(blocks, front, vocab=vocab)
