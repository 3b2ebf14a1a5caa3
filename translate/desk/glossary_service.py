"""Glossary curation with roles, on top of ``glossary.termbase``.

Translators and editors read, match and propose; admins approve, edit, deprecate,
revert and import.
"""

from __future__ import annotations

from typing import Any

from glossary.entries import CONTENT_FIELDS, DOMAINS, KINDS, MAX_ID, STATUSES
from glossary.errors import GlossaryError, ImportFormatError, InvalidTransitionError, StaleRevisionError
from glossary.import_preview import ImportPreview, PlannedChange, import_as_previewed, preview_import
from glossary.io import FORMATS, detect_format, export_termbase, import_bytes, parse_records
from glossary.search import search_ignoring_tones
from glossary.termbase import Termbase
from translate.desk.database import Database
from translate.desk.documents import check_lang
from translate.desk.rules import (
    ANY_ROLE,
    GLOSSARY_CURATORS,
    GLOSSARY_PAGE_LIMIT,
    GLOSSARY_PROPOSERS,
    SYNC_LIMIT,
    check_characters,
    check_version,
    clean_comment,
    clean_text,
    is_int,
    only_content_fields,
    require,
)
from translate.desk.views import UserView
from translate.errors import InputError

# What an admin may decide about an entry from its page (``GlossaryService.decide``).
DECISIONS = ("approve", "reject", "deprecate")


class GlossaryService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # Each call gets its own Termbase over the session factory: the termbase then owns
    # its transactions (one per change, committed before returning), and the matcher
    # cache it uses is process-wide, so this costs nothing per call.
    def _termbase(self) -> Termbase:
        return Termbase(self.db.sessionmaker)

    def search(self, actor: UserView, *, status: str | None = None, domain: str | None = None,
               kind: str | None = None, query: str | None = None, limit: int = 100,
               offset: int = 0, ignore_tones: bool = False) -> dict:
        """One page of entries with the total and the version, read together so they agree.

        Unknown filter values are refused rather than silently matching nothing,
        so a typo in a script does not look like an empty glossary. With
        ``ignore_tones`` the query "hoa" also finds hòa, hoà and hóa
        (``glossary.search``); otherwise tones count, wherever the mark sits.
        """
        require(actor, ANY_ROLE, "read the glossary")
        for value, allowed, what in ((status, STATUSES, "status"), (domain, DOMAINS, "domain"),
                                     (kind, KINDS, "kind")):
            if value is not None and value not in allowed:
                raise InputError(f"unknown {what} {value!r}; one of: {', '.join(allowed)}")
        if not is_int(limit) or not 1 <= limit <= GLOSSARY_PAGE_LIMIT:
            raise InputError(f"limit must be between 1 and {GLOSSARY_PAGE_LIMIT}")
        if not is_int(offset) or not 0 <= offset <= MAX_ID:
            raise InputError(f"offset must be between 0 and {MAX_ID:,}")
        if query is not None:
            query = clean_text(query, "query", 400, required=False) or None
        tb = self._termbase()
        with tb.transaction():
            if ignore_tones and query:
                with tb.session() as s:
                    entries, total = search_ignoring_tones(s, query, status=status, domain=domain, kind=kind,
                                                           limit=limit, offset=offset)
            else:
                entries = tb.list(status=status, domain=domain, kind=kind, query=query, limit=limit,
                                  offset=offset)
                total = tb.count(status=status, domain=domain, kind=kind, query=query)
            version = tb.version
        return {"entries": [e.to_dict() for e in entries], "total": total, "version": version,
                "limit": limit, "offset": offset}

    def get(self, actor: UserView, entry_id: int) -> dict:
        """An entry with every revision, so a curator can see who changed what before reverting."""
        require(actor, ANY_ROLE, "read the glossary")
        tb = self._termbase()
        with tb.transaction():
            entry = tb.get(entry_id)
            history = tb.history(entry_id)
        return {"entry": entry.to_dict(), "history": [h.to_dict() for h in history]}

    def propose(self, actor: UserView, **fields: Any) -> dict:
        """A suggestion that matching ignores until an admin approves it; it still reserves its forms."""
        require(actor, GLOSSARY_PROPOSERS, "propose glossary terms")
        only_content_fields(fields)
        return self._termbase().propose(user=actor.name, **fields).to_dict()

    def update(self, actor: UserView, entry_id: int, *, expected_revision: int, comment: str = "",
                        **changes: Any) -> dict:
        """Edit an entry as the admin last saw it: a newer revision is a conflict, never overwritten."""
        require(actor, GLOSSARY_CURATORS, "edit the glossary")
        check_version(expected_revision, "revision")
        only_content_fields(changes)
        if not changes:
            raise InputError(f"nothing to change; send any of: {', '.join(CONTENT_FIELDS)}")
        entry = self._termbase().update(entry_id, user=actor.name, expected_revision=expected_revision,
                                        comment=clean_comment(comment), **changes)
        return entry.to_dict()

    def approve(self, actor: UserView, entry_id: int, comment: str = "") -> dict:
        require(actor, GLOSSARY_CURATORS, "approve glossary terms")
        entry = self._termbase().approve(entry_id, user=actor.name,
                                         comment=clean_comment(comment))
        return entry.to_dict()

    def deprecate(self, actor: UserView, entry_id: int, comment: str = "") -> dict:
        require(actor, GLOSSARY_CURATORS, "deprecate glossary terms")
        entry = self._termbase().deprecate(entry_id, user=actor.name,
                                           comment=clean_comment(comment))
        return entry.to_dict()

    def revert(self, actor: UserView, entry_id: int, revision: int, comment: str = "") -> dict:
        require(actor, GLOSSARY_CURATORS, "revert glossary terms")
        if not is_int(revision):
            raise InputError("revision must be an integer")
        entry = self._termbase().revert(entry_id, revision, user=actor.name,
                                        comment=clean_comment(comment))
        return entry.to_dict()

    def import_file(self, actor: UserView, *, filename: str, data: bytes, status: str = "approved",
                        fmt: str | None = None) -> dict:
        """Import a CSV or TBX file whole or not at all; a refusal lists every located problem."""
        require(actor, GLOSSARY_CURATORS, "import glossary files")
        check_characters(filename or "", "the file name")
        if fmt is None:
            try:
                fmt = detect_format(filename or "")
            except GlossaryError:
                raise InputError(f"cannot tell from the name {filename!r} whether the file is CSV or TBX; "
                                 f"name it .csv or .tbx, or give the format") from None
        if fmt not in FORMATS:
            raise InputError(f"unknown glossary format {fmt!r}; one of: {', '.join(FORMATS)}")
        if status not in STATUSES:
            raise InputError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
        report = import_bytes(self._termbase(), data, fmt, user=actor.name, status=status,
                              source=filename or f"upload.{fmt}")
        return {"created": report.created, "updated": report.updated, "unchanged": report.unchanged,
                "total": report.total, "version": report.version}

    def export(self, actor: UserView, fmt: str) -> bytes:
        """The approved entries as a file. Any signed-in role: it shows no more than the list does."""
        require(actor, ANY_ROLE, "export the glossary")
        if fmt not in FORMATS:
            raise InputError(f"unknown glossary format {fmt!r}; one of: {', '.join(FORMATS)}")
        return export_termbase(self._termbase(), fmt)

    def match(self, actor: UserView, src: str, tgt: str, text: str) -> list[dict]:
        """Approved terms in ``text`` with offsets into the text as sent, for highlighting."""
        require(actor, ANY_ROLE, "match glossary terms")
        src, tgt = check_lang(src, "src"), check_lang(tgt, "tgt")
        if src == tgt:
            raise InputError(f"src and tgt are both {src!r}; the glossary pairs vi with en")
        if not isinstance(text, str):
            raise InputError("text must be a string")
        check_characters(text, "text")
        if len(text) > SYNC_LIMIT:
            raise InputError(f"text is {len(text):,} characters; the limit is {SYNC_LIMIT:,}")
        return [m.to_dict() for m in self._termbase().matcher(src, tgt).find(text)]

    # --- for the review UI: creating, deciding, importing in two steps ---------------------------

    def create(self, actor: UserView, **fields: Any) -> dict:
        """An entry an admin writes directly: approved at once, so matching holds it from now on."""
        require(actor, GLOSSARY_CURATORS, "add glossary entries")
        only_content_fields(fields)
        return self._termbase().add(user=actor.name, status="approved", **fields).to_dict()

    def decide(self, actor: UserView, entry_id: int, decision: str, *, expected_revision: int,
               comment: str = "") -> dict:
        """Approve, reject or deprecate the entry as the admin saw it (``expected_revision``).

        A proposal edited since it was read is a conflict rather than approved
        unseen. Rejecting is for proposals only, needs a reason, and deprecates the
        proposal (it stops reserving its forms) with that reason in its history.
        """
        if decision not in DECISIONS:
            raise InputError(f"unknown decision {decision!r}; one of: {', '.join(DECISIONS)}")
        require(actor, GLOSSARY_CURATORS, f"{decision} glossary terms")
        check_version(expected_revision, "revision")
        comment = clean_comment(comment)
        if decision == "reject" and not comment:
            raise InputError("say why the proposal is rejected: the comment is required")
        tb = self._termbase()
        with tb.transaction():
            entry = tb.get(entry_id)
            if entry.revision != expected_revision:
                raise StaleRevisionError(f"entry {entry_id} is at revision {entry.revision}, not "
                                         f"{expected_revision}: it changed since you loaded it")
            if decision == "reject" and entry.status != "proposed":
                raise InvalidTransitionError(f"entry {entry_id} is {entry.status}; only a proposal can be rejected")
            if decision == "approve":
                entry = tb.approve(entry_id, user=actor.name, comment=comment)
            else:
                entry = tb.deprecate(entry_id, user=actor.name, comment=comment)
        return entry.to_dict()

    def preview_import(self, actor: UserView, *, filename: str, data: bytes, status: str = "approved",
                       fmt: str | None = None) -> dict:
        """A dry run of ``import_file``: what would be created, changed, left alone, and every problem.

        Nothing is written. ``version`` is the glossary version the preview was
        made against; ``commit_import`` with it imports exactly what was shown.
        """
        require(actor, GLOSSARY_CURATORS, "import glossary files")
        fmt, source = self._import_arguments(filename, fmt, status)
        try:
            records = parse_records(data, fmt, source)
        except ImportFormatError as exc:
            preview = ImportPreview(version=self._termbase().version, records=0, problems=tuple(exc.problems))
        else:
            preview = preview_import(self._termbase(), records, source=source)

        def change(c: PlannedChange) -> dict:
            return {"line": c.line, "element": c.element, "external_id": c.external_id, "entry_id": c.entry_id,
                    "entry": c.content.to_dict(), "before": c.before.to_dict() if c.before else None,
                    "changed": list(c.changed_fields)}

        return {"version": preview.version, "format": fmt, "status": status, "filename": source,
                "records": preview.records, "ok": preview.ok, "unchanged": preview.unchanged,
                "creates": [change(c) for c in preview.creates], "updates": [change(c) for c in preview.updates],
                "problems": [{"line": p.line, "element": p.element, "message": p.message} for p in preview.problems]}

    def commit_import(self, actor: UserView, *, filename: str, data: bytes, expected_version: int,
                      status: str = "approved", fmt: str | None = None) -> dict:
        """Import a previewed file, whole, only while the glossary is still at the preview's version.

        Raises ``PreviewOutdatedError`` (nothing written) when anything changed
        since the preview, so what is written is exactly what the curator saw.
        """
        require(actor, GLOSSARY_CURATORS, "import glossary files")
        check_version(expected_version, "version")
        fmt, source = self._import_arguments(filename, fmt, status)
        records = parse_records(data, fmt, source)
        report = import_as_previewed(self._termbase(), records, version=expected_version, user=actor.name,
                                     status=status, source=source)
        return {"created": report.created, "updated": report.updated, "unchanged": report.unchanged,
                "total": report.total, "version": report.version}

    @staticmethod
    def _import_arguments(filename: str, fmt: str | None, status: str) -> tuple[str, str]:
        """The format (from the name unless given) and the name to report problems under."""
        if not isinstance(filename, str):
            raise InputError("the file name must be text")
        check_characters(filename, "the file name")
        if fmt is None:
            try:
                fmt = detect_format(filename)
            except GlossaryError:
                raise InputError(f"cannot tell from the name {filename!r} whether the file is CSV or TBX; "
                                 f"name it .csv or .tbx, or give the format") from None
        if fmt not in FORMATS:
            raise InputError(f"unknown glossary format {fmt!r}; one of: {', '.join(FORMATS)}")
        if status not in STATUSES:
            raise InputError(f"unknown status {status!r}; one of: {', '.join(STATUSES)}")
        return fmt, filename or f"upload.{fmt}"
