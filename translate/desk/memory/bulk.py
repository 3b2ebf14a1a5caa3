"""The whole memory in and out at once (TMX exchange): every unit with its dates, author and origin.

An import is one transaction: the caller validated every record first, and a
record already in the memory (same languages, source and target) or twice in
the file is merged into the one unit rather than stored again.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from translate.desk.accounts import User
from translate.desk.memory import TMUnit, key_hash, tm_key
from translate.desk.rules import plain

ORIGINS = ("confirmed", "import")


@dataclass(frozen=True)
class TMRecord:
    src_lang: str
    tgt_lang: str
    source_html: str  # with inline tags
    target: str  # with inline tags
    origin: str
    creator: str | None  # the user's name
    created_at: datetime
    updated_at: datetime

    @property
    def source(self) -> str:
        return plain(self.source_html)

    def identity(self) -> tuple[str, str, str, str]:
        """What makes two units the same translation: languages, source text and target."""
        return (self.src_lang, self.tgt_lang, _nfc(self.source), self.target.strip())


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def all_records(session: Session) -> list[TMRecord]:
    """Every unit, oldest first (import order), with its author's name."""
    rows = session.execute(select(TMUnit, User.name).outerjoin(User, User.id == TMUnit.created_by)
                           .order_by(TMUnit.id))
    return [TMRecord(src_lang=u.src_lang, tgt_lang=u.tgt_lang, source_html=u.source_html or u.source,
                     target=u.target, origin=u.origin if u.origin in ORIGINS else "import", creator=name,
                     created_at=u.created_at, updated_at=u.updated_at) for u, name in rows]


def merge_records(session: Session, records: list[TMRecord]) -> dict:
    """Store ``records`` not already present; returns {"added", "merged"}. Flushes, never commits.

    An author unknown here is dropped (the unit keeps no creator) rather than invented.
    """
    existing = {(s, t, _nfc(src), (tgt or "").strip())
                for s, t, src, tgt in session.execute(select(TMUnit.src_lang, TMUnit.tgt_lang, TMUnit.source,
                                                             TMUnit.target))}
    names = {r.creator for r in records if r.creator}
    users = dict(session.execute(select(User.name, User.id).where(User.name.in_(names))).all()) if names else {}
    added = merged = 0
    for r in records:
        ident = r.identity()
        if ident in existing:
            merged += 1
            continue
        existing.add(ident)
        key = tm_key(r.source)
        session.add(TMUnit(src_lang=r.src_lang, tgt_lang=r.tgt_lang, source=ident[2], source_html=_nfc(r.source_html),
                           target=ident[3], key=key, key_hash=key_hash(key),
                           origin=r.origin if r.origin in ORIGINS else "import",
                           created_by=users.get(r.creator) if r.creator else None,
                           created_at=r.created_at, updated_at=r.updated_at))
        added += 1
    session.flush()
    return {"added": added, "merged": merged}
