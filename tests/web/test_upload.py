"""Uploads: off by default, token-guarded when a token is set, size and type limits, no client paths, then stored."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kuroshio.config import Options
from kuroshio.errors import UsageError
from kuroshio.web import check_bind, create_app, is_loopback
from kuroshio.web.upload import safe_name

# Reading and segmenting only: these tests are about the web layer, not about what the coder finds.
READ_ONLY_STAGES = Options(stages=("normalize", "segment"))
NOTE = "東京與首爾的官員本週再次會面。\n\n雙方同意下個月繼續對話。\n".encode()


def _client(tmp_path, **kwargs) -> TestClient:
    kwargs.setdefault("options", READ_ONLY_STAGES)
    return TestClient(create_app(str(tmp_path / "up.duckdb"), allow_upload=True, **kwargs))


def test_upload_is_refused_unless_enabled(client):
    response = client.post("/api/documents", files={"file": ("note.txt", NOTE, "text/plain")})
    assert response.status_code == 403
    assert "--allow-upload" in response.json()["detail"]


def test_upload_codes_stores_and_is_idempotent(tmp_path):
    with _client(tmp_path) as up:
        first = up.post("/api/documents", files={"file": ("note.txt", NOTE, "text/plain")}, data={"date": "2025-11-02"})
        assert first.status_code == 200, first.text
        [summary] = first.json()["documents"]
        assert summary["status"] == "added"
        again = up.post("/api/documents", files={"file": ("note.txt", NOTE, "text/plain")}, data={"date": "2025-11-02"})
        assert again.json()["documents"][0]["status"] == "unchanged"
        stored = up.get(f"/api/documents/{summary['id']}").json()
        assert "首爾" in stored["text"]
        assert stored["date"] == "2025-11-02"
        assert stored["source_path"] == "upload:note.txt"
        assert up.get("/api/stats").json()["documents"] == 1
        assert up.get(f"/doc/{summary['id']}").status_code == 200


def test_token_is_required_when_set(tmp_path):
    with _client(tmp_path, token="s3cret") as up:
        files = {"file": ("note.txt", NOTE, "text/plain")}
        assert up.post("/api/documents", files=files).status_code == 401
        assert up.post("/api/documents", files=files, headers={"Authorization": "Bearer nope"}).status_code == 401
        ok = up.post("/api/documents", files=files, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200, ok.text


def test_size_limit(tmp_path):
    with _client(tmp_path, max_upload_bytes=64) as up:
        response = up.post("/api/documents", files={"file": ("note.txt", NOTE * 4, "text/plain")})
        assert response.status_code == 413


@pytest.mark.parametrize(
    ("name", "content", "status"),
    [
        ("tool.exe", b"MZ\x90\x00", 415),
        ("fake.pdf", b"just text", 415),
        ("hidden.txt", b"%PDF-1.7 a pdf in disguise", 415),
        ("noext", b"some text", 415),
        ("empty.txt", b"   \n", 422),
    ],
)
def test_type_checks(tmp_path, name, content, status):
    with _client(tmp_path) as up:
        response = up.post("/api/documents", files={"file": (name, content, "application/octet-stream")})
        assert response.status_code == status


def test_not_multipart_is_refused(tmp_path):
    with _client(tmp_path) as up:
        assert up.post("/api/documents", content=NOTE, headers={"content-type": "text/plain"}).status_code == 415


def test_client_paths_never_reach_the_file_system(tmp_path):
    with _client(tmp_path) as up:
        response = up.post("/api/documents", files={"file": ("../../../tmp/evil.txt", NOTE, "text/plain")})
        assert response.status_code == 200, response.text
        doc_id = response.json()["documents"][0]["id"]
        assert up.get(f"/api/documents/{doc_id}").json()["source_path"] == "upload:evil.txt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["up.duckdb"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a/b/c.txt", "c.txt"), ("..\\..\\win.pdf", "win.pdf"), ("../", "upload"), ("報告 2025.html", "報告_2025.html")],
)
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def test_bind_rules():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("example.org")
    check_bind("127.0.0.1", allow_upload=True, token=None)
    check_bind("0.0.0.0", allow_upload=False, token=None)
    check_bind("0.0.0.0", allow_upload=True, token="t")
    with pytest.raises(UsageError, match="--token"):
        check_bind("0.0.0.0", allow_upload=True, token=None)


def test_serve_refuses_public_upload_without_token(runner):
    from kuroshio.cli import app

    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--allow-upload"])
    assert result.exit_code == 2
    assert "--token" in result.output


def test_pdf_and_html_uploads_are_read(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf_path = tmp_path / "brief.pdf"
    sheet = canvas.Canvas(str(pdf_path), pagesize=A4)
    sheet.drawString(72, 760, "Seoul and Tokyo agreed to resume regular talks.")
    sheet.save()
    page = b"<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1>" + (
        b"<p>Officials from Seoul and Tokyo met on Monday and agreed to meet again next month.</p>" * 3
    ) + b"</article></body></html>"
    (tmp_path / "store").mkdir()
    with _client(tmp_path / "store") as up:
        pdf = up.post("/api/documents", files={"file": ("brief.pdf", pdf_path.read_bytes(), "application/pdf")})
        assert pdf.status_code == 200, pdf.text
        html = up.post("/api/documents", files={"file": ("talks.html", page, "text/html")})
        assert html.status_code == 200, html.text
        texts = [up.get(f"/api/documents/{r.json()['documents'][0]['id']}").json()["text"] for r in (pdf, html)]
    assert "resume regular talks" in texts[0]
    assert "agreed to meet again" in texts[1]
