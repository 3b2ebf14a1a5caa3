"""Articles from creation to publication: create or import, list, assign, approve, publish, the pair.

Segment-level editing lives in :mod:`translate.desk.segment_service`; this
module handles what concerns the article as a whole.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from translate.desk import accounts, jobs, memory
from translate.desk import document_queries as queries
from translate.desk.article_html import body_html_from_paste, without_images
from translate.desk.database import Database
from translate.desk.documents import (
    DOC_APPROVED,
    DOC_PUBLISHED,
    DOCUMENT_STATES,
    SEG_APPROVED,
    SEG_NEW,
    Document,
    PublishLog,
    Segment,
    SegmentEdit,
    check_lang,
    other_lang,
    parse_fields,
    rebuild_target,
    resolve_category,
    segment_html,
    source_segments,
    utcnow,
)
from translate.desk.errors import EditConflict, InvalidState, NotFound
from translate.desk.importers import import_file
from translate.desk.media.figures import bind_media
from translate.desk.media.service import MediaService, attach_imported
from translate.desk.rules import (
    ANY_ROLE,
    EDITORS,
    MAX_BODY,
    MAX_COMMENT,
    MAX_SUMMARY,
    MAX_TITLE,
    TRANSLATORS,
    blocking_flags,
    check_characters,
    clean_text,
    is_id,
    require,
)
from translate.desk.views import DocumentView, UserView, document_view
from translate.errors import InputError
from translate.text.markup import sanitize_html


def load_document(s: Session, doc_id: int) -> Document:
    """The document row, or :class:`NotFound` (an id no row can have never reaches the database)."""
    doc = s.get(Document, doc_id) if is_id(doc_id) else None
    if doc is None:
        raise NotFound(f"no document with id {doc_id}")
    return doc


class DocumentService:
    def __init__(self, db: Database, media: MediaService | None = None) -> None:
        self.db = db
        self.media = media  # the article pictures' store (a .docx import keeps its photos)
        # The facade sets the publishing service (translate.desk.publishing); publish() delegates to it.
        self.publisher = None

    def create(self, actor: UserView, *, source_lang: str, category: str, title: str,
               summary: str, body_html: str, images: tuple = ()) -> DocumentView:
        """Sanitise, segment and store an article in one transaction: it exists whole or not at all."""
        require(actor, EDITORS, "create documents")
        lang = check_lang(source_lang)
        cat = resolve_category(category)
        title = " ".join(clean_text(title, "title", MAX_TITLE).split())
        summary = clean_text(summary, "summary", MAX_SUMMARY, required=False)
        body = clean_text(body_html, "body_html", MAX_BODY, required=False)
        body = sanitize_html(body) if body else ""
        # Only the pictures stored with this import keep their data-media mark (a pasted one is a plain link).
        body = bind_media(body, {p.image.sha256: p.image.ext for p in images})
        parsed = parse_fields(title, summary, body, lang)
        rows = source_segments(parsed)
        if not any(f == "body" for f, _p, _s in rows) and not summary:
            raise InputError("the article has no body text to translate")
        with self.db.transaction() as s:
            doc = Document(source_lang=lang, target_lang=other_lang(lang), category=cat.slug, title=title,
                           summary=summary, body_html=body, created_by=actor.id)
            s.add(doc)
            s.flush()
            for i, (fname, _pos, seg) in enumerate(rows):
                s.add(Segment(document_id=doc.id, index=i, field=fname, block=getattr(seg, "block", 0),
                              kind=getattr(seg, "kind", "text"), source=seg.text, source_html=segment_html(seg),
                              target="", state=SEG_NEW, origin="", version=1, flags=[], terms=[]))
            if images:
                attach_imported(s, doc, images, actor.id)
            s.flush()
            s.refresh(doc)
            return document_view(doc)

    def import_file(self, actor: UserView, *, filename: str, data: bytes, source_lang: str, category: str,
                    title: str | None = None) -> DocumentView:
        """An .html or .docx file as an article; its own title is used unless one is given."""
        require(actor, EDITORS, "import documents")
        check_characters(filename, "the file name")
        art = import_file(filename, data)
        chosen = (title or "").strip() or art.title
        if not chosen:
            raise InputError(f"{filename}: no title found (no Title/Heading 1 or <h1>/<title>); give one")
        if art.images and self.media is None:
            raise InputError(f"{filename}: it holds pictures, and this desk has no media folder to keep them")
        created = self.media.store_images([p.image for p in art.images]) if art.images else []
        try:
            return self.create(actor, source_lang=source_lang, category=category, title=chosen,
                               summary=art.summary, body_html=art.body_html, images=art.images)
        except BaseException:
            if created:
                self.media.discard_unused(created)
            raise

    def search(self, actor: UserView, state: str | None = None) -> list[DocumentView]:
        require(actor, ANY_ROLE, "list documents")
        if state is not None and state not in DOCUMENT_STATES:
            raise InputError(f"unknown state {state!r}; one of: {', '.join(DOCUMENT_STATES)}")
        with self.db.session() as s:
            q = select(Document).order_by(Document.updated_at.desc(), Document.id.desc())
            if state is not None:
                q = q.where(Document.state == state)
            return [document_view(d, with_segments=False) for d in s.scalars(q)]

    def get(self, actor: UserView, doc_id: int) -> DocumentView:
        require(actor, ANY_ROLE, "read documents")
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            jobs.refresh_document_state(s, doc.id)
            return document_view(doc)

    def assign(self, actor: UserView, doc_id: int, translator_name: str | None) -> DocumentView:
        """Give the document to one translator (others then cannot edit it); None clears it."""
        require(actor, EDITORS, "assign documents")
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            if translator_name is None:
                doc.assigned_to = None
            else:
                check_characters(translator_name, "the translator's name")
                user = s.scalar(select(accounts.User).where(accounts.User.name == translator_name.strip()))
                if user is None:
                    raise NotFound(f"no user named {translator_name!r}")
                if user.role not in TRANSLATORS:
                    raise InputError(f"{user.name} is a {user.role}, not a translator")
                doc.assigned_to = user.id
            return document_view(doc)

    def approve(self, actor: UserView, doc_id: int) -> DocumentView:
        """Approve every segment at the version read, or none: a segment changed meanwhile is a conflict."""
        require(actor, EDITORS, "approve documents")
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            untranslated = [seg.index for seg in doc.segments if seg.state == SEG_NEW or not seg.target.strip()]
            if untranslated:
                raise InvalidState(f"document {doc_id} has {len(untranslated)} untranslated segment(s) "
                                   f"(e.g. #{untranslated[0]}); translate them before approving")
            for seg in doc.segments:
                if seg.state == SEG_APPROVED:
                    continue
                res = s.execute(
                    update(Segment).where(Segment.id == seg.id, Segment.version == seg.version)
                    .values(state=SEG_APPROVED, version=seg.version + 1, updated_by=actor.id,
                            updated_at=utcnow())
                    .execution_options(synchronize_session=False)
                )
                if res.rowcount != 1:
                    seen = seg.target
                    s.expire(seg)
                    raise EditConflict(
                        f"segment #{seg.index} changed while the document was being approved; "
                        "nothing was approved: reload and approve again",
                        current_target=seg.target or "", current_version=seg.version, your_target=seen,
                    )
                s.add(SegmentEdit(segment_id=seg.id, user_id=actor.id, action="approve", target=seg.target,
                                  version=seg.version + 1))
                memory.add_unit(s, src=doc.source_lang, tgt=doc.target_lang, source=seg.source,
                                source_html=seg.source_html, target=seg.target, document_id=doc.id,
                                segment_id=seg.id, user_id=actor.id)
            jobs.refresh_document_state(s, doc.id)
            s.flush()
            s.expire_all()
            return document_view(load_document(s, doc_id))

    def publish(self, actor: UserView, doc_id: int, override_reason: str | None = None) -> DocumentView:
        """Publish the pair once every segment is approved; a blocking check needs a written reason."""
        if self.publisher is not None:  # both languages to the site, with the publication log
            return self.publisher.publish(actor, doc_id, override_reason)
        require(actor, EDITORS, "publish")
        reason = clean_text(override_reason, "override reason", MAX_COMMENT, required=False) or None
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            jobs.refresh_document_state(s, doc.id)
            blocking = publication_gate(doc, reason)
            rebuild_target(doc)  # refuse to publish what cannot be rebuilt
            s.add(PublishLog(document_id=doc.id, user_id=actor.id, override_reason=reason if blocking else None,
                             blocking=blocking))
            doc.state = DOC_PUBLISHED
            doc.published_at = utcnow()
            doc.updated_at = utcnow()
            return document_view(doc)

    def publish_log(self, actor: UserView, doc_id: int) -> list[dict]:
        require(actor, ANY_ROLE, "read the publishing log")
        with self.db.session() as s:
            load_document(s, doc_id)
            rows = s.scalars(select(PublishLog).where(PublishLog.document_id == doc_id).order_by(PublishLog.id))
            return [{"id": r.id, "user_id": r.user_id, "override_reason": r.override_reason,
                     "blocking": r.blocking, "at": r.at.isoformat(timespec="seconds")} for r in rows]

    def pair(self, actor: UserView, doc_id: int) -> dict:
        """Source and translation side by side, once the translation is approved."""
        require(actor, ANY_ROLE, "read the bilingual pair")
        with self.db.session() as s:
            doc = load_document(s, doc_id)
            if doc.state not in (DOC_APPROVED, DOC_PUBLISHED):
                raise InvalidState(f"document {doc_id} is {doc.state}; the pair exists once it is approved")
            target = rebuild_target(doc)
            return {
                doc.source_lang: {"title": doc.title, "summary": doc.summary, "body_html": doc.body_html},
                doc.target_lang: target,
            }

    # --- what the desk's pages read (queries in document_queries) ------------------------------

    def create_from_paste(self, actor: UserView, *, source_lang: str, category: str, title: str,
                          summary: str, body: str) -> DocumentView:
        """An article typed or pasted into the form: HTML as it is, plain text as paragraphs."""
        return self.create(actor, source_lang=source_lang, category=category, title=title, summary=summary,
                           body_html=body_html_from_paste(body if isinstance(body, str) else ""))

    def listing(self, actor: UserView, *, state: str | None = None, category: str | None = None,
                assignee: int | str | None = None, source_lang: str | None = None, text: str | None = None,
                limit: int = queries.PAGE_SIZE, offset: int = 0) -> queries.DeskPage:
        """The desk: newest first, filtered, one page with assignee names and segment counts.

        ``assignee`` is a user id or ``"unassigned"``; ``text`` is matched in titles,
        Vietnamese-aware (see :mod:`translate.desk.document_queries`).
        """
        require(actor, ANY_ROLE, "list documents")
        if state is not None and state not in DOCUMENT_STATES:
            raise InputError(f"unknown state {state!r}; one of: {', '.join(DOCUMENT_STATES)}")
        if assignee is not None and assignee != queries.UNASSIGNED and not is_id(assignee):
            raise InputError(f"assignee must be a user id or {queries.UNASSIGNED!r}, got {assignee!r}")
        if not (is_id(limit) and limit <= queries.MAX_PAGE_SIZE):
            raise InputError(f"limit must be between 1 and {queries.MAX_PAGE_SIZE}")
        if not (isinstance(offset, int) and 0 <= offset <= 10**9):
            raise InputError("offset must be a whole number, 0 or more")
        text = clean_text(text, "search text", queries.MAX_QUERY, required=False) or None
        with self.db.session() as s:
            return queries.desk_page(
                s, state=state, category=resolve_category(category).slug if category else None,
                assignee=assignee, source_lang=check_lang(source_lang, "language") if source_lang else None,
                text=text, limit=limit, offset=offset)

    def overview(self, actor: UserView, doc_id: int) -> queries.ArticleOverview:
        """The article page's metadata: names, counts, latest job, blocking checks, the publishing log."""
        require(actor, ANY_ROLE, "read documents")
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            jobs.refresh_document_state(s, doc.id)
            return queries.article_overview(s, doc)

    def progress(self, actor: UserView, doc_id: int) -> queries.ArticleProgress:
        """The state and the latest job's progress; read-only, for polling while a job runs."""
        require(actor, ANY_ROLE, "read documents")
        with self.db.session() as s:
            return queries.article_progress(s, load_document(s, doc_id))

    def translators(self, actor: UserView) -> list[UserView]:
        """Who an article can be assigned to: active users whose role may translate."""
        require(actor, ANY_ROLE, "list translators")
        with self.db.session() as s:
            return queries.assignable_users(s, TRANSLATORS)

    def preview(self, actor: UserView, doc_id: int) -> dict:
        """Source and current translation side by side at any stage, as sanitised HTML.

        Unlike :meth:`pair` it does not wait for approval; untranslated segments are
        empty. Title and summary stay plain text; the bodies are sanitised again and
        their images are placeholders (the desk loads no outside images).
        """
        require(actor, ANY_ROLE, "preview documents")
        with self.db.session() as s:
            doc = load_document(s, doc_id)
            target = rebuild_target(doc)
            shown = self.media.shown(s, doc) if self.media is not None else {}
            return {
                "source": {"lang": doc.source_lang, "title": doc.title, "summary": doc.summary,
                           "body_html": without_images(sanitize_html(doc.body_html), shown.get(doc.source_lang))},
                "target": {"lang": doc.target_lang, "title": target["title"], "summary": target["summary"],
                           "body_html": without_images(sanitize_html(target["body_html"]),
                                                       shown.get(doc.target_lang))},
                "translated": sum(1 for seg in doc.segments if seg.target.strip()),
                "total": len(doc.segments),
            }


def publication_gate(doc: Document, reason: str | None) -> list[dict]:
    """Every segment approved; blocking checks only with a written reason. Returns what is overridden."""
    pending = [seg.index for seg in doc.segments if seg.state != SEG_APPROVED]
    if pending:
        raise InvalidState(f"document {doc.id} has {len(pending)} segment(s) not yet approved")
    blocking = [dict(f, segment=seg.index) for seg in doc.segments for f in blocking_flags(seg.flags)]
    if blocking and not reason:
        first = blocking[0]
        raise InvalidState(
            f"document {doc.id} has {len(blocking)} blocking check(s), e.g. segment #{first['segment']}: "
            f"{first.get('message', first.get('check', ''))}; fix them or publish with a written reason"
        )
    return blocking
