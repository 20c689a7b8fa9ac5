"""Uploaded files: check size and type, code them with the pipeline, store them.

The upload is written into a fresh temporary directory under its base name reduced to harmless characters, so no
path from a request ever reaches the file system. As with ``kuroshio ingest FILE``, the file name is the document id:
uploading a changed file under the same name replaces the stored document.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import replace
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from kuroshio.errors import KuroshioError
from kuroshio.web.filters import DATE_PATTERN

ALLOWED_SUFFIXES = (".pdf", ".html", ".htm", ".txt", ".md")
LANGS = ("auto", "zh-Hant", "zh-Hans", "en")


class UploadRejected(KuroshioError):
    """An upload that cannot be accepted; ``status`` is the HTTP status to answer with."""

    def __init__(self, status: int, reason: str) -> None:
        Exception.__init__(self, status, reason)
        self.status = status
        self.reason = reason

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (self.__class__, (self.status, self.reason))


def safe_name(filename: str) -> str:
    """The base name of a client file name, reduced to harmless characters (for display and provenance only)."""
    base = PureWindowsPath(PurePosixPath(filename).name).name
    cleaned = re.sub(r"[^\w.\-]+", "_", base).strip("._") or "upload"
    return cleaned[:100]


def check_upload(data: bytes, filename: str, *, max_bytes: int) -> str:
    """The lower-case suffix of an acceptable upload, or :class:`UploadRejected`."""
    if len(data) > max_bytes:
        raise UploadRejected(413, f"{safe_name(filename)}: larger than {max_bytes} bytes")
    if not data.strip():
        raise UploadRejected(422, f"{safe_name(filename)}: empty file")
    suffix = PurePosixPath(safe_name(filename)).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRejected(415, f"{safe_name(filename)}: unsupported type; send one of {', '.join(ALLOWED_SUFFIXES)}")
    if suffix == ".pdf" and not data.startswith(b"%PDF-"):
        raise UploadRejected(415, f"{safe_name(filename)}: not a PDF file")
    if suffix != ".pdf" and data.startswith(b"%PDF-"):
        raise UploadRejected(415, f"{safe_name(filename)}: a PDF file with a {suffix} name")
    return suffix


def ingest_upload(
    data: bytes,
    filename: str,
    *,
    config: Any,
    store: Any,
    date: str | None = None,
    lang: str | None = None,
) -> list[dict[str, Any]]:
    """Code the uploaded file and add its documents to the store; one summary per document."""
    from kuroshio.pipeline import Pipeline

    suffix = check_upload(data, filename, max_bytes=config.max_upload_bytes)
    if date is not None and not re.match(DATE_PATTERN, date):
        raise UploadRejected(422, f"date must look like YYYY-MM-DD, not {date!r}")
    if lang is not None and lang not in LANGS:
        raise UploadRejected(422, f"lang must be one of {', '.join(LANGS)}")
    name = safe_name(filename)
    options = config.options.with_overrides(date=date, lang=lang)
    documents = []
    with tempfile.TemporaryDirectory(prefix="kuroshio-upload-") as tmp:
        # The sanitized client name (it becomes the document id, as with `kuroshio ingest FILE`) in our own directory.
        path = Path(tmp) / (PurePosixPath(name).stem + suffix)
        path.write_bytes(data)
        for outcome in Pipeline(options).run([str(path)]):
            if outcome.error is not None:
                reason = str(outcome.error).replace(str(path), name).replace(tmp, "")
                raise UploadRejected(422, reason)
            assert outcome.document is not None
            documents.append(replace(outcome.document, source_path=f"upload:{name}"))
    if not documents:
        raise UploadRejected(422, f"{name}: no document found")
    results = []
    with store.write() as writer:
        for document in documents:
            status = writer.add(document)
            results.append(
                {"id": document.id, "title": document.title, "status": status, "events": len(document.events)}
            )
    return results
