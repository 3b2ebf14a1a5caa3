"""Readable URLs from each language's title, given once and kept.

Vietnamese loses its diacritics (python-slugify transliterates through
text-unidecode, so "đ" becomes "d" and "Phở bò" becomes "pho-bo"); a slug already
taken, or one of the site's own folder names, gets "-2", "-3", ….
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from slugify import slugify

MAX_SLUG = 80
RESERVED = frozenset({"page", "assets", "media", "feed", "index", "sitemap"})
FALLBACK = {"vi": "bai-viet", "en": "article"}


def base_slug(title: str, lang: str) -> str:
    """The title as lowercase ASCII words joined by hyphens, cut at a word boundary."""
    text = (title or "").replace("đ", "d").replace("Đ", "D")
    slug = slugify(text, max_length=MAX_SLUG, word_boundary=True, save_order=True)
    return slug or FALLBACK.get(lang, "article")


def unique_slug(title: str, lang: str, taken: Callable[[str], bool]) -> str:
    """The first of ``base``, ``base-2``, ``base-3``… that is neither reserved nor ``taken``."""
    base = base_slug(title, lang)
    candidate, n = base, 1
    while candidate in RESERVED or taken(candidate):
        n += 1
        suffix = f"-{n}"
        candidate = base[: MAX_SLUG - len(suffix)].rstrip("-") + suffix
    return candidate


@lru_cache(maxsize=64)
def section_slug(category, lang: str) -> str:
    """The section's folder: from its Vietnamese label on the Vietnamese side, its slug in English."""
    return base_slug(category.vi, "vi") if lang == "vi" else category.slug
