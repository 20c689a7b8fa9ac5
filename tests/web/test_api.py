"""The REST API through FastAPI's test client, over the hand-built fixture store."""

from __future__ import annotations

import pytest

from kuroshio.model import Event


def test_events_answer_design_records_with_total(client):
    body = client.get("/api/events").json()
    assert body["total"] == 9
    assert len(body["events"]) == 9
    record = body["events"][0]
    assert set(record) >= {
        "doc", "sentence_index", "sentence", "source", "source_country", "source_text", "target", "target_country",
        "target_text", "cameo", "root", "quad_class", "goldstein", "plover", "date", "date_precision", "mode",
        "spans", "confidence",
    }  # fmt: skip
    # Records round-trip into the model.
    assert Event.from_json(record).cameo == record["cameo"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("source=KOR", 3),  # country matches KOR and KORGOV
        ("source=KORGOV", 2),  # a full code matches only itself
        ("source=kor&target=jpn", 3),  # codes are case-insensitive
        ("target=KOR&code=111", 2),
        ("root=11", 3),
        ("quad=1", 5),
        ("mode=planned", 1),
        ("mode=hypothetical", 1),
        ("since=2025-09&until=2025-09-30", 2),
        ("doc=en-accord", 2),
        ("q=東京", 2),
        ("q=pyongyang", 1),
    ],
)
def test_event_filters(client, query, expected):
    body = client.get(f"/api/events?{query}").json()
    assert body["total"] == expected
    assert len(body["events"]) == expected


def test_events_paging(client):
    first = client.get("/api/events?limit=4&offset=0").json()
    second = client.get("/api/events?limit=4&offset=4").json()
    third = client.get("/api/events?limit=4&offset=8").json()
    assert first["total"] == second["total"] == 9
    assert [len(p["events"]) for p in (first, second, third)] == [4, 4, 1]
    pages = (first, second, third)
    keys = {(e["doc"], e["sentence_index"], e["cameo"], e["target"]) for p in pages for e in p["events"]}
    assert len(keys) == 9


@pytest.mark.parametrize(
    "query",
    ["mode=maybe", "since=2025-13", "since=yesterday", "limit=0", "limit=100000", "offset=-1", "quad=5", "code=abc"],
)
def test_bad_filters_are_client_errors(client, query):
    response = client.get(f"/api/events?{query}")
    assert response.status_code in (400, 422)
    assert "detail" in response.json()


def test_dyad_series(client):
    body = client.get("/api/dyads/KOR/JPN/series?freq=month").json()
    assert (body["a"], body["b"], body["freq"]) == ("KOR", "JPN", "month")
    by_period = {row["period"]: row for row in body["series"]}
    assert by_period["2025-08"]["events"] == 2
    assert by_period["2025-08"]["q1"] == 2
    assert by_period["2025-08"]["goldstein_mean"] == pytest.approx((1.9 + 1.0) / 2)
    assert by_period["2025-10"]["goldstein_mean"] == pytest.approx(8.0)
    one_way = client.get("/api/dyads/KOR/JPN/series?direction=ab").json()
    assert sum(row["events"] for row in one_way["series"]) == 3
    assert client.get("/api/dyads/KOR/JPN/series?freq=fortnight").status_code == 422


def test_network_and_top_dyads(client):
    graph = client.get("/api/network").json()
    nodes = {n["id"]: n["events"] for n in graph["nodes"]}
    assert {"KOR", "JPN", "PRK", "CHN"} <= set(nodes)
    edges = {(e["source"], e["target"]): e["events"] for e in graph["edges"]}
    assert edges[("KOR", "JPN")] == 3
    assert edges[("PRK", "KOR")] == 2
    top = client.get("/api/dyads/top?n=2").json()
    assert (top[0]["source"], top[0]["target"], top[0]["events"]) == ("KOR", "JPN", 3)


def test_document_record_has_text_structure_mentions_and_event_spans(client, documents):
    body = client.get("/api/documents/hant-summit").json()
    original = next(d for d in documents if d.id == "hant-summit")
    assert body["text"] == original.text
    assert body["title"] == "韓日關係的新階段"
    assert body["headings"] == ["各方反應"]
    assert body["lang"] == "zh-Hant"
    assert len(body["mentions"]) == len(original.mentions)
    for event in body["events"]:
        start, end = event["spans"]["trigger"]
        assert body["text"][start:end] in event["sentence"]
        start, end = event["spans"]["source"]
        assert body["text"][start:end] == event["source_text"]


def test_documents_list_and_missing_document(client):
    body = client.get("/api/documents?limit=2").json()
    assert body["total"] == 5
    assert len(body["documents"]) == 2
    assert client.get("/api/documents/no-such-doc").status_code == 404


def test_stats(client):
    stats = client.get("/api/stats").json()
    assert (stats["documents"], stats["events"]) == (5, 9)
    assert (stats["first_date"], stats["last_date"]) == ("2025-07-03", "2025-10-10")


def test_actors_lookup(client):
    response = client.get("/api/actors?q=JPN")
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "JPN"
    assert any(row["code"] == "JPN" for row in body["actors"])
    assert client.get("/api/actors").status_code == 422


def test_openapi_and_local_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/dyads/{a}/{b}/series", "/api/actors", "/api/network", "/api/documents/{doc_id}"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/documents"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/api/events" in docs.text
    # Nothing is loaded from another host: no absolute http(s) URLs in src/href attributes of any page.
    for url in ("/docs", "/", "/dyad/KOR/JPN", "/doc/hant-summit", "/network", "/events", "/actor/KOR"):
        html = client.get(url).text
        assert 'src="http' not in html and 'href="http' not in html.replace('href="http://testserver', ""), url
    assert client.get("/redoc").status_code == 404


def test_static_files_are_served(client):
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_missing_store_is_503(tmp_path):
    from fastapi.testclient import TestClient

    from kuroshio.web import create_app

    with TestClient(create_app(str(tmp_path / "absent.duckdb"))) as missing:
        assert missing.get("/api/events").status_code == 503
        page = missing.get("/")
        assert page.status_code == 503
        assert "no such store" in page.text
