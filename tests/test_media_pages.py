"""Article pictures on the desk pages: the Images panel, uploads, alt text, deletion, and /media files."""

from __future__ import annotations

import io
import re

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, signed_in_client
from flask import Flask
from test_media import jpeg_with_gps, png_bytes
from test_webui_pages import inline_code


@pytest.fixture
def desk(web_app: Flask):
    return web_app.extensions["songngu.desk"]


@pytest.fixture
def people(desk):
    return {role: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
            for name, role in (("bich", "editor"), ("lan", "translator"))}


def signed_in(web_app: Flask, name: str, locale: str = "en"):
    return signed_in_client(web_app, name, locale)


def article(desk, actor):
    return desk.documents.create(actor, source_lang="vi", category="handicrafts", title="Gốm",
                                 summary="", body_html='<p>Câu một.</p><p><img src="https://cdn.example/x.jpg" '
                                                       'alt="Ảnh ngoài"></p>')


def test_editor_uploads_sees_edits_alt_and_deletes_a_picture(web_app, desk, people):
    doc = article(desk, people["editor"])
    client = signed_in(web_app, "bich")
    page = client.get(f"/articles/{doc.id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert not inline_code(html)
    tree = lxml.html.document_fromstring(html)
    labels = {lab.text_content().strip() for lab in tree.xpath("//label")}
    assert "Upload image" in labels
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    resp = client.post(f"/articles/{doc.id}/images", data={
        "csrf_token": token, "caption": "Lò gốm cổ.",
        "image": (io.BytesIO(jpeg_with_gps()), "lo-gom.jpg")}, content_type="multipart/form-data")
    assert resp.status_code == 302 and resp.headers["Location"].endswith("#images")
    [img] = desk.media.images(people["editor"], doc.id)

    html = client.get(f"/articles/{doc.id}").get_data(as_text=True)
    tree = lxml.html.document_fromstring(html)
    labels = {lab.text_content().strip() for lab in tree.xpath("//label")}
    assert {"Alt text (Vietnamese)", "Alt text (English)", "Upload image"} <= labels
    assert tree.xpath("//button[normalize-space()='Delete image']")
    assert tree.xpath(f"//ul[@class='images']//img[@src='{img.url}']")
    # The preview shows the desk's own picture, and still only a placeholder for the outside one.
    body = tree.xpath("//div[@class='preview__body']")[0]
    assert body.xpath(f".//img[@src='{img.url}' and @alt='Lò gốm cổ.']")
    assert not body.xpath(".//img[contains(@src, 'cdn.example')]")

    file = client.get(img.url)
    assert file.status_code == 200 and file.mimetype == "image/jpeg"
    assert file.headers["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in file.headers["Cache-Control"] and "max-age=31536000" in file.headers["Cache-Control"]
    assert b"PhoneCam" not in file.data

    resp = client.post(f"/articles/{doc.id}/images/{img.id}/alt",
                       data={"csrf_token": token, "alt_vi": "Lò nung", "alt_en": "A kiln"})
    assert resp.status_code == 302
    assert desk.media.images(people["editor"], doc.id)[0].alt == {"vi": "Lò nung", "en": "A kiln"}

    resp = client.post(f"/articles/{doc.id}/images/{img.id}/delete", data={"csrf_token": token})
    assert resp.status_code == 302
    assert desk.media.images(people["editor"], doc.id) == []
    assert "Lò gốm cổ." not in desk.documents.get(people["editor"], doc.id).body_html


def test_media_files_need_a_session_and_a_real_name(web_app, desk, people):
    doc = article(desk, people["editor"])
    img = desk.media.upload(people["editor"], doc.id, filename="a.png", data=png_bytes())
    anonymous = web_app.test_client()
    assert anonymous.get(img.url).status_code in (302, 401)
    client = signed_in(web_app, "lan")
    assert client.get(img.url).status_code == 200
    assert client.get(f"/media/{img.sha256}.jpg").status_code == 404  # right hash, wrong type
    assert client.get("/media/" + "0" * 64 + ".png").status_code == 404
    assert client.get("/media/..%2f..%2fsecret.png").status_code == 404


def test_translators_see_alt_fields_but_no_upload_or_delete(web_app, desk, people):
    doc = article(desk, people["editor"])
    desk.media.upload(people["editor"], doc.id, filename="a.png", data=png_bytes())
    client = signed_in(web_app, "lan")
    html = client.get(f"/articles/{doc.id}").get_data(as_text=True)
    tree = lxml.html.document_fromstring(html)
    labels = {lab.text_content().strip() for lab in tree.xpath("//label")}
    assert "Alt text (English)" in labels and "Upload image" not in labels
    assert not tree.xpath("//button[normalize-space()='Delete image']")
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    resp = client.post(f"/articles/{doc.id}/images", data={
        "csrf_token": token, "image": (io.BytesIO(png_bytes(colour=(1, 1, 1))), "b.png")},
        content_type="multipart/form-data")
    assert resp.status_code == 302
    assert len(desk.media.images(people["editor"], doc.id)) == 1  # the service refused it
    assert "cannot add pictures" in client.get(f"/articles/{doc.id}").get_data(as_text=True)


def test_the_rest_api_lists_uploads_sets_alt_text_serves_and_removes_pictures(web_app, desk, people):
    doc = article(desk, people["editor"])
    client = web_app.test_client()
    auth = {"Authorization": f"Bearer {desk.accounts.create_token('bich', label='t')}"}
    resp = client.post(f"/api/v1/documents/{doc.id}/images", headers=auth, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(jpeg_with_gps()), "kiln.jpg"), "caption": "Lò gốm.",
                             "alt_en": "A kiln"})
    assert resp.status_code == 201, resp.get_json()
    made = resp.get_json()
    assert made["mime"] == "image/jpeg" and made["alt"] == {"vi": "", "en": "A kiln"}
    assert made["caption"]["vi"] == "Lò gốm."
    bad = client.post(f"/api/v1/documents/{doc.id}/images", headers=auth, content_type="multipart/form-data",
                      data={"file": (io.BytesIO(b"MZ\x90\x00 not an image"), "x.png")})
    assert bad.status_code == 400 and "x.png is not a JPEG" in bad.get_json()["error"]["message"]
    listed = client.get(f"/api/v1/documents/{doc.id}/images", headers=auth).get_json()["images"]
    assert [i["id"] for i in listed] == [made["id"]]
    patched = client.patch(f"/api/v1/images/{made['id']}", headers=auth, json={"alt_vi": "Lò nung"})
    assert patched.status_code == 200 and patched.get_json()["alt"] == {"vi": "Lò nung", "en": "A kiln"}
    file = client.get(f"/api/v1/media/{made['sha256']}.jpg", headers=auth)
    assert file.status_code == 200 and file.mimetype == "image/jpeg" and file.data[:2] == b"\xff\xd8"
    assert client.get(f"/api/v1/media/{made['sha256']}.jpg").status_code == 401
    assert client.delete(f"/api/v1/images/{made['id']}", headers=auth).status_code == 204
    assert client.delete(f"/api/v1/images/{made['id']}", headers=auth).status_code == 404
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/documents/{doc_id}/images" in spec["paths"] and "/api/v1/images/{image_id}" in spec["paths"]
