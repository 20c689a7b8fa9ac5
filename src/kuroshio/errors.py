"""One exception tree. Every exception pickles (Dask workers send them back) and prints as one line."""

from __future__ import annotations


class KuroshioError(Exception):
    """Base of every error Kuroshio raises on purpose."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (self.__class__, (self.reason,))

    def __str__(self) -> str:
        return self.reason


class ConfigError(KuroshioError):
    """A bad option, config file or user dictionary."""


class UsageError(KuroshioError):
    """A request that cannot be carried out as asked (maps to exit status 2)."""


class IngestError(KuroshioError):
    """A document could not be read. Names the file (and the line of a corpus) and the reason."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        Exception.__init__(self, path, reason, line)
        self.path = str(path)
        self.reason = reason
        self.line = line

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (self.__class__, (self.path, self.reason, self.line))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class StageError(KuroshioError):
    """A pipeline stage failed on one document."""

    def __init__(self, stage: str, doc: str, reason: str) -> None:
        Exception.__init__(self, stage, doc, reason)
        self.stage = stage
        self.doc = doc
        self.reason = reason

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (self.__class__, (self.stage, self.doc, self.reason))

    def __str__(self) -> str:
        return f"{self.doc}: stage {self.stage} failed: {self.reason}"


class DictionaryError(KuroshioError):
    """A dictionary file is malformed."""


class StoreError(KuroshioError):
    """The store cannot be opened, written or read."""
