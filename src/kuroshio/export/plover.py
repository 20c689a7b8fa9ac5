"""PLOVER/POLECAT-style JSON records: event type and mode from the CAMEO-to-PLOVER mapping in ``data/cameo.tsv``."""

from __future__ import annotations

from typing import Any

from kuroshio.events.ontology import cameo_codes
from kuroshio.export.gdelt import global_event_id


def _role(code: str | None, country: str | None) -> str | None:
    if code and country and code.startswith(country) and len(code) > len(country):
        return code[len(country) :]
    return None


def plover_record(row: dict[str, Any]) -> dict[str, Any] | None:
    """One record from an exported event row, or None when the CAMEO code has no PLOVER type."""
    entry = cameo_codes().get(row["cameo"])
    event_type = row["plover"] or (entry.plover if entry else None)
    if not event_type:
        return None
    return {
        "event_id": f"{row['doc']}-{row['idx']}",
        "global_event_id": global_event_id(row["doc"], row["idx"]),
        "story_id": row["doc"],
        "story_date": row.get("doc_date"),
        "event_date": row["date"],
        "event_date_precision": row["date_precision"],
        "event_type": event_type,
        "event_mode": (entry.plover_mode if entry else None) or "",
        "event_text": row["sentence"],
        "actor": row["source_text"],
        "actor_code": row["source"],
        "actor_country": row["source_country"],
        "actor_role": _role(row["source"], row["source_country"]),
        "recipient": row["target_text"],
        "recipient_code": row["target"],
        "recipient_country": row["target_country"],
        "recipient_role": _role(row["target"], row["target_country"]),
        "cameo": row["cameo"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "modality": row["mode"],
        "confidence": row["confidence"],
        "source_url": row.get("doc_url") or row.get("doc_source_path"),
    }
