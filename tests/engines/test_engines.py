"""The engines store the same thing whatever the engine and worker count, survive a bad document, and resume."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from contextlib import ExitStack
from pathlib import Path

import pytest

from kuroshio.config import Options
from kuroshio.engines import run_ingest
from kuroshio.errors import KuroshioError, StageError

PARTITION = 600  # bytes: the small test corpus still makes a dozen partitions
COMMIT = 40_000  # bytes of shards per transaction: two or three of the small corpus's shards


def _ingest(corpus: Path, db: Path, **options: object) -> tuple[object, list[KuroshioError]]:
    errors: list[KuroshioError] = []
    summary = run_ingest([str(corpus)], Options(db=str(db), **options), on_error=errors.append,  # type: ignore[arg-type]
                         partition_bytes=PARTITION, commit_bytes=COMMIT)
    return summary, errors


def test_local_stores_the_same_with_one_and_two_workers(corpus: Path, tmp_path: Path, store_contents) -> None:
    one, errors = _ingest(corpus, tmp_path / "one.duckdb", workers=1)
    assert not errors and one.documents == 40 and one.added == 40 and one.partitions > 5
    two, _ = _ingest(corpus, tmp_path / "two.duckdb", workers=2)
    assert (two.documents, two.events) == (one.documents, one.events)
    docs, events = store_contents(tmp_path / "one.duckdb")
    assert len(docs) == 40 and len(events) == one.events > 0
    assert store_contents(tmp_path / "two.duckdb") == (docs, events)


@pytest.mark.slow
def test_dask_stores_exactly_what_local_stores(corpus: Path, tmp_path: Path, store_contents) -> None:
    pytest.importorskip("distributed")
    local, _ = _ingest(corpus, tmp_path / "local.duckdb", workers=1)
    dask, errors = _ingest(corpus, tmp_path / "dask.duckdb", engine="dask", workers=2)
    assert not errors and (dask.documents, dask.events) == (local.documents, local.events)
    assert store_contents(tmp_path / "dask.duckdb") == store_contents(tmp_path / "local.duckdb")


def test_second_run_finds_everything_unchanged(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    _ingest(corpus, db, workers=1)
    again, _ = _ingest(corpus, db, workers=1)
    assert (again.added, again.unchanged, again.resumed) == (0, 40, 0)
    assert not Path(f"{db}.shards").exists()


@pytest.mark.parametrize("engine", ["local", "dask"])
def test_a_worker_raising_on_one_document_does_not_fail_the_run(
    engine: str, corpus: Path, tmp_path: Path, faults, store_contents
) -> None:
    options = Options(db=str(tmp_path / "bad.duckdb"), engine=engine, workers=2)
    errors: list[KuroshioError] = []
    with ExitStack() as stack:
        if engine == "dask":  # through a scheduler address this time (the other Dask test starts its own cluster)
            distributed = pytest.importorskip("distributed")
            cluster = stack.enter_context(
                distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            )
            options = options.with_overrides(scheduler=cluster.scheduler_address)
        summary = run_ingest([str(corpus)], options, on_error=errors.append, partition_bytes=PARTITION,
                             process=faults.FailOn(options, "doc-007"))
    assert summary.failed == 1 and summary.documents == 39
    assert isinstance(errors[0], StageError) and errors[0].doc == "doc-007" and "boom" in str(errors[0])
    docs, _ = store_contents(tmp_path / "bad.duckdb")
    assert "doc-007" not in docs and len(docs) == 39


def _killed_run(corpus: Path, db: Path, faults, *, workers: int, at: str, fault: str = "KillAt") -> None:  # type: ignore[no-untyped-def]
    """An ingest into ``db`` (a process group of its own) that ``engine_faults.<fault>`` SIGKILLs at document ``at``."""
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(Path(faults.__file__).parent)!r})
        import engine_faults
        from kuroshio.config import Options
        from kuroshio.engines import run_ingest
        options = Options(db={str(db)!r}, workers={workers})
        run_ingest([{str(corpus)!r}], options, partition_bytes={PARTITION}, commit_bytes={COMMIT},
                   process=engine_faults.{fault}(options, {at!r}))
        """
    )
    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=180,
                            start_new_session=True)
    assert killed.returncode == -9, killed.stderr


def _recorded(db: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (Path(f"{db}.shards") / "manifest.jsonl").read_text().splitlines()]


def _clean_run(corpus: Path, tmp_path: Path, store_contents) -> object:  # type: ignore[no-untyped-def]
    """The contents of a store filled from ``corpus`` by one uninterrupted run."""
    _ingest(corpus, tmp_path / "clean.duckdb", workers=1)
    return store_contents(tmp_path / "clean.duckdb")


def test_an_interrupted_run_resumes_and_ends_with_the_same_store(
    corpus: Path, tmp_path: Path, faults, store_contents
) -> None:
    db = tmp_path / "resumed.duckdb"
    _killed_run(corpus, db, faults, workers=1, at="doc-025")
    recorded = _recorded(db)
    assert recorded and sum(r["documents"] for r in recorded) < 25  # type: ignore[misc]

    resumed, errors = _ingest(corpus, db, workers=1)
    assert not errors and resumed.resumed == len(recorded)
    assert resumed.documents == 40 - sum(r["documents"] for r in recorded)  # type: ignore[misc]
    assert not Path(f"{db}.shards").exists()

    assert store_contents(db) == _clean_run(corpus, tmp_path, store_contents)


def test_a_run_whose_writer_is_killed_resumes_from_its_shards(
    corpus: Path, tmp_path: Path, faults, store_contents
) -> None:
    db = tmp_path / "shards.duckdb"
    # A pool worker SIGKILLs the driver on doc-031: partitions coded by then wait on disk as shards, some not stored.
    _killed_run(corpus, db, faults, workers=2, at="doc-031", fault="KillDriverAt")
    left = {p.name for p in Path(f"{db}.shards").glob("*.parquet")}
    assert left  # with 2 workers and 4 partitions in flight, some are coded and not yet stored
    stored = _recorded(db) if (Path(f"{db}.shards") / "manifest.jsonl").exists() else []

    resumed, errors = _ingest(corpus, db, workers=2)
    assert not errors and (resumed.resumed, resumed.recovered) == (len(stored), len(left))
    assert not Path(f"{db}.shards").exists()
    assert store_contents(db) == _clean_run(corpus, tmp_path, store_contents)


def test_shards_on_disk_are_stored_on_resume_without_coding_them_again(
    corpus: Path, tmp_path: Path, faults, store_contents
) -> None:
    from kuroshio.engines.partitions import plan_partitions
    from kuroshio.engines.shards import ShardDirectory
    from kuroshio.engines.worker import process_partition
    from kuroshio.store import Store

    db = tmp_path / "left.duckdb"
    options = Options(db=str(db), workers=1)
    Store(db).close()
    first, second, *_ = plan_partitions([str(corpus)], partition_bytes=PARTITION)
    shards = ShardDirectory.for_store(str(db))
    # As a killed run leaves them: one partition recorded as stored, one coded into a shard, a half-written shard.
    shards.record(first.key(options), documents=0, failed=0)
    info = process_partition(second, options, shards.shard_path(second.key(options)))
    (shards.path / ".half-written.123.tmp").write_bytes(b"PAR1")
    shards.close(complete=False)

    # Resume with a pipeline that refuses every document it is given: only the shard's documents can be stored.
    refused: list[KuroshioError] = []
    summary = run_ingest([str(corpus)], options, on_error=refused.append, partition_bytes=PARTITION,
                         process=faults.Refuse())
    assert (summary.resumed, summary.recovered, summary.documents) == (1, 1, info.count)
    docs, events = store_contents(db)
    assert sorted(docs) == _ids_in(second, options) and len(events) == info.events > 0
    assert len(refused) == 40 - len(_ids_in(first, options)) - info.count
    assert not Path(f"{db}.shards").exists()


def _ids_in(partition, options: Options) -> list[str]:  # type: ignore[no-untyped-def]
    from kuroshio.engines.partitions import read_partition

    return [d.id for d in read_partition(partition, options)]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_pipeline_that_cannot_be_built_fails_the_run_at_once(corpus: Path, tmp_path: Path, workers: int) -> None:
    from kuroshio.errors import ConfigError

    options = Options(db=str(tmp_path / "x.duckdb"), workers=workers, stages=("normalize", "no-such-stage"))
    with pytest.raises(ConfigError, match="no-such-stage"):
        run_ingest([str(corpus)], options, partition_bytes=PARTITION)


def test_cli_ingest_with_two_workers(corpus: Path, tmp_path: Path, runner) -> None:
    from kuroshio.cli import app

    db = tmp_path / "cli.duckdb"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert "40 documents (40 added" in result.output


def test_the_local_pool_keeps_a_bounded_number_of_partitions_in_flight(corpus: Path, tmp_path: Path) -> None:
    from kuroshio.engines.local import map_local
    from kuroshio.engines.partitions import plan_partitions

    partitions = list(plan_partitions([str(corpus)], partition_bytes=PARTITION))
    pulled = 0

    def feed():  # type: ignore[no-untyped-def]
        nonlocal pulled
        for i, partition in enumerate(partitions):
            pulled += 1
            yield partition, str(tmp_path / f"{i}.parquet")

    results = map_local(feed(), Options(), workers=2)
    first = next(results)
    assert pulled <= 4 < len(partitions)
    rest = list(results)
    assert first.count + sum(r.count for r in rest) == 40
    assert len(list(tmp_path.glob("*.parquet"))) == len(partitions)


def test_progress_bar_runs_to_the_end(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = run_ingest([str(corpus)], Options(db=str(tmp_path / "p.duckdb"), workers=1), progress=True,
                         partition_bytes=PARTITION)
    assert summary.documents == 40
    assert "40 documents" in capsys.readouterr().err
