"""Kuroshio: political event data from Chinese and English text.

The public API::

    import kuroshio
    doc = kuroshio.read("commentary.txt", date="2025-09-20")   # -> Document
    events = kuroshio.code(doc)                                 # -> list[Event]
    with kuroshio.Store("kuroshio.duckdb") as store:
        store.add(kuroshio.process(doc))
"""

from __future__ import annotations

import logging
from importlib.metadata import PackageNotFoundError, version

from kuroshio.api import code, process, read, read_all
from kuroshio.config import Options, load_options
from kuroshio.errors import IngestError, KuroshioError
from kuroshio.model import Document, Event, Mention, Sentence
from kuroshio.pipeline import Pipeline

try:
    __version__ = version("kuroshio")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    # The store pulls in DuckDB; import it only when asked for.
    if name == "Store":
        from kuroshio.store import Store

        return Store
    raise AttributeError(name)


__all__ = [
    "Document",
    "Event",
    "IngestError",
    "KuroshioError",
    "Mention",
    "Options",
    "Pipeline",
    "Sentence",
    "Store",
    "__version__",
    "code",
    "load_options",
    "process",
    "read",
    "read_all",
]
