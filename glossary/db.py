"""The one SQLAlchemy declarative base and engine factory every table shares.

It lives in ``glossary`` because that is the lowest package: ``translate`` and
``webui`` tables derive from the same ``Base`` so Alembic sees one metadata.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import DeclarativeBase, sessionmaker

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def create_private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only (0600), in a new folder made 0700; an existing file is left alone.

    For SQLite files (the database, the job queue): SQLite gives a database's -wal
    and -shm files the mode of the database file, so creating it 0600 before SQLite
    opens it keeps all three private, like the secret key beside them.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def make_engine(url: str, *, autocommit: bool = False) -> Engine:
    """An engine with SQLite set up for concurrent readers (WAL) and enforced foreign keys.

    ``autocommit``: every connection of the pool in autocommit, for single statements
    that need no transaction around them (set once per connection, not per use).
    """
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        create_private_file(Path(url.removeprefix("sqlite:///")))
    kwargs: dict = {"future": True}
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if autocommit:
        kwargs["isolation_level"] = "AUTOCOMMIT"
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        ping_idle_connections(engine)
    return engine


# A pooled server connection can die with its server (a restart, an idle timeout on the
# way); a SQLite file cannot. SQLAlchemy's pre-ping would check before every use: three
# round trips (BEGIN, SELECT 1, ROLLBACK) on every checkout, several per request, which
# cost a busy PostgreSQL more than the request's own statements. A connection back from
# the pool within PING_IDLE_S was working a moment ago, so only older ones are pinged.
# Should the server restart under a busy desk anyway, the first statement on a dead
# connection fails (503, Retry-After), SQLAlchemy then invalidates the whole pool, and
# the next request connects afresh.
PING_IDLE_S = 5.0


def ping_idle_connections(engine: Engine) -> None:
    """Check a pooled connection that sat idle over PING_IDLE_S before handing it out."""

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_conn, record) -> None:  # pragma: no cover - trivial
        record.info["songngu_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _ping_if_idle(dbapi_conn, record, _proxy) -> None:
        since = record.info.get("songngu_idle_since")
        if since is None or time.monotonic() - since < PING_IDLE_S:
            return  # new (just connected) or recently used
        try:
            cursor = dbapi_conn.cursor()
            try:
                cursor.execute("SELECT 1")
            finally:
                cursor.close()
            dbapi_conn.rollback()
        except Exception as exc:  # noqa: BLE001 - any failure means: not usable, get another
            raise DisconnectionError(f"a pooled connection is dead: {exc}") from exc


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, expire_on_commit=False)
