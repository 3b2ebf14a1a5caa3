"""Importing a file in two steps a curator can see: a dry run that writes nothing, then exactly that import.

The dry run (:func:`preview_import`) validates and plans the file as
:mod:`glossary.bulk_import` would and reports, record by record, what would be
created, what would change (field by field) and every problem with its line --
without opening a write transaction. The commit (:func:`import_as_previewed`)
plans the same bytes again and writes only if the glossary is still at the
version the preview was made against: every change moves the version, so an
unmoved version means the plan is the one the curator read. A moved one raises
:class:`PreviewOutdatedError` and nothing is written; the caller shows a fresh
preview.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from glossary.bulk_import import ImportReport, plan_import, validate_records, write_plan
from glossary.entries import EntryContent, RawEntry
from glossary.errors import ImportFormatError, ImportProblem, StaleRevisionError
from glossary.termbase import Termbase, check_status, check_user


class PreviewOutdatedError(StaleRevisionError):
    """The glossary changed after the preview was made; nothing was imported."""


@dataclass(frozen=True)
class PlannedChange:
    """One record of the file and what importing it would do to the glossary."""

    content: EntryContent
    external_id: str | None
    line: int | None = None
    element: int | None = None
    entry_id: int | None = None  # the entry it updates; None for a new entry
    before: EntryContent | None = None  # that entry's content now

    @property
    def changed_fields(self) -> tuple[str, ...]:
        if self.before is None:
            return ()
        return tuple(f.name for f in fields(EntryContent)
                     if getattr(self.before, f.name) != getattr(self.content, f.name))


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, decided against glossary ``version``; nothing was written."""

    version: int
    records: int
    creates: tuple[PlannedChange, ...] = ()
    updates: tuple[PlannedChange, ...] = ()
    unchanged: int = 0
    problems: tuple[ImportProblem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the file would be imported; one problem refuses all of it."""
        return not self.problems


def _no_entries(source: str) -> ImportFormatError:
    return ImportFormatError([ImportProblem("the file holds no entries")], source=source)


def preview_import(termbase: Termbase, records: Sequence[RawEntry], *, source: str = "") -> ImportPreview:
    """A dry run of :func:`glossary.bulk_import.import_entries`: the plan or every problem, nothing written."""
    version = termbase.version
    if not records:
        return ImportPreview(version=version, records=0, problems=tuple(_no_entries(source).problems))
    valid, problems = validate_records(records)
    try:
        plan = plan_import(termbase, valid, problems, source=source)
    except ImportFormatError as exc:
        return ImportPreview(version=version, records=len(records), problems=tuple(exc.problems))
    creates = [PlannedChange(c.content, c.external_id, c.rec.line, c.rec.element) for c, _number in plan.creates]
    updates = [PlannedChange(c.content, existing.external_id, c.rec.line, c.rec.element, existing.id,
                             existing.content)
               for existing, c in plan.updates]
    return ImportPreview(version=plan.version, records=len(records), creates=tuple(creates),
                         updates=tuple(updates), unchanged=plan.unchanged)


def import_as_previewed(
    termbase: Termbase, records: Sequence[RawEntry], *, version: int, user: str, status: str = "approved",
    source: str = "",
) -> ImportReport:
    """Import the file whole, but only while the glossary is at ``version`` (the preview's); else nothing."""
    user = check_user(user)
    check_status(status)
    if not records:
        raise _no_entries(source)
    valid, problems = validate_records(records)
    plan = plan_import(termbase, valid, problems, source=source)
    outdated = PreviewOutdatedError(
        f"the glossary changed since the preview (version {version}, now newer); nothing was imported: "
        "check the new preview and import again"
    )
    if plan.version != version:
        raise outdated
    if plan.empty:
        return ImportReport(created=0, updated=0, unchanged=plan.unchanged, version=plan.version)
    report = write_plan(termbase, plan, user=user, status=status, source=source)
    if report is None:
        raise outdated
    return report
