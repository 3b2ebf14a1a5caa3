"""The database tests again on a real PostgreSQL (SONGNGU_TEST_POSTGRES_URL; skipped when unset).

Each test gets a schema of its own (dropped afterwards), selected through the
connection's search_path, so tests never touch anything else in that database.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import replace
from urllib.parse import quote

import pytest
from sqlalchemy.exc import OperationalError

PG_URL = os.environ.get("SONGNGU_TEST_POSTGRES_URL", "").strip()

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="SONGNGU_TEST_POSTGRES_URL is not set"),
]

PASSWORD = "correct horse battery"


@pytest.fixture
def pg_url():
    from sqlalchemy import text

    from glossary.db import make_engine

    schema = f"songngu_t_{uuid.uuid4().hex[:10]}"
    admin = make_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
    admin.dispose()  # a test may have restarted the server: its pooled connection is gone
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def pg_desk(pg_url, models_env, monkeypatch):
    from translate.config import load_settings
    from translate.desk import Desk

    monkeypatch.setenv("SONGNGU_DATABASE_URL", pg_url)
    desk = Desk(replace(load_settings(), database_url=pg_url))
    assert desk.db.engine.dialect.name == "postgresql"
    yield desk
    desk.close()


def test_migrations_match_the_metadata_on_postgres(pg_url):
    from test_migrations import check_migrations

    check_migrations(pg_url)


@pytest.mark.slow
def test_concurrent_saves_on_postgres_give_one_success_and_one_conflict(pg_desk, shared_dir):
    import json

    from test_desk import _race, _translated

    from translate.desk import EditConflict

    art = json.loads((shared_dir / "data/articles/vi-02-khong-gian-sang-tao.json").read_text(encoding="utf-8"))
    ed = pg_desk.accounts.create_user("ed", "editor", PASSWORD)
    tr = pg_desk.accounts.create_user("tr", "translator", PASSWORD)
    doc = _translated(pg_desk, ed, art)
    for seg in doc.segments[:3]:
        results = _race(pg_desk, tr, seg)
        assert sum(isinstance(r, EditConflict) for r in results) == 1
        assert sum(not isinstance(r, EditConflict) for r in results) == 1


def test_memory_on_postgres(pg_url):
    from translate.desk import memory
    from translate.desk.database import Database

    db = Database(pg_url)
    db.upgrade()
    memory.forget_indexes()
    try:
        with db.transaction() as s:
            memory.add_unit(s, src="vi", tgt="en", source="Hòa bình là khát vọng.", target="Peace.")
            memory.add_unit(s, src="vi", tgt="en", source="Câu rất dài " * 400, target="Long.")  # > btree limit
        with db.session() as s:
            assert memory.lookup(s, "vi", "en", "Hòa bình là khát vọng.")[0].pct == 100.0
            assert memory.lookup(s, "vi", "en", "Hoà bình là khát vọng!")[0].target == "Peace."
            assert memory.lookup(s, "vi", "en", "Câu rất dài " * 400)[0].target == "Long."
    finally:
        db.close()
        memory.forget_indexes()


@pytest.mark.slow
def test_killed_worker_restarted_finishes_the_job_exactly_once_on_postgres(pg_desk, pg_url):
    from test_jobs import kill_mid_job_and_restart

    kill_mid_job_and_restart(pg_desk, dict(os.environ, SONGNGU_DATABASE_URL=pg_url))


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="SONGNGU_TEST_POSTGRES_URL is not set")
def test_a_pooled_connection_that_died_while_idle_is_replaced_before_use(pg_url, monkeypatch):
    """Connections idle past PING_IDLE_S are checked on checkout; fresh ones are not (no round trip per use)."""
    import glossary.db
    from glossary.db import make_engine

    def kill_pooled(engine) -> int:
        with engine.connect() as conn:
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        killer = make_engine(pg_url)
        with killer.begin() as conn:
            conn.exec_driver_sql(f"SELECT pg_terminate_backend({pid})")
        killer.dispose()
        return pid

    engine = make_engine(pg_url)
    try:
        # Used a moment ago: not pinged, so a connection killed meanwhile fails its next statement
        # (the request gets a 503, and SQLAlchemy then drops the whole pool).
        monkeypatch.setattr(glossary.db, "PING_IDLE_S", 3600.0)
        kill_pooled(engine)
        with pytest.raises(OperationalError), engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        # Idle long enough to be pinged: the dead connection is replaced before anyone uses it.
        monkeypatch.setattr(glossary.db, "PING_IDLE_S", 0.0)
        dead = kill_pooled(engine)
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT pg_backend_pid()").scalar() != dead
    finally:
        engine.dispose()
