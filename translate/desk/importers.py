"""Articles from files: an HTML page or a Word document (.docx), as sanitised article HTML.

Editors write in Word, so .docx import keeps what an article needs and drops
the rest: headings, paragraphs, bulleted and numbered lists, bold, italic,
underline, links and line breaks (``docx_reader``). Title comes from the Title
style (or the first Heading 1), summary from the Subtitle style (or the
document's subject).

Every file is untrusted: sizes are checked before anything is parsed, and an
oversized file is refused with ``TooLargeError`` naming the limit rather than
parsed, truncated or left to run for minutes. The limits fit together: a page is
read only up to ``MAX_HTML_CHARS`` (what the sanitiser accepts), and the article
body it yields must fit ``rules.MAX_BODY`` (what a document stores).
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

from translate.desk.docx_images import DocxPicture
from translate.desk.docx_reader import read_docx
from translate.desk.rules import MAX_BODY
from translate.errors import InputError, TooLargeError
from translate.text.html_limits import MAX_HTML_CHARS, control_character, html_parser
from translate.text.markup import sanitize_html

MAX_FILE_BYTES = 20 * 1024 * 1024
_WS = re.compile(r"\s+")
# A DOCTYPE with an internal subset ("[ ... ]"), or a markup declaration anywhere: HTML has no use for
# either, and they are how entity tricks begin. [^<>\[]* keeps the scan linear on hostile input.
_DTD_SUBSET = re.compile(r"<!DOCTYPE[^<>\[]*\[", re.IGNORECASE)
_DECLARATION = re.compile(r"<!(?:ENTITY|ELEMENT|ATTLIST|NOTATION)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ImportedArticle:
    title: str
    summary: str
    body_html: str
    # Pictures embedded in a .docx, referenced in the body as <img data-media="sha256">; the caller stores them.
    images: tuple[DocxPicture, ...] = field(default_factory=tuple)


def import_file(filename: str, data: bytes) -> ImportedArticle:
    """Dispatch on the file's extension (checked against its content)."""
    if not isinstance(data, bytes | bytearray):
        raise InputError("the uploaded file must be bytes")
    name = PurePath(filename or "").name
    if not data:
        raise InputError(f"{name or 'the file'} is empty")
    if len(data) > MAX_FILE_BYTES:
        raise TooLargeError(f"{name} is too large: {len(data):,} bytes (limit {MAX_FILE_BYTES:,})")
    ext = PurePath(name).suffix.lower()
    if ext == ".docx":
        return import_docx(bytes(data), name)
    if ext in (".html", ".htm", ".xhtml"):
        return import_html(bytes(data), name)
    if ext == ".doc":
        raise InputError(f"{name}: old Word .doc files are not supported; save it as .docx in Word first")
    raise InputError(f"{name}: unsupported file type {ext or '(none)'}; use .docx or .html")


# --- HTML -------------------------------------------------------------------------------------


def _decode(data: bytes, name: str) -> str:
    text = _decode_bytes(data, name)
    try:
        text.encode("utf-8")  # some codecs (utf-7, unicode_escape) can yield unpaired surrogates
    except UnicodeEncodeError as exc:
        raise InputError(f"{name} does not decode to valid text (an unpaired surrogate at character "
                         f"{exc.start + 1:,}); save it as UTF-8") from None
    return text


def _decode_bytes(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name} starts with a UTF-8 byte order mark but is not UTF-8 "
                             f"(byte {exc.start + 3:,}); save it as UTF-8") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:2048].decode("ascii", errors="ignore")
    m = re.search(r"charset=[\"']?([A-Za-z0-9_-]+)", head)
    if m:
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeError, ValueError) as exc:
            raise InputError(f"{name}: declared charset {m.group(1)!r} does not decode the file") from exc
    raise InputError(f"{name} is not UTF-8 and declares no charset; save it as UTF-8")


def import_html(data: bytes, name: str = "file.html") -> ImportedArticle:
    import lxml.html
    from lxml import etree

    text = _decode(data, name)
    if len(text) > MAX_HTML_CHARS:
        raise TooLargeError(f"{name} is too large: {len(text):,} characters of HTML (limit {MAX_HTML_CHARS:,})")
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise InputError(f"{name} has no content")
    bad = control_character(text.replace("\x0c", " "))
    if bad:
        raise InputError(f"{name} contains {bad}; remove it and import again")
    if _DTD_SUBSET.search(text) or _DECLARATION.search(text):
        raise InputError(f"{name}: DOCTYPE internal subsets and ENTITY declarations are not accepted in HTML; "
                         "remove them (a plain <!DOCTYPE html> is fine)")
    try:
        # huge_tree: within MAX_HTML_CHARS libxml2 must never drop a long text node or deep markup unsaid.
        # Bytes, so an XHTML file's <?xml encoding=...?> declaration is no obstacle.
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=html_parser("utf-8"))
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(f"{name}: not readable as HTML ({exc})") from None

    def first_text(xpath: str) -> str:
        for el in root.xpath(xpath):
            value = el if isinstance(el, str) else el.text_content()
            value = _WS.sub(" ", value).strip()
            if value:
                return value
        return ""

    h1 = root.xpath("//body//h1")
    title = first_text("//body//h1") or first_text("//head/title")
    summary = first_text("//head/meta[@name='description']/@content") or first_text(
        "//body//*[contains(concat(' ', normalize-space(@class), ' '), ' summary ') "
        "or contains(concat(' ', normalize-space(@class), ' '), ' lead ') "
        "or contains(concat(' ', normalize-space(@class), ' '), ' sapo ')]")
    body_el = root.find("body")
    if body_el is None:
        body_el = root
    # The title is stored separately: drop the first <h1> from the body so it is not translated twice.
    if h1 and _WS.sub(" ", h1[0].text_content()).strip() == title:
        h1[0].drop_tree()
    for el in body_el.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' summary ') "
                            "or contains(concat(' ', normalize-space(@class), ' '), ' lead ') "
                            "or contains(concat(' ', normalize-space(@class), ' '), ' sapo ')]"):
        if _WS.sub(" ", el.text_content()).strip() == summary:
            el.drop_tree()
            break
    # The body's leading text comes back decoded: escape it, or "&lt;b&gt;" would turn into a real tag.
    inner = html_lib.escape(body_el.text or "", quote=False) + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in body_el.iterchildren()
    )
    body = _article_body(inner, name)
    if not body.strip() and not summary:
        raise InputError(f"{name}: no article text found in <body>")
    return ImportedArticle(title=title, summary=summary, body_html=body)


def import_docx(data: bytes, name: str = "file.docx") -> ImportedArticle:
    article = read_docx(data, name)
    body = _article_body(article.body_html, name)
    if not body.strip() and not article.summary:
        raise InputError(f"{name}: the document has no text")
    return ImportedArticle(title=unicodedata.normalize("NFC", article.title),
                           summary=unicodedata.normalize("NFC", article.summary), body_html=body,
                           images=tuple(article.pictures))


def _article_body(html: str, name: str) -> str:
    """The sanitised body, refused as too large here (413) rather than later as a too-long field."""
    body = sanitize_html(html)
    if len(body) > MAX_BODY:
        raise TooLargeError(f"{name} is too large: its article body has {len(body):,} characters of HTML "
                            f"(limit {MAX_BODY:,})")
    return body


