"""Engine scaling and memory: ``kuroshio ingest`` with 1 and 2 workers on the local and Dask engines.

Each run is a fresh process (``run_ingest`` into a new DuckDB store) whose whole process tree (driver, pool or Dask
workers, scheduler, nannies) is sampled for resident memory every 50 ms; the peak of the sum is reported, with the
tree's CPU seconds (on a shared machine the wall-clock speed-up depends on other load; the CPU cost does not). Peak
memory is measured again on a corpus four times smaller (and, with ``--memory-mb``, on a large one) to show how it
depends on the corpus size. The cost of shipping results to the writer as pickled Documents or as Arrow rows is
measured on the side.

    python benchmarks/bench_engines.py [--mb 20] [--engines local,dask] [--memory-mb 100|0] [--no-append]
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402
from gen_corpus import write_corpus  # noqa: E402
from results import append_results  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"


def corpus(megabytes: float, seed: int = 3) -> Path:
    path = DATA / f"engines-{megabytes:g}mb-{seed}.jsonl"
    if not path.exists():
        write_corpus(path, megabytes, seed=seed)
    return path


def child(args: list[str]) -> int:
    """Run one ingest (in this fresh process) and print its summary as JSON."""
    corpus_path, db, engine, workers, ship, stages = args
    from kuroshio.config import Options
    from kuroshio.engines import run_ingest

    options = Options(db=db, engine=engine, workers=int(workers))
    if stages:
        options = options.with_overrides(stages=stages.split(","))
    start = time.perf_counter()
    summary = run_ingest([corpus_path], options, ship=ship)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "documents": summary.documents, "events": summary.events,
                      "failed": summary.failed, "partitions": summary.partitions}))
    return 0


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def run(corpus_path: Path, engine: str, workers: int, ship: str = "arrow", stages: str = "") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(corpus_path), db, engine, str(workers), ship, stages],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        peak = 0
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            ps = psutil.Process(proc.pid)
            while not stop.is_set():
                try:
                    peak = max(peak, tree_rss(ps))
                except psutil.Error:
                    return
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        out, err = proc.communicate()
        stop.set()
        sampler.join()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise SystemExit(f"ingest failed ({engine}, {workers}): {err[-2000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = peak / 1e6
    # CPU seconds of the whole tree (every process that was waited for): what the run cost, whatever the load.
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def shipping(corpus_path: Path, stages: str, documents: int = 400) -> list[tuple[str, str]]:
    """Cost of sending one partition's results to the writer: pickled Documents vs Arrow rows."""
    from kuroshio.config import Options
    from kuroshio.engines.partitions import plan_partitions
    from kuroshio.engines.worker import process_partition
    from kuroshio.store.records import to_records

    options = Options().with_overrides(stages=stages.split(",") if stages else None)
    (part, *_) = plan_partitions([str(corpus_path)], partition_bytes=documents * 2500)
    docs = process_partition(part, options, ship="pickle").documents
    start = time.perf_counter()
    for _ in range(3):
        blob = pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL)
        to_records(pickle.loads(blob))
    t_pickle = (time.perf_counter() - start) / 3
    start = time.perf_counter()
    for _ in range(3):
        table = to_records(docs)
    t_convert = (time.perf_counter() - start) / 3
    start = time.perf_counter()
    for _ in range(3):
        pickle.loads(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    t_arrow = (time.perf_counter() - start) / 3
    n = len(docs)
    return [
        (f"ship {n} documents as pickled Documents (pickle, unpickle, to_records on the writer)",
         f"{t_pickle * 1000:.1f} ms, all on the writer ({len(blob) / 1e6:.2f} MB)"),
        (f"ship {n} documents as Arrow rows (to_records on the worker, pickle, unpickle)",
         f"{(t_convert + t_arrow) * 1000:.1f} ms, of which {t_arrow * 1000:.1f} ms on the writer"),
    ]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB (default 20)")
    parser.add_argument("--engines", default="local,dask", help="comma-separated engines (default local,dask)")
    parser.add_argument("--stages", default="", help="comma-separated pipeline stages (default: all)")
    parser.add_argument("--ship", choices=("arrow", "pickle"), default="arrow", help="how workers send results")
    parser.add_argument("--memory-mb", type=float, default=100, help="peak memory on this big a corpus (0: no)")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args(argv)
    big = corpus(args.mb)
    small = corpus(args.mb / 4)
    rows: list[tuple[str, str]] = [
        ("corpus", f"{big.stat().st_size / 1e6:.1f} MB JSONL ({big.name})"),
        ("stages, shipping", f"{args.stages or 'all'}, {args.ship}"),
    ]
    for engine in args.engines.split(","):
        timings, cpu = {}, {}
        for workers in (1, 2):
            r = run(big, engine, workers, args.ship, args.stages)
            timings[workers], cpu[workers] = r["seconds"], r["cpu"]
            rows.append((f"{engine}, {workers} worker(s)",
                         f"{r['seconds']:.1f} s, {r['documents'] / r['seconds']:,.0f} documents/s, "
                         f"{args.mb / r['seconds']:.2f} MB/s, {r['events']} events, CPU {r['cpu']:.1f} s, "
                         f"peak {r['peak_mb']:.0f} MB"))
        rows.append((f"{engine}: speed-up 2 workers / 1 (target >= 1.7)",
                     f"**{timings[1] / timings[2]:.2f}x** wall; CPU cost 2 workers / 1: {cpu[2] / cpu[1]:.2f}"))
        r = run(small, engine, 2, args.ship, args.stages)
        rows.append((f"{engine}, 2 workers, corpus / 4 ({args.mb / 4:g} MB)", f"peak {r['peak_mb']:.0f} MB"))
    if args.memory_mb:
        large = corpus(args.memory_mb)
        r = run(large, "local", 2, args.ship, args.stages)
        rows.append((f"local, 2 workers, {args.memory_mb:g} MB corpus",
                     f"{r['seconds']:.1f} s, {args.memory_mb / r['seconds']:.2f} MB/s, {r['documents']} documents, "
                     f"{r['events']} events, peak {r['peak_mb']:.0f} MB"))
    rows += shipping(small, args.stages)
    for name, value in rows:
        print(f"{name:60s} {value}")
    if not args.no_append:
        append_results("bench_engines.py", rows, notes="Peak = resident memory summed over the whole process tree.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
