"""Bulk import: a whole glossary file validated and planned first, then written in one short transaction.

A 50,000-row file takes a while to validate and compare with the glossary; none
of that may hold the database's write lock (on SQLite one writer locks out every
other, so a save waiting behind a long import would time out). So the import
runs in three steps:

1. validate every record (no database);
2. plan, in a read-only session: which records create an entry, which update
   one, which are unchanged, and whether any form clashes with a live entry;
3. write the plan in one transaction with bulk statements (a few statements
   per table, whatever the size of the file).

The write transaction first moves the glossary version on; that takes the write
lock, and the version it moved from must be the one the plan was made against.
Every change to an entry moves the version, so an unmoved version proves the
plan still holds; a moved one means someone changed the glossary meanwhile, and
the file is planned again (a few times, then refused with a clear error). The
import stays all or nothing: one transaction writes every row or none.

Every problem is collected with its line or element so the user can fix the
file in one go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from glossary.entries import (
    LANGS,
    LIST_FIELDS,
    LIVE_STATUSES,
    MAX_ID,
    EntryContent,
    RawEntry,
    clean_content,
    clean_external_id,
    source_keys,
)
from glossary.errors import GlossaryError, ImportFormatError, ImportProblem, StaleRevisionError
from glossary.normalize import form_key
from glossary.tables import (
    GlossaryEntry,
    GlossaryEntryForm,
    GlossaryEntryHistory,
    row_content,
    search_key,
    utcnow,
)
from glossary.termbase import Termbase, check_status, check_user

CONTENT_ORDER = tuple(f.name for f in fields(EntryContent))
# How many times a file is planned again when the glossary changed under it.
PLAN_ATTEMPTS = 3
# Rows per IN (...) list, well under every database's bound-parameter limit.
CHUNK = 500


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    version: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass(frozen=True)
class Existing:
    """What the plan needs of an entry already in the glossary, read once, detached from any session."""

    id: int
    status: str
    revision: int
    external_id: str | None
    content: EntryContent


@dataclass(frozen=True)
class Checked:
    """A valid record with the normalised keys every later step needs, computed once.

    Normalising a form is the costly part of an import; a 50,000-row file has
    some 200,000 forms, more than the normaliser's cache holds, so each is
    normalised here, right after validation, and never again.
    """

    rec: RawEntry
    content: EntryContent
    external_id: str | None
    keys: dict[str, tuple[str, ...]]  # lang -> sorted keys of the accepted forms
    terms: tuple[str, str]  # keys of the preferred vi and en terms
    search_key: str

    @classmethod
    def of(cls, rec: RawEntry, content: EntryContent, external_id: str | None) -> Checked:
        return cls(rec, content, external_id, {lang: tuple(sorted(source_keys(content, lang))) for lang in LANGS},
                   (form_key(content.vi), form_key(content.en)), search_key(content))


@dataclass
class ImportPlan:
    """What writing the file will do, decided against glossary ``version``."""

    version: int
    dialect: Dialect
    creates: list[tuple[Checked, int | None]] = field(default_factory=list)  # with the id to keep, if any
    updates: list[tuple[Existing, Checked]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def empty(self) -> bool:
        return not self.creates and not self.updates


Valid = list[Checked]


def import_entries(
    termbase: Termbase, records: Sequence[RawEntry], *, user: str, status: str = "approved", source: str = ""
) -> ImportReport:
    """Validate and plan every record first, then write them all in one short transaction, or nothing.

    Records whose ``external_id`` (or, without one, whose vi and en terms)
    match an existing entry update it; identical ones are left alone. New
    entries get ``status``; updated ones keep theirs.
    """
    user = check_user(user)
    check_status(status)
    if not records:
        raise ImportFormatError([ImportProblem("the file holds no entries")], source=source)
    valid, problems = validate_records(records)
    for _attempt in range(PLAN_ATTEMPTS):
        plan = plan_import(termbase, valid, problems, source=source)
        if plan.empty:
            return ImportReport(created=0, updated=0, unchanged=plan.unchanged, version=plan.version)
        report = write_plan(termbase, plan, user=user, status=status, source=source)
        if report is not None:
            return report
    raise StaleRevisionError(
        f"{source + ': ' if source else ''}the glossary changed {PLAN_ATTEMPTS} times while the file was being "
        "checked; nothing was imported: import it again"
    )


def validate_records(records: Sequence[RawEntry]) -> tuple[Valid, list[ImportProblem]]:
    """Each record cleaned on its own, duplicates within the file dropped or refused; no database."""
    problems: list[ImportProblem] = []
    valid: Valid = []
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
                    problems.append(ImportProblem(
                        f"id {external_id} was already given {_where(earlier[0])} with different content",
                        rec.line, rec.element,
                    ))
                continue
            by_external[external_id] = (rec, content)
        elif content in by_content:
            continue
        by_content.add(content)
        valid.append(Checked.of(rec, content, external_id))

    # Forms shared by two records of the same file.
    file_owner: dict[tuple[str, str], RawEntry] = {}
    for c in valid:
        for lang in LANGS:
            for key in c.keys[lang]:
                other = file_owner.setdefault((lang, key), c.rec)
                if other is not c.rec:
                    problems.append(ImportProblem(
                        f"{lang} form {key!r} also belongs to the entry {_where(other)}", c.rec.line, c.rec.element,
                    ))
    return valid, problems


def plan_import(termbase: Termbase, valid: Valid, problems: list[ImportProblem], *, source: str = "") -> ImportPlan:
    """Compare the file with the glossary in a read-only session; refuse it whole if anything clashes.

    The version is read first: if anything changes while the rest is read, the
    version moves and :func:`write_plan` notices.
    """
    problems = list(problems)
    with termbase.session() as s:
        version = termbase.version_in(s)
        dialect = s.get_bind().dialect
        db_forms: dict[tuple[str, str], int] = {
            (lang, key): entry_id
            for lang, key, entry_id in s.execute(
                select(GlossaryEntryForm.lang, GlossaryEntryForm.key, GlossaryEntryForm.entry_id)
            )
        }
        ext_ids = [c.external_id for c in valid if c.external_id is not None]
        existing_by_ext: dict[str, Existing] = {}
        for chunk in _chunks(ext_ids):
            for row in s.scalars(select(GlossaryEntry).where(GlossaryEntry.external_id.in_(chunk))):
                existing_by_ext[row.external_id] = _existing(row)  # type: ignore[index]
        # Records without an id update the live entry whose preferred vi and en terms they share.
        owners: dict[int, tuple[str, str]] = {}
        for c in valid:
            if c.external_id is None:
                owner = db_forms.get(("vi", c.terms[0]))
                if owner is not None and owner == db_forms.get(("en", c.terms[1])):
                    owners[owner] = c.terms
        same_terms: dict[tuple[str, str], Existing] = {}
        for chunk in _chunks(sorted(owners)):
            for row in s.scalars(select(GlossaryEntry).where(GlossaryEntry.id.in_(chunk))):
                keys = (form_key(row.vi), form_key(row.en))
                if keys == owners[row.id]:
                    same_terms[keys] = _existing(row)
        wanted = sorted({int(e) for e in ext_ids if e.isdecimal() and 0 < int(e) <= MAX_ID})
        taken: set[int] = set()
        for chunk in _chunks(wanted):
            taken.update(s.scalars(select(GlossaryEntry.id).where(GlossaryEntry.id.in_(chunk))))

    plan = ImportPlan(version=version, dialect=dialect)
    located: list[tuple[Checked, Existing | None]] = []
    for c in valid:
        external_id = c.external_id
        target = existing_by_ext.get(external_id) if external_id else None
        if target is None and external_id is None:
            target = same_terms.get(c.terms)
        if target is not None and target.content == c.content:
            plan.unchanged += 1
            continue
        located.append((c, target))
        if target is not None:
            plan.updates.append((target, c))
        else:
            # A numeric id keeps its number when free, so the shipped seed's entry 45
            # is entry 45 here too (eval files and notes cite those ids).
            entry_id = None
            if external_id is not None and external_id.isdecimal():
                number = int(external_id)
                if 0 < number <= MAX_ID and number not in taken:
                    entry_id = number
                    taken.add(number)
            plan.creates.append((c, entry_id))

    # Forms still claimed by live entries this import leaves alone.
    touched = {t.id for _, t in located if t is not None}
    for c, _ in located:
        for lang in LANGS:
            for key in c.keys[lang]:
                owner = db_forms.get((lang, key))
                if owner is not None and owner not in touched:
                    problems.append(ImportProblem(
                        f"{lang} form {key!r} already belongs to glossary entry {owner}", c.rec.line,
                        c.rec.element,
                    ))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.element or 0))
        raise ImportFormatError(problems, source=source)
    return plan


class _GlossaryMoved(Exception):
    """The glossary version moved since planning: roll the write back and plan again."""


def write_plan(termbase: Termbase, plan: ImportPlan, *, user: str, status: str, source: str) -> ImportReport | None:
    """Write a plan in one transaction of bulk statements; None (nothing written) if the glossary moved on.

    Every row is built, and every value converted as the driver takes it (lists to
    JSON, dates to text), before the transaction opens: the write lock is held for
    the statements alone.
    """
    rows = _prepare(plan, user=user, status=status, comment=f"import {source}".strip())
    try:
        with termbase.session() as s:
            before, version = termbase.claim_version(s)
            if before != plan.version:
                raise _GlossaryMoved
            _write(s, rows, version)
    except _GlossaryMoved:
        return None
    return ImportReport(created=len(plan.creates), updated=len(plan.updates), unchanged=plan.unchanged,
                        version=version)


ENTRIES = GlossaryEntry.__table__
FORMS = GlossaryEntryForm.__table__
HISTORY = GlossaryEntryHistory.__table__


@dataclass
class _Rows:
    """The plan as driver-ready rows; new entries' ids and the version are filled in inside the transaction."""

    updates: list[dict[str, Any]] = field(default_factory=list)
    numbered: list[dict[str, Any]] = field(default_factory=list)
    unnumbered: list[dict[str, Any]] = field(default_factory=list)
    # Per entry row (updates, numbered, unnumbered, in that order): its forms and its history record.
    forms: list[list[dict[str, Any]]] = field(default_factory=list)
    history: list[dict[str, Any]] = field(default_factory=list)


def _prepare(plan: ImportPlan, *, user: str, status: str, comment: str) -> _Rows:
    entry_values = _converter(plan.dialect, ENTRIES)
    history_values = _converter(plan.dialect, HISTORY)
    now = utcnow()
    rows = _Rows()
    created = {"status": status, "revision": 1, "created_by": user, "created_at": now,
               "updated_by": user, "updated_at": now}
    # (row values, status, external id, record, history comment) in the order _write numbers them.
    written: list[tuple[dict[str, Any], str, str | None, Checked, str]] = []
    for t, c in plan.updates:
        values = entry_values({"id": t.id, **_columns(c), "revision": t.revision + 1, "updated_by": user,
                               "updated_at": now})
        rows.updates.append(values)
        written.append((values, t.status, t.external_id, c, comment))
    for keep_id in (True, False):
        for c, entry_id in plan.creates:
            if (entry_id is not None) != keep_id:
                continue
            values = entry_values({"external_id": c.external_id, **_columns(c), **created,
                                   "id": entry_id})
            (rows.numbered if keep_id else rows.unnumbered).append(values)
            written.append((values, status, c.external_id, c, ""))
    for values, st, ext, c, note in written:
        rows.forms.append([{"lang": lang, "key": key} for lang in LANGS for key in c.keys[lang]]
                          if st in LIVE_STATUSES else [])
        rows.history.append(history_values({
            "revision": values["revision"], "action": "imported",
            "snapshot": {**_content_dict(c.content), "status": st, "external_id": ext},
            "changed_by": user, "changed_at": now, "comment": note, "entry_id": None, "glossary_version": None,
        }))
    return rows


def _converter(dialect: Dialect, table: Table) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Turns a row's values into what the driver takes, with the column types' own conversions."""
    processors = {}
    for col in table.columns:
        proc = col.type.dialect_impl(dialect).bind_processor(dialect)
        if proc is not None:
            processors[col.key] = proc

    def convert(values: dict[str, Any]) -> dict[str, Any]:
        for key, proc in processors.items():
            if key in values and values[key] is not None:
                values[key] = proc(values[key])
        return values

    return convert


def _write(s: Session, rows: _Rows, version: int) -> None:
    # Release the forms of entries being rewritten, so two of them may swap a form.
    for chunk in _chunks([values["id"] for values in rows.updates]):
        s.execute(delete(FORMS).where(FORMS.c.entry_id.in_(chunk)))
    if rows.updates:
        for values in rows.updates:
            values["entry_id"] = values["id"]
        changed = [k for k in rows.updates[0] if k not in ("id", "entry_id")]
        _executemany(s, update(ENTRIES).where(ENTRIES.c.id == bindparam("entry_id")), changed + ["entry_id"],
                     rows.updates)
    postgres = s.get_bind().dialect.name == "postgresql"
    if rows.numbered:
        _executemany(s, insert(ENTRIES), list(rows.numbered[0]), rows.numbered)
        if postgres:
            # Explicit ids do not advance PostgreSQL's sequence; move it past them
            # before any row takes a number from it.
            s.execute(text("SELECT setval(pg_get_serial_sequence('glossary_entries', 'id'), "
                           "(SELECT MAX(id) FROM glossary_entries))"))
    if rows.unnumbered:
        n = len(rows.unnumbered)
        if postgres:  # numbers from the sequence, as other writers take them
            ids = list(s.scalars(text("SELECT nextval(pg_get_serial_sequence('glossary_entries', 'id')) "
                                      "FROM generate_series(1, :n)"), {"n": n}))
        else:  # SQLite: this transaction holds the write lock, so the numbers after the largest are free
            first = int(s.scalar(select(func.max(ENTRIES.c.id))) or 0) + 1
            ids = list(range(first, first + n))
        for values, entry_id in zip(rows.unnumbered, ids, strict=True):
            values["id"] = entry_id
        _executemany(s, insert(ENTRIES), list(rows.unnumbered[0]), rows.unnumbered)
    forms: list[dict[str, Any]] = []
    for values, entry_forms, record in zip(rows.updates + rows.numbered + rows.unnumbered, rows.forms,
                                           rows.history, strict=True):
        for form in entry_forms:
            form["entry_id"] = values["id"]
        forms.extend(entry_forms)
        record["entry_id"] = values["id"]
        record["glossary_version"] = version
    if forms:
        _executemany(s, insert(FORMS), ["entry_id", "lang", "key"], forms)
    _executemany(s, insert(HISTORY), list(rows.history[0]), rows.history)


def _executemany(s: Session, stmt: Any, keys: list[str], rows: list[dict[str, Any]]) -> None:
    """One statement for every row, straight to the driver: the values are already as it takes them."""
    conn = s.connection()
    compiled = stmt.compile(dialect=conn.dialect, column_keys=keys)
    if compiled.positional:
        order = list(compiled.positiontup or [])
        pick = itemgetter(*order) if len(order) > 1 else (lambda row: (row[order[0]],))
        params: list[Any] = [pick(row) for row in rows]
    else:
        params = rows
    conn.exec_driver_sql(compiled.string, params)


def _content_dict(content: EntryContent) -> dict[str, Any]:
    """``content.to_dict()`` without ``dataclasses.asdict``'s deep copies (a tenth of the time, 50,000 times)."""
    return {name: list(getattr(content, name)) if name in LIST_FIELDS else getattr(content, name)
            for name in CONTENT_ORDER}


def _columns(c: Checked) -> dict[str, Any]:
    """An entry's content as column values, as ``tables.apply_content`` sets them on a row."""
    values = _content_dict(c.content)
    values["search_key"] = c.search_key
    return values


def _existing(row: GlossaryEntry) -> Existing:
    return Existing(id=row.id, status=row.status, revision=row.revision, external_id=row.external_id,
                    content=row_content(row))


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]


def _where(rec: RawEntry) -> str:
    if rec.line is not None:
        return f"on line {rec.line}"
    if rec.element is not None:
        return f"in entry #{rec.element}"
    return "earlier"
