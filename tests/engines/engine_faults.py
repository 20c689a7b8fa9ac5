"""Picklable per-document functions that fail on purpose, for the engine tests (imported by name in workers)."""

from __future__ import annotations

import os
import signal

from kuroshio.config import Options
from kuroshio.model import Document


class FailOn:
    """The options' pipeline, except that it raises on the document ``doc_id`` (a bug met in a worker)."""

    def __init__(self, options: Options, doc_id: str) -> None:
        self.options = options
        self.doc_id = doc_id

    def __call__(self, document: Document) -> Document:
        if document.id == self.doc_id:
            raise RuntimeError("boom on purpose")
        from kuroshio.pipeline import Pipeline

        return Pipeline(self.options).process(document)


class KillAt:
    """The options' pipeline, except that reaching ``doc_id`` kills this process (SIGKILL: no clean-up at all)."""

    def __init__(self, options: Options, doc_id: str) -> None:
        self.options = options
        self.doc_id = doc_id

    def __call__(self, document: Document) -> Document:
        if document.id == self.doc_id:
            os.kill(os.getpid(), signal.SIGKILL)
        from kuroshio.pipeline import Pipeline

        return Pipeline(self.options).process(document)


class KillDriverAt:
    """In a pool worker of a driver that leads its own process group: reaching ``doc_id`` SIGKILLs the whole group
    (the driver, the run's one writer, and every worker) at once, as a machine's crash would."""

    def __init__(self, options: Options, doc_id: str) -> None:
        self.options = options
        self.doc_id = doc_id

    def __call__(self, document: Document) -> Document:
        if document.id == self.doc_id and os.getpgid(0) == os.getppid():
            os.killpg(os.getpgid(0), signal.SIGKILL)
        from kuroshio.pipeline import Pipeline

        return Pipeline(self.options).process(document)


class Refuse:
    """A pipeline that fails on every document (shows which documents were coded at all)."""

    def __call__(self, document: Document) -> Document:
        raise RuntimeError(f"refused {document.id}")
