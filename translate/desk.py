"""The service layer the web UI, the REST API and the CLI share.

Role checks live here, not in the web layer, so a token, a browser session and a
script all meet the same rules. Every method opens its own transaction: a
failure leaves the database as it was.
"""

from __future__ import annotations

import logging
from typing import Any

from rapidfuzz.distance import Levenshtein
from sqlalchemy import select, update

from glossary.termbase import Termbase
from translate import accounts, jobs, memory
from translate.config import Settings, load_settings
from translate.database import open_database
from translate.desk_base import (
    ANY_ROLE,
    EDITORS,
    MAX_BODY,
    MAX_SUMMARY,
    MAX_TITLE,
    SYNC_LIMIT,
    TRANSLATORS,
    DocumentView,
    EditConflict,
    InvalidState,
    JobView,
    LoginThrottled,
    NotFound,
    PermissionDenied,
    SegmentView,
    UserView,
    _doc_view,
    _job_view,
    _require,
    _seg_view,
    _text,
    _user_view,
    blocking_flags,
    clean_target,
    plain,
)
from translate.desk_glossary import GlossaryDesk
from translate.documents import (
    DOC_APPROVED,
    DOC_PUBLISHED,
    DOCUMENT_STATES,
    SEG_APPROVED,
    SEG_CONFIRMED,
    SEG_EDITED,
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
from translate.errors import InputError

log = logging.getLogger("songngu.desk")

class Desk(GlossaryDesk):
    """One per process: opens (and migrates) the database, optionally runs the embedded worker."""

    def __init__(self, settings: Settings | None = None, *, start_worker: bool = False) -> None:
        self.settings = settings or load_settings()
        self.db = open_database(self.settings)
        self.worker: jobs.EmbeddedWorker | None = None
        if start_worker:
            self.worker = jobs.EmbeddedWorker(self.settings).start()

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        self.db.close()

    # -- accounts ---------------------------------------------------------------------------
    def create_user(self, name: str, role: str, password: str) -> UserView:
        with self.db.transaction() as s:
            return _user_view(accounts.create_user(s, name, role, password))

    def count_users(self) -> int:
        with self.db.session() as s:
            return accounts.count_users(s)

    def list_users(self) -> list[UserView]:
        with self.db.session() as s:
            return [_user_view(u) for u in s.scalars(select(accounts.User).order_by(accounts.User.name))]

    def authenticate(self, name: str, password: str, remote: str = "") -> UserView | None:
        with self.db.transaction() as s:
            result = accounts.authenticate(s, name, password, remote)
            view = _user_view(result) if isinstance(result, accounts.User) else None
            throttle = result if isinstance(result, accounts.Throttle) else None
        if throttle is not None:
            minutes = max(1, round(throttle.retry_after / 60))
            raise LoginThrottled(
                f"too many failed sign-ins for {name!r}; try again in about {minutes} minute(s)",
                retry_after=throttle.retry_after,
            )
        return view

    def get_user(self, user_id: int) -> UserView | None:
        with self.db.session() as s:
            u = s.get(accounts.User, user_id)
            return _user_view(u) if u is not None and u.active else None

    def create_token(self, user_name: str, label: str = "") -> str:
        with self.db.transaction() as s:
            user = s.scalar(select(accounts.User).where(accounts.User.name == (user_name or "").strip()))
            if user is None:
                raise NotFound(f"no user named {user_name!r}")
            _row, plain_token = accounts.create_token(s, user, label)
            return plain_token

    def list_tokens(self, actor: UserView) -> list[dict]:
        """The actor's tokens (an admin sees all): label and dates, never the token itself."""
        with self.db.session() as s:
            q = select(accounts.ApiToken, accounts.User.name).join(accounts.User)
            if actor.role != "admin":
                q = q.where(accounts.ApiToken.user_id == actor.id)
            return [
                {"id": t.id, "user": name, "label": t.label, "created_at": t.created_at.isoformat(timespec="seconds"),
                 "last_used_at": t.last_used_at.isoformat(timespec="seconds") if t.last_used_at else None,
                 "revoked": t.revoked_at is not None}
                for t, name in s.execute(q.order_by(accounts.ApiToken.id))
            ]

    def revoke_token(self, token_id: int, actor: UserView) -> None:
        with self.db.transaction() as s:
            row = s.get(accounts.ApiToken, token_id)
            if row is None:
                raise NotFound(f"no token with id {token_id}")
            if actor.role != "admin" and row.user_id != actor.id:
                raise PermissionDenied("only an admin can revoke another user's token")
            if row.revoked_at is None:
                row.revoked_at = utcnow()

    def user_for_token(self, token: str) -> UserView | None:
        with self.db.transaction() as s:
            u = accounts.user_for_token(s, token)
            return _user_view(u) if u is not None else None

    # -- documents --------------------------------------------------------------------------
    def create_document(self, actor: UserView, *, source_lang: str, category: str, title: str,
                        summary: str, body_html: str) -> DocumentView:
        from translate import markup

        _require(actor, EDITORS, "create documents")
        lang = check_lang(source_lang)
        cat = resolve_category(category)
        title = " ".join(_text(title, "title", MAX_TITLE).split())
        summary = _text(summary, "summary", MAX_SUMMARY, required=False)
        body = _text(body_html, "body_html", MAX_BODY, required=False)
        body = markup.sanitize_html(body) if body else ""
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
            s.flush()
            s.refresh(doc)
            return _doc_view(doc)

    def import_document(self, actor: UserView, *, filename: str, data: bytes, source_lang: str, category: str,
                        title: str | None = None) -> DocumentView:
        from translate.importers import import_file

        _require(actor, EDITORS, "import documents")
        art = import_file(filename, data)
        chosen = (title or "").strip() or art.title
        if not chosen:
            raise InputError(f"{filename}: no title found (no Title/Heading 1 or <h1>/<title>); give one")
        return self.create_document(actor, source_lang=source_lang, category=category, title=chosen,
                                    summary=art.summary, body_html=art.body_html)

    def list_documents(self, actor: UserView, state: str | None = None) -> list[DocumentView]:
        _require(actor, ANY_ROLE, "list documents")
        if state is not None and state not in DOCUMENT_STATES:
            raise InputError(f"unknown state {state!r}; one of: {', '.join(DOCUMENT_STATES)}")
        with self.db.session() as s:
            q = select(Document).order_by(Document.updated_at.desc(), Document.id.desc())
            if state is not None:
                q = q.where(Document.state == state)
            return [_doc_view(d, with_segments=False) for d in s.scalars(q)]

    def _doc(self, s, doc_id: int) -> Document:
        doc = s.get(Document, doc_id) if isinstance(doc_id, int) else None
        if doc is None:
            raise NotFound(f"no document with id {doc_id}")
        return doc

    def get_document(self, actor: UserView, doc_id: int) -> DocumentView:
        _require(actor, ANY_ROLE, "read documents")
        with self.db.transaction() as s:
            doc = self._doc(s, doc_id)
            jobs.refresh_document_state(s, doc.id)
            return _doc_view(doc)

    def assign(self, actor: UserView, doc_id: int, translator_name: str | None) -> DocumentView:
        """Give the document to one translator (others then cannot edit it); None clears it."""
        _require(actor, EDITORS, "assign documents")
        with self.db.transaction() as s:
            doc = self._doc(s, doc_id)
            if translator_name is None:
                doc.assigned_to = None
            else:
                user = s.scalar(select(accounts.User).where(accounts.User.name == translator_name.strip()))
                if user is None:
                    raise NotFound(f"no user named {translator_name!r}")
                if user.role not in TRANSLATORS:
                    raise InputError(f"{user.name} is a {user.role}, not a translator")
                doc.assigned_to = user.id
            return _doc_view(doc)

    def request_translation(self, actor: UserView, doc_id: int) -> JobView:
        _require(actor, EDITORS, "request translations")
        with self.db.transaction() as s:
            doc = self._doc(s, doc_id)
            if doc.state == DOC_PUBLISHED:
                raise InvalidState(f"document {doc_id} is already published")
            job = jobs.create_job(s, doc, actor.id)
            jobs.refresh_document_state(s, doc.id)
            view = _job_view(job)
        if view.state in jobs.ACTIVE:
            try:
                jobs.huey_runtime(self.settings).enqueue(view.id)
            except Exception as exc:  # the queue (Redis) is down: the job row stays queued
                log.warning("job %s saved but not queued (%s); workers pick it up when the queue is back",
                            view.id, exc)
        return view

    def run_queued_jobs(self) -> int:
        """Work through the queue in this thread (CLI one-shot use and tests without a worker)."""
        rt = jobs.huey_runtime(self.settings)
        n = 0
        while (task := rt.huey.dequeue()) is not None:
            rt.huey.execute(task)
            n += 1
        return n

    def get_job(self, actor: UserView, job_id: int) -> JobView:
        _require(actor, ANY_ROLE, "read jobs")
        with self.db.session() as s:
            job = s.get(jobs.Job, job_id) if isinstance(job_id, int) else None
            if job is None:
                raise NotFound(f"no job with id {job_id}")
            return _job_view(job)

    # -- segments ---------------------------------------------------------------------------
    def _segment_for_edit(self, actor: UserView, segment_id: int) -> tuple[Segment, Document]:
        with self.db.session() as s:
            seg = s.get(Segment, segment_id) if isinstance(segment_id, int) else None
            if seg is None:
                raise NotFound(f"no segment with id {segment_id}")
            doc = s.get(Document, seg.document_id)
            if actor.role == "translator" and doc.assigned_to not in (None, actor.id):
                raise PermissionDenied(f"document {doc.id} is assigned to another translator")
            return seg, doc

    def save_segment(self, actor: UserView, segment_id: int, target: str, version: int) -> SegmentView:
        _require(actor, TRANSLATORS, "edit translations")
        if not isinstance(version, int) or isinstance(version, bool):
            raise InputError("version must be an integer (the version you loaded)")
        new_target = clean_target(target)
        seg, doc = self._segment_for_edit(actor, segment_id)
        if seg.kind != "text":  # image alt/title text: no markup at all
            new_target = plain(new_target)
        flags = self._check_edit(seg, doc, new_target)
        with self.db.transaction() as s:
            # The UPDATE comes first so SQLite takes its write lock before any read.
            res = s.execute(
                update(Segment)
                .where(Segment.id == segment_id, Segment.version == version)
                .values(target=new_target, state=SEG_EDITED, origin="human", flags=flags, version=version + 1,
                        updated_by=actor.id, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if res.rowcount != 1:
                current = s.get(Segment, segment_id)
                raise EditConflict(
                    f"segment {segment_id} was changed by someone else (now version {current.version}); "
                    f"nothing was overwritten: compare the texts and save again",
                    current_target=current.target or "", current_version=current.version, your_target=new_target,
                )
            distance = Levenshtein.distance(plain(seg.mt_target), plain(new_target)) if seg.mt_target else None
            s.add(SegmentEdit(segment_id=segment_id, user_id=actor.id, action="save", target=new_target,
                              version=version + 1, distance=distance))
            jobs.refresh_document_state(s, seg.document_id)
            s.flush()
            fresh = s.get(Segment, segment_id)
            s.refresh(fresh)
            return _seg_view(fresh)

    def _check_edit(self, seg: Segment, doc: Document, target: str) -> list[dict]:
        """Glossary QA on a human edit: the same checks machine output gets, stored with the edit."""
        from glossary.checks import CheckContext, run_checks
        from translate.markup import inline_tag_sequence

        matches = Termbase(self.db.sessionmaker).matcher(doc.source_lang, doc.target_lang).find(seg.source)
        text_kind = seg.kind == "text"
        ctx = CheckContext(
            source=seg.source, target=plain(target) if text_kind else target,
            src_lang=doc.source_lang, tgt_lang=doc.target_lang, matches=matches,
            source_tags=inline_tag_sequence(seg.source_html) if text_kind else (),
            target_tags=inline_tag_sequence(target) if text_kind else (),
        )
        return [f.to_dict() for f in run_checks(ctx)]

    def _set_state(self, actor: UserView, segment_id: int, state: str, action: str) -> SegmentView:
        """Confirm or approve the text as read; if it changed in between, that is a conflict too."""
        with self.db.transaction() as s:
            seg = s.get(Segment, segment_id) if isinstance(segment_id, int) else None
            if seg is None:
                raise NotFound(f"no segment with id {segment_id}")
            if seg.state == SEG_NEW or not (seg.target or "").strip():
                raise InvalidState(f"segment {segment_id} has no translation yet")
            seen_version, seen_target = seg.version, seg.target
            res = s.execute(
                update(Segment)
                .where(Segment.id == segment_id, Segment.version == seen_version)
                .values(state=state, version=seen_version + 1, updated_by=actor.id, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if res.rowcount != 1:
                s.expire(seg)
                raise EditConflict(
                    f"segment {segment_id} changed while you were looking at it; reload it and check again",
                    current_target=seg.target or "", current_version=seg.version, your_target=seen_target,
                )
            s.add(SegmentEdit(segment_id=segment_id, user_id=actor.id, action=action, target=seen_target,
                              version=seen_version + 1))
            doc = s.get(Document, seg.document_id)
            memory.add_unit(s, src=doc.source_lang, tgt=doc.target_lang, source=seg.source,
                            source_html=seg.source_html, target=seen_target, document_id=doc.id,
                            segment_id=segment_id, user_id=actor.id)
            jobs.refresh_document_state(s, doc.id)
            s.flush()
            s.refresh(seg)
            return _seg_view(seg)

    def confirm_segment(self, actor: UserView, segment_id: int) -> SegmentView:
        _require(actor, TRANSLATORS, "confirm translations")
        self._segment_for_edit(actor, segment_id)
        return self._set_state(actor, segment_id, SEG_CONFIRMED, "confirm")

    def approve_segment(self, actor: UserView, segment_id: int) -> SegmentView:
        _require(actor, EDITORS, "approve translations")
        return self._set_state(actor, segment_id, SEG_APPROVED, "approve")

    def approve_document(self, actor: UserView, doc_id: int) -> DocumentView:
        _require(actor, EDITORS, "approve documents")
        with self.db.transaction() as s:
            doc = self._doc(s, doc_id)
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
            return _doc_view(self._doc(s, doc_id))

    def publish(self, actor: UserView, doc_id: int, override_reason: str | None = None) -> DocumentView:
        _require(actor, EDITORS, "publish")
        reason = _text(override_reason, "override reason", 2000, required=False) or None
        with self.db.transaction() as s:
            doc = self._doc(s, doc_id)
            jobs.refresh_document_state(s, doc.id)
            pending = [seg.index for seg in doc.segments if seg.state != SEG_APPROVED]
            if pending:
                raise InvalidState(f"document {doc_id} has {len(pending)} segment(s) not yet approved")
            blocking = [dict(f, segment=seg.index) for seg in doc.segments for f in blocking_flags(seg.flags)]
            if blocking and not reason:
                first = blocking[0]
                raise InvalidState(
                    f"document {doc_id} has {len(blocking)} blocking check(s), e.g. segment #{first['segment']}: "
                    f"{first.get('message', first.get('check', ''))}; fix them or publish with a written reason"
                )
            rebuild_target(doc)  # refuse to publish what cannot be rebuilt
            s.add(PublishLog(document_id=doc.id, user_id=actor.id, override_reason=reason if blocking else None,
                             blocking=blocking))
            doc.state = DOC_PUBLISHED
            doc.published_at = utcnow()
            doc.updated_at = utcnow()
            return _doc_view(doc)

    def publish_log(self, actor: UserView, doc_id: int) -> list[dict]:
        _require(actor, ANY_ROLE, "read the publishing log")
        with self.db.session() as s:
            self._doc(s, doc_id)
            rows = s.scalars(select(PublishLog).where(PublishLog.document_id == doc_id).order_by(PublishLog.id))
            return [{"id": r.id, "user_id": r.user_id, "override_reason": r.override_reason,
                     "blocking": r.blocking, "at": r.at.isoformat(timespec="seconds")} for r in rows]

    def segment_history(self, actor: UserView, segment_id: int) -> list[dict]:
        _require(actor, ANY_ROLE, "read segment history")
        with self.db.session() as s:
            rows = s.execute(
                select(SegmentEdit, accounts.User.name)
                .outerjoin(accounts.User, accounts.User.id == SegmentEdit.user_id)
                .where(SegmentEdit.segment_id == segment_id).order_by(SegmentEdit.id)
            )
            return [{"action": e.action, "user": name, "target": e.target, "version": e.version,
                     "distance": e.distance, "at": e.at.isoformat(timespec="seconds")} for e, name in rows]

    def bilingual_pair(self, actor: UserView, doc_id: int) -> dict:
        _require(actor, ANY_ROLE, "read the bilingual pair")
        with self.db.session() as s:
            doc = self._doc(s, doc_id)
            if doc.state not in (DOC_APPROVED, DOC_PUBLISHED):
                raise InvalidState(f"document {doc_id} is {doc.state}; the pair exists once it is approved")
            target = rebuild_target(doc)
            return {
                doc.source_lang: {"title": doc.title, "summary": doc.summary, "body_html": doc.body_html},
                doc.target_lang: target,
            }

    # -- direct translation and memory ------------------------------------------------------
    def translate(self, actor: UserView, src: str, tgt: str, *, text: str | None = None,
                  html: str | None = None) -> dict:
        _require(actor, ANY_ROLE, "translate")
        src, tgt = check_lang(src, "src"), check_lang(tgt, "tgt")
        if (text is None) == (html is None):
            raise InputError("give exactly one of text or html")
        content = text if text is not None else html
        if not isinstance(content, str):
            raise InputError("text/html must be a string")
        if len(content) > SYNC_LIMIT:
            raise InputError(f"input is {len(content):,} characters; the synchronous limit is {SYNC_LIMIT:,} "
                             f"(create a document for longer texts)")
        with self.db.session() as s:
            translator = jobs.default_translator(s, self.settings)
            result = translator.translate_html(content, src, tgt) if html is not None \
                else translator.translate_text(content, src, tgt)
        out: dict[str, Any] = {"segments": [r.to_dict() for r in result.segments], "signature": result.signature,
                               "test_model": result.test_model}
        if html is not None:
            out["html"] = result.output
        else:
            out["text"] = result.output
        return out

    def tm_lookup(self, actor: UserView, src: str, tgt: str, text: str, limit: int = 5) -> list[dict]:
        _require(actor, ANY_ROLE, "search the translation memory")
        with self.db.session() as s:
            return [m.to_dict() for m in memory.lookup(s, src, tgt, text, limit=limit)]
