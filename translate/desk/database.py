"""The database: one engine and session factory per process, schema managed by Alembic.

SQLite (WAL) under the instance folder is the embedded default; PostgreSQL is
used when ``SONGNGU_DATABASE_URL`` points at one. The schema only ever changes
through migrations, so the embedded and the production database cannot drift.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.orm import Session, sessionmaker

from glossary.db import Base, create_private_file, make_engine, make_sessionmaker
from glossary.entries import GlossarySnapshot
from glossary.termbase import Termbase
from translate.config import Settings, load_settings
from translate.errors import SongnguError

try:
    import fcntl
except ImportError:  # Windows: SQLite's own busy handler alone
    fcntl = None

log = logging.getLogger("songngu.database")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# Every module that defines tables: Alembic's one metadata must see them all.
TABLE_MODULES = (
    "glossary.tables",
    "translate.desk.accounts",
    "translate.desk.documents",
    "translate.desk.memory",
    "translate.desk.jobs",
    "translate.desk.review",
    "translate.desk.webhooks.deliveries",
    "translate.desk.postedit.records",
    "translate.desk.publishing.tables",
    "translate.desk.media.tables",
    "translate.desk.term_learning.tables",
    "translate.desk.adaptation.runs",
)


class DatabaseError(SongnguError):
    code = "database_error"


def load_table_modules() -> None:
    for name in TABLE_MODULES:
        importlib.import_module(name)


def metadata():
    """``Base.metadata`` with every table module imported."""
    load_table_modules()
    return Base.metadata


def alembic_config(url: str, connection=None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


class Database:
    """Engine + sessions for one URL."""

    def __init__(self, url: str | None = None, settings: Settings | None = None) -> None:
        if url is None:
            settings = settings or load_settings()
            url = settings.database_url
        self.url = url
        try:
            self.engine: Engine = make_engine(url)
        except Exception as exc:  # bad driver name, malformed URL
            raise DatabaseError(f"cannot use database URL {self.safe_url(url)}: {exc}") from exc
        self.sessionmaker: sessionmaker = make_sessionmaker(self.engine)
        # Single statements that need no transaction around them (a token check, the row a
        # save starts from, the one-statement save) run in autocommit on a server: no BEGIN
        # and COMMIT/ROLLBACK round trips. A pool of their own, so the mode is set once per
        # connection rather than switched on and off at every use. SQLite's driver opens no
        # transaction for a read anyway.
        self.autocommit_engine: Engine = (self.engine if self.engine.dialect.name == "sqlite"
                                    else make_engine(url, autocommit=True))
        load_table_modules()
        file_db = url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:") and fcntl is not None
        self._writers = threading.Lock() if file_db else None
        self._lock_path = Path(url.removeprefix("sqlite:///") + "-writers") if file_db else None
        self._lock_fd: int | None = None
        self._lock_pid = 0

    @staticmethod
    def safe_url(url: str) -> str:
        from sqlalchemy.engine import make_url

        try:
            return make_url(url).render_as_string(hide_password=True)
        except Exception:
            return "<unparseable URL>"

    def session(self) -> Session:
        return self.sessionmaker()

    @contextmanager
    def write_queue(self) -> Iterator[None]:
        """Writers to one SQLite file wait their turn in a queue instead of polling its lock.

        SQLite's busy handler retries a locked database after sleeps of up to 25 ms
        a step, so two web processes that meet on the write lock make the tail of
        the save latency. Waiting here instead (a lock per process, then an
        ``flock`` on a file beside the database, which the kernel hands over the
        moment it is released) turns those sleeps into a queue. SQLite's own
        locking still guarantees correctness; this only orders the waiting. Other
        databases queue writers themselves.
        """
        if self._writers is None:
            yield
            return
        with self._writers:
            fd = self._write_lock_fd()
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)

    def _write_lock_fd(self) -> int:
        # A descriptor per process: a forked web worker must not share its parent's lock.
        if self._lock_fd is None or self._lock_pid != os.getpid():
            create_private_file(self._lock_path)
            self._lock_fd, self._lock_pid = os.open(self._lock_path, os.O_RDWR), os.getpid()
        return self._lock_fd

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on any error."""
        with self.sessionmaker() as session, session.begin():
            yield session

    def upgrade(self, revision: str = "head", wait_s: float = 15.0) -> None:
        """Apply migrations; safe to call on every start, from several processes at once.

        Processes started together on a fresh database (a server and its workers) all
        migrate it; on SQLite the DDL runs outside a transaction, so all but one fail on
        a table another has just made. Once that one has finished, migrating again is a
        no-op, so a failure is retried for ``wait_s`` before it counts as real.
        """
        from alembic import command

        deadline = time.monotonic() + wait_s
        while True:
            try:
                with self.engine.begin() as conn:
                    command.upgrade(alembic_config(self.url, conn), revision)
                return
            except SongnguError:
                raise
            except Exception as exc:
                if time.monotonic() >= deadline:
                    raise DatabaseError(f"could not migrate {self.safe_url(self.url)}: {exc}") from exc
                log.warning("migrating the database failed, retrying (another process may be migrating it): %s",
                            str(exc).splitlines()[0])
                time.sleep(0.5)

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def table_names(self) -> list[str]:
        return sorted(inspect(self.engine).get_table_names())

    def close(self) -> None:
        self.engine.dispose()
        if self.autocommit_engine is not self.engine:
            self.autocommit_engine.dispose()
        if self._lock_fd is not None and self._lock_pid == os.getpid():
            os.close(self._lock_fd)
        self._lock_fd = None


def open_database(settings: Settings | None = None) -> Database:
    """The instance database as every entry point needs it on first start: migrated, seed glossary loaded."""
    from glossary.io import load_seed_if_empty

    db = Database(settings=settings)
    db.upgrade()
    load_seed_if_empty(db.sessionmaker)
    return db


def open_glossary(settings: Settings | None = None) -> GlossarySnapshot:
    """The approved glossary from the instance database (migrated, seeded on first use), as a snapshot.

    For callers that translate outside the desk (the CLI, evaluation): the snapshot
    is frozen at one version, so it stays valid after the database is closed.
    """
    db = open_database(settings)
    try:
        return Termbase(db.sessionmaker).snapshot()
    finally:
        db.close()
