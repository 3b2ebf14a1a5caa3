"""Publishing: the gate, both languages to the static site together, withdrawals, the publication log.

How the site and the database stay in agreement: every change runs under one
lock (threads and processes) and inside one database transaction. Within it the
database change is flushed, a new release is built from what the transaction sees
(a hard-link copy of the live release with only the affected pages re-rendered),
the site's link is switched to it, and only then does the transaction commit.

- Anything failing before the switch (a template error, a full disk, a crash
  between the two languages' pages) discards the new folder and rolls back: the
  live release was never written to, the database never changed.
- The commit failing after the switch switches the link back to the previous
  release before the error propagates.
- A process dying between the switch and the commit leaves the link on a release
  the database does not know (``site_releases`` is written in the same
  transaction); the next publication, withdrawal or build switches back to the
  newest committed release first (:meth:`PublishingService.recover`).

Listeners run only after the commit, and one that fails is logged, never undoes it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from translate.config import Settings
from translate.desk import jobs
from translate.desk.database import Database
from translate.desk.document_service import load_document, publication_gate
from translate.desk.documents import (
    DOC_APPROVED,
    DOC_PUBLISHED,
    LANGS,
    Document,
    PublishLog,
    rebuild_target,
    utcnow,
)
from translate.desk.errors import InvalidState
from translate.desk.publishing.loader import ArticleCache, SiteArticle, article_from_row
from translate.desk.publishing.releases import Release, SiteReleases, SiteWriteError
from translate.desk.publishing.site_render import (
    Site,
    article_files,
    article_path,
    section_of,
    section_page_dirs,
)
from translate.desk.publishing.slugs import unique_slug
from translate.desk.publishing.tables import (
    ACTION_PUBLISHED,
    ACTION_UNPUBLISHED,
    Publication,
    PublishedArticle,
    SiteRelease,
)
from translate.desk.rules import ANY_ROLE, EDITORS, MAX_COMMENT, clean_text, require
from translate.desk.views import DocumentView, UserView, document_view
from translate.text.markup import sanitize_html

log = logging.getLogger("songngu.publishing")
PREVIEW_PORT = 8100
Listener = Callable[[str, dict], None]
Changed = tuple[set[int], set[str], list[str]]  # articles to render, sections to re-index, files to drop


def pair_texts(doc: Document) -> dict[str, dict[str, str]]:
    """Both languages' title, summary and (sanitised) body, exactly as they will be published."""
    target = rebuild_target(doc)
    source = {"title": doc.title, "summary": doc.summary, "body_html": doc.body_html}
    out = {doc.source_lang: source, doc.target_lang: target}
    return {lang: {"title": out[lang]["title"], "summary": out[lang]["summary"] or "",
                   "body_html": sanitize_html(out[lang]["body_html"]) if out[lang]["body_html"] else ""}
            for lang in LANGS}


class PublishingService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.site_dir = settings.site_dir or settings.instance / "site"
        self.releases = SiteReleases(self.site_dir)
        # Called with (event, payload) after a publication or withdrawal committed; see the module doc.
        self.listeners: list[Listener] = []
        self.cache = ArticleCache()
        self._pruner: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """Where readers find the site: SONGNGU_SITE_URL, else the local preview of `songngu site serve`."""
        return (self.settings.site_url or f"http://127.0.0.1:{PREVIEW_PORT}").rstrip("/") + "/"

    # --- the public API -------------------------------------------------------------------------

    def publish(self, actor: UserView, doc_id: int, override_reason: str | None = None) -> DocumentView:
        """Put both languages on the site together, or neither; a blocking check needs a written reason."""
        require(actor, EDITORS, "publish")
        reason = clean_text(override_reason, "override reason", MAX_COMMENT, required=False) or None

        def change(s: Session) -> Changed:
            doc = load_document(s, doc_id)
            jobs.refresh_document_state(s, doc.id)
            blocking = publication_gate(doc, reason)
            texts = pair_texts(doc)
            now = utcnow()
            row = s.get(PublishedArticle, doc.id)
            removed: list[str] = []
            sections = {doc.category}
            if row is None:
                row = PublishedArticle(document_id=doc.id, section=doc.category, first_published_at=now,
                                       slug_vi=self._slug(s, texts["vi"]["title"], "vi"),
                                       slug_en=self._slug(s, texts["en"]["title"], "en"))
                s.add(row)
            elif row.section != doc.category:
                if row.live:
                    removed = article_files(article_from_row(row))
                sections.add(row.section)
                row.section = doc.category
            row.live, row.texts, row.updated_at, row.published_by = True, texts, now, actor.id or None
            s.add(Publication(document_id=doc.id, action=ACTION_PUBLISHED, user_id=actor.id or None,
                              user_name=actor.name, at=now, override_reason=reason if blocking else None,
                              blocking=blocking, texts=texts))
            # The older log the article overview and DocumentService.publish_log read.
            s.add(PublishLog(document_id=doc.id, user_id=actor.id or None,
                             override_reason=reason if blocking else None, blocking=blocking, at=now))
            doc.state, doc.published_at, doc.updated_at = DOC_PUBLISHED, now, now
            return {doc.id}, sections, removed

        self._change("publish", doc_id, change)
        return self._view(doc_id)

    def unpublish(self, actor: UserView, doc_id: int, reason: str | None = None) -> DocumentView:
        """Take both languages off the site together; every index, feed and the sitemap follow."""
        require(actor, EDITORS, "unpublish")
        why = clean_text(reason, "reason", MAX_COMMENT, required=False) or None

        def change(s: Session) -> Changed:
            doc = load_document(s, doc_id)
            row = s.get(PublishedArticle, doc.id)
            if row is None or not row.live:
                raise InvalidState(f"document {doc_id} is not on the site")
            removed = article_files(article_from_row(row))
            row.live = False
            s.add(Publication(document_id=doc.id, action=ACTION_UNPUBLISHED, user_id=actor.id or None,
                              user_name=actor.name, at=utcnow(), reason=why, blocking=[]))
            if doc.state == DOC_PUBLISHED:
                doc.state = DOC_APPROVED
            doc.published_at = None
            doc.updated_at = utcnow()
            jobs.refresh_document_state(s, doc.id)
            return set(), {row.section}, removed

        self._change("unpublish", doc_id, change)
        return self._view(doc_id)

    def build_site(self, actor: UserView) -> dict:
        """Rebuild every page from the database into a fresh release and switch to it."""
        require(actor, EDITORS, "build the site")
        with self.releases.lock():
            self.recover()
            with self.db.session() as s:
                site = Site(self.cache.load(s), self.base_url)
                previous = self.releases.current_id()
                release = self.releases.new(copy_current=False)

                def write() -> None:
                    self._write(release, site.all_pages(), site.articles)
                    s.add(SiteRelease(id=release.id, kind="build"))

                self._switch_and_commit(s, release, previous, write)
            self._prune()
        return {"release": release.id, "articles": len(site.articles), "path": str(self.site_dir)}

    def log(self, actor: UserView, doc_id: int) -> list[dict]:
        """Every publication and withdrawal of the article, newest first, with the texts that went out."""
        require(actor, ANY_ROLE, "read the publication log")
        with self.db.session() as s:
            load_document(s, doc_id)
            rows = s.scalars(select(Publication).where(Publication.document_id == doc_id)
                             .order_by(Publication.id.desc()))
            return [{"id": r.id, "action": r.action, "at": r.at.isoformat(timespec="seconds"),
                     "user": r.user_name, "override_reason": r.override_reason, "blocking": r.blocking or [],
                     "reason": r.reason, "texts": r.texts, "release": r.release} for r in rows]

    def links(self, actor: UserView, doc_id: int) -> dict[str, str] | None:
        """The article's public URL in each language while it is on the site; None otherwise."""
        paths = self.site_paths(actor, doc_id)
        return None if paths is None else {lang: self.base_url + path for lang, path in paths.items()}

    def site_paths(self, actor: UserView, doc_id: int) -> dict[str, str] | None:
        """The article's pages relative to the site root ("vi/am-thuc/pho/"), for a preview server."""
        require(actor, ANY_ROLE, "read documents")
        with self.db.session() as s:
            load_document(s, doc_id)
            row = s.get(PublishedArticle, doc_id)
            if row is None or not row.live:
                return None
            article = article_from_row(row)
            return {lang: article_path(article, lang) for lang in LANGS}

    def is_live(self, doc_ids: Iterable[int]) -> set[int]:
        """Which of these articles are on the site now (the desk list's marker)."""
        ids = [i for i in doc_ids if isinstance(i, int)]
        if not ids:
            return set()
        with self.db.session() as s:
            return set(s.scalars(select(PublishedArticle.document_id).where(
                PublishedArticle.document_id.in_(ids), PublishedArticle.live.is_(True))))

    def recover(self) -> None:
        """Switch back from a release the database never committed (a crash between switch and commit)."""
        current = self.releases.current_id()
        if current is None:
            return
        with self.db.session() as s:
            committed = list(s.scalars(select(SiteRelease.id).order_by(SiteRelease.created_at.desc(),
                                                                       SiteRelease.id.desc())))
        if current in committed:
            return
        back = self.releases.newest_existing(committed)
        log.warning("site release %s was never committed; switching back to %s", current, back or "nothing")
        self.releases.switch(back)

    # --- how -----------------------------------------------------------------------------------

    def _slug(self, s: Session, title: str, lang: str) -> str:
        column = PublishedArticle.slug_vi if lang == "vi" else PublishedArticle.slug_en
        return unique_slug(title, lang, lambda slug: s.scalar(select(column).where(column == slug)) is not None)

    def _switch_and_commit(self, s: Session, release: Release, previous: str | None,
                           write: Callable[[], None]) -> None:
        """Fill and record ``release``, switch the site to it, then commit; any failure leaves the old site.

        A failure before the switch discards the release; a failed commit switches
        back to ``previous`` first, so the site never shows what the database lacks.
        """
        try:
            write()
            s.flush()
            self.releases.switch(release.id)
        except BaseException as exc:
            self.releases.discard(release)
            if isinstance(exc, OSError):
                raise SiteWriteError(f"the site could not be written ({exc}); nothing was published "
                                     "and the site is as it was") from exc
            raise
        try:
            s.commit()
        except BaseException:
            self.releases.switch(previous)
            self.releases.discard(release)
            raise

    def _change(self, kind: str, doc_id: int, change: Callable[[Session], Changed]) -> None:
        """Run a database change and the site release it implies as one unit (see the module doc)."""
        with self.releases.lock():
            self.recover()
            previous = self.releases.current_id()
            with self.db.session() as s:
                doc_ids, sections, removed = change(s)
                s.flush()
                site = Site(self.cache.load(s), self.base_url)
                release = self.releases.new(copy_current=previous is not None)

                def write() -> None:
                    if previous is None:  # first publication, or the site folder was lost: everything
                        self._write(release, site.all_pages(), site.articles)
                    else:
                        for relpath in [*removed, *(d for sec in sections for d in section_page_dirs(sec))]:
                            release.remove(relpath)
                        changed = [a for a in site.articles if a.doc_id in doc_ids]
                        self._write(release, site.affected_pages(doc_ids, sections), changed)
                    s.add(SiteRelease(id=release.id, kind=kind, document_id=doc_id))
                    s.execute(Publication.__table__.update()
                              .where(Publication.document_id == doc_id, Publication.release == "")
                              .values(release=release.id))

                self._switch_and_commit(s, release, previous, write)
                payload = self._payload(s, doc_id)
        self._prune_later()
        self._notify("published" if kind == "publish" else "unpublished", payload)

    def _write(self, release, pages, articles: list[SiteArticle]) -> None:
        for relpath, data in pages:
            release.write(relpath, data)
        for article in articles:
            for image in article.images:
                release.copy_in(image.source_path, f"media/{image.filename}")

    def _prune_later(self) -> None:
        """Old releases go in the background: deleting thousands of links is no reader's business."""
        def run() -> None:
            try:
                with self.releases.lock():
                    self._prune()
            except Exception:
                log.exception("pruning old site releases failed")

        self.settle()
        self._pruner = threading.Thread(target=run, name="songngu-site-prune", daemon=True)
        self._pruner.start()

    def settle(self) -> None:
        """Wait for old releases to be pruned (tests, and before closing)."""
        if self._pruner is not None:
            self._pruner.join()
            self._pruner = None

    def _prune(self) -> None:
        with self.db.session() as s:
            committed = set(s.scalars(select(SiteRelease.id)))
        self.releases.prune(committed)

    def _payload(self, s: Session, doc_id: int) -> dict:
        """The stable pair JSON a listener (the webhook) receives."""
        row = s.get(PublishedArticle, doc_id)
        last = s.scalar(select(Publication).where(Publication.document_id == doc_id)
                        .order_by(Publication.id.desc()).limit(1))
        article = article_from_row(row)
        category = section_of(row.section)
        body = {"document_id": doc_id, "live": row.live,
                "section": {"slug": category.slug, "vi": category.vi, "en": category.en},
                "published_at": row.first_published_at.isoformat(timespec="seconds") + "Z",
                "updated_at": row.updated_at.isoformat(timespec="seconds") + "Z",
                "who": last.user_name if last else None, "at": last.at.isoformat(timespec="seconds") + "Z",
                "override_reason": last.override_reason if last else None,
                "reason": last.reason if last else None}
        for lang in LANGS:
            text = article.texts[lang]
            body[lang] = {"title": text.title, "summary": text.summary, "body_html": text.body_html,
                          "slug": article.slugs[lang], "url": self.base_url + article_path(article, lang)}
        return body

    def _notify(self, event: str, payload: dict) -> None:
        for listener in list(self.listeners):
            try:
                listener(event, payload)
            except Exception:  # a listener never undoes a publication
                log.exception("publishing listener %r failed on %s of document %s",
                              listener, event, payload.get("document_id"))

    def _view(self, doc_id: int) -> DocumentView:
        with self.db.session() as s:
            return document_view(load_document(s, doc_id))
