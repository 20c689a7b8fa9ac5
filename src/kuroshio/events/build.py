"""Turning one coded finding (sentence, actors, code, mode, date, spans) into a :class:`~kuroshio.model.Event`.

Shared by the Chinese and the English coder so that both fill the §3 record the same way: root, quad class,
Goldstein value and PLOVER type come from the ontology table (``data/cameo.tsv``), never from the coder.
"""

from __future__ import annotations

from collections.abc import Iterable

from kuroshio.events.ontology import lookup, quad_class_of_root
from kuroshio.model import MODES, Document, Event, Mention, Sentence


def build_event(
    doc: Document,
    sentence: Sentence,
    source: Mention,
    target: Mention | None,
    cameo: str,
    *,
    mode: str = "actual",
    date: str | None = None,
    date_precision: str | None = None,
    trigger: tuple[int, int] | None = None,
    confidence: float = 0.5,
    source_code: str | None = None,
    target_code: str | None = None,
) -> Event:
    """An Event for ``source`` doing ``cameo`` to ``target`` in ``sentence``.

    ``source_code``/``target_code`` override the mention's code (a member of a group mention such as 美日韓 stands
    for one member state: pass its code). The date defaults to the document's date (precision from its length).
    Raises KeyError for a code unknown to the ontology and ValueError for an unknown mode.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}")
    root, quad_class, goldstein, plover = _ontology(cameo)
    if date is None and doc.date:
        date, date_precision = doc.date, _precision(doc.date)
    text = doc.text
    if target is None:
        tgt_code = target_code or None
        target_country = target_text = target_span = None
    else:
        tgt_code = target_code or target.code
        target_country = target.country if target_code is None else _country(target, target_code)
        target_text = text[target.start : target.end]
        target_span = (target.start, target.end)
    return Event(
        doc=doc.id,
        sentence_index=sentence.index,
        sentence=text[sentence.start : sentence.end],
        source=source_code or source.code,
        source_country=source.country if source_code is None else _country(source, source_code),
        source_text=text[source.start : source.end],
        target=tgt_code,
        target_country=target_country,
        target_text=target_text,
        cameo=cameo,
        root=root,
        quad_class=quad_class,
        goldstein=goldstein,
        plover=plover,
        date=date,
        date_precision=date_precision,
        mode=mode,
        spans={"source": (source.start, source.end), "target": target_span, "trigger": trigger},
        confidence=round(confidence, 3),
    )


_ONTOLOGY: dict[str, tuple[str, int, float, str | None]] = {}


def _ontology(cameo: str) -> tuple[str, int, float, str | None]:
    """(root, quad class, Goldstein value, PLOVER type) of a code, looked up once per code and process."""
    found = _ONTOLOGY.get(cameo)
    if found is None:
        entry = lookup(cameo)  # (KeyError for an unknown code, as before)
        found = _ONTOLOGY[cameo] = (
            entry.root, entry.quad_class or quad_class_of_root(entry.root), entry.goldstein, entry.plover
        )
    return found


def _country(mention: Mention, override: str | None) -> str | None:
    if override is None:
        return mention.country
    head = override[:3]
    return head if len(head) == 3 and head.isalpha() and head.isupper() and _is_state(head) else mention.country


def _is_state(code: str) -> bool:
    return code not in _NON_STATE


# Three-letter CAMEO codes that are not states (IGO and generic sector codes).
_NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "UNO", "NTO", "EUR", "ASN", "AFR", "ASA", "WST", "MEA"})


_PRECISION = {10: "day", 7: "month", 4: "year"}


def _precision(date: str) -> str:
    return _PRECISION.get(len(date), "day")


def dedupe(events: Iterable[Event]) -> list[Event]:
    """One event per (sentence, source, target, code, mode): the first wins, a later one only when more confident."""
    kept: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = event.key()
        old = kept.get(key)
        if old is None or event.confidence > old.confidence:
            kept[key] = event
    return sorted(kept.values(), key=lambda e: (e.sentence_index, (e.spans.get("trigger") or (0, 0))[0], e.cameo))
