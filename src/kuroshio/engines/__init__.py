"""Engines map the per-document pipeline over partitions of the inputs and hand the results to one store writer.

``local`` uses a process pool, ``dask`` a Dask cluster; both stream (bounded memory) and resume interrupted runs.
Stages never see the engine.
"""

from kuroshio.engines.run import IngestSummary, run_ingest

__all__ = ["IngestSummary", "run_ingest"]
