"""The event store (DuckDB): documents, sentences, mentions, events and runs. See docs/store.md."""

from kuroshio.errors import StoreError
from kuroshio.store.records import RECORD_SCHEMA, content_hash, to_records
from kuroshio.store.schema import SCHEMA_VERSION
from kuroshio.store.store import Store, dictionary_checksums

__all__ = [
    "RECORD_SCHEMA",
    "SCHEMA_VERSION",
    "Store",
    "StoreError",
    "content_hash",
    "dictionary_checksums",
    "to_records",
]
