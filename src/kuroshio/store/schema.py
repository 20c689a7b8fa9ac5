"""The store's tables and the migrations that build them.

Each migration is a list of SQL statements that takes the schema from version ``n - 1`` to ``n``; they run in order,
each in its own transaction, when a store is opened for writing. ``schema_version`` records what has been applied.
"""

from __future__ import annotations

SCHEMA_VERSION = 3

_V1 = [
    """CREATE TABLE IF NOT EXISTS runs (
        id VARCHAR NOT NULL,
        version VARCHAR,
        coding_hash VARCHAR,
        options VARCHAR,
        dictionaries VARCHAR,
        started TIMESTAMP,
        finished TIMESTAMP,
        documents INTEGER,
        events INTEGER,
        failed INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS documents (
        id VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,
        run_id VARCHAR,
        added_at TIMESTAMP,
        source_path VARCHAR,
        lang VARCHAR,
        script VARCHAR,
        title VARCHAR,
        authors STRUCT(name VARCHAR, affiliation VARCHAR, role VARCHAR)[],
        publisher VARCHAR,
        date VARCHAR,
        url VARCHAR,
        urls VARCHAR[],
        text VARCHAR,
        shadow VARCHAR,
        blocks STRUCT(kind VARCHAR, "start" INTEGER, "end" INTEGER, page INTEGER)[],
        source_runs STRUCT(text_start INTEGER, source_start INTEGER, length INTEGER, page INTEGER)[],
        n_sentences INTEGER,
        n_mentions INTEGER,
        n_events INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc VARCHAR NOT NULL,
        idx INTEGER,
        "start" INTEGER,
        "end" INTEGER,
        block INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS mentions (
        doc VARCHAR NOT NULL,
        idx INTEGER,
        "start" INTEGER,
        "end" INTEGER,
        text VARCHAR,
        code VARCHAR,
        country VARCHAR,
        kind VARCHAR,
        entity VARCHAR,
        members VARCHAR[],
        sentence INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        doc VARCHAR NOT NULL,
        idx INTEGER,
        sentence_index INTEGER,
        sentence VARCHAR,
        source VARCHAR,
        source_country VARCHAR,
        source_text VARCHAR,
        target VARCHAR,
        target_country VARCHAR,
        target_text VARCHAR,
        cameo VARCHAR,
        root VARCHAR,
        quad_class TINYINT,
        goldstein DOUBLE,
        plover VARCHAR,
        date VARCHAR,
        date_precision VARCHAR,
        day DATE,
        mode VARCHAR,
        spans VARCHAR,
        confidence DOUBLE
    )""",
]


TABLES = ("documents", "sentences", "mentions", "events", "runs")

# The sortable first day of a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date string (NULL when it is none of these).
DAY_SQL = (
    "TRY_CAST(CASE length({col}) WHEN 4 THEN {col} || '-01-01' WHEN 7 THEN {col} || '-01' ELSE {col} END AS DATE)"
)

# The unordered dyad of an event: 'JPN|KOR' for KORGOV -> JPN and JPN -> KOR (country, or the code of a non-state
# actor); NULL without a target. One equality on this column finds a country dyad's events in both directions.
PAIR_SQL = (
    "CASE WHEN coalesce({sc}, {s}) IS NULL OR coalesce({tc}, {t}) IS NULL THEN NULL "
    "WHEN coalesce({sc}, {s}) <= coalesce({tc}, {t}) THEN coalesce({sc}, {s}) || '|' || coalesce({tc}, {t}) "
    "ELSE coalesce({tc}, {t}) || '|' || coalesce({sc}, {s}) END"
)

# Version 2: the dyad key and the date precision (length of the date string) as columns, for fast series.
_V2 = [
    "ALTER TABLE events ADD COLUMN pair VARCHAR",
    "ALTER TABLE events ADD COLUMN date_len TINYINT",
    "UPDATE events SET pair = "
    + PAIR_SQL.format(s="source", sc="source_country", t="target", tc="target_country")
    + ", date_len = length(date)",
]

# Version 3: a key-value table for the store's own bookkeeping (e.g. how many events are clustered by dyad).
_V3 = ["CREATE TABLE IF NOT EXISTS meta (key VARCHAR NOT NULL, value VARCHAR)"]

# version -> statements taking the schema from version - 1 to version.
MIGRATIONS: dict[int, list[str]] = {1: _V1, 2: _V2, 3: _V3}


def pair_key(a: str, b: str) -> str:
    """The ``pair`` value of two country (or non-state actor) codes."""
    return f"{a}|{b}" if a <= b else f"{b}|{a}"

