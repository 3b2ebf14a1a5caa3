"""Parallel publishing: both languages of an approved article reach the static site together, or neither.

``service.PublishingService`` (``desk.publishing``) holds the rules; ``site_render``
renders the site from ``loader.SiteArticle`` values; ``releases`` builds each change
into a fresh folder and switches to it atomically; ``tables`` keeps slugs, the
published texts and the publication log.
"""

from __future__ import annotations

from translate.desk.publishing.loader import SiteArticle, SiteImage, SiteText
from translate.desk.publishing.service import PublishingService

__all__ = ["PublishingService", "SiteArticle", "SiteImage", "SiteText"]
