"""Build Documents and Events for store tests (our own sentences; nothing copied from any corpus)."""

from __future__ import annotations

from kuroshio.events.ontology import lookup
from kuroshio.model import Author, Block, Document, Event, Mention, Sentence, SourceRun

COUNTRY_TEXT = {"KOR": "South Korea", "JPN": "Japan", "CHN": "China", "USA": "the United States", "PRK": "North Korea"}


def make_event(
    source: str = "KOR",
    target: str | None = "JPN",
    cameo: str = "042",
    *,
    doc: str = "d1",
    date: str | None = "2025-08-15",
    mode: str = "actual",
    sentence_index: int = 0,
    sentence: str | None = None,
    confidence: float = 0.9,
) -> Event:
    entry = lookup(cameo)
    src_country = source[:3] if len(source) >= 3 and source[:3] in COUNTRY_TEXT else None
    tgt_country = target[:3] if target and target[:3] in COUNTRY_TEXT else None
    src_text = COUNTRY_TEXT.get(source[:3], source)
    tgt_text = COUNTRY_TEXT.get(target[:3], target) if target else None
    text = sentence or f"{src_text} and {tgt_text or 'nobody'}: {entry.name.lower()}."
    precision = {4: "year", 7: "month", 10: "day"}.get(len(date)) if date else None
    return Event(
        doc=doc, sentence_index=sentence_index, sentence=text,
        source=source, source_country=src_country, source_text=src_text,
        target=target, target_country=tgt_country, target_text=tgt_text,
        cameo=cameo, root=entry.root, quad_class=entry.quad_class, goldstein=entry.goldstein, plover=entry.plover,
        date=date, date_precision=precision, mode=mode,
        spans={"source": (0, len(src_text)), "target": None, "trigger": (1, 3)}, confidence=confidence,
    )  # fmt: skip


def make_document(
    doc_id: str = "d1",
    events: list[tuple] | None = None,
    *,
    date: str = "2025-08-15",
    title: str | None = "A test document",
    text: str | None = None,
) -> Document:
    """A document whose events are given as (source, target, cameo[, event date[, mode]]) tuples."""
    specs = events if events is not None else [("KOR", "JPN", "042"), ("JPN", "KOR", "057")]
    body = text or "Seoul and Tokyo held talks. Both sides signed a memorandum. The talks will resume later."
    sentences = []
    start = 0
    for i, part in enumerate(body.split(". ")):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        sentences.append(Sentence(index=i, start=start, end=min(end, len(body)), block=0))
        start = end + 1
    evs = tuple(
        make_event(
            s[0], s[1], s[2], doc=doc_id, date=s[3] if len(s) > 3 else date, mode=s[4] if len(s) > 4 else "actual",
            sentence_index=i % len(sentences),
        )
        for i, s in enumerate(specs)
    )  # fmt: skip
    mentions = (
        Mention(0, 5, "Seoul", "KORGOV", "KOR", "capital", entity="Seoul", sentence=0),
        Mention(10, 15, "Tokyo", "JPNGOV", "JPN", "capital", entity="Tokyo", sentence=0),
        Mention(28, 38, "Both sides", "KORJPN", None, "group", members=("KOR", "JPN"), sentence=1),
    )
    return Document(
        id=doc_id, text=body, source_path=f"/corpus/{doc_id}.txt", lang="en", script="Latn", title=title,
        authors=(Author("Kim Test", "Test Institute", None),), publisher="Test Press", date=date,
        url=f"https://example.org/{doc_id}", urls=(f"https://example.org/{doc_id}",),
        blocks=(Block("paragraph", 0, len(body), None),), source_runs=(SourceRun(0, 0, len(body), None),),
        sentences=tuple(sentences), mentions=mentions, events=evs,
    )  # fmt: skip


def many_documents(n: int, per_doc: int, prefix: str = "k") -> list[Document]:
    """Deterministic documents with ``per_doc`` events each (a crash test's child process builds the same ones)."""
    specs = [("KOR", "JPN", "042"), ("JPN", "KORGOV", "112"), ("CHN", "USA", "0234"), ("USA", "CHN", "190")]
    return [
        make_document(f"{prefix}{i}", [(*specs[(i + j) % 4], f"20{10 + i % 15}-0{1 + j % 9}") for j in range(per_doc)])
        for i in range(n)
    ]
