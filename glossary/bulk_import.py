"""Bulk import: a whole glossary file validated first, then written in one transaction, or nothing.

Every problem is collected with its line or element so the user can fix the
file in one go.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from glossary.entries import LANGS, EntryContent, RawEntry, clean_content, clean_external_id, source_keys
from glossary.errors import GlossaryError, ImportFormatError, ImportProblem
from glossary.normalize import form_key
from glossary.tables import GlossaryEntry, GlossaryEntryForm, row_content
from glossary.termbase import Termbase, check_status, check_user


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    version: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def import_entries(
    termbase: Termbase, records: Sequence[RawEntry], *, user: str, status: str = "approved", source: str = ""
) -> ImportReport:
    """Validate every record first, then write them all in one transaction, or nothing.

    Records whose ``external_id`` (or, without one, whose vi and en terms)
    match an existing entry update it; identical ones are left alone. New
    entries get ``status``; updated ones keep theirs. Every problem is
    collected with its line/element so the user can fix the file in one go.
    """
    user = check_user(user)
    check_status(status)
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

    with termbase.session() as s:
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
                target = _same_terms(s, content, db_forms)
            if target is not None and row_content(target) == content:
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
                row = termbase.create_row(
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
                termbase.change_row(
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
        version = termbase.version_in(s)
        return ImportReport(created=created, updated=updated, unchanged=unchanged, version=version)


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
