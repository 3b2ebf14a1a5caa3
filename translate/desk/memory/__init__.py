"""Translation memory: every confirmed (or imported) translation, looked up exact then fuzzy.

Keys are normalised the way the glossary normalises terms (NFC, tone-mark
placement, case), so "hoà" and "hòa" meet. Fuzzy lookup must stay fast at
100,000 units, so it does not scan: an in-process word index per language pair
picks a few hundred candidates that share the query's rarer words and lie in a
plausible length range, and only those are scored with rapidfuzz. The index is
refreshed incrementally from the table (units are append-only; only targets
change), and every hit is re-read from the database, so what a caller gets is
always current even when another process wrote it.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from rapidfuzz import fuzz, process
from sqlalchemy import DateTime, Float, ForeignKey, Index, Integer, String, Text, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from glossary.db import Base
from glossary.normalize import form_key
from translate.desk.documents import check_lang, utcnow
from translate.errors import InputError

DEFAULT_MIN_PCT = 70.0
CANDIDATES = 400  # scored per fuzzy lookup, after the word prefilter
_WORD = re.compile(r"\w+", re.UNICODE)
_TAGS = re.compile(r"<[^>]+>")


class TMUnit(Base):
    """One source sentence and its translation, with where and whom it came from."""

    __tablename__ = "tm_units"
    __table_args__ = (
        Index("ix_tm_units_pair_key_hash", "src_lang", "tgt_lang", "key_hash"),
        Index("ix_tm_units_pair_id", "src_lang", "tgt_lang", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    src_lang: Mapped[str] = mapped_column(String(2))
    tgt_lang: Mapped[str] = mapped_column(String(2))
    source: Mapped[str] = mapped_column(Text)  # plain text
    source_html: Mapped[str] = mapped_column(Text)  # with inline tags, as segmented
    target: Mapped[str] = mapped_column(Text)  # with inline tags
    key: Mapped[str] = mapped_column(Text)
    # Indexed instead of the key itself: PostgreSQL btree rows are capped at ~2.7 kB.
    key_hash: Mapped[str] = mapped_column(String(40))
    origin: Mapped[str] = mapped_column(String(12), default="confirmed")  # confirmed | import
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"), nullable=True)
    segment_id: Mapped[int | None] = mapped_column(
        ForeignKey("segments.id", ondelete="SET NULL"), nullable=True, unique=True
    )
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)  # reserved for QE


def tm_key(text: str) -> str:
    """The normalised lookup key: glossary normalisation plus collapsed whitespace, tags removed."""
    plain = _TAGS.sub("", text or "")
    return " ".join(form_key(plain).split())


def _hash(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def key_hash(key: str) -> str:
    """The indexed hash of a :func:`tm_key`, for code that writes units in bulk."""
    return _hash(key)


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


@dataclass(frozen=True)
class Match:
    unit_id: int
    source: str
    source_html: str
    target: str
    pct: float
    exact: bool
    origin: str
    document_id: int | None
    created_by: int | None
    created_at: str

    def to_dict(self) -> dict:
        return {
            "id": self.unit_id,
            "source": self.source,
            "source_html": self.source_html,
            "target": self.target,
            "match_pct": self.pct,
            "exact": self.exact,
            "origin": self.origin,
            "document_id": self.document_id,
            "created_by": self.created_by,
            "created_at": self.created_at,
        }


def add_unit(
    session: Session,
    *,
    src: str,
    tgt: str,
    source: str,
    target: str,
    source_html: str | None = None,
    origin: str = "confirmed",
    document_id: int | None = None,
    segment_id: int | None = None,
    user_id: int | None = None,
) -> TMUnit:
    """Store a translation. A segment keeps one unit: confirming it again updates the target."""
    src, tgt = check_lang(src, "src"), check_lang(tgt, "tgt")
    if src == tgt:
        raise InputError("source and target language must differ")
    source, target = _nfc(source), (target or "").strip()
    if not source or not target:
        raise InputError("a memory unit needs both a source and a target")
    if segment_id is not None:
        existing = session.scalar(select(TMUnit).where(TMUnit.segment_id == segment_id))
        if existing is not None:
            existing.target = target
            existing.created_by = user_id
            existing.updated_at = utcnow()
            return existing
    unit = TMUnit(
        src_lang=src,
        tgt_lang=tgt,
        source=source,
        source_html=_nfc(source_html) if source_html else source,
        target=target,
        key=(key := tm_key(source)),
        key_hash=_hash(key),
        origin=origin,
        document_id=document_id,
        segment_id=segment_id,
        created_by=user_id,
    )
    session.add(unit)
    session.flush()
    return unit


def import_pairs(session: Session, pairs: list[tuple[str, str]], src: str, tgt: str,
                 user_id: int | None = None) -> int:
    """Load an existing bilingual corpus (e.g. published articles) into the memory."""
    n = 0
    for i, pair in enumerate(pairs, 1):
        if len(pair) != 2:
            raise InputError(f"pair {i} must be (source, target), got {len(pair)} values")
        s, t = pair
        if not (s or "").strip() or not (t or "").strip():
            continue
        add_unit(session, src=src, tgt=tgt, source=s, target=t, origin="import", user_id=user_id)
        n += 1
    return n


# --- the in-process fuzzy index ---------------------------------------------------------------


@dataclass
class _PairIndex:
    last_id: int = 0
    ids: list[int] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    lens: list[int] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)  # word -> positions in ids/keys
    arrays: dict[str, np.ndarray] = field(default_factory=dict)  # frozen postings, rebuilt lazily
    lens_array: np.ndarray | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, unit_id: int, key: str) -> None:
        pos = len(self.ids)
        self.ids.append(unit_id)
        self.keys.append(key)
        self.lens.append(len(key))
        self.lens_array = None
        for w in set(_WORD.findall(key)):
            self.postings.setdefault(w, []).append(pos)
            self.arrays.pop(w, None)
        self.last_id = max(self.last_id, unit_id)

    def posting(self, word: str) -> np.ndarray | None:
        arr = self.arrays.get(word)
        if arr is None:
            lst = self.postings.get(word)
            if lst is None:
                return None
            arr = self.arrays[word] = np.asarray(lst, dtype=np.int64)
        return arr

    def candidates(self, key: str, min_pct: float, limit: int = CANDIDATES) -> list[int]:
        """Positions of units sharing the most query words, within the length range min_pct allows."""
        n = len(self.ids)
        if n == 0:
            return []
        words = set(_WORD.findall(key))
        arrays = [a for a in (self.posting(w) for w in words) if a is not None]
        if not arrays:
            return []
        # Words in a fifth of all units say little and cost most: skip them while rarer ones remain.
        rare = [a for a in arrays if a.size <= max(50, n // 5)]
        if len(rare) >= 2:
            arrays = rare
        counts = np.bincount(np.concatenate(arrays), minlength=n)
        if self.lens_array is None:
            self.lens_array = np.asarray(self.lens, dtype=np.int64)
        lens = self.lens_array
        # fuzz.ratio <= 200*min(a,b)/(a+b): anything outside this length band cannot reach min_pct.
        q = len(key)
        c = max(min_pct, 1.0)
        lo, hi = q * c / (200 - c), q * (200 - c) / c
        counts[(lens < lo) | (lens > hi)] = 0
        hit = np.flatnonzero(counts)
        if hit.size > limit:
            hit = hit[np.argpartition(-counts[hit], limit - 1)[:limit]]
        return hit.tolist()


_indexes: dict[tuple[str, str, str], _PairIndex] = {}
_indexes_lock = threading.Lock()


def _index_for(session: Session, src: str, tgt: str) -> _PairIndex:
    bind = session.get_bind()
    ident = (bind.url.render_as_string(hide_password=True), src, tgt)
    with _indexes_lock:
        idx = _indexes.get(ident)
        if idx is None:
            idx = _indexes[ident] = _PairIndex()
    with idx.lock:
        rows = session.execute(
            select(TMUnit.id, TMUnit.key)
            .where(TMUnit.src_lang == src, TMUnit.tgt_lang == tgt, TMUnit.id > idx.last_id)
            .order_by(TMUnit.id)
        ).all()
        for unit_id, key in rows:
            idx.add(unit_id, key)
    return idx


def forget_indexes() -> None:
    """Drop cached indexes (tests that recreate a database at the same URL)."""
    with _indexes_lock:
        _indexes.clear()


def lookup(session: Session, src: str, tgt: str, text: str, *, limit: int = 5,
           min_pct: float = DEFAULT_MIN_PCT, source_html: str | None = None) -> list[Match]:
    """Best matches first. 100 means the same sentence, inline tags included, and is safe to reuse.

    A match that differs only in case, tone-mark placement or inline tags is
    scored 99: close enough to show first, not close enough to publish unseen.
    """
    src, tgt = check_lang(src, "src"), check_lang(tgt, "tgt")
    if not isinstance(text, str) or not text.strip():
        raise InputError("lookup text is empty")
    if not 1 <= limit <= 50:
        raise InputError("limit must be between 1 and 50")
    key = tm_key(text)
    plain = _nfc(_TAGS.sub("", text))
    html = _nfc(source_html) if source_html is not None else _nfc(text)
    scored: dict[int, tuple[float, bool]] = {}

    exact_units = session.scalars(
        select(TMUnit).where(TMUnit.src_lang == src, TMUnit.tgt_lang == tgt,
               TMUnit.key_hash == _hash(key), TMUnit.key == key)
        .order_by(TMUnit.updated_at.desc(), TMUnit.id.desc())
    ).all()
    units: dict[int, TMUnit] = {}
    for u in exact_units:
        same = u.source == plain and u.source_html == html
        scored[u.id] = (100.0 if same else 99.0, same)
        units[u.id] = u

    if len(scored) < limit and key:
        idx = _index_for(session, src, tgt)
        with idx.lock:
            positions = idx.candidates(key, min_pct)
            choices = {idx.ids[p]: idx.keys[p] for p in positions}
        for _choice, score, unit_id in process.extract(
            key, choices, scorer=fuzz.ratio, score_cutoff=min_pct, limit=limit + len(scored)
        ):
            if unit_id in scored:
                continue
            scored[unit_id] = (min(round(score, 1), 98.9), False)
        missing = [i for i in scored if i not in units]
        if missing:
            for u in session.scalars(select(TMUnit).where(TMUnit.id.in_(missing))):
                units[u.id] = u

    out = [
        Match(
            unit_id=u.id, source=u.source, source_html=u.source_html, target=u.target, pct=pct, exact=exact,
            origin=u.origin, document_id=u.document_id, created_by=u.created_by,
            created_at=u.updated_at.isoformat(timespec="seconds"),
        )
        for unit_id, (pct, exact) in scored.items()
        if (u := units.get(unit_id)) is not None  # a unit deleted since indexing is dropped
    ]
    # Best first; among equal scores the most recent translation first (sorts are stable).
    out.sort(key=lambda m: m.created_at, reverse=True)
    out.sort(key=lambda m: m.pct, reverse=True)
    return out[:limit]


def best_exact(session: Session, src: str, tgt: str, text: str, source_html: str) -> Match | None:
    """A 100% match to reuse without MT, or None."""
    plain, html = _nfc(_TAGS.sub("", text)), _nfc(source_html)
    unit = session.scalar(
        select(TMUnit)
        .where(TMUnit.src_lang == src, TMUnit.tgt_lang == tgt, TMUnit.key_hash == _hash(tm_key(text)),
               TMUnit.source == plain, TMUnit.source_html == html)
        .order_by(TMUnit.updated_at.desc(), TMUnit.id.desc())
        .limit(1)
    )
    if unit is None:
        return None
    return Match(unit_id=unit.id, source=unit.source, source_html=unit.source_html, target=unit.target,
                 pct=100.0, exact=True, origin=unit.origin, document_id=unit.document_id,
                 created_by=unit.created_by, created_at=unit.updated_at.isoformat(timespec="seconds"))


def tm_benchmark(quick: bool = False) -> dict:
    """p50/p95 lookup time at 1k/10k/100k units (see :mod:`translate.desk.memory.bench`)."""
    from translate.desk.memory.bench import tm_benchmark as run

    return run(quick=quick)
