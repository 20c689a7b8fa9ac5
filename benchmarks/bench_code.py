"""Coding speed: Chinese and English sentences per second per core, against jieba segmentation of the same text.

All measured in one process (one core), in the same run, so the ratios hold on a noisy machine:
- ``coder``: read text (``document_from_text``) and run the whole pipeline (normalize, segment, actors, events);
- ``end to end``: ``run_ingest`` with one worker from a JSONL file into a fresh DuckDB store (text in, events stored);
- ``jieba.lcut`` and ``rjieba.cut`` over the same texts (segmentation alone, no coding).
Dictionaries are loaded before timing (their load time is reported on its own).

    python benchmarks/bench_code.py [--mb 1.0] [--profile zh|en] [--no-append]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import documents  # noqa: E402
from results import append_results  # noqa: E402

from kuroshio.config import Options  # noqa: E402
from kuroshio.ingest import document_from_text  # noqa: E402
from kuroshio.pipeline import Pipeline  # noqa: E402


def texts(lang: str, megabytes: float, seed: int) -> list[dict[str, str]]:
    limit = int(megabytes * 1_000_000)
    out, size = [], 0
    for record in documents(lang, seed):
        out.append(record)
        size += len(record["text"].encode("utf-8"))
        if size >= limit:
            break
    return out


def timed(fn, *args):  # type: ignore[no-untyped-def]
    """Wall seconds of ``fn(*args)`` and its value; the CPU seconds of this process go to ``cpu_seconds``."""
    global cpu_seconds
    start, cpu = time.perf_counter(), time.process_time()
    value = fn(*args)
    cpu_seconds = time.process_time() - cpu
    return time.perf_counter() - start, value


cpu_seconds = 0.0


def code_all(records: list[dict[str, str]], options: Options) -> tuple[int, int]:
    pipeline = Pipeline(options)
    sentences = events = 0
    for r in records:
        doc = pipeline.process(document_from_text(r["text"], options=options, id=r["id"], date=r["date"]))
        sentences += len(doc.sentences)
        events += len(doc.events)
    return sentences, events


def jieba_all(records: list[dict[str, str]]) -> int:
    import jieba

    return sum(len(jieba.lcut(r["text"])) for r in records)


def rjieba_all(records: list[dict[str, str]]) -> int:
    import rjieba

    return sum(len(rjieba.cut(r["text"])) for r in records)


def end_to_end(records: list[dict[str, str]], options: Options) -> tuple[float, int]:
    """Seconds to ingest the records from a JSONL file into a new store with one worker (this process)."""
    from kuroshio.engines import run_ingest

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        opts = options.with_overrides(db=str(Path(tmp) / "bench.duckdb"), workers=1, engine="local")
        seconds, summary = timed(run_ingest, [str(corpus)], opts)
    return seconds, summary.events


def best(repeat: int, fn, *args):  # type: ignore[no-untyped-def]
    """The fastest of ``repeat`` runs (the least disturbed by other load on a noisy machine) and its value."""
    runs = [timed(fn, *args) for _ in range(repeat)]
    return min(t for t, _ in runs), runs[0][1]


def measure(lang: str, megabytes: float, seed: int, options: Options, repeat: int) -> list[tuple[str, str]]:
    records = texts(lang, megabytes, seed)
    mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    t_code = t_e2e = t_jieba = t_rjieba = c_code = c_jieba = float("inf")
    for _ in range(repeat):  # interleaved, so that a burst of load hits every measure alike
        t, (sentences, events) = timed(code_all, records, options)
        t_code, c_code = min(t_code, t), min(c_code, cpu_seconds)
        t, stored = end_to_end(records, options)
        t_e2e = min(t_e2e, t)
        if lang == "zh":
            t_jieba = min(t_jieba, timed(jieba_all, records)[0])
            c_jieba = min(c_jieba, cpu_seconds)
            t_rjieba = min(t_rjieba, timed(rjieba_all, records)[0])
    rows = [
        (f"{lang}: text", f"{len(records)} documents, {sentences} sentences, {mb:.2f} MB"),
        (f"{lang}: coder", f"{t_code:.2f} s = {sentences / t_code:,.0f} sentences/s = {mb / t_code:.2f} MB/s "
                           f"({events} events); CPU {c_code:.2f} s = {sentences / c_code:,.0f} sentences/s"),
        (f"{lang}: end to end (stored)", f"{t_e2e:.2f} s = {sentences / t_e2e:,.0f} sentences/s ({stored} events)"),
    ]
    if lang == "zh":
        rows += [
            ("zh: jieba.lcut", f"{t_jieba:.2f} s = {mb / t_jieba:.2f} MB/s"),
            ("zh: rjieba.cut", f"{t_rjieba:.2f} s = {mb / t_rjieba:.2f} MB/s"),
            ("zh: coder / jieba.lcut (target <= 1.0)", f"**{t_code / t_jieba:.2f}** (CPU: {c_code / c_jieba:.2f})"),
            ("zh: end to end / jieba.lcut", f"{t_e2e / t_jieba:.2f}"),
            ("zh: coder / rjieba.cut", f"{t_code / t_rjieba:.2f}"),
        ]
    return rows


def warm_up(options: Options) -> float:
    """Load every dictionary and automaton (and jieba's) before timing."""
    import jieba
    import rjieba

    start = time.perf_counter()
    pipeline = Pipeline(options)
    for lang in ("zh", "en"):
        r = texts(lang, 0.001, 99)[0]
        pipeline.process(document_from_text(r["text"], options=options, id="warm", date=r["date"]))
    seconds = time.perf_counter() - start
    jieba.setLogLevel(60)
    jieba.initialize()
    rjieba.cut("预热")
    return seconds


def profile(lang: str, megabytes: float, seed: int, options: Options) -> None:
    records = texts(lang, megabytes, seed)
    profiler = cProfile.Profile()
    profiler.runcall(code_all, records, options)
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(30)
    print(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="MB of text per language (default 1.0)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure; the fastest counts (default 3)")
    parser.add_argument("--profile", choices=("zh", "en"), help="print a cProfile of the coder instead")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args(argv)
    options = Options()
    load = warm_up(options)
    if args.profile:
        profile(args.profile, args.mb, args.seed, options)
        return 0
    rows = [("dictionary load (both languages, first documents)", f"{load:.2f} s")]
    for lang in ("zh", "en"):
        rows += measure(lang, args.mb, args.seed, options, args.repeat)
    for name, value in rows:
        print(f"{name:48s} {value}")
    if not args.no_append:
        append_results(
            "bench_code.py",
            rows,
            notes=f"One process, one core; fastest of {args.repeat} interleaved runs; Kuroshio's sentences.",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
