"""Engine scaling and memory: ``kuroshio ingest`` with 1 and 2 workers on the local and Dask engines.

Each run is a fresh process (``run_ingest`` into a new DuckDB store) whose whole process tree (driver, pool or Dask
workers, scheduler, nannies) is sampled for resident memory every 50 ms; the peak of the sum is reported, with the
driver's own peak (the driver is the one writer), the tree's CPU seconds and the driver's (on a shared machine the
wall-clock speed-up depends on other load; the CPU cost does not). Peak memory is then measured with 2 workers on
corpora of several sizes (``--memory-mb``) to show whether it depends on the corpus size.

    python benchmarks/bench_engines.py [--mb 4] [--engines local,dask] [--repeat 2] [--memory-mb 1,4,16|0] [--no-append]
"""

from __future__ import annotations

import argparse
import json
import os
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
CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def corpus(megabytes: float, seed: int = 3) -> Path:
    path = DATA / f"engines-{megabytes:g}mb-{seed}.jsonl"
    if not path.exists():
        write_corpus(path, megabytes, seed=seed)
    return path


def child(args: list[str]) -> int:
    """Run one ingest (in this fresh process) and print its summary as JSON."""
    corpus_path, db, engine, workers, stages = args
    from kuroshio.config import Options
    from kuroshio.engines import run_ingest

    options = Options(db=db, engine=engine, workers=int(workers))
    if stages:
        options = options.with_overrides(stages=stages.split(","))
    start = time.perf_counter()
    summary = run_ingest([corpus_path], options)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": seconds, "documents": summary.documents, "events": summary.events,
                      "failed": summary.failed, "partitions": summary.partitions,
                      "driver_cpu": usage.ru_utime + usage.ru_stime}))
    return 0


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def run(corpus_path: Path, engine: str, workers: int, stages: str = "") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(corpus_path), db, engine, str(workers), stages],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        peak = driver_peak = 0
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak, driver_peak
            ps = psutil.Process(proc.pid)
            while not stop.is_set():
                try:
                    peak = max(peak, tree_rss(ps))
                    driver_peak = max(driver_peak, ps.memory_info().rss)
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
    result["driver_mb"] = driver_peak / 1e6
    # CPU seconds of the whole tree (every process that was waited for): what the run cost, whatever the load.
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB for 1 vs 2 workers (default 4)")
    parser.add_argument("--engines", default="local,dask", help="comma-separated engines (default local,dask)")
    parser.add_argument("--stages", default="", help="comma-separated pipeline stages (default: all)")
    parser.add_argument("--memory-mb", default="1,4,16", help="corpus sizes for peak memory, comma-separated (0: no)")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each worker count, interleaved (fastest counts)")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args(argv)
    engines = args.engines.split(",")
    sizes = [float(x) for x in args.memory_mb.split(",") if float(x) > 0]
    big = corpus(args.mb)
    rows: list[tuple[str, str]] = [
        ("corpus", f"{big.stat().st_size / 1e6:.1f} MB JSONL ({big.name})"),
        ("stages", args.stages or "all"),
    ]
    for engine in engines:
        best: dict[int, dict[str, float]] = {}
        walls: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(args.repeat):  # interleaved, so that a burst of other load hits both worker counts alike
            for workers in (1, 2):
                r = run(big, engine, workers, args.stages)
                walls[workers].append(r["seconds"])
                if workers not in best or r["seconds"] < best[workers]["seconds"]:
                    best[workers] = r
        for workers, r in best.items():
            rows.append((f"{engine}, {workers} worker(s), fastest of {args.repeat}",
                         f"{r['seconds']:.1f} s (all: {', '.join(f'{w:.1f}' for w in walls[workers])}), "
                         f"{r['documents'] / r['seconds']:,.0f} documents/s, {args.mb / r['seconds']:.2f} MB/s, "
                         f"{r['events']} events, CPU {r['cpu']:.1f} s (driver {r['driver_cpu']:.1f} s), "
                         f"peak {r['peak_mb']:.0f} MB (driver {r['driver_mb']:.0f})"))
        rows.append((f"{engine}: speed-up 2 workers / 1 (target >= 1.7)",
                     f"**{best[1]['seconds'] / best[2]['seconds']:.2f}x** wall; "
                     f"CPU cost 2 workers / 1: {best[2]['cpu'] / best[1]['cpu']:.2f}"))
        # The 2-worker run cannot end before its CPU seconds spread over every core, whatever the engine does: the
        # speed-up is at most wall(1) / (CPU(2) / cores). A 1-worker run that codes and stores in one process (local)
        # has wall(1) ~ CPU(1), so about 2 on 2 cores; one whose driver stores while a worker codes (dask) already
        # overlaps the two on 2 cores, so its bound is 2 x coding / (coding + storing).
        floor = best[2]["cpu"] / CORES
        rows.append((f"{engine}: bound on {CORES} cores, wall(1) / (CPU(2) / {CORES})",
                     f"{best[1]['seconds'] / floor:.2f}x; the 2-worker run kept the cores "
                     f"{100 * floor / best[2]['seconds']:.0f} % busy"))
    for engine in engines:
        peaks = []
        for size in sizes:
            r = run(corpus(size), engine, 2, args.stages)
            peaks.append(r["peak_mb"])
            rows.append((f"{engine}, 2 workers, {size:g} MB corpus",
                         f"{r['seconds']:.1f} s, {r['documents']} documents, {r['events']} events, "
                         f"peak {r['peak_mb']:.0f} MB (driver {r['driver_mb']:.0f})"))
        if len(peaks) > 1:
            rows.append((f"{engine}: peak memory, largest / smallest corpus ({sizes[-1]:g} / {sizes[0]:g} MB)",
                         f"**{peaks[-1] / peaks[0]:.2f}** (max / min over the sizes {max(peaks) / min(peaks):.2f})"))
    for name, value in rows:
        print(f"{name:60s} {value}")
    if not args.no_append:
        append_results("bench_engines.py", rows, notes="Peak = resident memory summed over the whole process tree. "
                       "Bound = the speed-up if the 2-worker run kept every core busy with the CPU seconds it used.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
