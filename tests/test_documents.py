"""Categories, document states, and importing articles from .docx and .html files."""

from __future__ import annotations

import io

import pytest

from translate.desk.documents import CATEGORIES, derive_state, resolve_category
from translate.desk.importers import import_file
from translate.errors import InputError


@pytest.mark.parametrize(
    ("value", "slug"),
    [("Ẩm thực", "cuisine"), ("Cuisine", "cuisine"), ("cuisine", "cuisine"), ("  KHÔNG GIAN SÁNG TẠO ", "creative-spaces"),
     ("Creative Spaces", "creative-spaces"), ("urban_architecture", "urban-architecture"), ("Nghề thủ công", "handicrafts"),
     ("Arts", "arts"), ("Sự kiện", "events"), ("UNESCO", "unesco-network"), ("Tin mạng lưới UNESCO", "unesco-network")],
)
def test_categories_accept_either_language_or_slug(value, slug):
    assert resolve_category(value).slug == slug


def test_category_labels_cover_the_site_sections():
    assert {c.vi for c in CATEGORIES} >= {"Ẩm thực", "Không gian sáng tạo", "Kiến trúc đô thị", "Nghề thủ công",
                                          "Nghệ thuật", "Sự kiện"}
    assert resolve_category("Kiến trúc đô thị").label("en") == "Urban Architecture"


def test_category_nfd_input_is_accepted():
    import unicodedata

    assert resolve_category(unicodedata.normalize("NFD", "Ẩm thực")).slug == "cuisine"


def test_unknown_category_lists_the_choices():
    with pytest.raises(InputError, match="unknown category 'Sports'.*cuisine"):
        resolve_category("Sports")


@pytest.mark.parametrize(
    ("states", "job", "expected"),
    [([], False, "draft"), (["new", "new"], False, "draft"), (["new", "new"], True, "translating"),
     (["machine", "memory"], False, "post-editing"), (["confirmed", "edited"], False, "post-editing"),
     (["confirmed", "approved"], False, "in review"), (["approved", "approved"], False, "approved")],
)
def test_document_state_follows_segments(states, job, expected):
    assert derive_state("draft", states, job) == expected


def test_published_stays_published_until_a_segment_changes():
    assert derive_state("published", ["approved"], False) == "published"
    assert derive_state("published", ["edited"], False) == "post-editing"


# --- .docx ----------------------------------------------------------------------------------


def _add_hyperlink(paragraph, url: str, text: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    r_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Làng gốm Bát Tràng", style="Title")
    d.add_paragraph("Một làng nghề 500 năm tuổi bên sông Hồng.", style="Subtitle")
    d.add_heading("Lịch sử", level=1)
    p = d.add_paragraph("Làng gốm ")
    p.add_run("Bát Tràng").bold = True
    p.add_run(" nằm ở ")
    p.add_run("Gia Lâm").italic = True
    p.add_run(". Xem ")
    _add_hyperlink(p, "https://example.org/bat-trang", "trang giới thiệu")
    p.add_run(".")
    d.add_paragraph("Gốm men lam", style="List Bullet")
    d.add_paragraph("Gốm men rạn", style="List Bullet")
    d.add_paragraph("Bước một", style="List Number")
    d.add_paragraph("Bước hai", style="List Number")
    d.add_paragraph("Đoạn cuối.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_import_keeps_headings_lists_emphasis_and_links():
    art = import_file("bai-viet.docx", _docx())
    assert art.title == "Làng gốm Bát Tràng"
    assert art.summary == "Một làng nghề 500 năm tuổi bên sông Hồng."
    html = art.body_html
    assert "<h2>Lịch sử</h2>" in html
    assert "<strong>Bát Tràng</strong>" in html and "<em>Gia Lâm</em>" in html
    assert '<a href="https://example.org/bat-trang"' in html and "trang giới thiệu</a>" in html
    assert "<ul><li>Gốm men lam</li><li>Gốm men rạn</li></ul>" in html
    assert "<ol><li>Bước một</li><li>Bước hai</li></ol>" in html
    assert html.index("<h2>") < html.index("<ul>") < html.index("<ol>") < html.index("Đoạn cuối.")
    assert "Làng gốm Bát Tràng</" not in html  # the title is not repeated in the body


def test_html_import_takes_title_summary_and_sanitised_body():
    page = """<!doctype html><html><head><meta charset="utf-8"><title>Site | Phở</title>
    <meta name="description" content="Phở là món ăn nổi tiếng."></head>
    <body><h1>Phở Hà Nội</h1><p onclick="x()">Phở có <b>nước dùng</b> trong.<script>alert(1)</script></p>
    <ul><li>Phở bò</li><li>Phở gà</li></ul></body></html>""".encode()
    art = import_file("pho.html", page)
    assert art.title == "Phở Hà Nội" and art.summary == "Phở là món ăn nổi tiếng."
    assert "onclick" not in art.body_html and "script" not in art.body_html and "alert" not in art.body_html
    assert "<b>nước dùng</b>" in art.body_html and "<li>Phở gà</li>" in art.body_html
    assert "<h1>" not in art.body_html


def test_html_import_respects_a_declared_legacy_charset():
    page = '<html><head><meta charset="windows-1258"></head><body><h1>Tin</h1><p>Caf\xe9.</p></body></html>'
    art = import_file("legacy.htm", page.encode("cp1258"))
    assert "Café." in art.body_html


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [("a.doc", b"\xd0\xcf\x11\xe0", "save it as .docx"), ("a.pdf", b"%PDF", "unsupported file type .pdf"),
     ("a.docx", b"not a zip at all", "not a readable .docx"), ("a.html", b"", "is empty"),
     ("a.html", b"\xff\xfe\xfa bad bytes", "not UTF-8")],
)
def test_bad_files_get_a_clear_error(name, data, needle):
    with pytest.raises(InputError, match=needle):
        import_file(name, data)


def test_import_through_the_desk(tmp_path, monkeypatch):
    from translate.desk import Desk, PermissionDenied

    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "inst"))
    desk = Desk()
    try:
        ed = desk.accounts.create_user("ed", "editor", "correct horse battery")
        tr = desk.accounts.create_user("tr", "translator", "correct horse battery")
        doc = desk.documents.import_file(ed, filename="bai.docx", data=_docx(), source_lang="vi", category="Nghề thủ công")
        assert doc.title == "Làng gốm Bát Tràng" and doc.category == "handicrafts"
        assert [s.field for s in doc.segments][:2] == ["title", "summary"]
        assert any("<strong>Bát Tràng</strong>" in s.source_html for s in doc.segments)
        doc2 = desk.documents.import_file(ed, filename="bai.docx", data=_docx(), source_lang="vi", category="arts",
                                    title="Tựa khác")
        assert doc2.title == "Tựa khác"
        with pytest.raises(PermissionDenied):
            desk.documents.import_file(tr, filename="bai.docx", data=_docx(), source_lang="vi", category="arts")
    finally:
        desk.close()
