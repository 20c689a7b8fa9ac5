"""Engines map the per-document pipeline over many inputs and hand results to the one store writer."""

from kuroshio.engines.local import IngestSummary, run_ingest

__all__ = ["IngestSummary", "run_ingest"]
