"""Ingest throughput: PDF pages/s and documents/s for PDFs, texts and HTML pages (not a test; run by `make bench`).

    .venv/bin/python benchmarks/bench_ingest.py [--repeat N] [--no-append]

Inputs: the committed fixtures (tests/ingest/fixtures: five PDFs from fpdf2 and reportlab, 10 pages in all) and the
bundled samples (examples/samples). Every input is read ``--repeat`` times, one process, no cache between reads.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import append_results  # noqa: E402

from kuroshio.config import Options  # noqa: E402
from kuroshio.ingest import iter_documents  # noqa: E402
from kuroshio.model import Document  # noqa: E402

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
    parser.add_argument("--no-append", action="store_true", help="Do not append to RESULTS.md.")
    args = parser.parse_args()
    import pdfplumber

    rows: list[tuple[str, str]] = []
    pdfs = sorted(FIXTURES.glob("*.pdf"))
    pages_per_pass = 0
    for pdf in pdfs:
        with pdfplumber.open(pdf) as handle:
            pages_per_pass += len(handle.pages)
    docs, seconds = _measure(pdfs, args.repeat)
    pages = pages_per_pass * args.repeat
    rows.append((f"PDF ({len(pdfs)} files, {pages_per_pass} pages) x{args.repeat}",
                 f"{pages / seconds:.1f} pages/s, {docs / seconds:.1f} docs/s"))
    texts = sorted(SAMPLES.glob("*.txt")) + sorted(FIXTURES.glob("*.txt"))
    docs, seconds = _measure(texts, args.repeat * 5)
    size = sum(p.stat().st_size for p in texts) * args.repeat * 5
    rows.append((f"text ({len(texts)} files) x{args.repeat * 5}",
                 f"{docs / seconds:.0f} docs/s, {size / seconds / 1e6:.2f} MB/s"))
    htmls = sorted(SAMPLES.glob("*.html")) + sorted((FIXTURES / "html").glob("*.html"))
    docs, seconds = _measure(htmls, args.repeat * 5)
    rows.append((f"HTML ({len(htmls)} files) x{args.repeat * 5}", f"{docs / seconds:.1f} docs/s"))
    print("\n".join(f"{k}: {v}" for k, v in rows))
    if not args.no_append:
        append_results("bench_ingest.py", rows, notes="Issue 3: ingest throughput, one process.")


if __name__ == "__main__":
    main()
