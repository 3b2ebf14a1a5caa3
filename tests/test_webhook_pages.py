"""The webhook delivery log: the admin page (/admin/webhooks) and the REST API, with "Retry now"."""

from __future__ import annotations

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, form_csrf, signed_in_client
from flask import Flask
from test_webhooks import SECRET, Receiver
from test_webui_pages import inline_code

XSS = '<script>alert(1)</script><img src=x onerror=alert(1)>'


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def web_app(models_env, monkeypatch, receiver):
    monkeypatch.setenv("SONGNGU_WEBHOOK_URL", receiver.url)
    monkeypatch.setenv("SONGNGU_WEBHOOK_SECRET", SECRET)
    from translate.desk import Desk
    from webui.app import create_app

    desk = Desk()
    try:
        yield create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)
    finally:
        desk.close()


@pytest.fixture
def desk(web_app: Flask):
    return web_app.extensions["songngu.desk"]


@pytest.fixture
def people(desk):
    return {role: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
            for name, role in (("bich", "editor"), ("quan", "admin"))}


@pytest.fixture
def deliveries(desk, people, receiver):
    doc = desk.documents.create(people["editor"], source_lang="vi", category="handicrafts", title=XSS,
                                summary="", body_html="<p>Câu.</p>")
    receiver.answers = [500]
    failing = desk.webhooks.notify("published", {"document_id": doc.id, "vi": {"title": XSS}})
    desk.jobs.run_queued()
    delivered = desk.webhooks.notify("unpublished", {"document_id": doc.id})
    desk.jobs.run_queued()
    return {"pending": failing, "delivered": delivered, "doc": doc.id}


def client_for(web_app: Flask, name: str):
    return signed_in_client(web_app, name, "en")


def test_the_log_lists_state_attempts_and_last_error_and_retries_now(web_app, desk, people, deliveries, receiver):
    admin = client_for(web_app, "quan")
    resp = admin.get("/admin/webhooks")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and inline_code(html) == [] and "<script>alert" not in html
    page = lxml.html.document_fromstring(html)
    rows = {r.xpath("string(th)"): r for r in page.xpath("//table[contains(@class,'webhook-table')]/tbody/tr")}
    assert set(rows) == {f"#{deliveries['pending']}", f"#{deliveries['delivered']}"}
    pending = rows[f"#{deliveries['pending']}"]
    cells = [td.text_content().strip() for td in pending.xpath("td")]
    assert cells[0] == "Published" and cells[2] == "Waiting to retry" and cells[3] == "1"
    assert "HTTP 500" in cells[4] and cells[5]  # the next attempt's time
    assert pending.xpath(f".//button[@aria-label='Retry delivery {deliveries['pending']} now']")
    done = rows[f"#{deliveries['delivered']}"]
    assert done.xpath("string(td[3])").strip() == "Delivered" and not done.xpath(".//button")
    assert receiver.url in page.xpath("string(//p[@class='lead'])")
    # The filter by state.
    page = lxml.html.document_fromstring(admin.get("/admin/webhooks?state=delivered").get_data(as_text=True))
    assert len(page.xpath("//table[contains(@class,'webhook-table')]/tbody/tr")) == 1
    assert admin.get("/admin/webhooks?state=lost").status_code == 400
    # Retry now: queued and, once the worker runs, delivered.
    token = form_csrf(admin, "/admin/webhooks")
    resp = admin.post(f"/admin/webhooks/{deliveries['pending']}/retry", data={"csrf_token": token})
    assert resp.status_code == 302
    assert "queued to be sent now" in admin.get("/admin/webhooks").get_data(as_text=True)
    desk.jobs.run_queued()
    assert desk.webhooks.get(people["admin"], deliveries["pending"]).state == "delivered"
    resp = admin.post(f"/admin/webhooks/{deliveries['pending']}/retry", data={"csrf_token": token},
                      follow_redirects=True)
    assert "already delivered" in resp.get_data(as_text=True)
    assert admin.post(f"/admin/webhooks/{deliveries['pending']}/retry").status_code == 400  # no CSRF token


def test_only_admins_see_the_log(web_app, deliveries):
    editor = client_for(web_app, "bich")
    assert editor.get("/admin/webhooks").status_code == 403
    page = lxml.html.document_fromstring(editor.get("/").get_data(as_text=True))
    assert not page.xpath("//nav[@class='site-nav']//a[@href='/admin/webhooks']")


def test_the_rest_api_lists_reads_and_retries(web_app, desk, people, deliveries):
    api = web_app.test_client()
    admin = {"Authorization": f"Bearer {desk.accounts.create_token('quan', label='t')}"}
    editor = {"Authorization": f"Bearer {desk.accounts.create_token('bich', label='t')}"}
    resp = api.get("/api/v1/webhooks/deliveries?state=pending", headers=admin)
    body = resp.get_json()
    assert resp.status_code == 200 and body["total"] == 1 and body["configured"] is True
    assert body["counts"] == {"pending": 1, "sending": 0, "delivered": 1, "failed": 0}
    [item] = body["items"]
    assert item["id"] == deliveries["pending"] and item["last_status"] == 500 and item["attempts"] == 1
    assert item["body"]["data"]["vi"]["title"] == XSS and item["body"]["event"] == "published"
    one = api.get(f"/api/v1/webhooks/deliveries/{deliveries['delivered']}", headers=admin).get_json()
    assert one["state"] == "delivered" and one["delivered_at"].endswith("Z")
    resp = api.post(f"/api/v1/webhooks/deliveries/{deliveries['pending']}/retry", headers=admin)
    assert resp.status_code == 200 and resp.get_json()["state"] == "pending"
    desk.jobs.run_queued()
    resp = api.post(f"/api/v1/webhooks/deliveries/{deliveries['pending']}/retry", headers=admin)
    assert resp.status_code == 409 and resp.get_json()["error"]["code"] == "invalid_state"
    assert api.get("/api/v1/webhooks/deliveries", headers=editor).status_code == 403
    assert api.get("/api/v1/webhooks/deliveries/999999", headers=admin).status_code == 404
    assert api.get("/api/v1/webhooks/deliveries?state=lost", headers=admin).status_code == 400
    assert api.get("/api/v1/webhooks/deliveries").status_code == 401
    spec = api.get("/api/v1/openapi.json").get_json()
    assert "/api/v1/webhooks/deliveries/{delivery_id}/retry" in spec["paths"]
