"""The post-edit analytics pages, CSV exports and REST summary, through the Flask test client."""

from __future__ import annotations

import csv
import io
import re

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, client_sign_in
from flask import Flask
from test_webui_pages import inline_code

from translate.desk.postedit.records import PostEditRecord

BODY = "<p>Sản phẩm gốm sứ được bán tại chợ.</p><p>Năm 2024, làng nghề đón 120 khách.</p>"


@pytest.fixture
def site(web_app: Flask):
    desk = web_app.extensions["songngu.desk"]
    people = {name: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
              for name, role in (("ed", "editor"), ("tran", "translator"), ("boss", "admin"))}
    doc = desk.documents.create(people["ed"], source_lang="vi", category="handicrafts",
                                title="Làng gốm <script>alert(1)</script>", summary="", body_html=BODY)
    desk.jobs.request(people["ed"], doc.id)
    desk.jobs.run_queued()
    return web_app, desk, people, desk.documents.get(people["ed"], doc.id)


def client_for(app: Flask, name: str, lang: str = "en"):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = lang
    client_sign_in(client, name)
    return client


def workspace_confirm(client, doc, seg, text: str, body: dict):
    html = client.get(f"/articles/{doc.id}/workspace").get_data(as_text=True)
    token = re.search(r'<meta name="csrf-token" content="([^"]+)"', html).group(1)
    saved = client.post(f"/workspace/api/segments/{seg.id}/save", json={"target": text, "version": seg.version},
                        headers={"X-CSRFToken": token})
    assert saved.status_code == 200, saved.get_json()
    return client.post(f"/workspace/api/segments/{seg.id}/confirm", json=body, headers={"X-CSRFToken": token})


def test_the_workspace_confirm_carries_time_and_keystrokes(site):
    app, desk, people, doc = site
    tr = client_for(app, "tran")
    seg = doc.segments[1]
    bad = workspace_confirm(tr, doc, seg, "Ceramics are sold at the market.", {"active_ms": -5})
    assert bad.status_code == 400 and "active_ms" in bad.get_json()["error"]["message"]
    seg = desk.documents.get(people["ed"], doc.id).segments[1]
    ok = workspace_confirm(tr, doc, seg, "Ceramics are sold at the market.", {"active_ms": 95_000, "keystrokes": 61})
    assert ok.status_code == 200 and ok.get_json()["segment"]["state"] == "confirmed"
    with desk.db.session() as s:
        rec = s.query(PostEditRecord).filter_by(segment_id=seg.id).one()
    assert (rec.active_ms, rec.keystrokes, rec.final) == (95_000, 61, "Ceramics are sold at the market.")


def test_editors_see_the_dashboard_with_charts_and_translators_do_not(site):
    app, desk, people, doc = site
    tr = client_for(app, "tran")
    seg = doc.segments[1]
    assert workspace_confirm(tr, doc, seg, "Ceramic <b>wares</b> are sold at the market.",
                             {"active_ms": 120_000, "keystrokes": 80}).status_code == 200
    resp = client_for(app, "ed").get("/analytics")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert not inline_code(html)
    page = lxml.html.fromstring(html)
    assert page.findtext(".//h1") == "Post-edit analytics"
    assert page.xpath('//nav//a[@href="/analytics"][@aria-current="page"]')
    charts = page.xpath('//svg[@role="img"]')
    assert len(charts) >= 6 and all(c.xpath("./title") for c in charts)
    assert page.xpath('//svg[@data-chart="chart-histogram"]//rect[@data-mark][@height > 0]')
    assert page.xpath('//svg[@data-chart="chart-model"]//g[@data-mark]')
    assert "<script>alert(1)</script>" not in html  # the title shows escaped
    heavy = page.xpath('//table[contains(@class, "heaviest")]//a/@href')
    assert heavy == [f"/articles/{doc.id}/review#seg-2"]
    assert page.xpath('string(//*[@id="editing-time"])') == "0:02:00"
    assert "Figures per translator are shown to administrators." in html
    admin = lxml.html.fromstring(client_for(app, "boss").get("/analytics").get_data(as_text=True))
    assert admin.xpath('//svg[@data-chart="chart-throughput"]//rect[@data-mark]')
    assert tr.get("/analytics").status_code == 403
    assert not lxml.html.fromstring(tr.get("/desk").get_data(as_text=True)).xpath('//nav//a[@href="/analytics"]')
    assert client_for(app, "ed").get("/analytics?direction=vi-fr").status_code == 400


def test_csv_export_beside_each_chart_is_formula_safe(site):
    app, desk, people, doc = site
    tr = client_for(app, "tran")
    seg = doc.segments[1]
    evil = "=cmd|' /C calc'!A0 sold at the market"
    assert workspace_confirm(tr, doc, seg, evil, {"active_ms": 1000, "keystrokes": 3}).status_code == 200
    ed = client_for(app, "ed")
    page = lxml.html.fromstring(ed.get("/analytics").get_data(as_text=True))
    links = page.xpath('//a[contains(@class, "chart-card__csv")]/@href')
    assert len(links) == 8
    resp = ed.get("/analytics/export/heaviest.csv")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0]["final"] == "'" + evil
    assert ed.get("/analytics/export/pie.csv").status_code == 400
    assert tr.get("/analytics/export/model.csv").status_code == 403


def test_the_article_report_is_linked_and_adds_up(site):
    app, desk, people, doc = site
    tr = client_for(app, "tran")
    seg = doc.segments[1]
    workspace_confirm(tr, doc, seg, "Pottery is sold at the market.", {"active_ms": 65_000, "keystrokes": 40})
    ed = client_for(app, "ed")
    article = lxml.html.fromstring(ed.get(f"/articles/{doc.id}").get_data(as_text=True))
    assert article.xpath(f'//a[@href="/articles/{doc.id}/post-edit-report"]')
    resp = ed.get(f"/articles/{doc.id}/post-edit-report")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and not inline_code(html)
    page = lxml.html.fromstring(html)
    assert page.findtext(".//h1") == "Post-edit report"
    assert page.xpath('string(//*[@id="report-time"])') == "0:01:05"
    assert page.xpath('//svg[@data-chart="chart-segments"]//rect[@data-mark]')
    assert tr.get(f"/articles/{doc.id}/post-edit-report").status_code == 403
    assert ed.get("/articles/999999/post-edit-report").status_code == 404


def test_rest_summary(site):
    app, desk, people, doc = site
    desk.segments.confirm(people["tran"], doc.segments[0].id)
    ed_token = desk.accounts.create_token("ed", "ci")
    tr_token = desk.accounts.create_token("tran", "ci")
    client = app.test_client()
    resp = client.get("/api/v1/analytics/summary", headers={"Authorization": f"Bearer {ed_token}"})
    assert resp.status_code == 200
    data = resp.get_json()
    assert data["records"] == 1 and data["overall"]["unchanged"] == 1 and "translators" not in data["throughput"]
    assert "draft" not in str(data["heaviest"])
    bad = client.get("/api/v1/analytics/summary?from=2026-13", headers={"Authorization": f"Bearer {ed_token}"})
    assert bad.status_code == 400 and bad.get_json()["error"]
    assert client.get("/api/v1/analytics/summary", headers={"Authorization": f"Bearer {tr_token}"}).status_code == 403
