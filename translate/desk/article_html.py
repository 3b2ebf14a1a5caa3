"""The article body as the desk's forms take it in and as its preview gives it out.

In: editors paste either HTML (from the site's CMS or a web page) or plain text
(from an e-mail or a word processor). HTML is recognised by the tags it
contains and left to the sanitiser; plain text is escaped and becomes
paragraphs, a blank line separating two of them, the way it was written. Text
with only inline tags (a link, some bold) is plain text that keeps them.

Out: the preview sits inside the desk, whose Content-Security-Policy loads images
from the desk only. An article's images live on the news site, so in the preview
each ``<img>`` becomes a labelled placeholder (its alt text) instead of a request
the browser would block -- or, for a relative ``src``, a request to the desk itself.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Mapping

import lxml.html

from translate.text.markup import ALLOWED_TAGS, INLINE_TAGS

# Tags that make a paste HTML: the article allow-list plus what a whole web page or a
# hostile paste carries (those are then dropped or unwrapped by the sanitiser).
_HTML_TAGS = ALLOWED_TAGS | {"html", "head", "body", "title", "meta", "span", "script", "style", "iframe",
                             "article", "header", "footer", "main", "nav", "aside", "hr", "pre", "code",
                             "svg", "object", "embed", "link", "font", "center", "small", "big", "mark"}
# As browsers read a tag: the name right after "<" or "</" ("a < b > c" is prose).
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<!--|<!doctype", re.IGNORECASE)
_BLOCK_TAGS = (ALLOWED_TAGS - INLINE_TAGS) | {"html", "body", "head", "article", "header", "footer", "main", "nav",
                                            "aside", "hr", "pre", "center"}
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
PREVIEW_IMAGE_CLASS = "preview-image"


def _tags(text: str) -> set[str] | None:
    """The HTML tag names in ``text`` ("!" for a comment or doctype); None when it has none."""
    found = set()
    for m in _TAG.finditer(text):
        if m.group(1) is None:
            found.add("!")
        elif m.group(1).lower() in _HTML_TAGS:
            found.add(m.group(1).lower())
    return found or None


def looks_like_html(text: str) -> bool:
    """Whether the paste contains an HTML tag (``a < b`` or ``<3`` in prose is not one)."""
    return _tags(text) is not None


def body_html_from_paste(text: str) -> str:
    """The paste as article HTML: blank lines split paragraphs unless the HTML already has blocks.

    Plain text is escaped; text with inline tags only (``<b>``, ``<a>``) keeps them for
    the sanitiser; HTML with block tags (``<p>``, ``<h2>``, lists) is taken as it is.
    """
    if not text or not text.strip():
        return text or ""
    tags = _tags(text)
    if tags is not None and (tags & _BLOCK_TAGS or "!" in tags):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = (" ".join(block.split()) for block in _BLANK_LINE.split(text))
    wrap = (lambda p: p) if tags else (lambda p: html_lib.escape(p, quote=False))
    return "\n".join(f"<p>{wrap(p)}</p>" for p in paragraphs if p)


def without_images(body_html: str, media: Mapping[str, tuple[str, str]] | None = None) -> str:
    """Sanitised body HTML with each outside image replaced by a placeholder naming it (see the module
    docstring). The article's own pictures (``data-media``, served by the desk) stay pictures: ``media``
    maps their SHA-256 to the desk URL and the alt text to show."""
    if "<img" not in body_html:
        return body_html
    root = lxml.html.fragment_fromstring(body_html, create_parent="div")
    for img in list(root.iter("img")):
        own = (media or {}).get(img.get("data-media") or "")
        if own is not None:
            img.set("src", own[0])
            img.set("alt", own[1])
            img.set("class", "preview-picture")
            img.set("loading", "lazy")
            continue
        label = (img.get("alt") or img.get("title") or "").strip() or (img.get("src") or "").rsplit("/", 1)[-1]
        placeholder = lxml.html.Element("span", {"class": PREVIEW_IMAGE_CLASS})
        placeholder.text = label
        placeholder.tail = img.tail
        img.getparent().replace(img, placeholder)
    inner = (root.text and html_lib.escape(root.text, quote=False)) or ""
    return inner + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
