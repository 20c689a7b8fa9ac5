"""The dashboard over a store coded from the dev corpus (../shared/eval/dev, absent outside the project's machines):
each page renders in headless Chromium with its chart and its highlights, whatever the coder found."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import serving

pytestmark = pytest.mark.browser

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev"


@pytest.fixture(scope="module")
def dev_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    corpus = DEV / "corpus.jsonl"
    if not corpus.is_file():
        pytest.skip("../shared not present: the dev corpus is not ours to ship; CI has it")
    from kuroshio.config import load_options
    from kuroshio.pipeline import Pipeline
    from kuroshio.store import Store

    path = tmp_path_factory.mktemp("dev") / "dev.duckdb"
    failures = []
    with Store(path) as store:
        for outcome in Pipeline(load_options()).run([str(corpus)]):
            if outcome.error is not None:
                failures.append(str(outcome.error))
            else:
                assert outcome.document is not None
                store.add(outcome.document)
    assert not failures, failures
    with serving(path) as url:
        yield url


def test_dev_corpus_pages_render_with_charts_and_highlights(page, dev_server, artifacts):
    import httpx

    stats = httpx.get(dev_server + "/api/stats").json()
    assert stats["documents"] == 35
    assert stats["events"] > 0

    page.goto(dev_server + "/")
    assert page.locator("#n-documents").inner_text() == "35"
    assert page.locator("svg.spark .spark-point").count() > 0
    page.screenshot(path=str(artifacts / "dev-overview.png"), full_page=True)

    top = httpx.get(dev_server + "/api/dyads/top?n=1").json()[0]
    page.goto(f"{dev_server}/dyad/{top['source']}/{top['target']}")
    assert page.locator("svg.trajectory circle.point").count() >= 1
    assert page.locator("table.events tr.event").count() >= 1
    page.screenshot(path=str(artifacts / "dev-dyad.png"), full_page=True)

    page.goto(f"{dev_server}/actor/{top['source']}")
    assert int(page.locator("#n-source").inner_text()) >= top["events"]
    assert page.locator("table.partners tr").count() >= 2

    # The document with most events: every trigger highlight carries the code of one of its events, and the first
    # event's trigger span is highlighted with exactly the event's code, mode and date.
    documents = httpx.get(dev_server + "/api/documents?limit=100").json()["documents"]
    busiest = max(documents, key=lambda d: d["n_events"] or 0)
    record = httpx.get(f"{dev_server}/api/documents/{busiest['id']}").json()
    event = next(e for e in record["events"] if e["spans"].get("trigger"))
    start, end = event["spans"]["trigger"]
    page.goto(f"{dev_server}/doc/{busiest['id']}")
    marks = page.locator("#doc-text mark.trigger")
    assert marks.count() >= 1
    codes = {e["cameo"] for e in record["events"]}
    assert {marks.nth(i).get_attribute("data-code") for i in range(marks.count())} <= codes
    mark = page.locator(f'mark.trigger[data-start="{start}"]').first
    assert mark.inner_text() == record["text"][start:end]
    same_span = [e for e in record["events"] if e["spans"].get("trigger") == [start, end]]
    assert (mark.get_attribute("data-code"), mark.get_attribute("data-mode"), mark.get_attribute("data-date")) == (
        same_span[0]["cameo"],
        same_span[0]["mode"],
        same_span[0]["date"] or "",
    )
    assert page.locator("#doc-text mark.mention").count() >= 1
    page.screenshot(path=str(artifacts / "dev-document.png"), full_page=True)

    page.goto(dev_server + "/network")
    assert page.locator("svg.network g.node").count() >= 2
    page.screenshot(path=str(artifacts / "dev-network.png"), full_page=True)
