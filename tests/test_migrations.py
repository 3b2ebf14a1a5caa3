"""The migrations build exactly the schema the code declares, for every table."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from translate.database import MIGRATIONS, TABLE_MODULES, Database, alembic_config, metadata


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
    assert all(mod in TABLE_MODULES for mod in ("glossary.termbase", "translate.documents", "translate.jobs"))
    # A module that declares tables but is missing from TABLE_MODULES would be invisible to autogenerate.
    from glossary.db import Base

    for pkg in (glossary, translate):
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
    from translate.database import DatabaseError

    with pytest.raises(DatabaseError, match="cannot use database URL"):
        Database("nosuchdriver://x/y")
