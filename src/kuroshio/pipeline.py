"""The per-document pipeline: named stages, each a pure function ``(Document, Options) -> Document``.

Stages are registered by dotted path so that importing the pipeline imports no stage (no import cycles, cheap
start-up). Stages never see engines, files or the store; engines map :meth:`Pipeline.process` over documents.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from kuroshio.config import Options
from kuroshio.errors import ConfigError, IngestError, KuroshioError, StageError
from kuroshio.model import Document

Stage = Callable[[Document, Options], Document]

STAGES: dict[str, str] = {
    "normalize": "kuroshio.normalize:normalize_document",
    "segment": "kuroshio.segment:segment_document",
    "actors": "kuroshio.actors:recognize_actors",
    "events": "kuroshio.events:code_events",
}


@cache
def load_stage(name: str) -> Stage:
    try:
        target = STAGES[name]
    except KeyError:
        raise ConfigError(f"unknown stage {name!r}; known: {', '.join(STAGES)}") from None
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input: a processed document or the error that stopped it."""

    document: Document | None = None
    error: KuroshioError | None = None


class Pipeline:
    """Reads inputs and runs the stages over each document."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.stages = [(name, load_stage(name)) for name in self.options.stages]

    def process(self, document: Document) -> Document:
        """Run every stage over one document."""
        for name, stage in self.stages:
            try:
                document = stage(document, self.options)
            except KuroshioError:
                raise
            except Exception as exc:  # a bug in a stage must not take the batch down
                raise StageError(name, document.id, f"{type(exc).__name__}: {exc}") from exc
        return document

    def read(self, paths: Iterable[str]) -> Iterator[Document | IngestError]:
        """Documents (or ingest errors) from files, directories and corpora, in order."""
        from kuroshio.ingest import iter_documents

        return iter_documents(paths, self.options)

    def run(self, paths: Iterable[str]) -> Iterator[Outcome]:
        """Read and process every input, yielding one outcome per document or failed input."""
        for item in self.read(paths):
            if isinstance(item, KuroshioError):
                yield Outcome(error=item)
                continue
            try:
                yield Outcome(document=self.process(item))
            except KuroshioError as exc:
                yield Outcome(error=exc)
