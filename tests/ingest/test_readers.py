"""Inputs of every kind, encodings, corpora, directories, gzip; bad inputs each give one error, the batch goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.errors import IngestError
from kuroshio.ingest import document_from_text, iter_documents
from kuroshio.model import Document

SAMPLES = Path(__file__).resolve().parents[2] / "examples" / "samples"
NEWS = "美日兩國外長週三在東京舉行會談，同意加強安全合作。\n\n中國外交部對此表示強烈不滿。\n"


def run(paths: list[Path], **options: object) -> list[Document | IngestError]:
    return list(iter_documents([str(p) for p in paths], Options().with_overrides(**options)))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "big5", "gb18030"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    text = (
        NEWS
        if encoding != "gb18030"
        else "美日两国外长周三在东京举行会谈，同意加强安全合作。\n\n中国外交部对此表示强烈不满。\n"
    )
    path = tmp_path / f"news.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = run([path])
    assert isinstance(doc, Document)
    assert doc.text.replace("\n\n", "\n") == text.strip().replace("\n\n", "\n")


def test_bad_inputs_each_one_error_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(NEWS, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 10)
    big = tmp_path / "big.txt"
    big.write_text("外長會談。" * 400, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": NEWS})
        + "\n{broken json\n"
        + json.dumps({"id": "c", "title": "x"})
        + "\n"
        + json.dumps(
            {
                "id": "d",
                "html": "<html><body><article><p>"
                + "日韓外長會談並發表聯合聲明。" * 5
                + "</p></article></body></html>",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    items = run([good, empty, garbage, big, missing, corpus, good], max_bytes=5000)
    errors = [str(i) for i in items if isinstance(i, IngestError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["good.txt", "a", "d", "good.txt"]
    assert len(errors) == 6
    assert errors[0].endswith("empty.txt: empty file")
    assert "garbage.txt: binary file" in errors[1]
    assert "big.txt: file too large" in errors[2]
    assert errors[3].endswith("missing.txt: no such file")
    assert "corpus.jsonl:2: invalid JSON" in errors[4]
    assert "corpus.jsonl:3: record has no 'text' or 'html'" in errors[5]


def test_gzip_and_directories(tmp_path: Path) -> None:
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "one.txt.gz").write_bytes(gzip.compress(NEWS.encode("utf-8")))
    (tmp_path / "a" / "two.md").write_text(NEWS, encoding="utf-8")
    (tmp_path / "a" / "ignored.bin").write_bytes(b"\x00\x01")
    docs = run([tmp_path])
    assert sorted(d.id for d in docs if isinstance(d, Document)) == ["one.txt.gz", "two.md"]


def test_gzip_bomb_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 200_000))
    (err,) = run([path], max_bytes=10_000)
    assert isinstance(err, IngestError) and "decompressed size" in err.reason


def test_csv_and_parquet_corpora(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {
            "id": "r1",
            "text": NEWS,
            "date": "2025-10-08",
            "title": "外長會談",
            "url": "https://example.org/1",
            "lang": "zh-Hant",
        },
        {"id": "r2", "text": "", "date": None, "title": None, "url": None, "lang": None},
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet")
    csv_path = tmp_path / "c.csv"
    csv_path.write_text('id,text,date\nr3,"Japan and South Korea held talks.",2025-10-09\n', encoding="utf-8")
    items = run([tmp_path / "c.parquet", csv_path])
    doc, err, doc3 = items
    assert isinstance(doc, Document) and doc.id == "r1" and doc.date == "2025-10-08" and doc.script == "zh-Hant"
    assert doc.title == "外長會談" and doc.url == "https://example.org/1"
    assert isinstance(err, IngestError) and err.line == 2
    assert isinstance(doc3, Document) and doc3.id == "r3" and doc3.date == "2025-10-09"


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    (err,) = run([path])
    assert isinstance(err, IngestError) and "no 'text' or 'html' column" in err.reason


def test_document_from_text_options() -> None:
    doc = document_from_text(NEWS, options=Options(date="2025-01-02"), id="x", lang="zh-Hant")
    assert doc.id == "x" and doc.date == "2025-01-02" and doc.lang == "zh" and doc.script == "zh-Hant"
    with pytest.raises(IngestError):
        document_from_text("  ", options=Options())


def test_samples_read() -> None:
    docs = run(sorted(SAMPLES.glob("*.txt")) + sorted(SAMPLES.glob("*.html")))
    assert all(isinstance(d, Document) for d in docs)
    titles = {d.id: d.title for d in docs if isinstance(d, Document)}
    assert titles["news_en_1.txt"] == "Seoul and Tokyo pledge closer security ties at summit"
    assert titles["news_zh_hans_2.txt"] == "韩美日谴责朝鲜发射弹道导弹"


def test_html_in_big5_with_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>外長會談</title></head>'
        "<body><article><h1>美日外長會談</h1><p>" + "美日兩國外長週三在東京舉行會談，同意加強安全合作。" * 3
        + "</p><p>中國外交部對此表示強烈不滿，並召見日本駐華大使。</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("big5"))
    (doc,) = run([path])
    assert isinstance(doc, Document)
    assert "中國外交部對此表示強烈不滿" in doc.text


def test_document_from_record_reads_one_corpus_record_as_a_corpus_line_is_read(tmp_path: Path) -> None:
    from kuroshio.ingest import document_from_record

    record = {"id": "r1", "text": NEWS, "date": "2025-03-05", "lang": "zh-Hant"}
    (tmp_path / "c.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (from_file,) = run([tmp_path / "c.jsonl"])
    assert document_from_record(record, str(tmp_path / "c.jsonl"), 1, Options()) == from_file
    bad = document_from_record(["not", "a", "mapping"], "feed.jsonl", 7, Options())
    assert isinstance(bad, IngestError) and (bad.path, bad.line) == ("feed.jsonl", 7)
    empty = document_from_record({"id": "e", "text": "  "}, "feed.jsonl", 8, Options())
    assert isinstance(empty, IngestError) and "empty" in empty.reason
