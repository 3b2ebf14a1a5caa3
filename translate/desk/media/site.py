"""The pictures of a published article, as the site builder copies them (``publishing.loader``).

Every picture the article ever had is offered, removed ones included: the texts on
the site are those of the last publication, which may still show a picture taken
out since; the renderer uses the ones its body names. Alt text per language is
the one written on the desk, else the figure's caption in that language *as
published* (so a reader is told what the page itself says).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from translate.config import load_settings
from translate.desk.documents import LANGS
from translate.desk.media.figures import caption_text
from translate.desk.media.store import MediaStore
from translate.desk.media.tables import ArticleImage


def site_images(session: Session, doc_id: int, media_dir: Path | None = None) -> list:
    """``SiteImage`` values for the article's pictures whose files are in the media folder."""
    from translate.desk.publishing.loader import SiteImage  # the loader imports this module
    from translate.desk.publishing.tables import PublishedArticle

    rows = list(session.scalars(select(ArticleImage).where(ArticleImage.document_id == doc_id)
                                .order_by(ArticleImage.position, ArticleImage.id)))
    if not rows:
        return []
    store = MediaStore(media_dir or load_settings().media_dir)
    published = session.get(PublishedArticle, doc_id)
    texts = (published.texts if published is not None else None) or {}
    captions = {lang: caption_text((texts.get(lang) or {}).get("body_html", "")) for lang in LANGS}
    images = []
    for row in rows:
        path = store.path(row.sha256, row.ext)
        if not path.is_file():
            continue
        alt = {lang: row.alt(lang) or captions[lang].get(row.sha256, "") for lang in LANGS}
        images.append(SiteImage(sha256=row.sha256, filename=row.name, source_path=path, alt=alt))
    return images
