"""Crash safety and a second process: kill -9 mid-write leaves whole documents only; a locked store is a clear error."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kuroshio.cli import app
from kuroshio.errors import StoreError
from kuroshio.store import Store

FACTORY = Path(__file__).with_name("factory.py")

_PRELUDE = f"""
import importlib.util, sys, time
spec = importlib.util.spec_from_file_location("factory", {str(FACTORY)!r})
factory = importlib.util.module_from_spec(spec); spec.loader.exec_module(factory)
from kuroshio.store import Store, to_records
"""

HOLD = _PRELUDE + """
with Store(sys.argv[1]) as store:
    print("ready", flush=True)
    time.sleep(float(sys.argv[2]))
"""

WRITER = _PRELUDE + """
with Store(sys.argv[1]) as store:
    for doc in factory.many_documents(3, 50):
        store.add(doc)
        print("added", doc.id, flush=True)
    table = to_records(factory.many_documents(120, 250, prefix="batch"))
    print("batch", flush=True)
    store.add_records(table)
    print("done", flush=True)
"""


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _wait_for(proc: subprocess.Popen[str], word: str, timeout: float = 60.0) -> list[str]:
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"child ended before {word!r}: {proc.stderr.read() if proc.stderr else ''}")
        lines.append(line.strip())
        if line.startswith(word):
            return lines
    raise AssertionError(f"no {word!r} within {timeout} s")


def test_a_second_process_gets_a_clear_locked_error(tmp_path, runner):
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    child = _spawn(HOLD, str(path), "30")
    try:
        _wait_for(child, "ready")
        with pytest.raises(StoreError, match="locked by another process"):
            Store(path)
        with pytest.raises(StoreError, match="locked by another process"):
            Store(path, read_only=True)
        result = runner.invoke(app, ["events", "--db", str(path)])
        assert result.exit_code == 1 and "store is locked by another process" in result.output
    finally:
        child.kill()
        child.wait()
    with Store(path, read_only=True) as store:  # the lock goes with the process
        assert store.count_events() == 0


def test_wait_retries_until_the_writer_is_gone(tmp_path):
    path = tmp_path / "busy.duckdb"
    Store(path).close()
    child = _spawn(HOLD, str(path), "1.5")
    try:
        _wait_for(child, "ready")
        with Store(path, read_only=True, wait=30) as store:
            assert store.stats()["documents"] == 0
    finally:
        child.kill()
        child.wait()


def test_kill_9_during_a_write_leaves_whole_documents_and_a_rerun_equals_a_clean_run(tmp_path, factory):
    path = tmp_path / "crash.duckdb"
    child = _spawn(WRITER, str(path))
    try:
        lines = _wait_for(child, "batch")
        time.sleep(0.05)  # inside the batch's transaction
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert [line for line in lines if line.startswith("added")] == ["added k0", "added k1", "added k2"]

    small = factory.many_documents(3, 50)
    batch = factory.many_documents(120, 250, prefix="batch")
    with Store(path) as store:
        stats = store.stats()
        # The batch is one transaction: all of it or none of it.
        assert stats["documents"] in (3, 123)
        assert stats["events"] == 3 * 50 + (120 * 250 if stats["documents"] == 123 else 0)
        for doc in small:
            assert store.document(doc.id) == doc
        orphans = store.con.execute("SELECT count(*) FROM events WHERE doc NOT IN (SELECT id FROM documents)")
        assert orphans.fetchall() == [(0,)]
        # The re-run: what was stored is unchanged, the rest is added.
        assert store.add_many(small) == ["unchanged"] * 3
        store.add_many(batch)
        rerun = store.stats()
    with Store(tmp_path / "clean.duckdb") as clean:
        clean.add_many(small)
        clean.add_many(batch)
        expected = clean.stats()
        assert clean.document("batch7") is not None
    assert rerun == expected
