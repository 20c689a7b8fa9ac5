"""A small store built by hand (documents, mentions, events written here, not by the coder), a web app over it, and a
live uvicorn server for the browser tests.

The sentences are our own, in Traditional Chinese, Simplified Chinese and English. Spans are found by searching the
text, so the fixtures stay right when a sentence is edited.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kuroshio.events.ontology import lookup
from kuroshio.model import Author, Block, Document, Event, Mention, Sentence

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"


@dataclass(frozen=True)
class Spec:
    """One event to place in a document: actors and trigger given by their text in the sentence."""

    sentence: int
    source: str
    source_text: str
    target: str | None
    target_text: str | None
    cameo: str
    trigger: str
    mode: str = "actual"


def _find(text: str, needle: str, start: int, end: int) -> tuple[int, int]:
    at = text.find(needle, start, end)
    assert at >= 0, f"{needle!r} not in sentence"
    return at, at + len(needle)


def build_document(
    doc_id: str,
    *,
    title: str,
    paragraphs: list[str],
    lang: str,
    script: str,
    date: str,
    specs: list[Spec],
    separator: str = "",
    headings: dict[int, str] | None = None,
) -> Document:
    """A Document whose sentences are split on '。' or '. ' and whose events are placed by ``specs``."""
    blocks: list[Block] = []
    parts: list[str] = []
    position = 0

    def append(kind: str, value: str) -> None:
        nonlocal position
        if parts:
            parts.append("\n\n")
            position += 2
        blocks.append(Block(kind, position, position + len(value)))
        parts.append(value)
        position += len(value)

    append("title", title)
    for i, paragraph in enumerate(paragraphs):
        if headings and i in headings:
            append("heading", headings[i])
        append("paragraph", paragraph)
    text = "".join(parts)
    sentences: list[Sentence] = []
    for block_index, block in enumerate(blocks):
        if block.kind != "paragraph":
            continue
        start = block.start
        body = text[block.start : block.end]
        stop = "。" if script != "Latn" else ". "
        for piece in body.split(stop):
            if not piece.strip():
                continue
            piece_start = text.index(piece, start)
            piece_end = min(block.end, piece_start + len(piece) + len(stop.strip()))
            sentences.append(Sentence(len(sentences), piece_start, piece_end, block_index))
            start = piece_end
    mentions: list[Mention] = []
    events: list[Event] = []
    for spec in specs:
        sentence = sentences[spec.sentence]
        source_span = _find(text, spec.source_text, sentence.start, sentence.end)
        target_span = _find(text, spec.target_text, sentence.start, sentence.end) if spec.target_text else None
        trigger_span = _find(text, spec.trigger, sentence.start, sentence.end)
        for code, span, mention_text in (
            (spec.source, source_span, spec.source_text),
            (spec.target, target_span, spec.target_text),
        ):
            if code and span and not any(m.start == span[0] and m.end == span[1] for m in mentions):
                kind = "state" if len(code) == 3 else "role"
                mentions.append(Mention(span[0], span[1], mention_text, code, code[:3], kind, sentence=spec.sentence))
        entry = lookup(spec.cameo)
        events.append(
            Event(
                doc=doc_id,
                sentence_index=spec.sentence,
                sentence=text[sentence.start : sentence.end],
                source=spec.source,
                source_country=spec.source[:3],
                source_text=spec.source_text,
                target=spec.target,
                target_country=spec.target[:3] if spec.target else None,
                target_text=spec.target_text,
                cameo=spec.cameo,
                root=entry.root,
                quad_class=entry.quad_class,
                goldstein=entry.goldstein,
                plover=entry.plover,
                date=date,
                date_precision="day",
                mode=spec.mode,
                spans={"source": source_span, "target": target_span, "trigger": trigger_span},
                confidence=0.8,
            )
        )
    return Document(
        id=doc_id,
        text=text,
        source_path=f"{doc_id}.txt",
        lang="en" if script == "Latn" else "zh",
        script=script,
        title=title,
        authors=(Author("Kuroshio Tests", "Fixture Desk"),),
        date=date,
        blocks=tuple(blocks),
        sentences=tuple(sentences),
        mentions=tuple(sorted(mentions, key=lambda m: m.start)),
        events=tuple(events),
    )


def corpus() -> list[Document]:
    """Five hand-coded documents: KOR-JPN in three months, CHN-JPN, and KOR-PRK."""
    hant = build_document(
        "hant-summit",
        title="韓日關係的新階段",
        paragraphs=[
            "韓國總統本週抵達東京，與日本首相舉行高峰會談。兩國同意恢復外長定期對話。",
            "北韓則譴責這次會談，稱其為對半島的挑釁。",
        ],
        headings={1: "各方反應"},
        lang="zh-Hant",
        script="zh-Hant",
        date="2025-08-20",
        specs=[
            Spec(0, "KORGOV", "韓國總統", "JPN", "東京", "042", "抵達"),
            Spec(0, "KORGOV", "韓國總統", "JPNGOV", "日本首相", "040", "會談"),
            Spec(2, "PRK", "北韓", "KOR", "韓", "111", "譴責"),
        ],
    )
    hans = build_document(
        "hans-protest",
        title="中方批评日本决定",
        paragraphs=["中国外交部发言人批评日本政府的决定。中方表示将对日本采取反制措施。"],
        lang="zh-Hans",
        script="zh-Hans",
        date="2025-09-05",
        specs=[
            Spec(0, "CHNGOV", "中国外交部发言人", "JPNGOV", "日本政府", "111", "批评"),
            Spec(1, "CHN", "中方", "JPN", "日本", "163", "反制措施", mode="planned"),
        ],
    )
    english = build_document(
        "en-accord",
        title="Seoul and Tokyo sign a data accord",
        paragraphs=[
            "South Korea signed an intelligence sharing agreement with Japan on Friday. "
            "Officials in Seoul said the deal would not be revised. "
            "Pyongyang denounced Seoul within hours.",
        ],
        lang="en",
        script="Latn",
        date="2025-10-10",
        specs=[
            Spec(0, "KOR", "South Korea", "JPN", "Japan", "057", "signed"),
            Spec(2, "PRK", "Pyongyang", "KOR", "Seoul", "111", "denounced"),
        ],
    )
    july = build_document(
        "en-visit",
        title="Tokyo hosts a delegation",
        paragraphs=["Japanese officials hosted a delegation from Seoul in Tokyo. The two sides may meet again soon."],
        lang="en",
        script="Latn",
        date="2025-07-03",
        specs=[
            Spec(0, "JPNGOV", "Japanese officials", "KOR", "Seoul", "043", "hosted"),
            Spec(1, "JPN", "two sides", "KOR", "two sides", "036", "meet", mode="hypothetical"),
        ],
    )
    plain = build_document(
        "en-quiet",
        title="A quiet week",
        paragraphs=["Markets were calm and no officials travelled this week."],
        lang="en",
        script="Latn",
        date="2025-10-11",
        specs=[],
    )
    return [hant, hans, english, july, plain]


@pytest.fixture(scope="session")
def documents() -> list[Document]:
    return corpus()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory, documents: list[Document]) -> Path:
    from kuroshio.store import Store

    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Store(path) as store:
        for document in documents:
            assert store.add(document) == "added"
    return path


@pytest.fixture(scope="session")
def client(store_path: Path):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from kuroshio.web import create_app

    with TestClient(create_app(str(store_path))) as test_client:
        yield test_client


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(store: Path) -> Iterator[str]:
    """A uvicorn server on a free loopback port, in a thread, over ``store``; yields its base URL."""
    import uvicorn

    from kuroshio.web import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(str(store)), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(store_path: Path) -> Iterator[str]:
    with serving(store_path) as url:
        yield url


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("/usr/bin/chromium is missing in CI: .ci/run must install the chromium package")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium); CI runs these tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page; at teardown, no request may have left 127.0.0.1 and no JavaScript error may have occurred."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    yield page
    outside = [url for url in page.requests if not url.startswith("http://127.0.0.1:")]
    assert outside == [], f"requests left the server: {outside}"
    assert page.errors == [], f"errors in the page: {page.errors}"
    context.close()
