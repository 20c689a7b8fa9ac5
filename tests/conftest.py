"""Shared fixtures: where ../shared is (it is absent outside the project's own machines), and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
SEED = SHARED / "seeds" / "000_d0e56f442d3a9965.txt"
DEV = SHARED / "eval" / "dev"
SAMPLES = REPO / "examples" / "samples"


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not present (the seed is not ours to ship); CI has it")
    return SEED


@pytest.fixture
def dev_dir() -> Path:
    if not (DEV / "gold.jsonl").is_file():
        pytest.skip("../shared/eval/dev is not present (the dev corpus is not ours to ship); CI has it")
    return DEV


@pytest.fixture
def runner():  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    return CliRunner()


def _store_factory():  # type: ignore[no-untyped-def]
    """tests/store/factory.py (Documents and Events built by hand), loaded once under one module name."""
    import importlib.util
    import sys

    name = "kuroshio_store_test_factory"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "tests" / "store" / "factory.py")
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[name] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules[name]


@pytest.fixture
def factory():  # type: ignore[no-untyped-def]
    return _store_factory()


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    from kuroshio.store import Store

    with Store(tmp_path / "test.duckdb") as s:
        yield s
