"""Database locking under load: a long glossary import must not lock everyone else out.

A CSV import is validated and planned outside the write transaction, then written
in one short transaction with bulk inserts; a lock that still times out answers 503
with ``Retry-After`` rather than 500.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event
from test_postgres import pg_url  # noqa: F401  (the fixture: a schema of its own on the test server)

from glossary import bulk_import
from glossary.errors import ImportFormatError, StaleRevisionError
from translate.desk import Desk
from webui.app import create_app

PASSWORD = "correct horse battery staple"
G = "/api/v1/glossary"
ARTICLE = {"source_lang": "vi", "category": "events", "title": "Phố cổ Hà Nội", "summary": "",
           "body_html": "<p>Phố cổ có ba mươi sáu phố phường. Mỗi phố một nghề.</p>"}


def glossary_csv(n: int, *, note: str = "", start: int = 0) -> bytes:
    """A CSV in the seed's columns with ``n`` distinct entries (ids ``big-<i>``) that clash with nothing."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "domain", "kind", "vi", "en", "vi_variants", "en_variants", "en_forbidden", "note"])
    for i in range(start, start + n):
        writer.writerow([f"big-{i}", "craft", "term", f"thuật ngữ mẫu số {i}", f"sample term number {i}",
                         f"thuật ngữ thử số {i}", f"sample terms number {i}", "", note])
    return buf.getvalue().encode("utf-8")


@pytest.fixture
def desk(models_env: Path) -> Iterator[Desk]:
    d = Desk()
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def app(desk: Desk) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


@pytest.fixture
def people(desk: Desk) -> dict[str, Any]:
    return {name: desk.accounts.create_user(name, role, PASSWORD)
            for name, role in (("ada", "admin"), ("edith", "editor"), ("tran", "translator"))}


@pytest.fixture
def tokens(desk: Desk, people: dict) -> dict[str, dict[str, str]]:
    return {name: {"Authorization": f"Bearer {desk.accounts.create_token(name, label='tests')}"} for name in people}


def _sqlite_file(desk: Desk) -> str:
    assert desk.db.engine.dialect.name == "sqlite"
    return desk.db.url.removeprefix("sqlite:///")


def _short_busy_timeout(desk: Desk, ms: int) -> None:
    """Make lock waits time out quickly: runs after the engine's own pragmas on every new connection."""
    event.listen(desk.db.engine, "connect", lambda dbapi_conn, _rec: dbapi_conn.execute(f"PRAGMA busy_timeout={ms}"))
    desk.db.engine.dispose()


# ------------------------------------------------------------------ a lock that times out is a 503


def test_a_lock_wait_that_times_out_answers_503_with_retry_after(desk: Desk, app: Flask, people: dict,
                                                                  tokens: dict) -> None:
    client = app.test_client()
    doc = desk.documents.create(people["edith"], **ARTICLE)
    seg = doc.segments[1]
    assert client.get(f"/api/v1/documents/{doc.id}", headers=tokens["tran"]).status_code == 200  # token used once
    _short_busy_timeout(desk, 200)
    holder = sqlite3.connect(_sqlite_file(desk), isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the write lock
        resp = client.put(f"/api/v1/segments/{seg.id}", json={"target": "Old quarter.", "version": seg.version},
                          headers=tokens["tran"])
        assert resp.status_code == 503, resp.get_data(as_text=True)
        assert int(resp.headers["Retry-After"]) > 0
        body = resp.get_json()
        assert body["error"]["code"] == "unavailable"
        assert "try" in body["error"]["message"] or "again" in body["error"]["message"]
        # Readers are not blocked by a writer (WAL): the document still loads, unchanged.
        fresh = client.get(f"/api/v1/documents/{doc.id}", headers=tokens["tran"])
        assert fresh.status_code == 200
        assert fresh.get_json()["segments"][1]["version"] == seg.version
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    resp = client.put(f"/api/v1/segments/{seg.id}", json={"target": "Old quarter.", "version": seg.version},
                      headers=tokens["tran"])
    assert resp.status_code == 200, resp.get_data(as_text=True)
    assert [h["action"] for h in desk.segments.history(people["edith"], seg.id)] == ["save"]


def test_transient_database_errors_are_told_apart_from_bugs() -> None:
    import psycopg
    from sqlalchemy import exc as sa_exc

    from webui.errors import database_unavailable

    def wrapped(orig: Exception) -> Exception:
        return sa_exc.OperationalError("SELECT 1", {}, orig)

    assert database_unavailable(wrapped(sqlite3.OperationalError("database is locked")))
    assert database_unavailable(sqlite3.OperationalError("database is locked"))  # the job queue's, unwrapped
    assert database_unavailable(wrapped(psycopg.errors.LockNotAvailable("lock timeout")))
    assert database_unavailable(wrapped(psycopg.errors.AdminShutdown("terminating connection")))
    assert database_unavailable(wrapped(psycopg.errors.DeadlockDetected("deadlock")))
    assert database_unavailable(wrapped(psycopg.OperationalError("connection refused")))
    assert database_unavailable(sa_exc.TimeoutError("QueuePool limit reached"))
    # Bugs stay bugs (500): a missing table, a syntax error, a constraint.
    assert database_unavailable(wrapped(sqlite3.OperationalError("no such table: nowhere"))) is None
    assert database_unavailable(wrapped(psycopg.errors.SyntaxError("syntax error"))) is None
    assert database_unavailable(ValueError("database is locked")) is None


# ------------------------------------------------------------------ imports hold the write lock briefly


def _statements(desk: Desk) -> list[tuple[str, bool]]:
    seen: list[tuple[str, bool]] = []

    @event.listens_for(desk.db.engine, "before_cursor_execute")
    def _record(_conn, _cursor, statement, _params, _context, executemany) -> None:  # type: ignore[no-untyped-def]
        seen.append((" ".join(statement.split()).upper(), executemany))

    return seen


def test_an_import_is_planned_first_then_written_in_a_few_bulk_statements(desk: Desk, people: dict) -> None:
    before = desk.glossary.search(people["ada"], limit=1)["version"]
    seen = _statements(desk)
    report = desk.glossary.import_file(people["ada"], filename="big.csv", data=glossary_csv(3000))
    assert (report["created"], report["version"]) == (3000, before + 1)
    bump = next(i for i, (sql, _) in enumerate(seen) if sql.startswith("UPDATE GLOSSARY_VERSION"))
    # Planning only reads; the write transaction starts with the version bump, which
    # takes the write lock, and then needs a handful of statements for 3,000 entries.
    assert not [sql for sql, _ in seen[:bump] if sql.startswith(("INSERT", "UPDATE", "DELETE"))]
    writes = [(sql, many) for sql, many in seen[bump:] if sql.startswith(("INSERT", "UPDATE", "DELETE"))]
    assert len(seen) - bump <= 12, seen[bump:][:20]
    assert {sql.split("(")[0].split()[2] for sql, many in writes if many} >= {
        "GLOSSARY_ENTRIES", "GLOSSARY_ENTRY_FORMS", "GLOSSARY_ENTRY_HISTORY"}
    # Everything is there, matched and with its history.
    found = desk.glossary.search(people["ada"], query="sample term number 2999")
    assert found["total"] == 1 and found["entries"][0]["status"] == "approved"
    assert desk.glossary.get(people["ada"], found["entries"][0]["id"])["history"][0]["action"] == "imported"
    assert desk.glossary.match(people["tran"], "en", "vi", "About sample term number 1234 today.")
    # Importing the file again changes the notes of all 3,000 entries, as updates, in one go.
    seen.clear()
    report = desk.glossary.import_file(people["ada"], filename="big.csv", data=glossary_csv(3000, note="checked"))
    assert (report["updated"], report["created"]) == (3000, 0)
    bump = next(i for i, (sql, _) in enumerate(seen) if sql.startswith("UPDATE GLOSSARY_VERSION"))
    assert len(seen) - bump <= 12
    entry = desk.glossary.search(people["ada"], query="sample term number 7")["entries"][0]
    assert (entry["note"], entry["revision"]) == ("checked", 2)


def _change_first(desk: Desk, people: dict, change: Any, times: int = 1) -> tuple[list[int], Any]:
    """A ``write_plan`` that first changes the glossary (``times`` times), as if someone had meanwhile."""
    calls: list[int] = []
    original = bulk_import.write_plan

    def racing(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) <= times:
            change(len(calls))
        return original(*args, **kwargs)

    return calls, racing


def test_an_import_plans_again_when_the_glossary_changed_meanwhile(desk: Desk, people: dict,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def unrelated(n: int) -> None:
        desk.glossary.propose(people["tran"], vi=f"phố nghề {n}", en=f"craft street {n}", domain="craft")

    calls, racing = _change_first(desk, people, unrelated)
    monkeypatch.setattr(bulk_import, "write_plan", racing)
    report = desk.glossary.import_file(people["ada"], filename="f.csv", data=glossary_csv(50))
    assert len(calls) == 2  # planned against the old version, refused, planned again
    assert report["created"] == 50
    assert report["version"] == desk.glossary.search(people["ada"], limit=1)["version"]
    assert desk.glossary.search(people["ada"], query="craft street 1")["total"] == 1


def test_a_form_taken_while_the_file_was_checked_refuses_the_import(desk: Desk, people: dict,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def takes_a_form(_n: int) -> None:
        desk.glossary.propose(people["tran"], vi="phố nghề", en="sample term number 7", domain="craft")

    calls, racing = _change_first(desk, people, takes_a_form)
    monkeypatch.setattr(bulk_import, "write_plan", racing)
    with pytest.raises(ImportFormatError, match="already belongs to glossary entry") as refused:
        desk.glossary.import_file(people["ada"], filename="f.csv", data=glossary_csv(50))
    assert refused.value.problems[0].line == 9  # the header is line 1, big-7 is line 9
    assert desk.glossary.search(people["ada"], query="sample term number 1")["total"] == 0  # nothing imported


def test_an_import_under_constant_change_is_refused_with_a_clear_409(desk: Desk, app: Flask, people: dict,
                                                                     tokens: dict,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    def unrelated(n: int) -> None:
        desk.glossary.propose(people["tran"], vi=f"phố nghề {n}", en=f"craft street {n}", domain="craft")

    calls, racing = _change_first(desk, people, unrelated, times=99)
    monkeypatch.setattr(bulk_import, "write_plan", racing)
    with pytest.raises(StaleRevisionError, match="import it again"):
        desk.glossary.import_file(people["ada"], filename="f.csv", data=glossary_csv(20))
    resp = app.test_client().post(f"{G}/import", data={"file": (io.BytesIO(glossary_csv(20)), "f.csv")},
                                  headers=tokens["ada"], content_type="multipart/form-data")
    assert resp.status_code == 409, resp.get_data(as_text=True)
    assert "nothing was imported" in resp.get_json()["error"]["message"]
    assert desk.glossary.search(people["ada"], query="sample term number")["total"] == 0


@pytest.mark.slow
def test_saves_keep_working_during_a_50000_row_import(desk: Desk, app: Flask, people: dict, tokens: dict) -> None:
    """The tester's case: before, saves failed with 500 "database is locked" about 20 s into the import."""
    doc = desk.documents.create(people["edith"], **ARTICLE)
    seg_id = doc.segments[1].id
    data = glossary_csv(50_000)
    result: dict[str, Any] = {}

    def run_import() -> None:
        resp = app.test_client().post(f"{G}/import", data={"file": (io.BytesIO(data), "big.csv")},
                                      headers=tokens["ada"], content_type="multipart/form-data")
        result["status"], result["body"] = resp.status_code, resp.get_json()

    client = app.test_client()
    client.get(f"/api/v1/documents/{doc.id}", headers=tokens["tran"])
    importer = threading.Thread(target=run_import)
    started = time.monotonic()
    importer.start()
    statuses: list[int] = []
    version = doc.segments[1].version
    while importer.is_alive():
        resp = client.put(f"/api/v1/segments/{seg_id}", json={"target": f"Save {len(statuses)}.", "version": version},
                          headers=tokens["tran"])
        statuses.append(resp.status_code)
        if resp.status_code == 200:
            version = resp.get_json()["version"]
        else:
            assert resp.status_code == 503 and resp.headers["Retry-After"], resp.get_data(as_text=True)
        time.sleep(0.2)
    importer.join()
    took = time.monotonic() - started
    assert result["status"] == 200, result
    assert result["body"]["created"] == 50_000
    assert 500 not in statuses
    assert statuses.count(200) >= 1, (statuses, took)
    print(f"\n50,000-row import: {took:.1f}s; saves meanwhile: {statuses.count(200)} ok, "
          f"{statuses.count(503)} told to retry")


# ------------------------------------------------------------------ PostgreSQL restarting under a running server

PG_URL = os.environ.get("SONGNGU_TEST_POSTGRES_URL", "").strip()


def _pg_cluster(action: str) -> None:
    """Stop or start Debian's cluster (the tests run as root, like CI)."""
    version = sorted(os.listdir("/usr/lib/postgresql"), key=lambda v: float(v))[-1]
    subprocess.run(["pg_ctlcluster", version, "main", action, *(["-m", "fast"] if action == "stop" else [])],
                   check=True, capture_output=True, timeout=60)


@pytest.mark.postgres
@pytest.mark.slow
@pytest.mark.skipif(not PG_URL, reason="SONGNGU_TEST_POSTGRES_URL is not set")
@pytest.mark.skipif(not shutil.which("pg_ctlcluster") or not Path("/usr/lib/postgresql").is_dir(),
                    reason="needs Debian's PostgreSQL cluster tools")
@pytest.mark.parametrize("moment", ["before_commit", "mid_statement"])
def test_postgres_restart_answers_503_while_down_and_loses_no_save(request: pytest.FixtureRequest, models_env: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   moment: str) -> None:
    """A save has two ways to the database; the server goes down in the middle of each.

    ``before_commit``: the general path (a transaction of several statements, taken when
    the save moves the document's state) loses the server between its UPDATE and COMMIT.
    ``mid_statement``: the one-statement save of a document in post-editing (the common
    case) loses it as the statement goes out.
    """
    from dataclasses import replace

    from translate.config import load_settings

    url = request.getfixturevalue("pg_url")
    monkeypatch.setenv("SONGNGU_DATABASE_URL", url)
    desk = Desk(replace(load_settings(), database_url=url))
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)
        client = app.test_client()
        edith = desk.accounts.create_user("edith", "editor", PASSWORD)
        desk.accounts.create_user("tran", "translator", PASSWORD)
        headers = {"Authorization": f"Bearer {desk.accounts.create_token('tran', label='tests')}"}
        doc = desk.documents.create(edith, **ARTICLE)
        seg = doc.segments[1]
        first = client.put(f"/api/v1/segments/{seg.id}", json={"target": "Before.", "version": 1}, headers=headers)
        assert first.status_code == 200, first.get_data(as_text=True)

        armed = {"stop": True}
        if moment == "before_commit":
            # A document back in draft: this save moves its state, so it takes the general path.
            with desk.db.engine.begin() as conn:
                conn.exec_driver_sql(f"UPDATE documents SET state = 'draft' WHERE id = {doc.id}")

            @event.listens_for(desk.db.engine, "before_cursor_execute")
            def _saving(conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
                if statement.lstrip().upper().startswith("UPDATE SEGMENTS"):
                    conn.info["saving"] = True

            @event.listens_for(desk.db.engine, "commit")
            def _crash(conn) -> None:  # type: ignore[no-untyped-def]
                if conn.info.pop("saving", False) and armed.pop("stop", False):
                    _pg_cluster("stop")
        else:
            @event.listens_for(desk.db.autocommit_engine, "before_cursor_execute")  # the autocommit pool
            def _crash_mid(conn, _cursor, statement, _params, _context, _many) -> None:  # type: ignore[no-untyped-def]
                if "UPDATE segments" in statement and statement.lstrip().upper().startswith("WITH") \
                        and armed.pop("stop", False):
                    _pg_cluster("stop")

        try:
            resp = client.put(f"/api/v1/segments/{seg.id}", json={"target": "Lost?", "version": 2}, headers=headers)
            assert resp.status_code == 503, resp.get_data(as_text=True)
            assert int(resp.headers["Retry-After"]) > 0
            assert resp.get_json()["error"]["code"] == "unavailable"
            # While it is down, every request is a 503 too, reads included.
            for _ in range(2):
                down = client.get(f"/api/v1/documents/{doc.id}", headers=headers)
                assert down.status_code == 503, down.get_data(as_text=True)
                assert down.headers["Retry-After"]
        finally:
            if "stop" not in armed:
                _pg_cluster("start")
        # Back up: the very next requests work, and the interrupted save left nothing behind.
        deadline = time.monotonic() + 30
        while (back := client.get(f"/api/v1/documents/{doc.id}", headers=headers)).status_code == 503:
            assert time.monotonic() < deadline, back.get_data(as_text=True)
            time.sleep(0.5)
        assert back.status_code == 200, back.get_data(as_text=True)
        after = back.get_json()["segments"][1]
        assert (after["target"], after["version"]) == ("Before.", 2)
        assert [h["action"] for h in desk.segments.history(edith, seg.id)] == ["save"]
        again = client.put(f"/api/v1/segments/{seg.id}", json={"target": "After.", "version": 2}, headers=headers)
        assert again.status_code == 200, again.get_data(as_text=True)
        assert again.get_json()["version"] == 3
    finally:
        desk.close()
