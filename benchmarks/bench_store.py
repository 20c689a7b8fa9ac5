"""Store speed on synthetic events: bulk insert rate, dyad series, network and other queries.

Targets (issue 6): with 10 million events, a dyad month series < 0.2 s, the network < 1 s, bulk insert >= 100k events/s.
Records come from ``synth_events.py`` (Arrow rows, as workers send them); each event also brings one sentence row
and two mention rows. Query times are the median of 5 runs on a store reopened read-only (the first, cold run is
reported too). The Python path (model Documents -> ``Store.add_many``) is measured on a smaller batch.

    python benchmarks/bench_store.py [--events 10000000] [--no-append] [--db PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import append_results  # noqa: E402
from synth_events import shards  # noqa: E402

from kuroshio.events.ontology import lookup  # noqa: E402
from kuroshio.model import Document, Event, Sentence  # noqa: E402
from kuroshio.store import Store  # noqa: E402


def timed(fn: Callable[[], Any], runs: int = 5) -> tuple[float, float, Any]:
    """(cold seconds, median seconds of ``runs`` warm runs, last result)."""
    t = time.perf_counter()
    result = fn()
    cold = time.perf_counter() - t
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return cold, statistics.median(times), result


def python_documents(n_docs: int, per_doc: int) -> list[Document]:
    pairs = [("KORGOV", "KOR", "JPN", "JPN"), ("CHN", "CHN", "USAGOV", "USA"), ("JPNMIL", "JPN", "CHN", "CHN")]
    codes = [lookup(c) for c in ("042", "057", "112", "1031", "0234", "190")]
    docs = []
    for d in range(n_docs):
        events = []
        for i in range(per_doc):
            s, sc, t, tc = pairs[(d + i) % len(pairs)]
            c = codes[(d * 7 + i) % len(codes)]
            events.append(
                Event(
                    doc=f"py-{d}", sentence_index=i, sentence=f"Sentence {i} of document {d} about {c.name}.",
                    source=s, source_country=sc, source_text=sc, target=t, target_country=tc, target_text=tc,
                    cameo=c.code, root=c.root, quad_class=c.quad_class, goldstein=c.goldstein, plover=c.plover,
                    date=f"20{10 + d % 15}-{1 + i % 12:02d}-{1 + d % 28:02d}", date_precision="day", mode="actual",
                    spans={"source": (0, 3), "target": (10, 13), "trigger": (5, 8)}, confidence=0.8,
                )
            )  # fmt: skip
        text = " ".join(e.sentence for e in events)
        sentences = tuple(Sentence(index=i, start=0, end=10) for i in range(per_doc))
        docs.append(Document(id=f"py-{d}", text=text, date="2020-01-01", sentences=sentences, events=tuple(events)))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", type=Path, default=None, help="store file (default: a temporary one)")
    parser.add_argument("--no-append", action="store_true", help="do not append to RESULTS.md")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="kuroshio-bench-store-")
    db = args.db or Path(tmp.name) / "bench.duckdb"
    rows: list[tuple[str, str]] = []

    gen_seconds = insert_seconds = 0.0
    total = 0
    with Store(db) as store:
        source = shards(args.events)
        while True:
            t = time.perf_counter()
            table = next(source, None)
            gen_seconds += time.perf_counter() - t
            if table is None:
                break
            n = pc.sum(pc.list_value_length(table.column("events"))).as_py()
            t = time.perf_counter()
            store.add_records(table)
            insert_seconds += time.perf_counter() - t
            total += n
            print(f"  inserted {total:,} events ({total / insert_seconds:,.0f}/s)", file=sys.stderr)
        again = next(shards(min(args.events, 500_000)))
        t = time.perf_counter()
        statuses = store.add_records(again)
        unchanged_s = time.perf_counter() - t
        assert set(statuses) == {"unchanged"}, set(statuses)
        del again
    size_mb = Path(db).stat().st_size / 1e6
    rows.append(("events stored", f"{total:,} (+{total:,} sentences, {2 * total:,} mentions)"))
    rows.append(("bulk insert (Arrow records)", f"{total / insert_seconds:,.0f} events/s ({insert_seconds:.1f} s)"))
    rows.append(("synthetic generation (not stored time)", f"{gen_seconds:.1f} s"))
    rows.append(("re-adding 500k unchanged events", f"{unchanged_s:.2f} s (all 'unchanged')"))
    rows.append(("store file size", f"{size_mb:,.0f} MB"))

    def measure(store: Store, queries: list[tuple[str, Callable[[], Any], float | None]], label: str) -> None:
        for name, fn, target in queries:
            cold, warm, result = timed(fn)
            size = len(result["edges"]) if isinstance(result, dict) and "edges" in result else result
            size = len(size) if isinstance(size, list | dict) else size
            verdict = ""
            if target is not None:
                verdict = f" — {'meets' if warm < target else 'MISSES'} target < {target:g} s"
            rows.append((f"{name}{label}", f"{warm * 1000:.0f} ms median (cold {cold * 1000:.0f} ms; result {size})"
                         f"{verdict}"))  # fmt: skip
            print(f"  {name}{label}: {warm * 1000:.1f} ms", file=sys.stderr)

    def key_queries(store: Store) -> list[tuple[str, Callable[[], Any], float | None]]:
        return [
            ("dyad series KOR-JPN month", lambda: store.dyad_series("KOR", "JPN", freq="month"), 0.2),
            ("dyad series MMR-TUR month (rare dyad)", lambda: store.dyad_series("MMR", "TUR", freq="month"), 0.2),
            ("network (country level)", lambda: store.network(), 1.0),
        ]

    with Store(db, read_only=True) as store:  # rows as inserted (each batch sorted by dyad)
        measure(store, key_queries(store), ", before optimize()")
    with Store(db) as store:
        t = time.perf_counter()
        store.optimize(force=True)
        rows.append(("optimize() (cluster events by dyad, date)", f"{time.perf_counter() - t:.1f} s"))

    with Store(db, read_only=True) as store:
        queries: list[tuple[str, Callable[[], Any], float | None]] = [
            *key_queries(store),
            ("dyad series CHN-USA month", lambda: store.dyad_series("CHN", "USA", freq="month"), 0.2),
            ("dyad series KORGOV-JPN week ab", lambda: store.dyad_series("KORGOV", "JPN", freq="week", direction="ab"),
             0.2),
            ("network (actor level, min_count 10)", lambda: store.network(level="actor", min_count=10), 1.0),
            ("top 10 dyads", lambda: store.top_dyads(10), None),
            ("top 10 actors", lambda: store.top_actors(10), None),
            ("count_events(source=KOR, code=04)", lambda: store.count_events(source="KOR", code="04"), None),
            ("events(source=KOR, target=JPN, limit=50)", lambda: store.events(source="KOR", target="JPN", limit=50),
             None),
            ("timeline KOR-JPN 2019 (all rows)", lambda: store.timeline("KOR", "JPN", since="2019", until="2019"),
             None),
            ("stats()", store.stats, None),
        ]  # fmt: skip
        measure(store, queries, "")

    py_docs = python_documents(2000, 50)
    with Store(Path(tmp.name) / "python.duckdb") as store:
        t = time.perf_counter()
        store.add_many(py_docs)
        py_s = time.perf_counter() - t
        t = time.perf_counter()
        for doc in py_docs[:200]:
            store.add(doc)
        one_s = time.perf_counter() - t
    rows.append(("add_many(2,000 Documents, 100k events)", f"{100_000 / py_s:,.0f} events/s ({py_s:.2f} s)"))
    rows.append(("add() one document at a time, unchanged", f"{one_s / 200 * 1000:.1f} ms per document"))

    print("\n".join(f"{k}: {v}" for k, v in rows))
    if not args.no_append:
        append_results("bench_store.py", rows, notes="Targets: dyad month series < 0.2 s, network < 1 s, "
                       "bulk insert >= 100k events/s (issue 6).")  # fmt: skip
    tmp.cleanup()


if __name__ == "__main__":
    main()
