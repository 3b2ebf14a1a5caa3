"""Hostile and oversized files are refused with an error naming the problem, after bounded work, and import nothing.

Covers the importers (.docx, .html), the parse entry of the markup layer, and the
glossary exports (stored rows with control characters; spreadsheet formulas).
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from glossary.csv_io import neutralize_formula, restore_formula
from glossary.db import Base, make_engine, make_sessionmaker
from glossary.io import SEED_PATH, export_termbase, import_bytes
from glossary.tables import GlossaryEntry
from glossary.tbx import TBX_NS
from glossary.termbase import Termbase
from translate.desk import docx_package
from translate.desk.docx_reader import MAX_PARAGRAPHS, MAX_TEXT_CHARS
from translate.desk.import_bench import (
    article_html,
    document_xml,
    docx_bytes,
    empty_paragraphs,
    word_article,
    word_paragraph,
    word_run,
)
from translate.desk.importers import import_file
from translate.desk.rules import MAX_BODY
from translate.errors import InputError, TooLargeError
from translate.text.html_limits import MAX_HTML_CHARS, MAX_HTML_DEPTH
from translate.text.markup import parse_html, parse_text, sanitize_html


def _p(text: str, **kw) -> str:
    return word_paragraph(word_run(text), **kw)


def _patch_central_directory(data: bytes, name: str, *, file_size: int | None = None,
                             flags: int | None = None) -> bytes:
    """The zip with ``name``'s directory record altered, as a hostile tool can write it."""
    buf = bytearray(data)
    pos = buf.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", buf, pos + 28)[0]
        if bytes(buf[pos + 46:pos + 46 + name_len]) == name.encode():
            if flags is not None:
                struct.pack_into("<H", buf, pos + 8, flags)
            if file_size is not None:
                struct.pack_into("<I", buf, pos + 24, file_size)
            return bytes(buf)
        pos = buf.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(f"{name} not in the zip")


def _rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The package with some members replaced (bytes) or removed (None)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            content = changes.get(info.filename, src.read(info))
            if content is not None:
                out.writestr(info.filename, content)
    return buf.getvalue()


# --- .docx: size limits checked as it streams ---------------------------------------------------


def test_two_million_empty_paragraphs_are_refused_after_reading_a_sliver(monkeypatch) -> None:
    data = empty_paragraphs(2_000_000)  # the tester's file: ~17 KB that inflates to 12 MB
    fed: list[int] = []
    feed = docx_package.Package._feed

    def counting(self, parser, name, chunk):
        if chunk and name == "word/document.xml":
            fed.append(len(chunk))
        return feed(self, parser, name, chunk)

    monkeypatch.setattr(docx_package.Package, "_feed", counting)
    with pytest.raises(TooLargeError, match=r"more than 20,000 paragraphs \(limit 20,000\)") as err:
        import_file("empty.docx", data)
    assert err.value.code == "too_large"
    inflated = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size
    assert sum(fed) < inflated / 20  # stopped at the limit, not after the whole part


def test_the_paragraph_limit_counts_every_paragraph_and_allows_exactly_the_limit() -> None:
    with pytest.raises(TooLargeError, match="20,000 paragraphs"):
        import_file("a.docx", empty_paragraphs(MAX_PARAGRAPHS + 1))
    at_limit = docx_bytes(_p("Tiêu đề", style="Title") + "<w:p/>" * (MAX_PARAGRAPHS - 2) + _p("Đoạn cuối."))
    assert import_file("a.docx", at_limit).body_html == "<p>Đoạn cuối.</p>"


def test_a_text_node_past_the_text_limit_is_too_large() -> None:
    data = docx_bytes(_p("Tiêu đề", style="Title") + _p("a" * (MAX_TEXT_CHARS + 1)))
    with pytest.raises(TooLargeError, match=r"more than 500,000 characters of text \(limit 500,000\)"):
        import_file("long.docx", data)


def test_markup_growing_the_body_past_its_limit_is_too_large_before_sanitising() -> None:
    # 120 ampersands per run: little text, but five times as much HTML once escaped.
    runs = "".join(word_run("&" * 120, bold=True) for _ in range(1_000))
    data = docx_bytes(_p("Tiêu đề", style="Title") + word_paragraph(runs))
    with pytest.raises(TooLargeError, match=r"article body passes 500,000 characters of HTML \(limit 500,000\)"):
        import_file("amp.docx", data)


def test_a_part_inflating_past_its_limit_is_refused_before_it_is_inflated(monkeypatch) -> None:
    big = docx_bytes(document_xml(f"<w:p><w:r><w:t>{'a' * (docx_package.MAX_PART_BYTES + 1)}</w:t></w:r></w:p>")
                     .encode())
    opened: list[str] = []
    original = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda self, name, *a, **k: opened.append(
        getattr(name, "filename", name)) or original(self, name, *a, **k))
    with pytest.raises(TooLargeError, match=r"word/document.xml inflates to 33,554,\d+ bytes \(limit 33,554,432\)"):
        import_file("bomb.docx", big)
    assert "word/document.xml" not in opened


def test_a_zip_directory_that_understates_a_size_is_caught_while_inflating() -> None:
    data = docx_bytes(_p("Tiêu đề", style="Title") + _p("Một đoạn văn đủ dài để bị cắt ngắn." * 50))
    lying = _patch_central_directory(data, "word/document.xml", file_size=400)
    with pytest.raises(InputError, match="word/document.xml") as err:
        import_file("lying.docx", lying)
    assert not isinstance(err.value, TooLargeError)


def test_members_the_article_does_not_need_are_never_inflated() -> None:
    # A 4 GB "image" (per its directory record): python-docx inflated every member; only the parts
    # an article needs are read now, so the bomb costs nothing.
    data = docx_bytes(_p("Tiêu đề", style="Title") + _p("Một đoạn."), extra={"word/media/image1.png": b"x" * 100})
    bomb = _patch_central_directory(data, "word/media/image1.png", file_size=0xFFFFFFF0)
    assert import_file("photo.docx", bomb).body_html == "<p>Một đoạn.</p>"


def test_too_many_members_and_unreadable_zips_get_clear_errors() -> None:
    many = docx_bytes(_p("x"), extra={f"word/media/{i}.bin": b"" for i in range(docx_package.MAX_MEMBERS)})
    with pytest.raises(TooLargeError, match=r"files inside \(limit 5,000\)"):
        import_file("many.docx", many)
    good = docx_bytes(_p("Tiêu đề", style="Title") + _p("Một đoạn."))
    encrypted = _patch_central_directory(good, "word/document.xml", flags=0x1)
    with pytest.raises(InputError, match="cannot read word/document.xml"):
        import_file("locked.docx", encrypted)
    with pytest.raises(InputError, match="not a readable .docx"):
        import_file("cut.docx", good[: len(good) // 2])
    no_document = _rezip(docx_bytes(_p("x")), {"word/document.xml": None, "_rels/.rels": None})
    with pytest.raises(InputError, match="no word/document.xml"):
        import_file("empty.docx", no_document)
    sheet = docx_bytes(b'<?xml version="1.0"?><workbook xmlns="urn:x"><sheets/></workbook>')
    with pytest.raises(InputError, match=r"not a Word document \(its main part is <workbook>\)"):
        import_file("book.docx", sheet)


# --- .docx: no DTD, anywhere ------------------------------------------------------------------

_LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
HOSTILE_PROLOGS = {
    "external entity": '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    "billion laughs": f"<!DOCTYPE w:document [{_LAUGHS}]>",
    "external DTD": '<!DOCTYPE w:document SYSTEM "http://attacker.example/x.dtd">',
}


@pytest.mark.parametrize("case", sorted(HOSTILE_PROLOGS))
def test_a_doctype_in_the_document_is_refused(case: str) -> None:
    entity = {"external entity": "&xxe;", "billion laughs": "&l9;"}.get(case, "")
    part = document_xml(_p("Tiêu đề", style="Title") + f"<w:p><w:r><w:t>trước {entity} sau</w:t></w:r></w:p>",
                        prolog=f'<?xml version="1.0"?>\n{HOSTILE_PROLOGS[case]}\n')
    with pytest.raises(InputError, match="word/document.xml declares a DOCTYPE") as err:
        import_file("xxe.docx", docx_bytes(part.encode()))
    assert not isinstance(err.value, TooLargeError)


@pytest.mark.parametrize("member", ["word/styles.xml", "word/numbering.xml", "_rels/.rels",
                                    "word/_rels/document.xml.rels", "docProps/core.xml"])
def test_a_doctype_in_any_part_read_is_refused(member: str) -> None:
    data = docx_bytes(_p("Tiêu đề", style="Title") + _p("Một đoạn."), core={"subject": "Chủ đề"})
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        part = src.read(member)
    body = part.split(b"?>", 1)[-1] if part.startswith(b"<?xml") else part
    hostile = _rezip(data, {member: b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + body})
    with pytest.raises(InputError, match=f"{member} declares a DOCTYPE"):
        import_file("x.docx", hostile)


def test_refused_files_import_nothing_through_the_desk(tmp_path, monkeypatch) -> None:
    from translate.desk import Desk

    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "inst"))
    desk = Desk()
    try:
        ed = desk.accounts.create_user("ed", "editor", "correct horse battery")
        xxe = document_xml(_p("Tiêu đề", style="Title") + "<w:p><w:r><w:t>a &xxe; b</w:t></w:r></w:p>",
                           prolog=f'<?xml version="1.0"?>{HOSTILE_PROLOGS["external entity"]}')
        hostile = [("xxe.docx", docx_bytes(xxe.encode())), ("empty.docx", empty_paragraphs(MAX_PARAGRAPHS + 1)),
                   ("dtd.html", b'<!DOCTYPE html [<!ENTITY x "y">]><h1>T</h1><p>&x;</p>'),
                   ("big.html", b"<h1>T</h1><p>" + b"a" * (10 * 1024 * 1024) + b"</p>")]
        for name, data in hostile:
            with pytest.raises(InputError):
                desk.documents.import_file(ed, filename=name, data=data, source_lang="vi", category="arts")
        assert desk.documents.search(ed) == []
        doc = desk.documents.import_file(ed, filename="ok.docx", data=word_article(30), source_lang="vi",
                                         category="handicrafts")
        assert doc.title == "Làng gốm Bát Tràng" and [d.id for d in desk.documents.search(ed)] == [doc.id]
    finally:
        desk.close()


# --- .docx: what Word writes is read as Word shows it -------------------------------------------


def test_word_features_lists_revisions_text_boxes_tables_and_links() -> None:
    textbox = ('<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
               f'<mc:Choice Requires="wps"><w:drawing><w:txbxContent>{_p("hộp chữ")}</w:txbxContent></w:drawing>'
               f'</mc:Choice><mc:Fallback><w:pict><w:txbxContent>{_p("hộp cũ")}</w:txbxContent></w:pict>'
               "</mc:Fallback></mc:AlternateContent></w:r>")
    nested = f"<w:tbl><w:tr><w:tc>{_p('bảng lồng')}</w:tc></w:tr></w:tbl>"
    body = (_p("Tiêu đề", style="Title")
            + _p("Gạch đầu dòng", num=(1, 0)) + _p("Thứ nhất", num=(2, 0)) + _p("Thứ hai", num=(2, 0))
            + _p("Không còn là danh sách", num=(0, 0))
            + word_paragraph(word_run("Giữ ") + "<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del>"
                             + "<w:ins>" + word_run("thêm") + "</w:ins>"
                             + "<w:moveFrom>" + word_run("chuyển đi") + "</w:moveFrom>" + textbox)
            + "<w:sdt><w:sdtContent>" + _p("Trong ô nội dung") + "</w:sdtContent></w:sdt>"
            + "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val='2'/></w:tcPr>" + _p("Gộp") + nested + "</w:tc></w:tr>"
            + "<w:tr><w:tc>" + _p("A") + "</w:tc><w:tc>" + _p("B") + _p("C") + "</w:tc></w:tr></w:tbl>"
            + word_paragraph(f'<w:hyperlink r:id="rIdL">{word_run("trang")}</w:hyperlink>'
                             + f'<w:hyperlink w:anchor="muc-2">{word_run("mục 2")}</w:hyperlink>'))
    art = import_file("word.docx", docx_bytes(body, links={"rIdL": "https://x.example/?a=1&b=2"}))
    assert art.title == "Tiêu đề"
    html = art.body_html
    assert "<ul><li>Gạch đầu dòng</li></ul><ol><li>Thứ nhất</li><li>Thứ hai</li></ol>" in html.replace("\n", "")
    assert "<p>Không còn là danh sách</p>" in html
    assert "<p>Giữ thêm</p>" in html  # deleted and moved-away text gone, insertion kept, text box apart
    assert "hộp" not in html and "bỏ" not in html and "chuyển" not in html
    assert "<p>Trong ô nội dung</p>" in html
    assert '<td colspan="2">Gộp</td>' in html and "<td>B<br>C</td>" in html and "bảng lồng" not in html
    assert '<a href="https://x.example/?a=1&amp;b=2" rel="noopener noreferrer">trang</a>' in html
    assert '<a href="#muc-2" rel="noopener noreferrer">mục 2</a>' in html


def test_core_properties_give_the_title_and_summary_when_the_styles_do_not() -> None:
    art = import_file("a.docx", docx_bytes(_p("Nội dung."), core={"title": "Tựa", "subject": "Tóm tắt"}))
    assert (art.title, art.summary, art.body_html) == ("Tựa", "Tóm tắt", "<p>Nội dung.</p>")


# --- HTML ---------------------------------------------------------------------------------------


def test_a_huge_text_node_is_too_large_not_silently_dropped() -> None:
    page = b"<html><body><h1>T</h1><p>" + b"a" * (10 * 1024 * 1024) + b"</p></body></html>"
    with pytest.raises(TooLargeError, match=r"too large: 10,485,\d+ characters of HTML \(limit 2,000,000\)"):
        import_file("big.html", page)


def test_a_body_past_the_stored_limit_is_too_large_naming_that_limit() -> None:
    page = b"<h1>T</h1><p>" + b"a" * (MAX_BODY + 1) + b"</p>"
    assert len(page) < MAX_HTML_CHARS
    with pytest.raises(TooLargeError, match=r"article body has 500,\d+ characters of HTML \(limit 500,000\)"):
        import_file("long.html", page)


@pytest.mark.parametrize("page", [
    b'<!DOCTYPE html [ <!ENTITY x "boom"> ]><html><body><h1>T</h1><p>a &x; b</p></body></html>',
    b"<!doctype html [\n]><h1>T</h1><p>text</p>",
    b'<h1>T</h1><p>text</p><!ENTITY x SYSTEM "file:///etc/passwd">',
])
def test_html_with_dtd_declarations_is_refused(page: bytes) -> None:
    with pytest.raises(InputError, match="DOCTYPE internal subsets and ENTITY declarations are not accepted"):
        import_file("dtd.html", page)


def test_ordinary_doctypes_and_an_xml_declaration_still_import() -> None:
    for head in (b"<!DOCTYPE html>", b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC '
                 b'"-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">'):
        art = import_file("a.xhtml", head + '<html><body><h1>Tựa</h1><p>Đoạn văn.</p></body></html>'.encode())
        assert (art.title, art.body_html) == ("Tựa", "<p>Đoạn văn.</p>")


def test_deeply_nested_markup_is_refused_before_the_sanitiser_sees_it() -> None:
    with pytest.raises(InputError, match=r"nests elements too deeply \(more than 100 levels\)"):
        import_file("deep.html", b"<h1>T</h1>" + b"<div>" * 300_000 + b"x")
    with pytest.raises(InputError, match="too deeply"):
        parse_html("<p>" + "<b>" * 300 + "x" + "</b>" * 300 + "</p>", "vi")
    ok = "<div>" * (MAX_HTML_DEPTH - 1) + "<p>Sâu mà vẫn đọc được.</p>" + "</div>" * (MAX_HTML_DEPTH - 1)
    assert parse_html(ok, "vi").segments[0].text == "Sâu mà vẫn đọc được."


def test_markup_entry_errors_are_user_errors_with_codes() -> None:
    with pytest.raises(TooLargeError) as err:
        sanitize_html("<p>" + "a" * MAX_HTML_CHARS + "</p>")
    assert err.value.code == "too_large"
    with pytest.raises(TooLargeError):
        parse_text("a" * 2_000_001, "vi")
    with pytest.raises(InputError, match="unpaired surrogate"):
        sanitize_html("<p>a\ud800b</p>")


def test_control_characters_are_named_not_a_crash() -> None:
    with pytest.raises(InputError, match=r"a.html contains U\+0001 \(a control character\) at character 14"):
        import_file("a.html", b"<h1>T</h1><p>\x01</p>")
    with pytest.raises(InputError, match=r"U\+0000 \(a control character\) at character 1\b"):
        parse_html("\x00<p>Một câu.</p>", "vi")
    assert parse_html("Một\x0ccâu.", "vi").segments[0].text == "Một câu."  # a form feed is HTML whitespace


def test_escaped_markup_in_the_body_stays_text() -> None:
    art = import_file("a.html", "<h1>T</h1>Viết &lt;b&gt;in&lt;/b&gt; thường.<p>Đoạn.</p>".encode())
    assert art.body_html == "Viết &lt;b&gt;in&lt;/b&gt; thường.<p>Đoạn.</p>"


def test_a_real_article_imports_whole() -> None:
    art = import_file("a.html", article_html(50))
    assert art.title == "Làng gốm Bát Tràng" and art.body_html.count("<p>") == 50


# --- glossary exports -------------------------------------------------------------------------


def _termbase(path: Path) -> tuple[Termbase, object]:
    engine = make_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    factory = make_sessionmaker(engine)
    return Termbase(factory), factory


def test_stored_control_characters_do_not_break_either_export(tmp_path: Path) -> None:
    tb, factory = _termbase(tmp_path / "old.db")
    now = datetime.now(UTC)
    with factory() as s, s.begin():  # a row written before input was checked for control characters
        s.add(GlossaryEntry(external_id="7\x00", kind="term", domain="craft", vi="gốm\x00 men", en="glaze\x1b",
                            vi_variants=["men\x0c lam"], en_variants=[], en_forbidden=[], vi_forbidden=[],
                            note="ghi\x08 chú\ufffe", status="approved", revision=1, search_key="",
                            created_by="old", created_at=now, updated_by="old", updated_at=now))
    tbx = export_termbase(tb, "tbx")
    root = etree.fromstring(tbx)
    terms = [t.text for t in root.iter(f"{{{TBX_NS}}}term")]
    assert terms == ["gốm men", "men lam", "glaze"]
    assert root.find(f".//{{{TBX_NS}}}note").text == "ghi chú"
    assert root.find(f".//{{{TBX_NS}}}conceptEntry").get("id") == "_7"
    text = export_termbase(tb, "csv").decode()
    assert "7,craft,term,gốm men,glaze,men lam,,,ghi chú" in text
    for fmt, data in (("tbx", tbx), ("csv", text.encode())):
        fresh, _ = _termbase(tmp_path / f"{fmt}.db")
        import_bytes(fresh, data, fmt, user="admin")
        assert fresh.list()[0].vi == "gốm men"


def test_csv_export_neutralizes_formulas_and_the_import_restores_them(tmp_path: Path) -> None:
    tb, _ = _termbase(tmp_path / "a.db")
    tb.add(vi="-ism chủ nghĩa", en="-ism", domain="craft", user="a", status="approved",
           en_variants=["@home", "=HYPERLINK(1)"], note='=HYPERLINK("http://x.example","bấm")')
    tb.add(vi="+84 Hà Nội", en="'=quoted already", domain="place", kind="name", user="a", status="approved")
    data = export_termbase(tb, "csv")
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert all(cell[:1] not in ("=", "+", "-", "@", "\t", "\r") for row in rows for cell in row)
    assert rows[1][3:5] == ["'-ism chủ nghĩa", "'-ism"] and rows[1][6] == "'@home|=HYPERLINK(1)"
    assert rows[2][4] == "''=quoted already"
    fresh, _ = _termbase(tmp_path / "b.db")
    import_bytes(fresh, data, "csv", user="a")
    assert [e.content for e in fresh.list()] == [e.content for e in tb.list()]
    assert export_termbase(fresh, "csv") == data


def test_formula_helper_is_exactly_reversible_and_leaves_the_seed_alone() -> None:
    for cell in ("", "'", "=1+1", "'=1", "''@x", "-", "\tx", "\rx", "plain", "'quoted", "a=b"):
        assert restore_formula(neutralize_formula(cell)) == cell
    assert neutralize_formula("=1+1") == "'=1+1" and neutralize_formula("plain") == "plain"
    seed = SEED_PATH.read_text(encoding="utf-8")
    assert all(neutralize_formula(c) == c for row in csv.reader(io.StringIO(seed)) for c in row)
