"""Ingest throughput: PDF pages per second and text/HTML documents per second (not a test; run by `make bench`).

.venv/bin/python benchmarks/bench_ingest.py [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from kuroshio.config import Options
from kuroshio.ingest import iter_documents
from kuroshio.model import Document

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "ingest" / "fixtures"
SAMPLES = REPO / "examples" / "samples"


def _measure(paths: list[Path], repeat: int) -> tuple[int, float]:
    docs = 0
    start = time.perf_counter()
    for _ in range(repeat):
        for item in iter_documents([str(p) for p in paths], Options()):
            docs += isinstance(item, Document)
    return docs, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    import pdfplumber

    pdfs = sorted(FIXTURES.glob("*.pdf"))
    pages_per_pass = 0
    for pdf in pdfs:
        with pdfplumber.open(pdf) as handle:
            pages_per_pass += len(handle.pages)
    docs, seconds = _measure(pdfs, args.repeat)
    pages = pages_per_pass * args.repeat
    print(
        f"pdf : {docs} documents, {pages} pages in {seconds:.2f}s -> {pages / seconds:.1f} pages/s, "
        f"{docs / seconds:.1f} docs/s"
    )
    texts = sorted(SAMPLES.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
    docs, seconds = _measure(texts, args.repeat * 5)
    size = sum(p.stat().st_size for p in texts) * args.repeat * 5
    print(f"text: {docs} documents in {seconds:.2f}s -> {docs / seconds:.1f} docs/s, {size / seconds / 1e6:.2f} MB/s")
    htmls = sorted(SAMPLES.glob("*.html"))
    docs, seconds = _measure(htmls, args.repeat * 5)
    print(f"html: {docs} documents in {seconds:.2f}s -> {docs / seconds:.1f} docs/s")


if __name__ == "__main__":
    main()
