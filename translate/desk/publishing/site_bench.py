"""Approved pairs without machine translation, and the site benchmark (`songngu bench site`).

Writing targets straight into the segments (state ``approved``) is what a test or
the benchmark needs to get 1,000 publishable articles in seconds; it bypasses the
post-editing rules on purpose and is never reachable from the web or the API.
"""

from __future__ import annotations

import time
from datetime import timedelta

from sqlalchemy import select

from translate.desk.document_service import load_document
from translate.desk.documents import (
    CATEGORIES,
    DOC_APPROVED,
    DOC_PUBLISHED,
    SEG_APPROVED,
    Segment,
    fragment_text,
    parse_fields,
    segment_html,
    source_segments,
    utcnow,
)
from translate.desk.publishing.service import pair_texts
from translate.desk.publishing.tables import PublishedArticle, SiteRelease
from translate.desk.rules import EDITORS, require
from translate.desk.views import UserView


def reference_targets(doc_lang: str, reference: dict | None) -> dict[str, list[str]]:
    """A human reference translation cut the way the desk cuts its source, field by field."""
    if not reference:
        return {}
    target_lang = "en" if doc_lang == "vi" else "vi"
    parsed = parse_fields(reference.get("title", ""), reference.get("summary", ""),
                          reference.get("body_html", ""), target_lang)
    out: dict[str, list[str]] = {}
    for fname, _pos, seg in source_segments(parsed):
        out.setdefault(fname, []).append(segment_html(seg))
    return out


def approve_directly(desk, actor: UserView, doc_id: int, reference: dict | None = None) -> None:
    """Give every segment a target (the reference where it lines up, else a marked copy) and approve it."""
    require(actor, EDITORS, "approve documents")
    with desk.db.transaction() as s:
        doc = load_document(s, doc_id)
        refs = reference_targets(doc.source_lang, reference)
        by_field: dict[str, list[Segment]] = {}
        for seg in doc.segments:
            by_field.setdefault(seg.field, []).append(seg)
        for fname, segs in by_field.items():
            lined_up = refs.get(fname) if len(refs.get(fname, [])) == len(segs) else None
            for i, seg in enumerate(segs):
                target = lined_up[i] if lined_up else f"[{doc.target_lang.upper()}] {seg.source_html}"
                if fname != "body":
                    target = fragment_text(target)
                seg.target, seg.state, seg.origin, seg.version = target, SEG_APPROVED, "human", seg.version + 1
                seg.updated_by = actor.id or None
        doc.state = DOC_APPROVED


def bench_site(desk, actor: UserView, pairs: int = 1000) -> dict[str, float]:
    """Time a full build of ``pairs`` published articles, then one publication into that site."""
    body = "".join(f"<p>Đoạn văn thứ {i}: phố cổ, làng nghề và những không gian sáng tạo của thành phố.</p>"
                   for i in range(12))
    t0 = time.perf_counter()
    ids = []
    for n in range(pairs + 1):
        cat = CATEGORIES[n % len(CATEGORIES)]
        doc = desk.documents.create(actor, source_lang="vi", category=cat.slug,
                                    title=f"Bài viết số {n}: Hà Nội", summary="Một câu tóm tắt ngắn.",
                                    body_html=body)
        approve_directly(desk, actor, doc.id)
        ids.append(doc.id)
    start = utcnow() - timedelta(days=pairs)
    with desk.db.transaction() as s:  # the first `pairs` articles straight onto the site's tables
        for n, doc_id in enumerate(ids[:-1]):
            doc = load_document(s, doc_id)
            texts = pair_texts(doc)
            at = start + timedelta(days=n)
            s.add(PublishedArticle(document_id=doc_id, section=doc.category, live=True, texts=texts,
                                   slug_vi=f"bai-viet-so-{n}-ha-noi", slug_en=f"article-{n}",
                                   first_published_at=at, updated_at=at))
            doc.state, doc.published_at = DOC_PUBLISHED, at
    made = time.perf_counter() - t0
    t0 = time.perf_counter()
    built = desk.publishing.build_site(actor)
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    desk.publishing.publish(actor, ids[-1])
    publish_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    desk.publishing.unpublish(actor, ids[-1])
    unpublish_s = time.perf_counter() - t0
    with desk.db.session() as s:
        releases = len(list(s.scalars(select(SiteRelease.id))))
    return {"pairs": pairs, "setup_s": round(made, 2), "build_s": round(build_s, 3),
            "publish_one_s": round(publish_s, 3), "unpublish_one_s": round(unpublish_s, 3),
            "files": sum(1 for p in desk.publishing.site_dir.resolve().rglob("*") if p.is_file()),
            "articles_built": built["articles"], "releases": releases}


TARGETS = {"build_s": 30.0, "publish_one_s": 1.0}


def site_benchmark(quick: bool = False) -> dict:
    """`songngu bench --only site`: a fresh instance, 1,000 published pairs (100 with --quick)."""
    import secrets
    import tempfile
    from dataclasses import replace
    from pathlib import Path

    from translate.config import load_settings
    from translate.desk.facade import Desk

    with tempfile.TemporaryDirectory(prefix="songngu-sitebench-") as tmp:
        instance = Path(tmp) / "instance"
        settings = replace(load_settings(), instance=instance, redis_url=None, site_dir=instance / "site",
                           database_url=f"sqlite:///{instance / 'songngu.db'}")
        desk = Desk(settings)
        try:
            editor = desk.accounts.create_user("bench-editor", "editor", secrets.token_urlsafe(16))
            result = bench_site(desk, editor, pairs=100 if quick else 1000)
        finally:
            desk.close()
    result["meets_targets"] = all(result[k] < v for k, v in TARGETS.items())
    return result
