"""A Word document (.docx) as article HTML, read in one streaming pass with every size bounded.

Why not python-docx: it inflates every member of the package into memory (a zip
bomb in any of them is expanded), builds the whole tree, and looks each
paragraph's style up by scanning the styles part, so a 287 KB file of two million
empty paragraphs held a server thread for a quarter of an hour. Here only the
parts an article needs are read (the main document, its styles, numbering and
links, the core properties); each is fed in chunks to lxml's event parser, which
builds no tree; styles and list formats are read once into dictionaries; and the
limits below are checked as the bytes arrive, so a hostile file is refused after
a bounded amount of work. A DOCTYPE in any part is refused: Word never writes
one, and it is how entity-expansion ("billion laughs") and external-entity
attacks begin.

What an article keeps: headings, paragraphs, bulleted and numbered lists, simple
tables, bold, italic, underline, links and line breaks, and pictures (``docx_images``:
each becomes a ``<figure>``, its caption the "Caption"-styled paragraph right after
or right before it, its alt text Word's description; a picture inside a table or a
text box is left out). Text boxes, nested tables,
deleted revisions and field codes are left out, as Word's reading view does.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass, field

from translate.desk.docx_images import DocxPicture, Pictures
from translate.desk.docx_package import (
    MAX_AUX_PART_BYTES,
    MAX_PART_BYTES,
    Package,
    PartReader,
    attr_value,
)
from translate.desk.media.figures import figure_html
from translate.desk.rules import MAX_BODY
from translate.errors import InputError, TooLargeError

MAX_PARAGRAPHS = 20_000  # every <w:p>, empty ones included
MAX_TEXT_CHARS = MAX_BODY  # characters of text; the stored body holds at most MAX_BODY of HTML
# Word caps style names at 253 characters; a longer one would be lowered and matched per paragraph.
_MAX_STYLE_NAME = 256
MAX_LINK_CHARS = 8_192  # a longer hyperlink target keeps its text but loses the link
_WS = re.compile(r"\s+")
_HEADING = re.compile(r"heading\s*(\d)")
_ON = {"", "1", "true", "on"}
_SPAN = re.compile(r"\A[2-9]\Z|\A[1-5][0-9]\Z")  # a cell spanning 2 to 59 grid columns
# Containers that hold paragraphs or runs without being a block of their own.
_TRANSPARENT = {"sdt", "sdtContent", "customXml", "smartTag"}
# Content Word does not show as text: deleted or moved-away revisions, fallbacks for old readers.
_HIDDEN = {"del", "moveFrom", "Fallback"}
# The only elements the document reader acts on; everything else (fonts, sizes, spacing, bookmarks,
# proofing marks...) is counted and passed over.
_OPENED = frozenset(_HIDDEN | {"p", "tbl", "tr", "tc", "gridSpan", "r", "b", "i", "u", "br", "cr", "tab", "ptab",
                               "noBreakHyphen", "hyperlink", "pStyle", "numId", "ilvl", "drawing", "docPr",
                               "blip"})
_CLOSED = frozenset(_HIDDEN | {"p", "tbl", "r", "hyperlink", "drawing"})


@dataclass
class DocxArticle:
    title: str
    summary: str
    body_html: str  # not yet sanitised
    pictures: list[DocxPicture] = field(default_factory=list)  # in the body as <img data-media=sha256>


class _Styles(PartReader):
    """Paragraph style id -> name, and the default paragraph style's name."""

    def __init__(self, file: str, part: str) -> None:
        super().__init__(file, part)
        self.names: dict[str, str] = {}
        self.default = ""
        self._style: tuple[str, bool] | None = None

    def opened(self, name: str, attrib) -> None:
        if name == "style" and attr_value(attrib, "type") in (None, "paragraph"):
            self._style = (attr_value(attrib, "styleId") or "", (attr_value(attrib, "default") or "") in _ON - {""})
        elif name == "name" and self._style is not None and self.stack[-1:] == ["style"]:
            style_id, default = self._style
            value = (attr_value(attrib) or "")[:_MAX_STYLE_NAME]
            self.names.setdefault(style_id, value)
            if default and not self.default:
                self.default = value

    def closed(self, name: str) -> None:
        if name == "style":
            self._style = None


class _Numbering(PartReader):
    """For each list (numId) and level, whether it is ordered: ``(numId, ilvl) -> 'ol' | 'ul'``."""

    def __init__(self, file: str, part: str) -> None:
        super().__init__(file, part)
        self.abstract_of: dict[str, str] = {}
        self.formats: dict[tuple[str, str], str] = {}
        self._num: str | None = None
        self._abstract: str | None = None
        self._level: str | None = None

    def opened(self, name: str, attrib) -> None:
        parent = self.stack[-1] if self.stack else ""
        if name == "num":
            self._num = attr_value(attrib, "numId")
        elif name == "abstractNumId" and parent == "num" and self._num is not None:
            self.abstract_of[self._num] = attr_value(attrib) or ""
        elif name == "abstractNum":
            self._abstract = attr_value(attrib, "abstractNumId")
        elif name == "lvl" and parent == "abstractNum":
            self._level = attr_value(attrib, "ilvl") or "0"
        elif name == "numFmt" and parent == "lvl" and self._abstract is not None and self._level is not None:
            self.formats[(self._abstract, self._level)] = attr_value(attrib) or ""

    def closed(self, name: str) -> None:
        if name == "num":
            self._num = None
        elif name == "abstractNum":
            self._abstract = None

    def kind(self, num_id: str, level: str) -> str | None:
        fmt = self.formats.get((self.abstract_of.get(num_id, ""), level or "0"))
        if fmt is None:
            return None
        return "ul" if fmt in ("bullet", "none") else "ol"


class _CoreProperties(PartReader):
    def __init__(self, file: str, part: str) -> None:
        super().__init__(file, part)
        self.values: dict[str, list[str]] = {"title": [], "subject": []}

    def data(self, text: str) -> None:
        if len(self.stack) == 2 and self.stack[-1] in self.values:
            self.values[self.stack[-1]].append(text)

    def get(self, name: str) -> str:
        return _WS.sub(" ", "".join(self.values[name])).strip()


@dataclass
class _Paragraph:
    block: str  # "body", "cell" or "" (text boxes, nested tables: read but not kept)
    style_id: str = ""
    num_id: str | None = None
    level: str = "0"
    pieces: list[str] = field(default_factory=list)
    links: list[tuple[str, list[str]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    run: list[str] | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    drawing: list[str] | None = None  # [relationship id, alt text] of the open <w:drawing>
    pictures: list[tuple[str, str]] = field(default_factory=list)  # (sha256, ext), in order

    def add_to_run(self, html: str, plain: str) -> None:
        if self.run is not None:
            self.run.append(html)
            self.text.append(plain)

    def end_run(self) -> str:
        text = "".join(self.run or [])
        self.run = None
        if text.strip("<br> "):
            if self.underline:
                text = f"<u>{text}</u>"
            if self.italic:
                text = f"<em>{text}</em>"
            if self.bold:
                text = f"<strong>{text}</strong>"
        (self.links[-1][1] if self.links else self.pieces).append(text)
        return text


class _Document(PartReader):
    """The main document part, turned into blocks of article HTML as it streams."""

    def __init__(self, file: str, part: str, styles: _Styles, numbering: _Numbering,
                 links: dict[str, str], pictures: Pictures) -> None:
        super().__init__(file, part)
        self.styles, self.numbering, self.links, self.pictures = styles, numbering, links, pictures
        self.article = _Assembler(file)
        self.paragraphs: list[_Paragraph] = []
        self.paragraph_count = 0
        self.text_chars = 0
        self.hidden = 0
        self.tables = 0  # open <w:tbl>, nested ones included
        self.table: list[list[tuple[int, list[str]]]] | None = None  # the open top-level table

    def _block(self) -> str:
        for name in reversed(self.stack):
            if name in _TRANSPARENT:
                continue
            if name == "body":
                return "body"
            if name == "tc" and self.table is not None and self.tables == 1:
                return "cell"
            return ""
        return ""

    opens = _OPENED
    closes = _CLOSED

    def opened(self, name: str, attrib) -> None:
        if not self.stack:
            if name != "document":
                raise InputError(f"{self.file} is not a Word document (its main part is <{name}>)")
            return
        parent = self.stack[-1]
        para = self.paragraphs[-1] if self.paragraphs else None
        if name in _HIDDEN:
            self.hidden += 1
        elif name == "p":
            self.paragraph_count += 1
            if self.paragraph_count > MAX_PARAGRAPHS:
                raise TooLargeError(f"{self.file} is too large: more than {MAX_PARAGRAPHS:,} paragraphs "
                                    f"(limit {MAX_PARAGRAPHS:,})")
            self.paragraphs.append(_Paragraph(self._block()))
        elif name == "tbl":
            if self.tables == 0 and self._block() == "body":
                self.table = []
            self.tables += 1
        elif self.table is not None and self.tables == 1 and name == "tr":
            self.article.count(len("<tr></tr>"))
            self.table.append([])
        elif self.table is not None and self.tables == 1 and name == "tc" and self.table:
            self.article.count(len('<td colspan="nn"></td>'))
            self.table[-1].append((1, []))
        elif name == "gridSpan" and parent == "tcPr" and self.table and self.table[-1] and self.tables == 1:
            span = attr_value(attrib) or "1"
            self.table[-1][-1] = (int(span) if _SPAN.match(span) else 1, self.table[-1][-1][1])
        elif para is None or self.hidden or not para.block:
            return
        elif name == "r":
            para.run, para.bold, para.italic, para.underline = [], False, False, False
        elif name == "drawing":
            para.drawing = ["", ""]
        elif name == "docPr" and para.drawing is not None:
            para.drawing[1] = attr_value(attrib, "descr") or attr_value(attrib, "title") or ""
        elif name == "blip" and para.drawing is not None and not para.drawing[0] and para.block == "body":
            para.drawing[0] = attr_value(attrib, "embed") or ""
        elif name in ("b", "i", "u") and parent == "rPr" and self.stack[-2:-1] == ["r"]:
            value = (attr_value(attrib) or "").lower()
            if name == "u":
                para.underline = value not in ("", "none")
            elif name == "b":
                para.bold = value in _ON
            else:
                para.italic = value in _ON
        elif name in ("br", "cr") and parent == "r":
            para.add_to_run("<br>", "\n")
        elif name in ("tab", "ptab") and parent == "r":
            para.add_to_run(" ", "\t")
        elif name == "noBreakHyphen" and parent == "r":
            para.add_to_run("-", "-")
        elif name == "hyperlink":
            rid = attr_value(attrib, "id")
            address = self.links.get(rid, "") if rid else ""
            anchor = attr_value(attrib, "anchor")
            para.links.append((f"{address}#{anchor}" if anchor else address, []))
        elif name == "pStyle" and parent == "pPr" and self.stack[-2:-1] == ["p"]:
            para.style_id = attr_value(attrib) or ""
        elif name in ("numId", "ilvl") and parent == "numPr" and self.stack[-3:-1] == ["p", "pPr"]:
            if name == "numId":
                para.num_id = attr_value(attrib) or ""
            else:
                para.level = attr_value(attrib) or "0"

    def data(self, text: str) -> None:
        stack = self.stack
        if len(stack) < 2 or stack[-1] != "t":
            return
        self.text_chars += len(text)
        if self.text_chars > MAX_TEXT_CHARS:
            raise TooLargeError(f"{self.file} is too large: more than {MAX_TEXT_CHARS:,} characters of text "
                                f"(limit {MAX_TEXT_CHARS:,})")
        if stack[-2] == "r" and self.paragraphs and self.paragraphs[-1].block and not self.hidden:
            self.paragraphs[-1].add_to_run(html_lib.escape(text, quote=False), text)

    def closed(self, name: str) -> None:
        para = self.paragraphs[-1] if self.paragraphs else None
        if name in _HIDDEN:
            self.hidden -= 1
        elif name == "p" and para is not None:
            self.paragraphs.pop()
            self._finish(para)
        elif name == "tbl":
            self.tables -= 1
            if self.tables == 0 and self.table is not None:
                self.article.table(self.table)
                self.table = None
        elif para is None or self.hidden or not para.block:
            return
        elif name == "r" and para.run is not None:
            self.article.count(len(para.end_run()))
        elif name == "drawing" and para.drawing is not None:
            rid, alt = para.drawing
            para.drawing = None
            image = self.pictures.get(rid, alt) if rid else None
            if image is not None:
                para.pictures.append((image.sha256, image.ext))
        elif name == "hyperlink" and para.links:
            address, pieces = para.links.pop()
            inner = "".join(pieces)
            if address and inner.strip():
                opening = f'<a href="{html_lib.escape(address)}">'
                self.article.count(len(opening) + len("</a>"))
                inner = f"{opening}{inner}</a>"
            (para.links[-1][1] if para.links else para.pieces).append(inner)

    def _finish(self, para: _Paragraph) -> None:
        if not para.block:
            return
        while para.links:  # a hyperlink left open by a malformed file keeps its text
            para.pieces.extend(para.links.pop()[1])
        content = "".join(para.pieces).strip()
        text = _WS.sub(" ", "".join(para.text)).strip()
        for sha256, ext in para.pictures:
            self.article.figure(sha256, ext)
        if not text:
            return
        if para.block == "cell":
            if self.table and self.table[-1]:
                self.table[-1][-1][1].append(content)
            return
        style = (self.styles.names.get(para.style_id) if para.style_id else None)
        if style is None:
            style = self.styles.default
        self.article.paragraph(style, self._list_kind(style, para), content, text)

    def _list_kind(self, style: str, para: _Paragraph) -> str | None:
        """'ul' or 'ol' for list paragraphs (by style, or by Word's numbering properties)."""
        numbered = None
        if para.num_id not in (None, "", "0"):
            numbered = self.numbering.kind(para.num_id, para.level)
        low = style.lower()
        if "list number" in low:
            return "ol"
        if "list bullet" in low or low.startswith("list paragraph"):
            return numbered or "ul"
        if para.num_id not in (None, "", "0"):
            return numbered or "ul"
        return None


class _Assembler:
    """Paragraphs in reading order -> title, summary and the body's blocks, lists grouped."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.title = ""
        self.summary = ""
        self.blocks: list[str | tuple[str, str, str]] = []  # HTML, or a figure: (sha256, ext, caption HTML)
        self.chars = 0
        self.open_list: str | None = None
        self.items: list[str] = []
        self.caption_at: int | None = None  # index in blocks of a caption paragraph no figure has taken yet
        self.uncaptioned: int | None = None  # index in blocks of the last figure, while it has no caption

    def figure(self, sha256: str, ext: str, caption: str = "") -> None:
        """A picture; the "Caption" paragraph just before it, if still free, becomes its caption."""
        self.close_list()
        if self.caption_at is not None and self.caption_at == len(self.blocks) - 1:
            caption = self.blocks.pop()[len("<p>"):-len("</p>")]
        self.caption_at = None
        self.blocks.append((sha256, ext, caption))
        self.count(len(figure_html(sha256, ext)) + len("<figcaption></figcaption>"))
        self.uncaptioned = None if caption else len(self.blocks) - 1

    def html(self) -> str:
        return "\n".join(figure_html(b[0], b[1], caption_html=b[2]) if isinstance(b, tuple) else b
                         for b in self.blocks)

    def count(self, chars: int) -> None:
        self.chars += chars
        if self.chars > MAX_BODY:
            raise TooLargeError(f"{self.file} is too large: its article body passes {MAX_BODY:,} characters of "
                                f"HTML (limit {MAX_BODY:,})")

    def close_list(self) -> None:
        if self.open_list and self.items:
            self.blocks.append(f"<{self.open_list}>" + "".join(f"<li>{li}</li>" for li in self.items)
                               + f"</{self.open_list}>")
        self.open_list, self.items = None, []

    def paragraph(self, style: str, kind: str | None, content: str, text: str) -> None:
        low = style.lower()
        if low == "caption" and kind is None:
            if self.uncaptioned is not None and self.uncaptioned == len(self.blocks) - 1:
                sha256, ext, _none = self.blocks[self.uncaptioned]
                self.blocks[self.uncaptioned] = (sha256, ext, content)
                self.uncaptioned = None
                return
            self.close_list()
            self.blocks.append(f"<p>{content}</p>")
            self.caption_at = len(self.blocks) - 1
            return
        heading = _HEADING.match(low)
        level = int(heading.group(1)) if heading else None
        if (low == "title" or level == 1) and not self.title:
            self.close_list()
            self.title = text
            return
        if low == "subtitle" and not self.summary:
            self.close_list()
            self.summary = text
            return
        if kind is not None:
            if self.open_list != kind:
                self.close_list()
                self.open_list = kind
            self.count(len("<li></li>"))
            self.items.append(content)
            return
        self.close_list()
        self.count(len("<blockquote><p></p></blockquote>"))
        if level is not None:
            tag = f"h{min(6, level + 1)}"  # the article title is the one <h1>; headings start at <h2>
            self.blocks.append(f"<{tag}>{content}</{tag}>")
        elif low in ("quote", "intense quote"):
            self.blocks.append(f"<blockquote><p>{content}</p></blockquote>")
        else:
            self.blocks.append(f"<p>{content}</p>")

    def table(self, rows: list[list[tuple[int, list[str]]]]) -> None:
        self.close_list()
        html_rows = []
        for row in rows:
            cells = "".join((f'<td colspan="{span}">' if span > 1 else "<td>") + "<br>".join(parts) + "</td>"
                            for span, parts in row)
            html_rows.append(f"<tr>{cells}</tr>")
        if html_rows:
            self.blocks.append("<table><tbody>" + "".join(html_rows) + "</tbody></table>")


def read_docx(data: bytes, file: str = "file.docx") -> DocxArticle:
    """Title, summary and (unsanitised) body HTML of a .docx, or a user error naming what is wrong."""
    package = Package(data, file)
    main = package.resolve("", package.relationships("").target("officeDocument"))
    if main is None:
        main = "word/document.xml" if "word/document.xml" in package.names else None
    if main is None:
        raise InputError(f"{file} is not a readable .docx file (no word/document.xml inside)")
    rels = package.relationships(main)
    styles = _Styles(file, "styles")
    numbering = _Numbering(file, "numbering")
    for reader, kind in ((styles, "styles"), (numbering, "numbering")):
        name = package.resolve(main, rels.target(kind))
        if name is not None:
            reader.part = name
            package.read(name, reader, MAX_AUX_PART_BYTES)
    links = {rid: url for rid, url in rels.targets("hyperlink").items() if len(url) <= MAX_LINK_CHARS}
    embedded = {rid: target for rid, (kind, target, mode) in rels.rels.items()
                if kind.endswith("/image") and mode != "External"}
    pictures = Pictures(package, main, embedded, file)
    document = _Document(file, main, styles, numbering, links, pictures)
    package.read(main, document, MAX_PART_BYTES)
    article = document.article
    article.close_list()
    title, summary = article.title, article.summary
    if not title or not summary:
        core = package.resolve("", package.relationships("").target("core-properties"))
        if core is not None:
            props = _CoreProperties(file, core)
            package.read(core, props, MAX_AUX_PART_BYTES)
            summary = summary or props.get("subject")
            title = title or props.get("title")
    return DocxArticle(title=title, summary=summary, body_html=article.html(), pictures=pictures.found)
