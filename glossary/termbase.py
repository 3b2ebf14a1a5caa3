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
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from glossary.entries import (
    CONTENT_FIELDS,
    LANGS,
    LIVE_STATUSES,
    STATUSES,
    EntryContent,
    GlossarySnapshot,
    HistoryRecord,
    RawEntry,
    TermEntry,
    check_comment,
    clean_content,
    clean_external_id,
    is_row_id,
    source_keys,
)
from glossary.errors import (
    DuplicateEntryError,
    EntryNotFoundError,
    EntryValidationError,
    InvalidTransitionError,
    StaleRevisionError,
)
from glossary.matcher import DEFAULT_CACHE, Matcher, MatcherCache
from glossary.tables import (
    GlossaryEntry,
    GlossaryEntryForm,
    GlossaryEntryHistory,
    GlossaryVersion,
    apply_content,
    aware,
    row_content,
    row_snapshot,
    row_to_entry,
    utcnow,
)

if TYPE_CHECKING:
    from glossary.bulk_import import ImportReport
from glossary.normalize import form_key


def check_user(user: str) -> str:
    if not isinstance(user, str) or not user.strip():
        raise EntryValidationError("every change needs the name of who made it")
    return user.strip()


def check_status(status: str) -> str:
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
    def session(self) -> Iterator[Session]:
        """The session of the current transaction (one is opened if none is), for bulk writers."""
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
            .values(version=GlossaryVersion.version + 1, changed_at=utcnow())
        )
        if result.rowcount == 0:
            s.execute(insert(GlossaryVersion).values(id=1, version=1, changed_at=utcnow()))
        self._tx_version = self._read_version(s)
        return self._tx_version

    @staticmethod
    def _read_version(s: Session) -> int:
        value = s.execute(select(GlossaryVersion.version).where(GlossaryVersion.id == 1)).scalar()
        return int(value or 0)

    def claim_version(self, s: Session) -> tuple[int, int]:
        """Move the version on as a write's first statement; return the version before and after.

        For bulk writers that planned against a version they read earlier: on SQLite the
        UPDATE takes the write lock before anything is read, and ``before`` differs from
        the planned version exactly when someone changed the glossary in between.
        """
        already = self._tx_version is not None
        after = self._bump(s)
        return (after if already else after - 1), after

    def version_in(self, s: Session) -> int:
        """The version as this transaction will leave it (already bumped if it changed anything)."""
        return self._tx_version if self._tx_version is not None else self._read_version(s)

    # -- reads ---------------------------------------------------------------------------

    @property
    def version(self) -> int:
        """The glossary version: 0 for an empty, never-changed glossary, +1 per committed change."""
        with self.session() as s:
            return self._read_version(s)

    def _row(self, s: Session, entry_id: int) -> GlossaryEntry:
        row = s.get(GlossaryEntry, entry_id) if is_row_id(entry_id) else None
        if row is None:
            raise EntryNotFoundError(f"no glossary entry {entry_id}")
        return row

    def get(self, entry_id: int) -> TermEntry:
        with self.session() as s:
            return row_to_entry(self._row(s, entry_id))

    def get_by_external_id(self, external_id: str) -> TermEntry | None:
        with self.session() as s:
            row = s.execute(select(GlossaryEntry).where(GlossaryEntry.external_id == external_id)).scalar()
            return row_to_entry(row) if row else None

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
            number = query.strip()
            if number.isascii() and number.isdigit() and is_row_id(int(number)):
                conds.append(GlossaryEntry.id == int(number))
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
        with self.session() as s:
            return [row_to_entry(r) for r in s.execute(stmt).scalars()]

    def count(
        self,
        *,
        status: str | Iterable[str] | None = None,
        domain: str | None = None,
        kind: str | None = None,
        query: str | None = None,
    ) -> int:
        stmt = self._filtered(status, domain, kind, query).with_only_columns(func.count(GlossaryEntry.id))
        with self.session() as s:
            return int(s.execute(stmt).scalar() or 0)

    def history(self, entry_id: int) -> list[HistoryRecord]:
        """Every revision of an entry, oldest first."""
        with self.session() as s:
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
                    changed_at=aware(r.changed_at),
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
        with self.session() as s:
            version = self._read_version(s)
            rows = s.execute(
                select(GlossaryEntry).where(GlossaryEntry.status == "approved").order_by(GlossaryEntry.id)
            ).scalars()
            return GlossarySnapshot(version, tuple(row_to_entry(r) for r in rows), scope=self._get_scope(s))

    def _get_scope(self, s: Session) -> Any:
        if self._scope is None:
            self._scope = s.get_bind()
        return self._scope

    def matcher(self, src: str, tgt: str) -> Matcher:
        """The cached matcher for the current version and this direction."""
        with self.session() as s:
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
            content = row_content(row)
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
                snapshot=row_snapshot(row),
                changed_by=user,
                changed_at=row.updated_at,
                glossary_version=version,
                comment=comment,
            )
        )

    def create_row(
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
        now = utcnow()
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
        apply_content(row, content)
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
        user = check_user(user)
        check_status(status)
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
        with self.session() as s:
            self._check_external_free(s, external_id, None)
            if status in LIVE_STATUSES:
                self._refuse_duplicates(s, content, None)
            row = self.create_row(
                s, content, status=status, external_id=external_id, user=user, action="created"
            )
            return row_to_entry(row)

    def propose(self, **fields: Any) -> TermEntry:
        """A translator's suggestion: an entry that matching ignores until an admin approves it."""
        fields["status"] = "proposed"
        return self.add(**fields)

    def change_row(
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
        unchanged = row_content(row) == content and row.status == status
        if set_external:
            unchanged = unchanged and row.external_id == external_id
        if unchanged:
            return False
        if status in LIVE_STATUSES:
            self._refuse_duplicates(s, content, row.id)
        if set_external:
            self._check_external_free(s, external_id, row.id)
            row.external_id = external_id
        apply_content(row, content)
        row.status = status
        row.revision += 1
        row.updated_by = user
        row.updated_at = utcnow()
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
        user = check_user(user)
        comment = check_comment(comment)
        unknown = set(changes) - set(CONTENT_FIELDS) - {"external_id"}
        if unknown:
            raise EntryValidationError(f"cannot change {', '.join(sorted(unknown))}")
        with self.session() as s:
            row = self._row(s, entry_id)
            if expected_revision is not None and row.revision != expected_revision:
                raise StaleRevisionError(
                    f"entry {entry_id} is at revision {row.revision}, not {expected_revision}: "
                    f"it changed since you loaded it"
                )
            current = row_content(row).to_dict()
            set_external = "external_id" in changes
            external_id = clean_external_id(changes.pop("external_id", None))
            current.update(changes)
            content = clean_content(current)
            self.change_row(
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
            return row_to_entry(row)

    def _set_status(self, entry_id: int, status: str, action: str, user: str, comment: str) -> TermEntry:
        user = check_user(user)
        comment = check_comment(comment)
        with self.session() as s:
            row = self._row(s, entry_id)
            if row.status != status:
                self.change_row(s, row, row_content(row), status, user=user, action=action, comment=comment)
            return row_to_entry(row)

    def approve(self, entry_id: int, *, user: str, comment: str = "") -> TermEntry:
        """Make an entry binding for matching and checks (from proposed, or back from deprecated)."""
        return self._set_status(entry_id, "approved", "approved", user, comment)

    def deprecate(self, entry_id: int, *, user: str, comment: str = "") -> TermEntry:
        """Retire an entry without losing it: it stops matching and frees its forms."""
        return self._set_status(entry_id, "deprecated", "deprecated", user, comment)

    def revert(self, entry_id: int, revision: int, *, user: str, comment: str = "") -> TermEntry:
        """Restore an entry's content and status as of ``revision``, as a new revision."""
        user = check_user(user)
        comment = check_comment(comment)
        with self.session() as s:
            row = self._row(s, entry_id)
            past = None if not is_row_id(revision) else s.execute(
                select(GlossaryEntryHistory).where(
                    GlossaryEntryHistory.entry_id == entry_id, GlossaryEntryHistory.revision == revision
                )
            ).scalar()
            if past is None:
                raise EntryNotFoundError(f"entry {entry_id} has no revision {revision}")
            snap = dict(past.snapshot)
            status = check_status(snap.pop("status", row.status))
            external_id = snap.pop("external_id", row.external_id)
            content = clean_content({k: v for k, v in snap.items() if k in CONTENT_FIELDS})
            note = comment or f"reverted to revision {revision}"
            changed = self.change_row(
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
            return row_to_entry(row)

    def import_entries(
        self, records: Sequence[RawEntry], *, user: str, status: str = "approved", source: str = ""
    ) -> ImportReport:
        """All records or none, in one transaction and one version bump (see :mod:`glossary.bulk_import`)."""
        from glossary.bulk_import import import_entries

        return import_entries(self, records, user=user, status=status, source=source)
