"""``desk.memory``: the translation memory as a whole -- concordance search across it and its size.

The workspace searches the memory for one article's language pair; the memory
page searches it in either direction, and shows how large it is and where its
units came from, beside TMX export and import (``desk.exchange``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from translate.desk.database import Database
from translate.desk.memory import TMUnit
from translate.desk.memory.concordance import concordance
from translate.desk.rules import ANY_ROLE, require
from translate.desk.views import UserView

PAIRS = (("vi", "en"), ("en", "vi"))


@dataclass(frozen=True)
class MemoryStats:
    total: int
    by_pair: dict[str, int]  # "vi-en" -> units
    by_origin: dict[str, int]  # "confirmed" | "import" -> units
    newest: str | None  # ISO time of the last change, None when empty


class MemoryService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def search(self, actor: UserView, phrase: str, src: str = "vi", tgt: str = "en", limit: int = 50) -> list[dict]:
        """Units whose source or target holds ``phrase`` (tone- and case-blind), exact first, then close ones."""
        require(actor, ANY_ROLE, "search the translation memory")
        with self.db.session() as s:
            return concordance(s, src, tgt, phrase, limit=limit)

    def stats(self, actor: UserView) -> MemoryStats:
        require(actor, ANY_ROLE, "read the translation memory")
        with self.db.session() as s:
            pairs = {f"{a}-{b}": n for a, b, n in s.execute(
                select(TMUnit.src_lang, TMUnit.tgt_lang, func.count()).group_by(TMUnit.src_lang, TMUnit.tgt_lang))}
            origins = dict(s.execute(select(TMUnit.origin, func.count()).group_by(TMUnit.origin)).all())
            newest = s.scalar(select(func.max(TMUnit.updated_at)))
        for a, b in PAIRS:
            pairs.setdefault(f"{a}-{b}", 0)
        return MemoryStats(total=sum(pairs.values()), by_pair=pairs, by_origin=origins,
                           newest=newest.isoformat(timespec="seconds") if newest else None)
