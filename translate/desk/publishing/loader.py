"""The site's articles as plain data, read from what was published (``site_articles``).

The renderer never sees a database row: it gets :class:`SiteArticle` values, so a
full build and a one-article publish render from the same thing, and the photos
task can attach each article's images (``images``) without touching the renderer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from translate.desk.documents import LANGS
from translate.desk.publishing.tables import PublishedArticle


@dataclass(frozen=True)
class SiteImage:
    """A photo from the media store as the site uses it: copied to ``media/<filename>``, alt text per language."""

    sha256: str
    filename: str
    source_path: Path
    alt: dict[str, str]


@dataclass(frozen=True)
class SiteText:
    title: str
    summary: str
    body_html: str


@dataclass
class SiteArticle:
    """One published pair: both languages' texts and slugs, its section, its dates and its photos."""

    doc_id: int
    section: str
    slugs: dict[str, str]
    texts: dict[str, SiteText]
    first_published_at: datetime
    updated_at: datetime
    images: list[SiteImage] = field(default_factory=list)


def article_from_row(row: PublishedArticle) -> SiteArticle:
    texts = {lang: SiteText(title=row.texts[lang]["title"], summary=row.texts[lang].get("summary", ""),
                            body_html=row.texts[lang].get("body_html", "")) for lang in LANGS}
    return SiteArticle(doc_id=row.document_id, section=row.section, slugs={"vi": row.slug_vi, "en": row.slug_en},
                       texts=texts, first_published_at=row.first_published_at, updated_at=row.updated_at)


def newest_first(articles: list[SiteArticle]) -> list[SiteArticle]:
    """First publication date, newest first: a correction does not push an old story back to the top."""
    return sorted(articles, key=lambda a: (a.first_published_at, a.doc_id), reverse=True)


class ArticleCache:
    """Parsed articles kept between publications of one process, keyed by their last publication time.

    A publication reads every live article's listing data (homes, indexes, feeds,
    sitemap) but changes one; parsing a thousand bodies' JSON each time would be most
    of its cost. A row whose ``updated_at`` differs from the cached one (republished,
    or a cached value from a rolled-back attempt) is read again.
    """

    def __init__(self) -> None:
        self.items: dict[int, tuple[datetime, SiteArticle]] = {}

    def load(self, s: Session) -> list[SiteArticle]:
        keys = s.execute(select(PublishedArticle.document_id, PublishedArticle.updated_at)
                         .where(PublishedArticle.live.is_(True))).all()
        wanted = {doc_id: at for doc_id, at in keys}
        stale = [doc_id for doc_id, at in wanted.items() if self.items.get(doc_id, (None,))[0] != at]
        for start in range(0, len(stale), 500):
            for article in load_rows(s, stale[start:start + 500]):
                self.items[article.doc_id] = (article.updated_at, article)
        for doc_id in set(self.items) - set(wanted):
            del self.items[doc_id]
        return newest_first([self.items[doc_id][1] for doc_id in wanted])


def load_rows(s: Session, doc_ids: list[int]) -> list[SiteArticle]:
    rows = s.scalars(select(PublishedArticle).where(PublishedArticle.document_id.in_(doc_ids)))
    articles = [article_from_row(row) for row in rows]
    for article in articles:
        if any("data-media" in text.body_html for text in article.texts.values()):  # no photos: no query
            article.images.extend(site_images_for(s, article.doc_id))
    return articles


def load_articles(s: Session) -> list[SiteArticle]:
    """Every live article, newest first, with its images."""
    return ArticleCache().load(s)


def site_images_for(s: Session, doc_id: int) -> list[SiteImage]:
    """The article's photos from the media store (``translate.desk.media.site``)."""
    from translate.desk.media.site import site_images

    return site_images(s, doc_id)
