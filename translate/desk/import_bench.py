"""How fast articles import, and how little a hostile file costs: the importers' benchmark.

The timed article is what Word writes, not what python-docx writes: every run
carries its fonts, size and language, paragraphs carry revision ids, spelling
marks and bookmarks, lists use Word's numbering. The hostile files are the ones
that used to pin a server thread: two million empty paragraphs (a 17 KB .docx),
and HTML nested 400,000 elements deep. Each is reported beside the article's
time, as a ratio measured in the same run, because absolute times on a shared
machine say little. ``python -m translate.desk.import_bench`` prints the figures.

The package builders are public because the tests build their files with them.
"""

from __future__ import annotations

import html as html_lib
import io
import time
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TARGETS = {"article_docx_s": 1.0, "hostile_vs_article": 2.0}

STYLES_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>
</w:styles>"""

NUMBERING_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl>
<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""


def document_xml(body: str, *, prolog: str = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n') -> str:
    return f'{prolog}<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'


def docx_bytes(body: str | bytes, *, styles: str | None = STYLES_XML, numbering: str | None = NUMBERING_XML,
               links: dict[str, str] | None = None, core: dict[str, str] | None = None,
               extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx as Word lays it out; ``body`` is the inside of <w:body> (or, as bytes, the whole part)."""
    doc_rels = []
    if styles is not None:
        doc_rels.append(f'<Relationship Id="rIdS" Type="{_DOC_REL}/styles" Target="styles.xml"/>')
    if numbering is not None:
        doc_rels.append(f'<Relationship Id="rIdN" Type="{_DOC_REL}/numbering" Target="numbering.xml"/>')
    for rid, url in (links or {}).items():
        doc_rels.append(f'<Relationship Id="{rid}" Type="{_DOC_REL}/hyperlink" '
                        f'Target="{html_lib.escape(url)}" TargetMode="External"/>')
    package_rels = [f'<Relationship Id="rId1" Type="{_DOC_REL}/officeDocument" Target="word/document.xml"/>']
    if core is not None:
        package_rels.append(f'<Relationship Id="rId2" Type="{_PKG_RELS}/metadata/core-properties" '
                            'Target="docProps/core.xml"/>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _content_types())
        z.writestr("_rels/.rels", f'<Relationships xmlns="{_PKG_RELS}">{"".join(package_rels)}</Relationships>')
        z.writestr("word/_rels/document.xml.rels",
                   f'<Relationships xmlns="{_PKG_RELS}">{"".join(doc_rels)}</Relationships>')
        z.writestr("word/document.xml", body if isinstance(body, bytes) else document_xml(body))
        if styles is not None:
            z.writestr("word/styles.xml", styles)
        if numbering is not None:
            z.writestr("word/numbering.xml", numbering)
        if core is not None:
            fields = "".join(f"<dc:{k}>{html_lib.escape(v)}</dc:{k}>" for k, v in core.items())
            z.writestr("docProps/core.xml", '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
                       'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                       f"{fields}</cp:coreProperties>")
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def _content_types() -> str:
    office = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    parts = {"/word/document.xml": f"{office}.document.main+xml", "/word/styles.xml": f"{office}.styles+xml",
             "/word/numbering.xml": f"{office}.numbering+xml",
             "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml"}
    overrides = "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in parts.items())
    return ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>')


_RPR = ('<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>{}'
        '<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr>')


def word_run(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """A run as Word writes it: fonts, size and language on every run."""
    marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    return f'<w:r w:rsidRPr="00A1B2C3">{_RPR.format(marks)}<w:t xml:space="preserve">{html_lib.escape(text)}</w:t></w:r>'


def word_paragraph(runs: str, *, style: str | None = None, num: tuple[int, int] | None = None) -> str:
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    ppr += '<w:spacing w:before="120" w:after="120" w:line="312" w:lineRule="auto"/><w:jc w:val="both"/>'
    return (f'<w:p w:rsidR="00D4E5F6" w:rsidRDefault="00D4E5F6" w:rsidP="00A1B2C3"><w:pPr>{ppr}</w:pPr>'
            f'<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:proofErr w:type="spellStart"/>{runs}'
            '<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/></w:p>')


def word_article(paragraphs: int = 2_000) -> bytes:
    """A long Vietnamese article as Word saves it: headings, lists, emphasis, links and a table."""
    parts = [word_paragraph(word_run("Làng gốm Bát Tràng"), style="Title"),
             word_paragraph(word_run("Năm thế kỷ bên sông Hồng."), style="Subtitle")]
    for i in range(paragraphs):
        if i % 40 == 0:
            parts.append(word_paragraph(word_run(f"Phần {i // 40 + 1}"), style="Heading2"))
        elif i % 40 in (10, 11, 12):
            parts.append(word_paragraph(word_run(f"Sản phẩm {i}: bình, lọ, ấm chén."), num=(1 + i % 2, 0)))
        else:
            runs = (word_run("Làng gốm ") + word_run("Bát Tràng", bold=True) + word_run(" có ")
                    + word_run("năm thế kỷ", italic=True) + word_run(f" lịch sử ({i}). Xem ")
                    + f'<w:hyperlink r:id="rIdL" w:history="1">{word_run("trang làng")}</w:hyperlink>'
                    + word_run("."))
            parts.append(word_paragraph(runs))
    cells = "".join(f"<w:tc><w:tcPr><w:tcW w:w='3000' w:type='dxa'/></w:tcPr>{word_paragraph(word_run(c))}</w:tc>"
                    for c in ("Năm", "Sự kiện"))
    parts.append(f"<w:tbl><w:tblPr><w:tblW w:w='0' w:type='auto'/></w:tblPr><w:tr>{cells}</w:tr></w:tbl>")
    parts.append('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')
    return docx_bytes("".join(parts), links={"rIdL": "https://battrang.example/lang?p=1&q=2"},
                      core={"title": "Bát Tràng", "subject": "Làng nghề"})


def empty_paragraphs(count: int) -> bytes:
    """The tester's file: nothing but empty paragraphs (two million fit in 17 KB)."""
    return docx_bytes(document_xml("<w:p/>" * count).encode())


def article_html(paragraphs: int = 2_000) -> bytes:
    body = "".join(f"<p>Làng gốm <b>Bát Tràng</b> có <i>năm thế kỷ</i> lịch sử ({i}). Xem "
                   f'<a href="https://battrang.example/lang">trang làng</a>.</p>' for i in range(paragraphs))
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bát Tràng</title></head>'
            f"<body><h1>Làng gốm Bát Tràng</h1>{body}</body></html>").encode()


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def import_benchmark(quick: bool = False) -> dict:
    """Seconds to import a 2,000-paragraph article (.docx, .html), and to refuse hostile files, as ratios."""
    import docx

    from translate.desk.importers import import_file
    from translate.errors import InputError

    repeat = 2 if quick else 5
    article, page = word_article(), article_html()
    hostile_docx, hostile_html = empty_paragraphs(2_000_000), b"<div>" * 400_000

    def refused(name: str, data: bytes) -> None:
        try:
            import_file(name, data)
        except InputError:
            return
        raise AssertionError(f"{name} was not refused")

    article_s = _best(lambda: import_file("article.docx", article), repeat)
    report = {
        "article_paragraphs": 2_000,
        "article_docx_s": round(article_s, 3),
        "article_html_s": round(_best(lambda: import_file("article.html", page), repeat), 3),
        # python-docx merely opening the same file (no traversal): the library this replaced.
        "python_docx_open_s": round(_best(lambda: docx.Document(io.BytesIO(article)), repeat), 3),
        "hostile_docx_bytes": len(hostile_docx),
        "hostile_docx_refused_s": round(_best(lambda: refused("empty.docx", hostile_docx), repeat), 3),
        "hostile_html_refused_s": round(_best(lambda: refused("deep.html", hostile_html), repeat), 3),
    }
    report["hostile_vs_article"] = round(max(report["hostile_docx_refused_s"],
                                             report["hostile_html_refused_s"]) / article_s, 2)
    report["meets_targets"] = (report["article_docx_s"] <= TARGETS["article_docx_s"]
                               and report["hostile_vs_article"] <= TARGETS["hostile_vs_article"])
    return report


if __name__ == "__main__":
    for key, value in import_benchmark().items():
        print(f"{key:<26}{value}")
