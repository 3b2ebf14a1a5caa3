"""Webhooks to a CMS: signed deliveries, retries with growing waits, nothing lost, the site never blocked."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import update

from translate.config import load_settings
from translate.desk import Desk, InvalidState, PermissionDenied, jobs
from translate.desk.documents import utcnow
from translate.desk.webhooks import MAX_ATTEMPTS, WebhookDelivery, record_event, verify
from translate.desk.webhooks.signing import sign
from translate.errors import SongnguError

PASSWORD = "correct horse battery"
SECRET = "s3cret-shared-with-the-cms"
PAYLOAD = {"id": None, "source": {"lang": "vi", "title": "Làng gốm Bát Tràng"},
           "target": {"lang": "en", "title": "Bat Trang pottery village"}}


class Receiver:
    """A CMS on loopback: checks each request's signature like a real receiver, answers from a script."""

    def __init__(self, answers: list[int] | None = None) -> None:
        self.answers = list(answers or [])
        self.received: list[dict] = []
        self.paths: list[str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                receiver.paths.append(self.path)
                ok = verify(SECRET, self.headers.get("X-Songngu-Timestamp"),
                            self.headers.get("X-Songngu-Signature"), body)
                receiver.received.append({"body": body, "verified": ok, "path": self.path,
                                          "event": self.headers.get("X-Songngu-Event"),
                                          "delivery": self.headers.get("X-Songngu-Delivery")})
                status = receiver.answers.pop(0) if receiver.answers else 200
                if not ok:
                    status = 401
                self.send_response(status)
                if status in (301, 302, 307, 308):
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Type", "text/plain")
                message = b"overloaded" if status >= 500 else b"ok"
                self.send_header("Content-Length", str(len(message)))
                self.end_headers()
                self.wfile.write(message)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/songngu"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def desk(models_env, monkeypatch, receiver):
    monkeypatch.setenv("SONGNGU_WEBHOOK_URL", receiver.url)
    monkeypatch.setenv("SONGNGU_WEBHOOK_SECRET", SECRET)
    monkeypatch.delenv("SONGNGU_REDIS_URL", raising=False)
    d = Desk()
    yield d
    d.close()


@pytest.fixture
def admin(desk):
    return desk.accounts.create_user("root", "admin", PASSWORD)


@pytest.fixture
def doc_id(desk):
    editor = desk.accounts.create_user("ed", "editor", PASSWORD)
    return desk.documents.create(editor, source_lang="vi", category="handicrafts", title="Làng gốm Bát Tràng",
                                 summary="", body_html="<p>Làng gốm đón khách.</p>").id


def row(desk, delivery_id: int) -> WebhookDelivery:
    with desk.db.session() as s:
        found = s.get(WebhookDelivery, delivery_id)
        s.expunge(found)
        return found


def let_time_pass(desk, delivery_id: int) -> None:
    """As if the wait were over: the next attempt is due now (the clock is not mocked)."""
    with desk.db.transaction() as s:
        s.execute(update(WebhookDelivery).where(WebhookDelivery.id == delivery_id)
                  .values(next_attempt_at=utcnow() - timedelta(seconds=1)))


def test_a_publication_is_posted_signed_and_logged(desk, receiver, admin, doc_id):
    delivery_id = desk.webhooks.notify("published", {**PAYLOAD, "id": doc_id})
    assert desk.jobs.run_queued() >= 1
    [got] = receiver.received
    assert got["verified"] and got["event"] == "published" and got["delivery"] == str(delivery_id)
    body = json.loads(got["body"])
    assert body["event"] == "published" and body["delivery"] == delivery_id and body["document_id"] == doc_id
    assert body["data"]["source"]["title"] == "Làng gốm Bát Tràng"  # UTF-8, not \\u escapes
    assert "Làng gốm".encode() in got["body"]
    done = row(desk, delivery_id)
    assert (done.state, done.attempts, done.last_status, done.last_error) == ("delivered", 1, 200, None)
    [view] = desk.webhooks.deliveries(admin).items
    assert view.state == "delivered" and view.document_title == "Làng gốm Bát Tràng" and view.url == receiver.url


def test_a_failing_receiver_gets_retries_with_growing_waits_then_success_is_recorded(desk, receiver, doc_id):
    receiver.answers = [500, 503, 502]
    delivery_id = desk.webhooks.notify("unpublished", {**PAYLOAD, "id": doc_id})
    waits = []
    for attempt in (1, 2, 3):
        if attempt > 1:
            let_time_pass(desk, delivery_id)
            assert desk.webhooks.sweep() == [delivery_id]
        desk.jobs.run_queued()
        r = row(desk, delivery_id)
        assert (r.state, r.attempts) == ("pending", attempt)
        assert r.last_status in (500, 502, 503) and "overloaded" in r.last_error
        # Counted from when the attempt failed (its end), however long the receiver took to answer.
        waits.append(round((r.next_attempt_at - r.updated_at).total_seconds()))
        # Not due yet: the sweep leaves it alone and a stray queued task sends nothing.
        assert desk.webhooks.sweep() == []
        assert desk.webhooks.deliver(delivery_id) == "pending" and len(receiver.received) == attempt
    assert waits == [30, 120, 600]
    let_time_pass(desk, delivery_id)
    desk.webhooks.sweep()
    desk.jobs.run_queued()
    r = row(desk, delivery_id)
    assert (r.state, r.attempts, r.last_status, r.last_error, r.next_attempt_at) == ("delivered", 4, 200, None, None)
    bodies = {got["body"] for got in receiver.received}
    assert len(bodies) == 1 and all(got["verified"] for got in receiver.received)  # the same bytes each time


def test_after_the_last_attempt_it_fails_and_retry_now_gives_one_more(desk, receiver, admin, doc_id):
    receiver.answers = [500] * MAX_ATTEMPTS
    delivery_id = desk.webhooks.notify("published", {**PAYLOAD, "id": doc_id})
    for _ in range(MAX_ATTEMPTS):
        let_time_pass(desk, delivery_id)
        desk.webhooks.deliver(delivery_id)
    r = row(desk, delivery_id)
    assert (r.state, r.attempts, r.next_attempt_at) == ("failed", MAX_ATTEMPTS, None)
    assert desk.webhooks.sweep() == []  # failed stays failed until someone asks
    with pytest.raises(PermissionDenied):
        desk.webhooks.retry_now(desk.accounts.create_user("ed2", "editor", PASSWORD), delivery_id)
    assert desk.webhooks.retry_now(admin, delivery_id).state == "pending"
    desk.jobs.run_queued()
    r = row(desk, delivery_id)
    assert (r.state, r.attempts) == ("delivered", MAX_ATTEMPTS + 1)
    with pytest.raises(InvalidState, match="already delivered"):
        desk.webhooks.retry_now(admin, delivery_id)


def test_nothing_is_lost_when_the_queue_or_a_worker_is_lost(desk, receiver, doc_id):
    rt = jobs.huey_runtime(desk.settings)
    lost_queue = desk.webhooks.notify("published", {**PAYLOAD, "id": doc_id})
    rt.huey.flush()  # the queue lost its message (a restart with a fresh Redis, a deleted queue file)
    assert receiver.received == []
    # A worker took the next attempt, then died before finishing: its lease runs out.
    with desk.db.transaction() as s:
        crashed = record_event(s, "unpublished", {**PAYLOAD, "id": doc_id}).id
    with desk.db.session() as s:
        from translate.desk.webhooks.deliveries import claim
        assert claim(s, crashed, receiver.url) == 1
    assert desk.webhooks.sweep() == [lost_queue]  # the lease of the dead one has not expired yet
    with desk.db.transaction() as s:
        s.execute(update(WebhookDelivery).where(WebhookDelivery.id == crashed)
                  .values(lease_until=utcnow() - timedelta(seconds=1)))
    rt.huey.flush()
    # What every restart and every minute runs: the jobs' recovery, which sweeps the deliveries too.
    jobs.requeue_unfinished(rt)
    desk.jobs.run_queued()
    assert sorted(int(got["delivery"]) for got in receiver.received) == [lost_queue, crashed]
    assert row(desk, crashed).state == "delivered" and row(desk, crashed).attempts == 2


def test_redirects_are_not_followed(desk, receiver, doc_id):
    receiver.answers = [302]
    delivery_id = desk.webhooks.notify("published", {**PAYLOAD, "id": doc_id})
    desk.jobs.run_queued()
    r = row(desk, delivery_id)
    assert r.state == "pending" and r.last_status == 302 and "redirect to /elsewhere not followed" in r.last_error
    assert receiver.paths == ["/hooks/songngu"]


def test_an_unreachable_receiver_is_an_error_in_the_log(models_env, monkeypatch):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("SONGNGU_WEBHOOK_URL", f"http://127.0.0.1:{port}/hook")
    monkeypatch.setenv("SONGNGU_WEBHOOK_SECRET", SECRET)
    d = Desk()
    try:
        delivery_id = d.webhooks.notify("published", dict(PAYLOAD))
        started = time.monotonic()
        d.jobs.run_queued()
        assert time.monotonic() - started < 5
        r = row(d, delivery_id)
        assert r.state == "pending" and r.last_status is None and "ConnectionError" in r.last_error
    finally:
        d.close()


def test_notify_never_raises_and_records_nothing_without_a_webhook(models_env, monkeypatch):
    monkeypatch.delenv("SONGNGU_WEBHOOK_URL", raising=False)
    d = Desk()
    try:
        assert d.webhooks.notify("published", dict(PAYLOAD)) is None
        admin = d.accounts.create_user("root", "admin", PASSWORD)
        page = d.webhooks.deliveries(admin)
        assert page.total == 0 and not page.configured
    finally:
        d.close()


def test_a_listener_failure_is_swallowed(desk, monkeypatch, caplog):
    from translate.desk.webhooks import deliveries

    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr(deliveries, "record_event", broken)
    assert desk.webhooks.notify("published", dict(PAYLOAD)) is None
    assert "database on fire" in caplog.text


def test_the_log_is_for_admins(desk, admin, doc_id):
    for who in ("translator", "editor"):
        with pytest.raises(PermissionDenied):
            desk.webhooks.deliveries(desk.accounts.create_user(f"u-{who}", who, PASSWORD))
    desk.webhooks.notify("published", {**PAYLOAD, "id": doc_id})
    page = desk.webhooks.deliveries(admin, state="pending")
    assert page.total == 1 and page.counts["pending"] == 1 and page.configured
    with pytest.raises(SongnguError, match="unknown delivery state"):
        desk.webhooks.deliveries(admin, state="lost")


def test_signatures_refuse_tampering_other_secrets_and_replays():
    body = b'{"event":"published"}'
    now = int(time.time())
    headers = sign(SECRET, body, now)
    ts, sig = headers["X-Songngu-Timestamp"], headers["X-Songngu-Signature"]
    assert sig.startswith("sha256=") and len(sig) == 7 + 64
    assert verify(SECRET, ts, sig, body)
    assert not verify(SECRET, ts, sig, body + b" ")
    assert not verify("another-secret-entirely", ts, sig, body)
    assert not verify(SECRET, str(now + 1), sig, body)
    assert not verify(SECRET, ts, sig, body, now=now + 301)  # outside the replay window
    assert not verify(SECRET, None, sig, body) and not verify(SECRET, "soon", sig, body)


def test_the_setting_needs_an_http_url_and_a_secret(monkeypatch):
    monkeypatch.setenv("SONGNGU_WEBHOOK_URL", "https://cms.example.vn/hooks/songngu/")
    monkeypatch.delenv("SONGNGU_WEBHOOK_SECRET", raising=False)
    with pytest.raises(SongnguError, match="SONGNGU_WEBHOOK_SECRET must be set"):
        load_settings()
    monkeypatch.setenv("SONGNGU_WEBHOOK_SECRET", SECRET)
    settings = load_settings()
    assert settings.webhook_url == "https://cms.example.vn/hooks/songngu/"  # kept exactly
    assert SECRET not in repr(settings)
    monkeypatch.setenv("SONGNGU_WEBHOOK_URL", "ftp://cms.example.vn/")
    with pytest.raises(SongnguError, match="SONGNGU_WEBHOOK_URL must be an http"):
        load_settings()


def approved_pair(desk, editor_name="chief"):
    editor = desk.accounts.create_user(editor_name, "admin", PASSWORD)
    doc = desk.documents.create(editor, source_lang="vi", category="handicrafts", title="Làng gốm Bát Tràng",
                                summary="Một ngày ở làng gốm.", body_html="<p>Làng gốm đón khách.</p>")
    texts = ["Bat Trang pottery village", "A day in the pottery village.", "The pottery village welcomes visitors."]
    for seg, text in zip(doc.segments, texts, strict=True):
        desk.segments.save(editor, seg.id, text, seg.version)
    desk.documents.approve(editor, doc.id)
    return editor, doc.id


def test_publishing_is_unaffected_by_a_failing_webhook_and_both_events_are_delivered(desk, receiver):
    receiver.answers = [500, 500]  # the CMS is down for the publication's first attempt and the withdrawal's
    editor, doc_id = approved_pair(desk)
    published = desk.publishing.publish(editor, doc_id)
    assert published.state == "published"
    links = desk.publishing.links(editor, doc_id)
    assert set(links) == {"vi", "en"}
    desk.jobs.run_queued()
    admin_log = desk.webhooks.deliveries(editor)
    [first] = admin_log.items
    assert (first.event, first.state, first.last_status, first.document_id) == ("published", "pending", 500, doc_id)
    assert desk.documents.get(editor, doc_id).state == "published"  # the failure undid nothing
    desk.publishing.unpublish(editor, doc_id, reason="Sai tên nghệ nhân")
    desk.jobs.run_queued()
    let_time_pass(desk, first.id)
    desk.webhooks.sweep()
    desk.jobs.run_queued()
    items = {d.event: d for d in desk.webhooks.deliveries(editor).items}
    assert items["published"].state == "delivered" and items["unpublished"].state == "pending"
    sent = [json.loads(got["body"]) for got in receiver.received if got["verified"]]
    published_body = next(b for b in sent if b["event"] == "published")
    assert published_body["data"]["vi"]["title"] == "Làng gốm Bát Tràng"
    assert published_body["data"]["en"]["title"] == "Bat Trang pottery village"
    assert published_body["data"]["en"]["url"] == links["en"]


def test_a_webhook_that_cannot_even_be_recorded_does_not_stop_a_publication(desk, monkeypatch):
    from translate.desk.webhooks import deliveries

    monkeypatch.setattr(deliveries, "record_event", lambda *a, **k: 1 / 0)
    editor, doc_id = approved_pair(desk)
    assert desk.publishing.publish(editor, doc_id).state == "published"
    assert desk.webhooks.deliveries(editor).total == 0


def test_cli_lists_and_retries(desk, receiver, doc_id):
    from click.testing import CliRunner

    from cli.main import main

    receiver.answers = [500, 500]
    delivery_id = desk.webhooks.notify("published", {**PAYLOAD, "id": doc_id})
    desk.jobs.run_queued()
    runner = CliRunner()
    result = runner.invoke(main, ["webhooks", "list", "--state", "pending"])
    assert result.exit_code == 0, result.output
    assert f"#{delivery_id}\tpublished\tdoc {doc_id}\tpending\t1 attempt(s)\tHTTP 500: overloaded" in result.output
    result = runner.invoke(main, ["webhooks", "retry", str(delivery_id), "--send"])
    assert result.exit_code == 2 and f"#{delivery_id}: pending (HTTP 500" in result.output
    result = runner.invoke(main, ["webhooks", "retry", str(delivery_id), "--send"])
    assert result.exit_code == 0 and f"#{delivery_id}: delivered" in result.output
    data = json.loads(runner.invoke(main, ["webhooks", "list", "--json"]).output)
    assert data["counts"]["delivered"] == 1 and data["items"][0]["body"]["delivery"] == delivery_id
    result = runner.invoke(main, ["webhooks", "retry", str(delivery_id)])
    assert result.exit_code == 1 and "already delivered" in result.output


def test_the_documented_receiver_check_accepts_our_signature():
    """The Python snippet in docs/CONTRACTS.md, run as written, against a real signed body."""
    import re
    from pathlib import Path

    doc = (Path(__file__).resolve().parent.parent / "docs" / "CONTRACTS.md").read_text(encoding="utf-8")
    section = doc.split("## The CMS webhook", 1)[1]
    snippet = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {}
    exec(snippet, namespace)  # noqa: S102 (our own documentation)
    body = json.dumps({"event": "published", "data": {"vi": {"title": "Phở"}}}, ensure_ascii=False).encode()
    headers = sign(SECRET, body)
    assert namespace["verify"](SECRET, headers, body)
    assert not namespace["verify"](SECRET, headers, body.replace("Phở".encode(), b"Pho"))
    stale = sign(SECRET, body, int(time.time()) - 301)
    assert not namespace["verify"](SECRET, stale, body)


def test_a_password_in_the_url_is_sent_but_never_shown(models_env, monkeypatch, receiver):
    from translate.desk.webhooks.sender import shown_url

    assert shown_url("https://cms:hunter2@cms.example.vn:8443/hook?x=1") == "https://cms:***@cms.example.vn:8443/hook?x=1"
    assert shown_url(receiver.url) == receiver.url
    monkeypatch.setenv("SONGNGU_WEBHOOK_URL", receiver.url.replace("http://", "http://cms:hunter2@"))
    monkeypatch.setenv("SONGNGU_WEBHOOK_SECRET", SECRET)
    d = Desk()
    try:
        admin = d.accounts.create_user("root", "admin", PASSWORD)
        delivery_id = d.webhooks.notify("published", dict(PAYLOAD))
        d.jobs.run_queued()
        assert receiver.received and row(d, delivery_id).state == "delivered"
        page = d.webhooks.deliveries(admin)
        assert "hunter2" not in (page.url or "") and "hunter2" not in (page.items[0].url or "")
    finally:
        d.close()
