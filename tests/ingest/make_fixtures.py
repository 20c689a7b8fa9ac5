"""Build the ingest fixtures and the bundled samples from the texts in ``sample_texts.py``.

    .venv/bin/python tests/ingest/make_fixtures.py [--pdf]

Writes ``examples/samples/*`` (extract-style commentary, news items, an HTML page) and ``tests/ingest/fixtures/*``
(extract-style texts, and with ``--pdf`` PDFs from two generators: fpdf2 embedding a CJK TrueType font, reportlab
with the non-embedded CID font STSong-Light and stroke-drawn bold headings). The expected structure of each fixture
goes to ``tests/ingest/cases/<name>.json``. Building PDFs needs a TrueType CJK font (Debian: fonts-wqy-zenhei); the
tests only read the committed files.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SAMPLES = REPO / "examples" / "samples"
FIXTURES = HERE / "fixtures"
CASES = HERE / "cases"
sys.path.insert(0, str(HERE))

from sample_texts import ANALYSIS_HANS, COMMENTARY_HANT, NEWS_EN, NEWS_HANS, REPORT_EN  # noqa: E402

_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.,:/?=&%#_~+\-]*|\S")


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap_cells(text: str, width: int, first: int | None = None) -> list[str]:
    """Hard-wrap like a PDF extractor: CJK breaks anywhere, Latin words move whole, overlong tokens (URLs) break."""
    lines: list[str] = []
    line = ""
    limit = first if first is not None else width
    tokens = [m.group(0) for m in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.,:/?=&%#_~+\-]*| |.", text)]
    for token in tokens:
        while token:
            room = limit - cell_width(line)
            if cell_width(token) <= room:
                line += token
                token = ""
            elif len(token) > 12 and room > 4:  # a URL or long token: break it inside
                cut = room
                line += token[:cut]
                token = token[cut:]
                lines.append(line)
                line, limit = "", width
            else:
                lines.append(line.rstrip(" "))
                line, limit = "", width
                token = token.lstrip(" ")
    if line:
        lines.append(line)
    return [x for x in lines if x]


def render_extract(doc: dict[str, Any], *, width: int = 60, page_lines: int = 31, header: str | None = None) -> str:
    """Render a document as a PDF text extract in the seed's style.

    Every line is followed by a blank line; the last line of each block ends with a space; whitespace-only lines
    separate the front matter; paragraph first lines are two CJK cells narrower; a page break shows as a line that
    starts with a space and has no blank line before it; a long URL is broken across lines. With ``header``, a page
    break is instead a page-number footer, a form feed and a running header, as pdftotext writes them.
    """
    blocks: list[tuple[str, list[str]]] = []  # (separator before, lines)
    if doc.get("caption"):
        blocks.append(("", wrap_cells(doc["caption"], width + 26)))
    blocks.append(("spacer2", [doc["title"]]))
    for i, (name, affiliation, role) in enumerate(doc["authors"]):
        blocks.append(("spacer" if i == 0 else "", [name]))
        blocks.append(("", [f"{affiliation}{role}"]))
    if doc.get("date"):
        blocks.append(("", [doc["date"]]))
    first_body = True
    for kind, text in doc["body"]:
        sep = "spacer" if first_body else ""
        first_body = False
        if kind == "heading":
            blocks.append((sep, [text]))
        else:
            blocks.append((sep, wrap_cells(text, width, first=width - 4)))
    blocks.append(("spacer2", [doc["note"]]))
    out: list[str] = []
    content_lines = 0
    for b, (sep, lines) in enumerate(blocks):
        for i, line in enumerate(lines):
            last = i == len(lines) - 1
            text = line + (" " if last else "")
            content_lines += 1
            if b == 0 and i == 0:
                out.append(" " + text)  # the first page starts with a space too
                continue
            if content_lines % page_lines == 0 and header:
                page = content_lines // page_lines
                out.append(f"\n\n- {page} -\n\f{header}\n\n" + text)
                continue
            if content_lines % page_lines == 0:
                out.append("\n " + text)  # page break: no blank line, a leading space
                continue
            if i == 0 and sep == "spacer":
                out.append("\n\n \n\n" + text)
            elif i == 0 and sep == "spacer2":
                out.append("\n\n \n\n \n\n" + text)
            else:
                out.append("\n\n" + text)
    return "".join(out) + "\n\n \n\n \n"


def expected_structure(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": doc["title"],
        "authors": [{"name": n, "affiliation": a, "role": r} for n, a, r in doc["authors"]],
        "publisher": doc.get("publisher"),
        "captions": [c for c in (doc.get("caption"), (doc.get("figure") or (0, None))[1]) if c],
        "headings": [t for k, t in doc["body"] if k == "heading"],
        "paragraphs": [t for k, t in doc["body"] if k == "paragraph"],
        "notes": [doc["note"]],
    }


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def build_texts() -> None:
    write(SAMPLES / "commentary_zh_hant.txt", render_extract(COMMENTARY_HANT, page_lines=17))
    for item in NEWS_HANS + NEWS_EN:
        write(SAMPLES / f"{item['name']}.txt", item["text"])
    write(FIXTURES / "analysis_zh_hans.txt", render_extract(ANALYSIS_HANS, width=56, page_lines=17))
    for doc in (COMMENTARY_HANT, ANALYSIS_HANS, REPORT_EN):
        expected = expected_structure(doc)
        write(CASES / f"{doc['name']}.json", json.dumps(expected, ensure_ascii=False, indent=1) + "\n")


def main(argv: list[str]) -> None:
    build_texts()
    if "--pdf" in argv:
        from make_pdfs import build_pdfs

        build_pdfs()


if __name__ == "__main__":
    main(sys.argv[1:])
