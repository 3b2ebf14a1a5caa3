"""Pictures in article HTML: ``<figure><img data-media="SHA" src="/media/SHA.ext" alt=""><figcaption>``.

``data-media`` is what marks a picture of the media store; its ``src`` is always
rewritten from the article's image rows (the desk serves ``/media/<sha>.<ext>``, the
site its own copy), so a pasted ``src`` is never trusted. Its ``alt`` is empty in the
body: alt text lives per language on the image row (``tables.ArticleImage``), so it
is not a segment and has one place to be edited. An ``<img>`` without ``data-media``
(pasted from the web) is a link to someone else's server: it stays in the body as
it is and the server never fetches it.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Callable, Mapping

import lxml.html

from translate.text.html_limits import html_parser

MEDIA_ATTR = "data-media"
URL_PREFIX = "/media/"


def media_url(sha256: str, ext: str) -> str:
    return f"{URL_PREFIX}{sha256}.{ext}"


def figure_html(sha256: str, ext: str, caption: str = "", *, caption_html: str = "") -> str:
    """A figure for the body; ``caption`` is plain text (escaped here), ``caption_html`` inline HTML."""
    cap = html_lib.escape(" ".join(caption.split()), quote=False) or caption_html.strip()
    inner = f'<img {MEDIA_ATTR}="{sha256}" src="{media_url(sha256, ext)}" alt="">'
    if cap:
        inner += f"<figcaption>{cap}</figcaption>"
    return f"<figure>{inner}</figure>"


def _parse(body_html: str):
    return lxml.html.fragment_fromstring(body_html, create_parent="div", parser=html_parser())


def _serialise(root) -> str:
    inner = html_lib.escape(root.text, quote=False) if root.text else ""
    return inner + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)


def media_refs(body_html: str) -> list[str]:
    """The ``data-media`` SHA-256s in the body, in order of first appearance."""
    if MEDIA_ATTR not in (body_html or ""):
        return []
    seen: dict[str, None] = {}
    for img in _parse(body_html).iter("img"):
        sha = img.get(MEDIA_ATTR)
        if sha:
            seen.setdefault(sha, None)
    return list(seen)


def rewrite_media(body_html: str, rewrite: Callable[[object, str | None], None]) -> str:
    """Call ``rewrite(img, sha_or_None)`` on every ``<img>`` and serialise the result.

    ``rewrite`` may change attributes, or return after calling ``img.drop_tree()``.
    """
    if "<img" not in (body_html or ""):
        return body_html or ""
    root = _parse(body_html)
    for img in list(root.iter("img")):
        rewrite(img, img.get(MEDIA_ATTR))
    return _serialise(root)


def bind_media(body_html: str, known: Mapping[str, str]) -> str:
    """Body HTML as stored: a ``data-media`` image of this article (``known``: sha -> ext) gets its
    canonical ``src`` and an empty ``alt``; one that names no image of the article loses the mark
    and is kept as an outside link."""
    if MEDIA_ATTR not in (body_html or ""):
        return body_html or ""

    def fix(img, sha: str | None) -> None:
        if sha is None:
            return
        if sha in known:
            img.set("src", media_url(sha, known[sha]))
            img.set("alt", "")
            img.attrib.pop("title", None)
        else:
            del img.attrib[MEDIA_ATTR]
    return rewrite_media(body_html, fix)


def remove_media(body_html: str, sha256: str) -> str:
    """The body without the picture ``sha256``: its figure goes with its caption."""
    def drop(img, sha: str | None) -> None:
        if sha != sha256:
            return
        parent = img.getparent()
        if parent is not None and parent.tag == "figure" and not [
                i for i in parent.iter("img") if i is not img]:
            parent.drop_tree()
        else:
            img.drop_tree()
    return rewrite_media(body_html, drop)


def caption_text(body_html: str) -> dict[str, str]:
    """For each ``data-media`` picture, the plain text of its figure's caption ('' when none)."""
    captions: dict[str, str] = {}

    def read(img, sha: str | None) -> None:
        if not sha or sha in captions:
            return
        parent = img.getparent()
        text = ""
        if parent is not None and parent.tag == "figure":
            for cap in parent.iter("figcaption"):
                text = " ".join(cap.text_content().split())
                break
        captions[sha] = text

    if MEDIA_ATTR in (body_html or ""):
        rewrite_media(body_html, read)
    return captions
