"""Render a document's clean text as HTML with its actor mentions and event triggers highlighted.

Spans may nest (a trigger inside a mention) or cross (two mentions that overlap). Nested spans become nested
elements; a span that crosses the end of an enclosing one is split into pieces, each piece carrying the same
attributes, so the markup is always well formed and the text, with the tags removed, is exactly the document text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from kuroshio.model import Block, Document


@dataclass(frozen=True, slots=True)
class Annotation:
    """One highlighted span: ``[start, end)`` into the text, an element class and its data attributes."""

    start: int
    end: int
    kind: str  # mention | trigger
    attrs: Mapping[str, str] = field(default_factory=dict)
    title: str = ""


def annotations_for(document: Document) -> list[Annotation]:
    """The mentions and event triggers of a document as annotations (identical trigger spans merged)."""
    found: list[Annotation] = []
    for mention in document.mentions:
        attrs = {"data-code": mention.code, "data-kind": mention.kind}
        if mention.country:
            attrs["data-country"] = mention.country
        title = f"{mention.code} ({mention.kind})"
        found.append(Annotation(mention.start, mention.end, "mention", attrs, title))
    triggers: dict[tuple[int, int], list[int]] = {}
    for index, event in enumerate(document.events):
        span = event.spans.get("trigger")
        if span is not None:
            triggers.setdefault((int(span[0]), int(span[1])), []).append(index)
    for (start, end), indexes in triggers.items():
        first = document.events[indexes[0]]
        attrs = {
            "data-code": first.cameo,
            "data-mode": first.mode,
            "data-date": first.date or "",
            "data-events": " ".join(str(i) for i in indexes),
            "data-start": str(start),
            "id": f"trigger-{start}",
        }
        titles = []
        for i in indexes:
            e = document.events[i]
            titles.append(
                f"{e.cameo} {e.plover or ''} · {e.mode} · {e.date or 'undated'} · {e.source} → {e.target or '—'}"
            )
        found.append(Annotation(start, end, "trigger", attrs, "\n".join(titles)))
    return found


def _open_tag(annotation: Annotation, *, continued: bool) -> str:
    parts = [f'<mark class="{annotation.kind}"']
    for key, value in annotation.attrs.items():
        if key == "id" and continued:
            continue  # ids stay unique: only the first piece of a split span carries it
        parts.append(f' {key}="{escape(value, quote=True)}"')
    if annotation.title:
        parts.append(f' title="{escape(annotation.title, quote=True)}"')
    return "".join(parts) + ">"


def highlight(
    text: str, annotations: Iterable[Annotation], *, offset: int = 0, opened: set[int] | None = None
) -> Markup:
    """HTML for ``text`` (which starts at ``offset`` of the document) with the annotations as ``<mark>`` elements.

    Annotations outside the text are clipped away; empty ones are dropped. ``opened`` collects the annotations
    already rendered (pass one set to consecutive calls over pieces of one document to keep ids unique).
    """
    end_of_text = offset + len(text)
    pending = sorted(
        (
            (max(a.start, offset), min(a.end, end_of_text), a)
            for a in annotations
            if min(a.end, end_of_text) > max(a.start, offset)
        ),
        key=lambda item: (item[0], -item[1], item[2].kind != "mention"),
    )
    out: list[str] = []
    stack: list[tuple[int, Annotation]] = []  # (end, annotation) of the open elements
    position = offset
    if opened is None:
        opened = set()

    def emit_until(limit: int) -> None:
        nonlocal position
        if limit > position:
            out.append(escape(text[position - offset : limit - offset], quote=False))
            position = limit

    def close_until(limit: int) -> None:
        while stack and stack[-1][0] <= limit:
            end, _ = stack.pop()
            emit_until(end)
            out.append("</mark>")

    queue = list(reversed(pending))
    while queue:
        start, end, annotation = queue.pop()
        close_until(start)
        emit_until(start)
        if stack and end > stack[-1][0]:
            # Crosses the end of the enclosing element: keep the part inside, queue the rest.
            inner_end = stack[-1][0]
            rest = (inner_end, end, annotation)
            queue.append(rest)
            queue.sort(key=lambda item: (-item[0], item[1], item[2].kind == "mention"))
            end = inner_end
        out.append(_open_tag(annotation, continued=id(annotation) in opened))
        opened.add(id(annotation))
        stack.append((end, annotation))
    close_until(end_of_text)
    emit_until(end_of_text)
    return Markup("".join(out))


_BLOCK_TAGS = {
    "title": "h2",
    "heading": "h3",
    "paragraph": "p",
    "caption": "p",
    "note": "p",
    "author": "p",
    "affiliation": "p",
    "publisher": "p",
    "date": "p",
}


@dataclass(frozen=True, slots=True)
class RenderedBlock:
    kind: str
    tag: str
    html: Markup
    start: int
    end: int


def render_blocks(document: Document) -> list[RenderedBlock]:
    """The document's blocks (or the whole text as one block when it has none), each highlighted."""
    annotations = annotations_for(document)
    blocks: tuple[Block, ...] = document.blocks or (Block("paragraph", 0, len(document.text)),)
    rendered = []
    opened: set[int] = set()
    for block in blocks:
        start, end = max(0, block.start), min(len(document.text), block.end)
        if end <= start:
            continue
        html = highlight(document.text[start:end], annotations, offset=start, opened=opened)
        rendered.append(RenderedBlock(block.kind, _BLOCK_TAGS.get(block.kind, "p"), html, start, end))
    return rendered
