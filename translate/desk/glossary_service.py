"""Glossary curation with roles, on top of ``glossary.termbase``.

Translators and editors read, match and propose; admins approve, edit, deprecate,
revert and import.
"""

from __future__ import annotations

from typing import Any

from glossary.entries import CONTENT_FIELDS, DOMAINS, KINDS, STATUSES
from glossary.errors import GlossaryError
from glossary.io import FORMATS, detect_format, export_termbase, import_bytes
from glossary.termbase import Termbase
from translate.desk.database import Database
from translate.desk.documents import check_lang
from translate.desk.rules import (
    ANY_ROLE,
    GLOSSARY_CURATORS,
    GLOSSARY_PAGE_LIMIT,
    GLOSSARY_PROPOSERS,
    SYNC_LIMIT,
    clean_comment,
    clean_text,
    is_int,
    only_content_fields,
    require,
)
from translate.desk.views import UserView
from translate.errors import InputError


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
               offset: int = 0) -> dict:
        """One page of entries with the total and the version, read together so they agree.

        Unknown filter values are refused rather than silently matching nothing,
        so a typo in a script does not look like an empty glossary.
        """
        require(actor, ANY_ROLE, "read the glossary")
        for value, allowed, what in ((status, STATUSES, "status"), (domain, DOMAINS, "domain"),
                                     (kind, KINDS, "kind")):
            if value is not None and value not in allowed:
                raise InputError(f"unknown {what} {value!r}; one of: {', '.join(allowed)}")
        if not is_int(limit) or not 1 <= limit <= GLOSSARY_PAGE_LIMIT:
            raise InputError(f"limit must be between 1 and {GLOSSARY_PAGE_LIMIT}")
        if not is_int(offset) or offset < 0:
            raise InputError("offset must be 0 or more")
        if query is not None:
            query = clean_text(query, "query", 400, required=False) or None
        tb = self._termbase()
        with tb.transaction():
            entries = tb.list(status=status, domain=domain, kind=kind, query=query, limit=limit, offset=offset)
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
        if not is_int(expected_revision):
            raise InputError("revision must be an integer (the revision you loaded)")
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
        if len(text) > SYNC_LIMIT:
            raise InputError(f"text is {len(text):,} characters; the limit is {SYNC_LIMIT:,}")
        return [m.to_dict() for m in self._termbase().matcher(src, tgt).find(text)]
