"""The migrations build exactly the schema the code declares, for every table."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from translate.desk.database import MIGRATIONS, TABLE_MODULES, Database, alembic_config, metadata


def schema_diff(db: Database) -> list:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, metadata())


def check_migrations(url: str) -> None:
    db = Database(url)
    try:
        db.upgrade()
        assert schema_diff(db) == [], "migrations and table classes disagree: add a revision"
        head = ScriptDirectory.from_config(alembic_config(url)).get_current_head()
        assert db.current_revision() == head
        tables = set(db.table_names())
        assert set(metadata().tables) <= tables
        for must in ("users", "api_tokens", "documents", "segments", "segment_edits", "tm_units", "jobs",
                     "glossary_entries"):
            assert must in tables
        db.upgrade()  # idempotent: running it on every start is safe
        from alembic import command

        with db.engine.begin() as conn:
            command.downgrade(alembic_config(url, conn), "base")
        assert set(db.table_names()) <= {"alembic_version"}
        db.upgrade()
        assert schema_diff(db) == []
    finally:
        db.close()


def test_migrations_match_the_metadata_on_sqlite(tmp_path):
    check_migrations(f"sqlite:///{tmp_path / 'm.db'}")


def test_every_table_module_is_known_to_alembic():
    import pkgutil

    import glossary
    import translate

    names = set(metadata().tables)
    assert all(mod in TABLE_MODULES for mod in ("glossary.tables", "translate.desk.documents", "translate.desk.jobs"))
    # A module that declares tables but is missing from TABLE_MODULES would be invisible to autogenerate.
    from glossary.db import Base

    for pkg in (glossary, translate, translate.desk):
        for info in pkgutil.iter_modules(pkg.__path__, pkg.__name__ + "."):
            if info.name in TABLE_MODULES or info.name.endswith(("cli", "bench", "__main__")):
                continue
            module = __import__(info.name, fromlist=["_"])
            for obj in vars(module).values():
                if isinstance(obj, type) and issubclass(obj, Base) and obj is not Base \
                        and getattr(obj, "__tablename__", None):
                    assert obj.__tablename__ in names, f"{info.name} defines {obj.__tablename__} outside TABLE_MODULES"
    assert MIGRATIONS.joinpath("env.py").is_file()


def test_a_bad_database_url_is_a_clear_error():
    from translate.desk.database import DatabaseError

    with pytest.raises(DatabaseError, match="cannot use database URL"):
        Database("nosuchdriver://x/y")


def test_a_database_made_by_the_code_before_the_move_opens_and_works(tmp_path, models_env):
    """``tests/data/db-0001.sql`` was written by the code at 4bdb1aa; today's code must take it as it is."""
    import dataclasses
    import json
    import sqlite3
    from pathlib import Path

    from translate.config import load_settings
    from translate.desk import Desk

    data = Path(__file__).parent / "data"
    facts = json.loads((data / "db-0001.json").read_text(encoding="utf-8"))
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as con:
        con.executescript((data / "db-0001.sql").read_text(encoding="utf-8"))
    url = f"sqlite:///{path}"
    before = Database(url)
    try:
        assert before.current_revision() == "0001_initial"
    finally:
        before.close()

    desk = Desk(dataclasses.replace(load_settings(), database_url=url))
    try:
        after = Database(url)
        try:  # opening it migrated it to today's schema
            assert after.current_revision() == ScriptDirectory.from_config(alembic_config(url)).get_current_head()
            assert schema_diff(after) == [], "the migrated old database differs from today's tables"
        finally:
            after.close()
        editor = desk.accounts.authenticate("ed", facts["password"])
        translator = desk.accounts.authenticate("tran", facts["password"])
        assert editor is not None and translator is not None
        assert desk.accounts.user_for_token(facts["token"]) == editor
        doc = desk.documents.get(editor, facts["document_id"])
        assert len(doc.segments) == facts["segments"]
        first = doc.segments[0]
        assert first.target == "Bat Trang pottery village" and first.state == "confirmed"
        assert [h["action"] for h in desk.segments.history(editor, first.id)][-2:] == ["save", "confirm"]
        assert desk.translation.lookup_memory(editor, "vi", "en", first.source)[0]["target"] == first.target
        proposed = desk.glossary.search(editor, status="proposed")
        assert [e["en"] for e in proposed["entries"]] == ["blue-glazed ceramics"]
        # And it takes new work: a save bumps the version stored by the old code.
        second = doc.segments[1]
        saved = desk.segments.save(translator, second.id, "Hand-made in the village.", second.version)
        assert saved.version == second.version + 1
    finally:
        desk.close()
