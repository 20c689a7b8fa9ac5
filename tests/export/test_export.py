"""Exports: GDELT's 61 columns, PLOVER JSON, Parquet/CSV/JSONL §3 records, and the Parquet round trip."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pyarrow.parquet as pq
import pytest

from kuroshio.errors import StoreError, UsageError
from kuroshio.export import GDELT_COLUMNS, TABLE_FIELDS, export_events, import_parquet
from kuroshio.export.gdelt import global_event_id
from kuroshio.store import Store


@pytest.fixture
def filled(store, factory):
    doc = factory.make_document(
        "d1",
        [
            ("KORGOV", "JPNMIL", "042", "2025-08-15"),
            ("JPN", "KOR", "1121", "2025-09"),
            ("CHN", "USA", "190", "2025", "planned"),
            ("USA", None, "015", "2025-08-20"),
        ],
    )
    tabbed = replace(doc.events[1], sentence="A sentence\twith a tab\nand a newline.")
    store.add(replace(doc, events=(doc.events[0], tabbed, *doc.events[2:])))
    igo = factory.make_event("UNOGOV", "PRK", "112", doc="d2", date="2025-07-01")
    igo = replace(igo, source_country=None, source_text="the UN")
    store.add(replace(factory.make_document("d2", []), events=(igo,), url=None))
    return store


def _text(store, fmt, **filters):  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    n = export_events(store, fmt, buffer, **filters)
    return n, buffer.getvalue()


def test_gdelt_has_61_columns_in_every_row_and_maps_our_fields(filled):
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[26] == "EventCode" and GDELT_COLUMNS[-1] == "SOURCEURL"
    n, text = _text(filled, "gdelt")
    lines = text.splitlines()
    assert n == len(lines) == 4  # actual events only: the planned one is left out
    cells = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    igo, first = cells[0], cells[1]
    assert first["SQLDATE"] == "20250815" and first["MonthYear"] == "202508" and first["Year"] == "2025"
    assert first["FractionDate"] == "2025.6192"
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == ("KORGOV", "KOR", "GOV")
    assert (first["Actor2Code"], first["Actor2CountryCode"], first["Actor2Type1Code"]) == ("JPNMIL", "JPN", "MIL")
    assert first["Actor1Name"] == "South Korea"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("042", "042", "04")
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("1", "1.9")
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == ("1", "1", "1")
    assert first["SOURCEURL"] == "https://example.org/d1"
    assert first["GLOBALEVENTID"] == str(global_event_id("d1", 0))
    assert len(first["DATEADDED"]) == 14 and first["AvgTone"] == "" and first["ActionGeo_Lat"] == ""
    assert (igo["Actor1Code"], igo["Actor1CountryCode"], igo["Actor1KnownGroupCode"]) == ("UNOGOV", "", "UNO")
    assert igo["Actor1Type1Code"] == "GOV" and igo["SOURCEURL"] == "/corpus/d2.txt"
    month = cells[3]
    assert month["SQLDATE"] == "20250901" and "\t" not in month["Actor1Name"]
    no_target = cells[2]
    assert no_target["Actor2Code"] == "" and no_target["EventCode"] == "015"


def test_gdelt_with_an_explicit_mode(filled):
    n, text = _text(filled, "gdelt", mode="planned")
    assert n == 1 and text.split("\t")[26] == "190"


def test_plover_records(filled):
    n, text = _text(filled, "plover")
    records = [json.loads(line) for line in text.splitlines()]
    assert n == len(records) == 3  # 015 (root 01) has no PLOVER type; the planned event is left out
    first = next(r for r in records if r["cameo"] == "042")
    assert first["event_type"] == "CONSULT" and first["event_mode"] == "visit"
    assert (first["actor_code"], first["actor_country"], first["actor_role"]) == ("KORGOV", "KOR", "GOV")
    assert (first["recipient_code"], first["recipient_role"]) == ("JPNMIL", "MIL")
    assert first["event_text"] and first["story_id"] == "d1" and first["event_date"] == "2025-08-15"
    assert first["modality"] == "actual"


def test_jsonl_is_the_event_record(filled):
    n, text = _text(filled, "jsonl", doc="d1")
    assert n == 4
    records = [json.loads(line) for line in text.splitlines()]
    assert records == [e.to_json() for e in filled.events(doc="d1")]


def test_csv_has_a_header_and_the_filters_apply(filled):
    n, text = _text(filled, "csv", source="KOR")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == list(TABLE_FIELDS)
    assert n == len(rows) - 1 == 1
    assert dict(zip(rows[0], rows[1], strict=True))["source"] == "KORGOV"


def test_parquet_round_trips_into_a_new_store(filled, tmp_path):
    path = tmp_path / "events.parquet"
    assert export_events(filled, "parquet", path) == 5
    assert pq.read_table(path).column_names == list(TABLE_FIELDS)
    with Store(tmp_path / "copy.duckdb") as copy:
        counts = import_parquet(copy, path)
        assert counts == {"added": 2, "replaced": 0, "unchanged": 0, "skipped": 0, "events": 5}
        assert copy.events() == filled.events()
        assert copy.dyad_series("KOR", "JPN") == filled.dyad_series("KOR", "JPN")
        again = import_parquet(copy, path)
        assert again["skipped"] == 2 and copy.count_events() == 5
        assert import_parquet(copy, path, replace=True)["unchanged"] == 2
        restored = copy.document("d1")
        assert restored is not None and restored.title == "A test document" and restored.text == ""


def test_empty_export_is_still_a_valid_parquet_file(filled, tmp_path):
    path = tmp_path / "none.parquet"
    assert export_events(filled, "parquet", path, source="FRA") == 0
    assert pq.read_table(path).num_rows == 0


def test_import_refuses_other_files(store, tmp_path):
    import pyarrow as pa

    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"x": [1, 2]}), other)
    with pytest.raises(UsageError, match="not a Kuroshio event export"):
        import_parquet(store, other)
    with pytest.raises(StoreError, match="no such file"):
        import_parquet(store, tmp_path / "missing.parquet")


def test_unknown_format(filled):
    with pytest.raises(UsageError, match="format"):
        export_events(filled, "xml", io.StringIO())
