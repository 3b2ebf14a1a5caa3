"""The termbase: entries in SQL tables, every change kept, one version counter.

Machine output records the glossary version it was held to, so the version
must move on every change that could alter a translation, and history must let
an admin see and undo each change. One service class owns those rules; the web
layer and the CLI only call it.

Transactions: given a ``sessionmaker``, the termbase owns its transactions:
each public change is one, committed before the call returns, and
``with termbase.transaction():`` groups several changes (an import) into one,
rolled back as a whole on any error, with a single version bump. Given a
``Session``, the caller owns the transaction: changes are flushed, never
committed or rolled back here, so they can share a unit of work with the
caller's own writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from glossary.db import Base
from glossary.entries import (
    CONTENT_FIELDS,
    LANGS,
    LIST_FIELDS,
    LIVE_STATUSES,
    STATUSES,
    EntryContent,
    GlossarySnapshot,
    HistoryRecord,
    RawEntry,
    TermEntry,
    clean_content,
    clean_external_id,
    source_keys,
)
from glossary.errors import (
    DuplicateEntryError,
    EntryNotFoundError,
    EntryValidationError,
    GlossaryError,
    ImportFormatError,
    ImportProblem,
    InvalidTransitionError,
    StaleRevisionError,
)
from glossary.matcher import DEFAULT_CACHE, Matcher, MatcherCache
from glossary.normalize import form_key


def _now() -> datetime:
    return datetime.now(UTC)


def _in(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class GlossaryEntry(Base):
    """One concept: a Vietnamese and an English term with their variants and forbidden forms."""

    __tablename__ = "glossary_entries"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(('term', 'name', 'dnt'))})", name="kind"),
        CheckConstraint(f"status IN ({_in(STATUSES)})", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    domain: Mapped[str] = mapped_column(String(32), index=True)
    vi: Mapped[str] = mapped_column(String(400))
    en: Mapped[str] = mapped_column(String(400))
    vi_variants: Mapped[list] = mapped_column(JSON, default=list)
    en_variants: Mapped[list] = mapped_column(JSON, default=list)
    en_forbidden: Mapped[list] = mapped_column(JSON, default=list)
    vi_forbidden: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # Every form's normalised key, newline-separated: tone/case/NFD-insensitive search with LIKE.
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GlossaryEntryForm(Base):
    """Normalised accepted forms of live entries; the unique key refuses ambiguous duplicates."""

    __tablename__ = "glossary_entry_forms"
    __table_args__ = (UniqueConstraint("lang", "key", name="uq_glossary_entry_forms_lang_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("glossary_entries.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    key: Mapped[str] = mapped_column(String(1200))


class GlossaryEntryHistory(Base):
    """Each change as a full snapshot, so any revision can be shown or restored."""

    __tablename__ = "glossary_entry_history"
    __table_args__ = (
        UniqueConstraint("entry_id", "revision", name="uq_glossary_entry_history_entry_revision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("glossary_entries.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    snapshot: Mapped[dict] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(120))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    glossary_version: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class GlossaryVersion(Base):
    """A single row: the glossary version that machine output records."""

    __tablename__ = "glossary_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    version: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def _to_entry(row: GlossaryEntry) -> TermEntry:
    return TermEntry(
        id=row.id,
        vi=row.vi,
        en=row.en,
        domain=row.domain,
        kind=row.kind,
        vi_variants=tuple(row.vi_variants or ()),
        en_variants=tuple(row.en_variants or ()),
        en_forbidden=tuple(row.en_forbidden or ()),
        vi_forbidden=tuple(row.vi_forbidden or ()),
        note=row.note or "",
        status=row.status,
        external_id=row.external_id,
        revision=row.revision,
        created_by=row.created_by,
        created_at=_aware(row.created_at),
        updated_by=row.updated_by,
        updated_at=_aware(row.updated_at),
    )


def _content_of(row: GlossaryEntry) -> EntryContent:
    return _to_entry(row).content


def _snapshot(row: GlossaryEntry) -> dict[str, Any]:
    d = _content_of(row).to_dict()
    d["status"] = row.status
    d["external_id"] = row.external_id
    return d


def _search_key(content: EntryContent) -> str:
    keys = [form_key(f) for lang in LANGS for f in (*content.forms(lang), *content.forbidden(lang))]
    return "\n" + "\n".join(keys) + "\n"


def _apply(row: GlossaryEntry, content: EntryContent) -> None:
    for f in fields(EntryContent):
        value = getattr(content, f.name)
        setattr(row, f.name, list(value) if f.name in LIST_FIELDS else value)
    row.search_key = _search_key(content)


def _check_user(user: str) -> str:
    if not isinstance(user, str) or not user.strip():
        raise EntryValidationError("every change needs the name of who made it")
    return user.strip()


def _check_status(status: str) -> str:
    if status not in STATUSES:
        raise EntryValidationError(f"unknown status {status!r} (expected {', '.join(STATUSES)})")
    return status


class Termbase:
    """Service over the glossary tables: the only code that changes entries.

    Pass a ``sessionmaker`` (each call runs and commits in a short-lived
    session) or a ``Session`` (the caller commits; after an error, roll it back).
    All validation happens before anything is written, so a refused change
    leaves nothing behind in either mode.
    """

    def __init__(self, db: Session | sessionmaker, *, cache: MatcherCache | None = None) -> None:
        if isinstance(db, Session):
            self._session: Session | None = db
            self._factory: sessionmaker | None = None
        else:
            self._session = None
            self._factory = db
        self._cache = cache or DEFAULT_CACHE
        self._tx: Session | None = None
        self._tx_version: int | None = None
        self._scope: Any = None

    # -- transactions -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Termbase]:
        """Group changes into one transaction and one version bump; nested calls join the outer one."""
        if self._tx is not None:
            yield self
            return
        if self._session is not None:  # the caller's unit of work: flush, never commit
            self._tx = self._session
            try:
                yield self
                self._session.flush()
            except IntegrityError as exc:
                raise DuplicateEntryError(f"the database refused the change: {exc.orig}") from exc
            finally:
                self._tx = None
                self._tx_version = None
            return
        session = self._factory()  # type: ignore[misc]
        self._tx = session
        try:
            yield self
            session.commit()
        except IntegrityError as exc:
            session.rollback()
            raise DuplicateEntryError(f"the database refused the change: {exc.orig}") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            self._tx = None
            self._tx_version = None
            session.close()

    @contextmanager
    def _use(self) -> Iterator[Session]:
        with self.transaction():
            assert self._tx is not None
            yield self._tx

    def _bump(self, s: Session) -> int:
        """Move the version on once per transaction and return the new number."""
        if self._tx_version is not None:
            return self._tx_version
        result = s.execute(
            update(GlossaryVersion)
            .where(GlossaryVersion.id == 1)
            .values(version=GlossaryVersion.version + 1, changed_at=_now())
        )
        if result.rowcount == 0:
            s.execute(insert(GlossaryVersion).values(id=1, version=1, changed_at=_now()))
        self._tx_version = self._read_version(s)
        return self._tx_version

    @staticmethod
    def _read_version(s: Session) -> int:
        value = s.execute(select(GlossaryVersion.version).where(GlossaryVersion.id == 1)).scalar()
        return int(value or 0)

    # -- reads ---------------------------------------------------------------------------

    @property
    def version(self) -> int:
        """The glossary version: 0 for an empty, never-changed glossary, +1 per committed change."""
        with self._use() as s:
            return self._read_version(s)

    def _row(self, s: Session, entry_id: int) -> GlossaryEntry:
        row = s.get(GlossaryEntry, entry_id)
        if row is None:
            raise EntryNotFoundError(f"no glossary entry {entry_id}")
        return row

    def get(self, entry_id: int) -> TermEntry:
        with self._use() as s:
            return _to_entry(self._row(s, entry_id))

    def get_by_external_id(self, external_id: str) -> TermEntry | None:
        with self._use() as s:
            row = s.execute(select(GlossaryEntry).where(GlossaryEntry.external_id == external_id)).scalar()
            return _to_entry(row) if row else None

    def _filtered(
        self,
        status: str | Iterable[str] | None,
        domain: str | None,
        kind: str | None,
        query: str | None,
    ):
        stmt = select(GlossaryEntry)
        if status is not None:
            statuses = [status] if isinstance(status, str) else list(status)
            stmt = stmt.where(GlossaryEntry.status.in_(statuses))
        if domain:
            stmt = stmt.where(GlossaryEntry.domain == domain)
        if kind:
            stmt = stmt.where(GlossaryEntry.kind == kind)
        if query and (q := form_key(query)):
            escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            conds = [GlossaryEntry.search_key.like(f"%{escaped}%", escape="\\")]
            if query.strip().isdigit():
                conds.append(GlossaryEntry.id == int(query))
            conds.append(GlossaryEntry.external_id == query.strip())
            stmt = stmt.where(or_(*conds))
        return stmt

    def list(
        self,
        *,
        status: str | Iterable[str] | None = None,
        domain: str | None = None,
        kind: str | None = None,
        query: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[TermEntry]:
        """Entries in id order; ``query`` finds any form on either side, tone/case/NFD-insensitive."""
        stmt = self._filtered(status, domain, kind, query).order_by(GlossaryEntry.id).offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self._use() as s:
            return [_to_entry(r) for r in s.execute(stmt).scalars()]

    def count(
        self,
        *,
        status: str | Iterable[str] | None = None,
        domain: str | None = None,
        kind: str | None = None,
        query: str | None = None,
    ) -> int:
        stmt = self._filtered(status, domain, kind, query).with_only_columns(func.count(GlossaryEntry.id))
        with self._use() as s:
            return int(s.execute(stmt).scalar() or 0)

    def history(self, entry_id: int) -> list[HistoryRecord]:
        """Every revision of an entry, oldest first."""
        with self._use() as s:
            self._row(s, entry_id)
            rows = s.execute(
                select(GlossaryEntryHistory)
                .where(GlossaryEntryHistory.entry_id == entry_id)
                .order_by(GlossaryEntryHistory.revision)
            ).scalars()
            return [
                HistoryRecord(
                    entry_id=r.entry_id,
                    revision=r.revision,
                    action=r.action,
                    snapshot=dict(r.snapshot),
                    changed_by=r.changed_by,
                    changed_at=_aware(r.changed_at),
                    glossary_version=r.glossary_version,
                    comment=r.comment or "",
                )
                for r in rows
            ]

    def approved_entries(self) -> list[TermEntry]:
        """Every approved entry, id order: what matching and held translation use."""
        return list(self.snapshot().entries)

    def snapshot(self) -> GlossarySnapshot:
        """Approved entries and the version they belong to, read in one transaction."""
        with self._use() as s:
            version = self._read_version(s)
            rows = s.execute(
                select(GlossaryEntry).where(GlossaryEntry.status == "approved").order_by(GlossaryEntry.id)
            ).scalars()
            return GlossarySnapshot(version, tuple(_to_entry(r) for r in rows), scope=self._get_scope(s))

    def _get_scope(self, s: Session) -> Any:
        if self._scope is None:
            self._scope = s.get_bind()
        return self._scope

    def matcher(self, src: str, tgt: str) -> Matcher:
        """The cached matcher for the current version and this direction."""
        with self._use() as s:
            version = self._read_version(s)
            scope = self._get_scope(s)
        found = self._cache.peek(scope, version, src, tgt)
        if found is not None:
            return found
        snap = self.snapshot()
        return self._cache.get(scope, snap.version, src, tgt, lambda: snap.entries)

    # -- changes -------------------------------------------------------------------------

    def _form_owners(
        self, s: Session, content: EntryContent, exclude_id: int | None
    ) -> list[tuple[str, str, int, str, str]]:
        clashes = []
        for lang in LANGS:
            keys = sorted(source_keys(content, lang))
            stmt = select(GlossaryEntryForm.key, GlossaryEntry.id, GlossaryEntry.vi, GlossaryEntry.en).join(
                GlossaryEntry, GlossaryEntry.id == GlossaryEntryForm.entry_id
            )
            stmt = stmt.where(GlossaryEntryForm.lang == lang, GlossaryEntryForm.key.in_(keys))
            if exclude_id is not None:
                stmt = stmt.where(GlossaryEntryForm.entry_id != exclude_id)
            for key, other_id, vi, en in s.execute(stmt):
                clashes.append((lang, key, other_id, vi, en))
        return clashes

    def _refuse_duplicates(self, s: Session, content: EntryContent, exclude_id: int | None) -> None:
        clashes = self._form_owners(s, content, exclude_id)
        if clashes:
            lang, key, other_id, vi, en = clashes[0]
            raise DuplicateEntryError(
                f"{lang} form {key!r} already belongs to entry {other_id} ({vi} / {en})", existing_id=other_id
            )

    def _write_forms(self, s: Session, row: GlossaryEntry, *, new: bool = False) -> None:
        if not new:
            s.execute(delete(GlossaryEntryForm).where(GlossaryEntryForm.entry_id == row.id))
        if row.status in LIVE_STATUSES:
            content = _content_of(row)
            for lang in LANGS:
                for key in sorted(source_keys(content, lang)):
                    s.add(GlossaryEntryForm(entry_id=row.id, lang=lang, key=key))

    def _record(self, s: Session, row: GlossaryEntry, action: str, user: str, comment: str = "") -> None:
        version = self._bump(s)
        s.add(
            GlossaryEntryHistory(
                entry_id=row.id,
                revision=row.revision,
                action=action,
                snapshot=_snapshot(row),
                changed_by=user,
                changed_at=row.updated_at,
                glossary_version=version,
                comment=comment,
            )
        )

    def _create(
        self,
        s: Session,
        content: EntryContent,
        *,
        status: str,
        external_id: str | None,
        user: str,
        action: str,
        entry_id: int | None = None,
    ) -> GlossaryEntry:
        now = _now()
        row = GlossaryEntry(
            id=entry_id,
            external_id=external_id,
            status=status,
            revision=1,
            created_by=user,
            created_at=now,
            updated_by=user,
            updated_at=now,
        )
        _apply(row, content)
        s.add(row)
        if entry_id is None:
            s.flush()  # for the id
        self._write_forms(s, row, new=True)
        self._record(s, row, action, user)
        return row

    def _check_external_free(self, s: Session, external_id: str | None, exclude_id: int | None) -> None:
        if external_id is None:
            return
        other = s.execute(select(GlossaryEntry.id).where(GlossaryEntry.external_id == external_id)).scalar()
        if other is not None and other != exclude_id:
            raise DuplicateEntryError(
                f"id {external_id!r} is already used by entry {other}", existing_id=other
            )

    def add(
        self,
        *,
        vi: str,
        en: str,
        domain: str,
        user: str,
        kind: str = "term",
        vi_variants: Iterable[str] = (),
        en_variants: Iterable[str] = (),
        en_forbidden: Iterable[str] = (),
        vi_forbidden: Iterable[str] = (),
        note: str = "",
        status: str = "proposed",
        external_id: str | None = None,
    ) -> TermEntry:
        """Create an entry; refused if another live entry already claims one of its forms."""
        user = _check_user(user)
        _check_status(status)
        content = clean_content(
            {
                "vi": vi,
                "en": en,
                "domain": domain,
                "kind": kind,
                "vi_variants": vi_variants,
                "en_variants": en_variants,
                "en_forbidden": en_forbidden,
                "vi_forbidden": vi_forbidden,
                "note": note,
            }
        )
        external_id = clean_external_id(external_id)
        with self._use() as s:
            self._check_external_free(s, external_id, None)
            if status in LIVE_STATUSES:
                self._refuse_duplicates(s, content, None)
            row = self._create(
                s, content, status=status, external_id=external_id, user=user, action="created"
            )
            return _to_entry(row)

    def propose(self, **fields: Any) -> TermEntry:
        """A translator's suggestion: an entry that matching ignores until an admin approves it."""
        fields["status"] = "proposed"
        return self.add(**fields)

    def _change(
        self,
        s: Session,
        row: GlossaryEntry,
        content: EntryContent,
        status: str,
        *,
        user: str,
        action: str,
        comment: str = "",
        external_id: str | None = None,
        set_external: bool = False,
    ) -> bool:
        unchanged = _content_of(row) == content and row.status == status
        if set_external:
            unchanged = unchanged and row.external_id == external_id
        if unchanged:
            return False
        if status in LIVE_STATUSES:
            self._refuse_duplicates(s, content, row.id)
        if set_external:
            self._check_external_free(s, external_id, row.id)
            row.external_id = external_id
        _apply(row, content)
        row.status = status
        row.revision += 1
        row.updated_by = user
        row.updated_at = _now()
        s.flush()
        self._write_forms(s, row)
        self._record(s, row, action, user, comment)
        return True

    def update(
        self,
        entry_id: int,
        *,
        user: str,
        expected_revision: int | None = None,
        comment: str = "",
        **changes: Any,
    ) -> TermEntry:
        """Change an entry's content (any of its fields, or ``external_id``); a no-op change bumps nothing.

        ``expected_revision`` guards against overwriting an edit made since the
        caller loaded the entry.
        """
        user = _check_user(user)
        unknown = set(changes) - set(CONTENT_FIELDS) - {"external_id"}
        if unknown:
            raise EntryValidationError(f"cannot change {', '.join(sorted(unknown))}")
        with self._use() as s:
            row = self._row(s, entry_id)
            if expected_revision is not None and row.revision != expected_revision:
                raise StaleRevisionError(
                    f"entry {entry_id} is at revision {row.revision}, not {expected_revision}: "
                    f"it changed since you loaded it"
                )
            current = _content_of(row).to_dict()
            set_external = "external_id" in changes
            external_id = clean_external_id(changes.pop("external_id", None))
            current.update(changes)
            content = clean_content(current)
            self._change(
                s,
                row,
                content,
                row.status,
                user=user,
                action="updated",
                comment=comment,
                external_id=external_id,
                set_external=set_external,
            )
            return _to_entry(row)

    def _set_status(self, entry_id: int, status: str, action: str, user: str, comment: str) -> TermEntry:
        user = _check_user(user)
        with self._use() as s:
            row = self._row(s, entry_id)
            if row.status != status:
                self._change(s, row, _content_of(row), status, user=user, action=action, comment=comment)
            return _to_entry(row)

    def approve(self, entry_id: int, *, user: str, comment: str = "") -> TermEntry:
        """Make an entry binding for matching and checks (from proposed, or back from deprecated)."""
        return self._set_status(entry_id, "approved", "approved", user, comment)

    def deprecate(self, entry_id: int, *, user: str, comment: str = "") -> TermEntry:
        """Retire an entry without losing it: it stops matching and frees its forms."""
        return self._set_status(entry_id, "deprecated", "deprecated", user, comment)

    def revert(self, entry_id: int, revision: int, *, user: str, comment: str = "") -> TermEntry:
        """Restore an entry's content and status as of ``revision``, as a new revision."""
        user = _check_user(user)
        with self._use() as s:
            row = self._row(s, entry_id)
            past = s.execute(
                select(GlossaryEntryHistory).where(
                    GlossaryEntryHistory.entry_id == entry_id, GlossaryEntryHistory.revision == revision
                )
            ).scalar()
            if past is None:
                raise EntryNotFoundError(f"entry {entry_id} has no revision {revision}")
            snap = dict(past.snapshot)
            status = _check_status(snap.pop("status", row.status))
            external_id = snap.pop("external_id", row.external_id)
            content = clean_content({k: v for k, v in snap.items() if k in CONTENT_FIELDS})
            note = comment or f"reverted to revision {revision}"
            changed = self._change(
                s,
                row,
                content,
                status,
                user=user,
                action="reverted",
                comment=note,
                external_id=external_id,
                set_external=True,
            )
            if not changed:
                raise InvalidTransitionError(f"entry {entry_id} already reads as revision {revision}")
            return _to_entry(row)

    # -- bulk import ---------------------------------------------------------------------

    def import_entries(
        self, records: Sequence[RawEntry], *, user: str, status: str = "approved", source: str = ""
    ) -> ImportReport:
        """Validate every record first, then write them all in one transaction, or nothing.

        Records whose ``external_id`` (or, without one, whose vi and en terms)
        match an existing entry update it; identical ones are left alone. New
        entries get ``status``; updated ones keep theirs. Every problem is
        collected with its line/element so the user can fix the file in one go.
        """
        user = _check_user(user)
        _check_status(status)
        problems: list[ImportProblem] = []
        if not records:
            raise ImportFormatError([ImportProblem("the file holds no entries")], source=source)

        valid: list[tuple[RawEntry, EntryContent, str | None]] = []
        by_external: dict[str, tuple[RawEntry, EntryContent]] = {}
        by_content: set[EntryContent] = set()
        for rec in records:
            try:
                content = clean_content(rec.fields)
                external_id = clean_external_id(rec.external_id)
            except GlossaryError as exc:
                problems.append(ImportProblem(str(exc), rec.line, rec.element))
                continue
            if external_id is not None:
                earlier = by_external.get(external_id)
                if earlier is not None:
                    if earlier[1] != content:
                        problems.append(
                            ImportProblem(
                                f"id {external_id} was already given {_where(earlier[0])} with different content",
                                rec.line,
                                rec.element,
                            )
                        )
                    continue
                by_external[external_id] = (rec, content)
            elif content in by_content:
                continue
            by_content.add(content)
            valid.append((rec, content, external_id))

        # Forms shared by two records of the same file.
        file_owner: dict[tuple[str, str], RawEntry] = {}
        for rec, content, _ in valid:
            for lang in LANGS:
                for key in source_keys(content, lang):
                    other = file_owner.setdefault((lang, key), rec)
                    if other is not rec:
                        problems.append(
                            ImportProblem(
                                f"{lang} form {key!r} also belongs to the entry {_where(other)}",
                                rec.line,
                                rec.element,
                            )
                        )

        with self._use() as s:
            db_forms: dict[tuple[str, str], int] = {
                (lang, key): entry_id
                for lang, key, entry_id in s.execute(
                    select(GlossaryEntryForm.lang, GlossaryEntryForm.key, GlossaryEntryForm.entry_id)
                )
            }
            ext_ids = [e for _, _, e in valid if e is not None]
            existing_by_ext: dict[str, GlossaryEntry] = {}
            for i in range(0, len(ext_ids), 500):
                chunk = ext_ids[i : i + 500]
                for row in s.execute(
                    select(GlossaryEntry).where(GlossaryEntry.external_id.in_(chunk))
                ).scalars():
                    existing_by_ext[row.external_id] = row  # type: ignore[index]

            # Decide per record: create, update an existing entry, or leave one alone.
            plan: list[tuple[RawEntry, EntryContent, str | None, GlossaryEntry | None]] = []
            unchanged = 0
            for rec, content, external_id in valid:
                target = existing_by_ext.get(external_id) if external_id else None
                if target is None and external_id is None:
                    target = self._same_terms(s, content, db_forms)
                if target is not None and _content_of(target) == content:
                    unchanged += 1
                    continue
                plan.append((rec, content, external_id, target))

            # Forms still claimed by live entries this import leaves alone.
            touched = {t.id for _, _, _, t in plan if t is not None}
            for rec, content, _, _target in plan:
                for lang in LANGS:
                    for key in sorted(source_keys(content, lang)):
                        owner = db_forms.get((lang, key))
                        if owner is not None and owner not in touched:
                            problems.append(
                                ImportProblem(
                                    f"{lang} form {key!r} already belongs to glossary entry {owner}",
                                    rec.line,
                                    rec.element,
                                )
                            )
            if problems:
                problems.sort(key=lambda p: (p.line or 0, p.element or 0))
                raise ImportFormatError(problems, source=source)

            # Release the forms of entries being rewritten, so two of them may swap a form.
            if touched:
                s.execute(delete(GlossaryEntryForm).where(GlossaryEntryForm.entry_id.in_(sorted(touched))))
            # A numeric id keeps its number when free, so the shipped seed's entry 45
            # is entry 45 here too (eval files and notes cite those ids).
            wanted = [
                int(e)
                for _, _, e, t in plan
                if t is None and e is not None and e.isdigit() and int(e) < 2**31
            ]
            taken: set[int] = set()
            for i in range(0, len(wanted), 500):
                taken.update(
                    s.scalars(select(GlossaryEntry.id).where(GlossaryEntry.id.in_(wanted[i : i + 500])))
                )
            created = updated = 0
            explicit_ids = False
            for _rec, content, external_id, target in plan:
                if target is None:
                    entry_id = None
                    if external_id is not None and external_id.isdigit():
                        number = int(external_id)
                        if 0 < number < 2**31 and number not in taken:
                            entry_id = number
                            explicit_ids = True
                    row = self._create(
                        s,
                        content,
                        status=status,
                        external_id=external_id,
                        user=user,
                        action="imported",
                        entry_id=entry_id,
                    )
                    taken.add(row.id)
                    created += 1
                else:
                    self._change(
                        s,
                        target,
                        content,
                        target.status,
                        user=user,
                        action="imported",
                        comment=f"import {source}".strip(),
                        external_id=external_id if external_id is not None else target.external_id,
                        set_external=True,
                    )
                    updated += 1
            if explicit_ids and s.get_bind().dialect.name == "postgresql":
                # Explicit ids do not advance PostgreSQL's sequence; move it past them.
                s.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence('glossary_entries', 'id'), "
                        "(SELECT MAX(id) FROM glossary_entries))"
                    )
                )
            version = self._tx_version if self._tx_version is not None else self._read_version(s)
            return ImportReport(created=created, updated=updated, unchanged=unchanged, version=version)

    @staticmethod
    def _same_terms(
        s: Session, content: EntryContent, db_forms: dict[tuple[str, str], int]
    ) -> GlossaryEntry | None:
        """The live entry whose preferred vi and en terms are this record's (imports without ids)."""
        vi_key, en_key = form_key(content.vi), form_key(content.en)
        owner = db_forms.get(("vi", vi_key))
        if owner is None or owner != db_forms.get(("en", en_key)):
            return None
        row = s.get(GlossaryEntry, owner)
        if row is not None and form_key(row.vi) == vi_key and form_key(row.en) == en_key:
            return row
        return None


def _where(rec: RawEntry) -> str:
    if rec.line is not None:
        return f"on line {rec.line}"
    if rec.element is not None:
        return f"in entry #{rec.element}"
    return "earlier"
