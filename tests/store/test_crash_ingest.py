"""`kill -9` during `kuroshio ingest`: the store opens, holds whole documents only, and a re-run equals a clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from kuroshio.store import Store

# Our own sentences (facts only), repeated into documents long enough to keep the ingest busy for a few seconds.
SENTENCES = [
    "South Korea and Japan held talks in Tokyo on trade.",
    "China criticized the United States over tariffs.",
    "The South Korean president visited Washington.",
    "North Korea threatened Japan with missile tests.",
    "Taiwan and the Philippines signed a fisheries agreement.",
]


def _corpus(folder, n: int) -> None:  # type: ignore[no-untyped-def]
    """``n`` text files: the engine stores a folder's files in batches, one transaction each."""
    folder.mkdir()
    for i in range(n):
        text = " ".join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(10)) + f" Report {i}."
        (folder / f"report-{i:04d}.txt").write_text(text + "\n", encoding="utf-8")


def _ingest(corpus, db, *, commit_bytes: int | None = None) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    """``kuroshio ingest`` of ``corpus``; with ``commit_bytes`` the same run through the Python API, committing
    that many bytes of shards per transaction (the CLI's 64 MB would hold this small corpus in one)."""
    env = {**os.environ, "KUROSHIO_CONFIG": os.devnull}
    env.pop("KUROSHIO_DB", None)
    if commit_bytes is None:
        command = ["-m", "kuroshio", "ingest", str(corpus), "--db", str(db), "--workers", "1", "--date", "2025-09-01"]
    else:
        command = ["-c", "from kuroshio.config import Options; from kuroshio.engines import run_ingest; "
                   f"run_ingest([{str(corpus)!r}], Options(db={str(db)!r}, workers=1, date='2025-09-01'), "
                   f"commit_bytes={commit_bytes})"]
    return subprocess.Popen([sys.executable, *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            start_new_session=True)


def _content(path) -> tuple[dict[str, int], list[tuple]]:  # type: ignore[no-untyped-def]
    with Store(path, read_only=True) as store:
        stats = {k: v for k, v in store.stats().items() if k != "runs"}
        rows = store.con.execute(
            "SELECT doc, idx, sentence_index, source, target, cameo, mode, date FROM events ORDER BY doc, idx"
        ).fetchall()
    return stats, rows


@pytest.mark.slow
def test_kill_9_during_ingest(tmp_path):
    corpus = tmp_path / "corpus"
    _corpus(corpus, 400)
    crashed = tmp_path / "crashed.duckdb"
    child = _ingest(corpus, crashed, commit_bytes=1)  # a transaction per shard: the kill falls between commits
    try:
        # Wait until the first batch is committed (the write-ahead log grows with it), then kill.
        wal = crashed.with_name(crashed.name + ".wal")
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            if wal.exists() and wal.stat().st_size > 50_000:
                break
            time.sleep(0.02)
        time.sleep(0.2)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()

    with Store(crashed) as store:  # opens (the WAL is replayed), nothing partial
        partial = store.con.execute(
            """SELECT count(*) FROM documents d WHERE n_events <> (SELECT count(*) FROM events e WHERE e.doc = d.id)
               OR n_sentences <> (SELECT count(*) FROM sentences s WHERE s.doc = d.id)
               OR n_mentions <> (SELECT count(*) FROM mentions m WHERE m.doc = d.id)"""
        ).fetchall()
        orphans = store.con.execute("SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents)")
        assert partial == [(0,)]
        assert orphans.fetchall() == [(0,)]
        stored_before = store.stats()["documents"]
    assert 0 < stored_before < 400, f"{stored_before} documents stored: the kill came too early or too late"

    rerun = _ingest(corpus, crashed)
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read() if rerun.stderr else ""
    clean_db = tmp_path / "clean.duckdb"
    clean = _ingest(corpus, clean_db)
    assert clean.wait(timeout=300) == 0, clean.stderr.read() if clean.stderr else ""
    assert _content(crashed) == _content(clean_db)
