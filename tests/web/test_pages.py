"""Server-rendered pages through the test client: content, filter state kept in the URL, errors as pages."""

from __future__ import annotations

import re
import threading

import pytest


@pytest.mark.parametrize(
    "url", ["/", "/events", "/documents", "/dyad/KOR/JPN", "/doc/en-accord", "/actor/KOR", "/network", "/docs"]
)
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<title>" in response.text and "</html>" in response.text


def test_chinese_in_both_scripts_and_english_are_served_as_utf8(client):
    hant = client.get("/doc/hant-summit")
    assert "charset=utf-8" in hant.headers["content-type"]
    assert "韓日關係的新階段" in hant.text and 'lang="zh-Hant"' in hant.text
    hans = client.get("/doc/hans-protest")
    assert "中方批评日本决定" in hans.text and 'lang="zh-Hans"' in hans.text
    assert 'lang="en"' in client.get("/doc/en-accord").text


def test_filter_state_is_kept_in_the_form_and_pager_links(client):
    html = client.get("/events?source=KOR&quad=1&limit=2").text
    assert 'name="source" value="KOR"' in html
    assert re.search(r'<option value="1" selected>', html)
    next_link = re.search(r'rel="next" href="([^"]+)"', html)
    assert next_link is not None
    link = next_link.group(1).replace("&amp;", "&")
    assert "source=KOR" in link and "quad=1" in link and "offset=2" in link and "limit=2" in link
    assert client.get(link).status_code == 200


def test_dyad_page_keeps_its_state(client):
    html = client.get("/dyad/kor/jpn?freq=year&direction=ab&code=05").text
    assert "Dyad" in html and ">KOR<" in html and ">JPN<" in html
    assert '<option value="year" selected>' in html
    assert '<option value="ab" selected>' in html
    assert 'name="code" value="05"' in html
    assert html.count('class="point"') == 1  # one year with events (direction KOR -> JPN, all in 2025)
    assert html.count('<tr class="event') == 1  # only 057 starts with 05


def test_document_page_highlights(client):
    html = client.get("/doc/en-accord").text
    trigger = re.search(r'<mark class="trigger"[^>]*>signed</mark>', html)
    assert trigger is not None
    assert 'data-code="057"' in trigger.group(0) and 'data-mode="actual"' in trigger.group(0)
    assert 'data-date="2025-10-10"' in trigger.group(0) and 'id="trigger-' in trigger.group(0)
    assert re.search(r'<mark class="mention"[^>]*data-code="KOR"[^>]*>South Korea</mark>', html)


def test_errors_are_pages(client):
    missing = client.get("/doc/absent")
    assert missing.status_code == 404 and "no document" in missing.text and "<html" in missing.text
    bad = client.get("/events?mode=sometimes")
    assert bad.status_code == 422 and "<html" in bad.text
    assert client.get("/dyad/KOR/J..N").status_code == 422


def test_reads_go_on_while_an_upload_writes(tmp_path, documents):
    """Readers and the writer share one process: the lock keeps DuckDB from seeing two connection modes at once."""
    from fastapi.testclient import TestClient

    from kuroshio.config import Options
    from kuroshio.store import Store
    from kuroshio.web import create_app

    path = tmp_path / "busy.duckdb"
    with Store(path) as store:
        store.add(documents[0])
    app = create_app(str(path), allow_upload=True, options=Options(stages=("normalize", "segment")))
    statuses: list[int] = []
    with TestClient(app) as web:

        def read() -> None:
            for _ in range(10):
                statuses.append(web.get("/api/events").status_code)

        readers = [threading.Thread(target=read) for _ in range(3)]
        for thread in readers:
            thread.start()
        for i in range(3):
            note = f"Officials in Seoul met again, round {i}.".encode()
            response = web.post("/api/documents", files={"file": (f"n{i}.txt", note, "text/plain")})
            assert response.status_code == 200, response.text
        for thread in readers:
            thread.join()
        assert web.get("/api/stats").json()["documents"] == 4
    assert statuses == [200] * 30
