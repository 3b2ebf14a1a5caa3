"""Concordance: where has a phrase been translated before, and how?

Unlike :func:`translate.desk.memory.lookup`, which scores whole sentences, this
looks for a phrase inside the memory's sources and targets, so a translator can
see how "làng nghề" was rendered in earlier articles. Matching is on the
normalised key (case, tone-mark placement, NFC and tags do not matter); when
too few units contain the phrase itself, units containing a close variant of it
(``partial_ratio`` over candidates that share its longest word) fill the list.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from translate.desk.documents import check_lang
from translate.desk.memory import TMUnit, tm_key
from translate.errors import InputError

MIN_PHRASE = 2
MAX_PHRASE = 200
FUZZY_MIN_PCT = 85.0
FUZZY_CANDIDATES = 2000


def _like(fragment: str) -> str:
    escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _hit(unit: TMUnit, side: str, pct: float) -> dict:
    return {"id": unit.id, "source": unit.source, "source_html": unit.source_html, "target": unit.target,
            "side": side, "match_pct": pct, "origin": unit.origin, "document_id": unit.document_id,
            "created_at": unit.updated_at.isoformat(timespec="seconds")}


def concordance(session: Session, src: str, tgt: str, phrase: str, *, limit: int = 20) -> list[dict]:
    """Units whose source or target holds ``phrase``: exact containment first (newest first), then near ones."""
    src, tgt = check_lang(src, "src"), check_lang(tgt, "tgt")
    if not isinstance(phrase, str):
        raise InputError("the search phrase must be text")
    key = tm_key(phrase)
    if len(key) < MIN_PHRASE:
        raise InputError(f"type at least {MIN_PHRASE} characters to search the memory")
    if len(key) > MAX_PHRASE:
        raise InputError(f"the search phrase is too long ({len(key)} characters, limit {MAX_PHRASE})")
    if not 1 <= limit <= 100:
        raise InputError("limit must be between 1 and 100")
    pair = (TMUnit.src_lang == src, TMUnit.tgt_lang == tgt)
    words = sorted(key.split(), key=len, reverse=True)
    # The database narrows by the longest word (ILIKE: case-blind on both SQLite and PostgreSQL);
    # the normalised key then decides, so accents and tone placement are compared properly.
    probe = _like(words[0])
    rows = session.scalars(
        select(TMUnit).where(*pair, or_(TMUnit.key.ilike(probe), TMUnit.target.ilike(probe)))
        .order_by(TMUnit.updated_at.desc(), TMUnit.id.desc()).limit(FUZZY_CANDIDATES)
    ).all()
    exact: list[dict] = []
    near: list[tuple[float, dict]] = []
    for unit in rows:
        target_key = tm_key(unit.target)
        if key in unit.key:
            exact.append(_hit(unit, "source", 100.0))
        elif key in target_key:
            exact.append(_hit(unit, "target", 100.0))
        elif len(key) >= 4:
            score_src = fuzz.partial_ratio(key, unit.key)
            score_tgt = fuzz.partial_ratio(key, target_key)
            best = max(score_src, score_tgt)
            if best >= FUZZY_MIN_PCT:
                side = "source" if score_src >= score_tgt else "target"
                near.append((best, _hit(unit, side, min(round(best, 1), 99.9))))
        if len(exact) >= limit:
            break
    near.sort(key=lambda item: item[0], reverse=True)  # stable: newest first among equal scores
    return (exact + [hit for _score, hit in near])[:limit]
