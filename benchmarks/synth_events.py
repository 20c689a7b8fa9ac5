"""Synthetic store records for benchmarks: documents as Arrow rows (``kuroshio.store.RECORD_SCHEMA``), built with numpy.

Each document carries ``--per-doc`` events, one sentence per event and two mentions per event. Actors are drawn from
30 countries with a skewed (Zipf-like) distribution and optional role codes; CAMEO codes from the ontology; dates
uniformly over 2000-01-01..2025-12-31 (90 % day precision, 8 % month, 2 % year); 85 % of events are actual.

    python benchmarks/synth_events.py --events 10000000 --out /tmp/kuroshio-synth   # writes Parquet shards
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from kuroshio.events.ontology import cameo_codes
from kuroshio.model import MODES
from kuroshio.store.records import EVENT, MENTION, RECORD_SCHEMA, SENTENCE

COUNTRIES = (
    "CHN KOR JPN USA PRK TWN RUS IND VNM PHL AUS GBR FRA DEU IDN THA MYS SGP MNG CAN "
    "NZL PAK IRN UKR ISR BRA KHM LAO MMR TUR"
).split()
ROLES = ("", "", "", "GOV", "GOV", "MIL", "LEG", "BUS", "MED", "CVL", "OPP")
WORDS = "talks visit summit accord tariff protest drill sanction aid statement meeting warning exercise loan".split()
_I32 = pa.int32()


def _offsets(n_docs: int, per_doc: int) -> pa.Array:
    return pa.array(np.arange(n_docs + 1, dtype=np.int32) * per_doc, type=_I32)


def records(n_docs: int, per_doc: int, *, seed: int, first_id: int = 0) -> pa.Table:
    """A RECORD_SCHEMA table of ``n_docs`` documents with ``per_doc`` events each."""
    rng = np.random.default_rng(seed)
    n = n_docs * per_doc
    codes = [c for c in cameo_codes().values()]
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1) ** 1.1
    weights /= weights.sum()
    src_c = rng.choice(len(COUNTRIES), size=n, p=weights)
    tgt_c = (src_c + 1 + rng.choice(len(COUNTRIES) - 1, size=n, p=weights[1:] / weights[1:].sum())) % len(COUNTRIES)
    country = pa.array(COUNTRIES)
    src_country = country.take(pa.array(src_c))
    tgt_country = country.take(pa.array(tgt_c))
    role = pa.array(ROLES)
    src_role = role.take(pa.array(rng.integers(0, len(ROLES), n)))
    tgt_role = role.take(pa.array(rng.integers(0, len(ROLES), n)))
    source = pc.binary_join_element_wise(src_country, src_role, "")
    target = pc.binary_join_element_wise(tgt_country, tgt_role, "")
    ci = rng.integers(0, len(codes), n)
    code_tab = {
        "cameo": pa.array([c.code for c in codes]),
        "root": pa.array([c.root for c in codes]),
        "quad_class": pa.array([c.quad_class for c in codes], type=pa.int8()),
        "goldstein": pa.array([c.goldstein for c in codes], type=pa.float64()),
        "plover": pa.array([c.plover for c in codes], type=pa.string()),
    }
    picked = {k: v.take(pa.array(ci)) for k, v in code_tab.items()}
    start = dt.date(2000, 1, 1).toordinal()
    days = rng.integers(0, dt.date(2025, 12, 31).toordinal() - start + 1, n)
    iso = pa.array(np.datetime64("2000-01-01") + days.astype("timedelta64[D]")).cast(pa.string())
    precision_draw = rng.random(n)
    precision = np.where(precision_draw < 0.9, 0, np.where(precision_draw < 0.98, 1, 2))
    prec = pa.array(precision)
    date = pc.if_else(
        pc.equal(prec, 0),
        iso,
        pc.if_else(pc.equal(prec, 1), pc.utf8_slice_codeunits(iso, 0, 7), pc.utf8_slice_codeunits(iso, 0, 4)),
    )
    date_precision = pa.array(["day", "month", "year"]).take(pa.array(precision))
    mode_draw = rng.random(n)
    mode_idx = np.where(mode_draw < 0.85, 0, np.where(mode_draw < 0.93, 1, np.where(mode_draw < 0.98, 2, 3)))
    mode = pa.array(list(MODES)).take(pa.array(mode_idx))
    pool = pa.array([f"Synthetic sentence {i} about {WORDS[i % len(WORDS)]} and {WORDS[(i * 7) % len(WORDS)]}."
                     for i in range(2000)])  # fmt: skip
    sentence = pool.take(pa.array(rng.integers(0, len(pool), n)))
    within = np.tile(np.arange(per_doc, dtype=np.int32), n_docs)
    events = pa.StructArray.from_arrays(
        [
            pa.array(within), pa.array(within), sentence, source, src_country, src_country, target, tgt_country,
            tgt_country, picked["cameo"], picked["root"], picked["quad_class"], picked["goldstein"],
            picked["plover"], date, date_precision, mode,
            pa.array(np.full(n, '{"source":[0,3],"target":[10,13],"trigger":[5,8]}', dtype=object), type=pa.string()),
            pa.array(rng.random(n).round(2)),
        ],
        fields=list(EVENT),
    )  # fmt: skip
    sent_start = within * 80
    sentences = pa.StructArray.from_arrays(
        [pa.array(within), pa.array(sent_start), pa.array(sent_start + 70), pa.array(np.zeros(n, dtype=np.int32))],
        fields=list(SENTENCE),
    )
    m = 2 * n
    m_within = np.tile(np.arange(2 * per_doc, dtype=np.int32), n_docs)
    m_code = pa.concat_arrays([source, target]).take(pa.array(np.stack([np.arange(n), np.arange(n) + n], 1).ravel()))
    m_country = pa.concat_arrays([src_country, tgt_country]).take(
        pa.array(np.stack([np.arange(n), np.arange(n) + n], 1).ravel())
    )
    mentions = pa.StructArray.from_arrays(
        [
            pa.array(m_within), pa.array(m_within * 40), pa.array(m_within * 40 + 3), m_country, m_code, m_country,
            pa.array(np.full(m, "state", dtype=object), type=pa.string()), m_country,
            pa.ListArray.from_arrays(pa.array(np.zeros(m + 1, dtype=np.int32)), pa.array([], type=pa.string())),
            pa.array(m_within // 2),
        ],
        fields=list(MENTION),
    )  # fmt: skip
    ids = pa.array([f"syn-{first_id + i:09d}" for i in range(n_docs)])
    doc_dates = pc.utf8_slice_codeunits(iso.take(pa.array(np.arange(n_docs) * per_doc)), 0, 10)
    empty = pa.ListArray.from_arrays(pa.array(np.zeros(n_docs + 1, dtype=np.int32)), pa.array([], type=pa.string()))
    columns = {
        "id": ids,
        "content_hash": pc.binary_join_element_wise(ids, pa.scalar(f"-seed{seed}"), ""),
        "source_path": pa.nulls(n_docs, pa.string()),
        "lang": pa.array(np.full(n_docs, "en", dtype=object), type=pa.string()),
        "script": pa.nulls(n_docs, pa.string()),
        "title": ids,
        "authors": pa.array([[]] * n_docs, type=RECORD_SCHEMA.field("authors").type),
        "publisher": pa.nulls(n_docs, pa.string()),
        "date": doc_dates,
        "url": pa.nulls(n_docs, pa.string()),
        "urls": empty,
        "text": pool.take(pa.array(rng.integers(0, len(pool), n_docs))),
        "shadow": pa.nulls(n_docs, pa.string()),
        "blocks": pa.array([[]] * n_docs, type=RECORD_SCHEMA.field("blocks").type),
        "source_runs": pa.array([[]] * n_docs, type=RECORD_SCHEMA.field("source_runs").type),
        "sentences": pa.ListArray.from_arrays(_offsets(n_docs, per_doc), sentences),
        "mentions": pa.ListArray.from_arrays(_offsets(n_docs, 2 * per_doc), mentions),
        "events": pa.ListArray.from_arrays(_offsets(n_docs, per_doc), events),
    }
    return pa.table([columns[f.name] for f in RECORD_SCHEMA], schema=RECORD_SCHEMA)


def shards(total_events: int, *, per_doc: int = 20, shard_events: int = 500_000, seed: int = 7) -> Iterator[pa.Table]:
    """Record tables of about ``shard_events`` events each, ``total_events`` in all."""
    made = 0
    i = 0
    while made < total_events:
        n_events = min(shard_events, total_events - made)
        n_docs = max(1, n_events // per_doc)
        yield records(n_docs, per_doc, seed=seed + i, first_id=made // per_doc)
        made += n_docs * per_doc
        i += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--per-doc", type=int, default=20)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for i, table in enumerate(shards(args.events, per_doc=args.per_doc)):
        pq.write_table(table, args.out / f"shard-{i:05d}.parquet")


if __name__ == "__main__":
    main()
