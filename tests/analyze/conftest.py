from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_FACTORY = Path(__file__).resolve().parents[1] / "store" / "factory.py"


def _factory():  # type: ignore[no-untyped-def]
    name = "kuroshio_store_test_factory"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, _FACTORY)
        module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
        sys.modules[name] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
    return sys.modules[name]


@pytest.fixture
def factory():  # type: ignore[no-untyped-def]
    return _factory()


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    from kuroshio.store import Store

    with Store(tmp_path / "test.duckdb") as s:
        yield s
