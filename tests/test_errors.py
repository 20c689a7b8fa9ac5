import pickle

import pytest

from kuroshio.errors import ConfigError, IngestError, KuroshioError, StageError, StoreError


@pytest.mark.parametrize(
    "error",
    [
        IngestError("a/b.pdf", "no text layer; OCR is not supported"),
        IngestError("corpus.jsonl", "invalid JSON", line=7),
        StageError("events", "doc-1", "KeyError: 'x'"),
        ConfigError("lang must be one of ..."),
        StoreError("store is locked by another process"),
    ],
)
def test_errors_survive_pickling_with_their_message(error):
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert isinstance(back, KuroshioError)


def test_ingest_error_names_file_and_line():
    assert str(IngestError("corpus.jsonl", "invalid JSON", line=7)) == "corpus.jsonl:7: invalid JSON"
    assert "\n" not in str(IngestError("x.pdf", "corrupt PDF"))
