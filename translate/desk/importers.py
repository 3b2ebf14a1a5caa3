"""Articles from files: an HTML page or a Word document (.docx), as sanitised article HTML.

Editors write in Word, so .docx import keeps what an article needs and drops
the rest: headings, paragraphs, bulleted and numbered lists, bold, italic,
underline, links and line breaks. Title comes from the Title style (or the first
Heading 1), summary from the Subtitle style (or the document's subject).
"""

from __future__ import annotations

import html as html_lib
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from translate.errors import InputError

MAX_FILE_BYTES = 20 * 1024 * 1024
_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class ImportedArticle:
    title: str
    summary: str
    body_html: str


def import_file(filename: str, data: bytes) -> ImportedArticle:
    """Dispatch on the file's extension (checked against its content)."""
    if not isinstance(data, bytes | bytearray):
        raise InputError("the uploaded file must be bytes")
    name = PurePath(filename or "").name
    if not data:
        raise InputError(f"{name or 'the file'} is empty")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name} is too large: {len(data):,} bytes (limit {MAX_FILE_BYTES:,})")
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
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    head = data[:2048].decode("ascii", errors="ignore")
    m = re.search(r"charset=[\"']?([A-Za-z0-9_-]+)", head)
    if m:
        try:
            return data.decode(m.group(1))
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(f"{name}: declared charset {m.group(1)!r} does not decode the file") from exc
    raise InputError(f"{name} is not UTF-8 and declares no charset; save it as UTF-8")


def import_html(data: bytes, name: str = "file.html") -> ImportedArticle:
    import lxml.html

    from translate.text.markup import sanitize_html

    text = unicodedata.normalize("NFC", _decode(data, name))
    if not text.strip():
        raise InputError(f"{name} has no content")
    try:
        root = lxml.html.document_fromstring(text)
    except Exception as exc:  # lxml raises ParserError on empty/garbage documents
        raise InputError(f"{name}: not readable as HTML ({exc})") from exc

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
    inner = (body_el.text or "") + "".join(
        lxml.html.tostring(child, encoding="unicode") for child in body_el.iterchildren()
    )
    body = sanitize_html(inner)
    if not body.strip() and not summary:
        raise InputError(f"{name}: no article text found in <body>")
    return ImportedArticle(title=title, summary=summary, body_html=body)


# --- DOCX -------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html_lib.escape(text, quote=False)


def _run_html(run) -> str:
    """One run with its emphasis; w:br becomes <br>, tabs a space."""
    parts: list[str] = []
    for child in run._r.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "t":
            parts.append(_esc(child.text or ""))
        elif tag in ("br", "cr"):
            parts.append("<br>")
        elif tag == "tab":
            parts.append(" ")
    text = "".join(parts)
    if not text.strip("<br> "):
        return text
    if run.underline:
        text = f"<u>{text}</u>"
    if run.italic:
        text = f"<em>{text}</em>"
    if run.bold:
        text = f"<strong>{text}</strong>"
    return text


def _paragraph_html(paragraph) -> str:
    from docx.text.hyperlink import Hyperlink

    out: list[str] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            inner = "".join(_run_html(r) for r in item.runs)
            address = item.address or ""
            if item.fragment:
                address = f"{address}#{item.fragment}"
            if address and inner.strip():
                out.append(f'<a href="{html_lib.escape(address)}">{inner}</a>')
            else:
                out.append(inner)
        else:
            out.append(_run_html(item))
    return "".join(out).strip()


def _list_kind(paragraph) -> str | None:
    """'ul' or 'ol' for list paragraphs (by style, or by Word's numbering properties)."""
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    low = style.lower()
    if "list number" in low:
        return "ol"
    if "list bullet" in low or low.startswith("list paragraph"):
        return "ul" if not _numbered(paragraph) else _numbered(paragraph)
    if paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None:
        return _numbered(paragraph) or "ul"
    return None


def _numbered(paragraph) -> str | None:
    """Look the paragraph's numbering format up: decimal/letter/roman lists are ordered."""
    ppr = paragraph._p.pPr
    if ppr is None or ppr.numPr is None or ppr.numPr.numId is None:
        return None
    try:
        num_id = ppr.numPr.numId.val
        ilvl = ppr.numPr.ilvl.val if ppr.numPr.ilvl is not None else 0
        numbering = paragraph.part.numbering_part.element
        ns = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
        abstract = numbering.xpath(f"./w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val", namespaces=ns)
        if not abstract:
            return None
        fmt = numbering.xpath(
            f"./w:abstractNum[@w:abstractNumId='{abstract[0]}']/w:lvl[@w:ilvl='{ilvl}']/w:numFmt/@w:val",
            namespaces=ns)
    except (AttributeError, KeyError, NotImplementedError):
        return None
    if not fmt:
        return None
    return "ul" if fmt[0] in ("bullet", "none") else "ol"


def _heading_level(style: str) -> int | None:
    m = re.match(r"heading\s*(\d)", style.lower())
    return int(m.group(1)) if m else None


def import_docx(data: bytes, name: str = "file.docx") -> ImportedArticle:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from translate.text.markup import sanitize_html

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{name} is not a readable .docx file ({type(exc).__name__}: {exc})") from exc

    title = ""
    summary = ""
    blocks: list[str] = []
    open_list: str | None = None
    list_items: list[str] = []

    def close_list() -> None:
        nonlocal open_list, list_items
        if open_list and list_items:
            blocks.append(f"<{open_list}>" + "".join(f"<li>{li}</li>" for li in list_items) + f"</{open_list}>")
        open_list, list_items = None, []

    from docx.table import Table

    for paragraph in document.iter_inner_content():
        if isinstance(paragraph, Table):
            close_list()
            rows = []
            for row in paragraph.rows:
                cells = "".join(
                    f"<td>{'<br>'.join(_paragraph_html(p) for p in cell.paragraphs if p.text.strip())}</td>"
                    for cell in row.cells)
                rows.append(f"<tr>{cells}</tr>")
            if rows:
                blocks.append("<table><tbody>" + "".join(rows) + "</tbody></table>")
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        content = _paragraph_html(paragraph)
        text = _WS.sub(" ", paragraph.text).strip()
        if not text:
            continue
        low = style.lower()
        if low == "title" and not title:
            close_list()
            title = text
            continue
        if low == "subtitle" and not summary:
            close_list()
            summary = text
            continue
        level = _heading_level(style)
        if level == 1 and not title:
            close_list()
            title = text
            continue
        kind = _list_kind(paragraph)
        if kind is not None:
            if open_list != kind:
                close_list()
                open_list = kind
            list_items.append(content)
            continue
        close_list()
        if level is not None:
            # The article title is the one <h1>; document headings start at <h2>.
            tag = f"h{min(6, level + 1)}"
            blocks.append(f"<{tag}>{content}</{tag}>")
        elif low in ("quote", "intense quote"):
            blocks.append(f"<blockquote><p>{content}</p></blockquote>")
        else:
            blocks.append(f"<p>{content}</p>")
    close_list()

    if not summary:
        summary = _WS.sub(" ", document.core_properties.subject or "").strip()
    if not title:
        title = _WS.sub(" ", document.core_properties.title or "").strip()
    body = sanitize_html("\n".join(blocks))
    if not body.strip() and not summary:
        raise InputError(f"{name}: the document has no text")
    return ImportedArticle(title=unicodedata.normalize("NFC", title), summary=unicodedata.normalize("NFC", summary),
                           body_html=body)
