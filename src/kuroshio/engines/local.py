"""The local engine: read, process and store documents one after another in this process."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kuroshio.config import Options
from kuroshio.errors import KuroshioError


@dataclass(slots=True)
class IngestSummary:
    documents: int = 0
    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    failed: int = 0


def run_ingest(
    paths: Iterable[str],
    options: Options,
    *,
    on_error: Callable[[KuroshioError], None] | None = None,
    progress: bool = False,
) -> IngestSummary:
    """Code every document under ``paths`` and store it in ``options.db``."""
    from kuroshio.pipeline import Pipeline
    from kuroshio.store import Store

    summary = IngestSummary()
    pipeline = Pipeline(options)
    with Store(options.db) as store:
        run_id = store.start_run(options)
        for outcome in pipeline.run(paths):
            if outcome.error is not None or outcome.document is None:
                summary.failed += 1
                if on_error and outcome.error is not None:
                    on_error(outcome.error)
                continue
            status = store.add(outcome.document, run_id=run_id)
            summary.documents += 1
            setattr(summary, status, getattr(summary, status) + 1)
            summary.events += len(outcome.document.events)
        store.finish_run(run_id, documents=summary.documents, events=summary.events, failed=summary.failed)
    return summary
