"""Searching the glossary while ignoring tones: "hoa" finds hòa, hoà, hóa and họa.

The stored search key (``GlossaryEntry.search_key``) already ignores case, the
Unicode form and where the tone mark sits (hòa = hoà), so the ordinary search is
a LIKE on it. Ignoring the tones themselves cannot be a LIKE, so this search
reads the keys of the entries the other filters leave and compares them folded,
in Python (a glossary holds thousands of entries, not millions; folded keys are
cached by their text).

How far the folding goes follows what the person typed: a query with any
Vietnamese letter mark (â, ơ, ư, đ...) keeps those marks and drops only the five
tones ("tương" finds "tường", not "tuồng"); a query typed without any mark drops
them all ("viet nam" finds "Việt Nam").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from glossary.entries import TermEntry
from glossary.normalize import TONE_MARKS, form_key
from glossary.tables import GlossaryEntry, row_to_entry


@lru_cache(maxsize=65536)
def without_tones(key: str) -> str:
    """A normalised key with the five Vietnamese tone marks removed (other marks stay)."""
    decomposed = unicodedata.normalize("NFD", key)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))


@lru_cache(maxsize=65536)
def without_marks(key: str) -> str:
    """A normalised key with every diacritic removed and đ read as d: text as typed without accents."""
    decomposed = unicodedata.normalize("NFD", key.replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tone_blind_query(query: str) -> tuple[str, bool]:
    """The folded query, and whether keys must lose every mark (True) or only their tones (False)."""
    key = form_key(query)
    bare = without_marks(key)
    toneless = without_tones(key)
    return (bare, True) if bare == toneless else (toneless, False)


def search_ignoring_tones(
    session: Session,
    query: str,
    *,
    status: str | Iterable[str] | None = None,
    domain: str | None = None,
    kind: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[list[TermEntry], int]:
    """One page of the entries (id order) whose forms contain ``query`` with tones ignored, and the total."""
    folded, bare = tone_blind_query(query)
    fold = without_marks if bare else without_tones
    stmt = select(GlossaryEntry.id, GlossaryEntry.search_key, GlossaryEntry.external_id)
    if status is not None:
        stmt = stmt.where(GlossaryEntry.status.in_([status] if isinstance(status, str) else list(status)))
    if domain:
        stmt = stmt.where(GlossaryEntry.domain == domain)
    if kind:
        stmt = stmt.where(GlossaryEntry.kind == kind)
    exact = query.strip()
    ids = [
        entry_id
        for entry_id, key, external_id in session.execute(stmt.order_by(GlossaryEntry.id))
        if (folded and folded in fold(key or "")) or (exact and (external_id == exact or str(entry_id) == exact))
    ]
    page = ids[offset:] if limit is None else ids[offset:offset + limit]
    if not page:
        return [], len(ids)
    rows = session.execute(select(GlossaryEntry).where(GlossaryEntry.id.in_(page))).scalars()
    by_id = {row.id: row_to_entry(row) for row in rows}
    return [by_id[i] for i in page if i in by_id], len(ids)
