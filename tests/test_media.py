"""Article photos: images checked by their bytes and cleaned, .docx pictures kept, uploads, alt text, removal."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from test_postgres import pg_desk, pg_url  # noqa: F401 -- fixtures of the PostgreSQL test below

from translate.desk import InvalidState, NotFound, PermissionDenied
from translate.desk.media.images import MAX_IMAGE_BYTES, MAX_PIXELS, clean_image
from translate.errors import InputError, TooLargeError

PASSWORD = "correct horse battery"


def jpeg_with_gps(size=(40, 20), orientation: int | None = None) -> bytes:
    """A JPEG as a phone writes it: EXIF with a GPS position, a camera model, maybe an orientation."""
    img = Image.new("RGB", size, (200, 40, 40))
    exif = Image.Exif()
    exif[0x0110] = "PhoneCam 9"  # Model
    if orientation:
        exif[0x0112] = orientation
    gps = {1: "N", 2: (21.0, 1.0, 42.0), 3: "E", 4: (105.0, 51.0, 7.0)}
    exif[0x8825] = gps  # GPSInfo
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes(), comment=b"secret location notes")
    return buf.getvalue()


def png_bytes(size=(30, 20), colour=(10, 120, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "PNG")
    return buf.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims huge dimensions in a few dozen bytes: a decompression bomb's header."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
            + chunk(b"IEND", b""))


# --- checking and cleaning ------------------------------------------------------------------------


def test_exif_and_gps_are_stripped_and_orientation_applied():
    raw = jpeg_with_gps(size=(40, 20), orientation=6)  # 6: rotate 90° to show upright
    assert b"PhoneCam" in raw and Image.open(io.BytesIO(raw)).getexif().get_ifd(0x8825)
    clean = clean_image(raw, "photo.jpg")
    assert clean.mime == "image/jpeg" and clean.ext == "jpg"
    with Image.open(io.BytesIO(clean.data)) as out:
        assert not out.getexif()  # no EXIF at all, so no GPS and no orientation tag
        assert "exif" not in out.info and "comment" not in out.info
        assert out.size == (20, 40) == (clean.width, clean.height)  # turned upright before the tag went
    assert b"PhoneCam" not in clean.data and b"secret location" not in clean.data
    import hashlib
    assert clean.sha256 == hashlib.sha256(clean.data).hexdigest()


def test_each_accepted_format_round_trips():
    for fmt, mime in (("PNG", "image/png"), ("WEBP", "image/webp"), ("GIF", "image/gif"), ("JPEG", "image/jpeg")):
        buf = io.BytesIO()
        Image.new("RGB", (16, 12), (0, 200, 0)).save(buf, fmt)
        clean = clean_image(buf.getvalue(), f"x.{fmt.lower()}")
        assert (clean.mime, clean.width, clean.height) == (mime, 16, 12)


def test_a_non_image_named_png_is_refused():
    with pytest.raises(InputError, match=r"holiday\.png is not a JPEG, PNG, WebP or GIF image"):
        clean_image(b"<html><script>alert(1)</script></html>", "holiday.png")
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "BMP")  # a real image, of a format the site does not take
    with pytest.raises(InputError, match="is not a JPEG, PNG, WebP or GIF"):
        clean_image(buf.getvalue(), "scan.png")


def test_a_pixel_bomb_and_an_oversized_file_are_refused_naming_the_limit():
    bomb = png_header_only(10_000, 6_000)
    assert len(bomb) < 200
    with pytest.raises(TooLargeError, match=f"10,000 x 6,000 pixels \\(limit {MAX_PIXELS:,} pixels"):
        clean_image(bomb, "bomb.png")
    with pytest.raises(TooLargeError, match=f"10,000,000,000 pixels \\(limit {MAX_PIXELS:,} pixels"):
        clean_image(png_header_only(100_000, 100_000), "huge.png")  # past Pillow's own hard limit too
    with pytest.raises(TooLargeError, match=f"limit {MAX_IMAGE_BYTES:,} bytes"):
        clean_image(b"\xff\xd8" + b"\0" * MAX_IMAGE_BYTES, "big.jpg")
    with pytest.raises(InputError, match="damaged PNG"):
        clean_image(png_bytes()[:60], "cut.png")


# --- the desk ---------------------------------------------------------------------------------------


@pytest.fixture
def people(desk):
    return {
        "editor": desk.accounts.create_user("ed", "editor", PASSWORD),
        "translator": desk.accounts.create_user("tran", "translator", PASSWORD),
    }


def docx_with_pictures(pictures: list[tuple[bytes, str, str]], *, caption_first: bool = False) -> bytes:
    """A .docx (python-docx): a title, a paragraph, then each picture with alt text and a Caption paragraph."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_heading("Làng gốm Bát Tràng", level=1)
    document.add_paragraph("Làng gốm nằm bên sông Hồng. Nghề gốm có từ thế kỷ XIV.")
    for data, alt, caption in pictures:
        if caption_first and caption:
            document.add_paragraph(caption, style="Caption")
        run = document.add_paragraph().add_run()
        inline = run.add_picture(io.BytesIO(data), width=Cm(4))
        inline._inline.docPr.set("descr", alt)
        if caption and not caption_first:
            document.add_paragraph(caption, style="Caption")
    document.add_paragraph("Du khách có thể tự tay nặn gốm.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_import_keeps_pictures_captions_and_alt_text(desk, people):
    ed = people["editor"]
    photo1, photo2 = jpeg_with_gps(), png_bytes()
    data = docx_with_pictures([(photo1, "Lò nung gốm", "Lò nung cổ trong làng."),
                               (photo2, "Bình gốm men lam", "Bình gốm men lam.")])
    doc = desk.documents.import_file(ed, filename="bat-trang.docx", data=data, source_lang="vi",
                                     category="handicrafts")
    images = desk.media.images(ed, doc.id)
    assert [i.filename for i in images] == ["image1.jpg", "image2.png"]
    assert [i.alt["vi"] for i in images] == ["Lò nung gốm", "Bình gốm men lam"]
    assert [i.caption["vi"] for i in images] == ["Lò nung cổ trong làng.", "Bình gốm men lam."]
    body = desk.documents.get(ed, doc.id).body_html
    for img in images:
        assert f'<img data-media="{img.sha256}" src="/media/{img.sha256}.{img.ext}" alt="">' in body
        path, mime = desk.media.file(ed, img.sha256, img.ext)
        assert path.read_bytes()[:2] in (b"\xff\xd8", b"\x89P") and mime == img.mime
        assert b"PhoneCam" not in path.read_bytes()
    assert body.count("<figure>") == 2 and "<figcaption>Lò nung cổ trong làng.</figcaption></figure>" in body
    # The captions are segments (translated like any sentence); the alt texts are not.
    sources = [s.source for s in desk.documents.get(ed, doc.id).segments]
    assert "Lò nung cổ trong làng." in sources and "Lò nung gốm" not in sources


def test_a_caption_written_before_its_picture_is_taken_too(desk, people):
    data = docx_with_pictures([(png_bytes(), "", "Hình 1: bình gốm.")], caption_first=True)
    doc = desk.documents.import_file(people["editor"], filename="a.docx", data=data, source_lang="vi",
                                     category="handicrafts")
    body = desk.documents.get(people["editor"], doc.id).body_html
    assert "<figcaption>Hình 1: bình gốm.</figcaption></figure>" in body
    assert "<p>Hình 1: bình gốm.</p>" not in body


def test_a_bad_picture_refuses_the_whole_import_naming_it(desk, people):
    import zipfile

    good = docx_with_pictures([(png_bytes(), "one", "First."), (png_bytes(colour=(1, 2, 3)), "two", "Second.")])
    src, out = zipfile.ZipFile(io.BytesIO(good)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            payload = src.read(info)
            if info.filename == "word/media/image2.png":
                payload = b"this is not a picture at all"
            dst.writestr(info, payload)
    before = len(desk.documents.search(people["editor"]))
    media_dir = desk.media.store.root
    with pytest.raises(InputError, match=r"bad\.docx: picture image2\.png is not a JPEG, PNG, WebP or GIF"):
        desk.documents.import_file(people["editor"], filename="bad.docx", data=out.getvalue(), source_lang="vi",
                                   category="handicrafts")
    assert len(desk.documents.search(people["editor"])) == before
    assert not media_dir.exists() or not any(media_dir.iterdir())  # the good picture was not kept either


def test_pasted_outside_images_stay_links_and_a_forged_media_mark_is_dropped(desk, people):
    sha = "ab" * 32
    doc = desk.documents.create_from_paste(
        people["editor"], source_lang="en", category="arts", title="Paste",
        summary="", body=f'<p>Text here.</p><p><img src="https://cdn.example/p.jpg" alt="A view"></p>'
                         f'<figure><img data-media="{sha}" src="/media/{sha}.jpg" alt=""><figcaption>Cap.</figcaption>'
                         f'</figure>')
    body = desk.documents.get(people["editor"], doc.id).body_html
    assert '<img src="https://cdn.example/p.jpg" alt="A view">' in body
    assert "data-media" not in body
    preview = desk.documents.preview(people["editor"], doc.id)["source"]["body_html"]
    assert "cdn.example" not in preview and "A view" in preview  # a placeholder: the desk fetches nothing


def test_upload_appends_a_figure_without_moving_any_segment(desk, people):
    ed, tr = people["editor"], people["translator"]
    doc = desk.documents.create(ed, source_lang="en", category="arts", title="Title", summary="",
                                body_html="<p>One. Two.</p><p>Three.</p>")
    before = [(s.id, s.index, s.source) for s in desk.documents.get(ed, doc.id).segments]
    with pytest.raises(PermissionDenied):
        desk.media.upload(tr, doc.id, filename="x.png", data=png_bytes())
    plain = desk.media.upload(ed, doc.id, filename="C:\\photos\\x.png", data=png_bytes())
    assert plain.filename == "x.png"
    assert [(s.id, s.index, s.source) for s in desk.documents.get(ed, doc.id).segments] == before
    captioned = desk.media.upload(ed, doc.id, filename="y.jpg", data=jpeg_with_gps(), caption="A kiln at dusk.",
                                  alt={"en": "Brick kiln"})
    segs = desk.documents.get(ed, doc.id).segments
    assert [(s.id, s.index, s.source) for s in segs[:-1]] == before
    assert segs[-1].source == "A kiln at dusk." and segs[-1].index == len(before)
    assert [i.id for i in desk.media.images(ed, doc.id)] == [plain.id, captioned.id]
    assert captioned.alt_or_caption("en") == "Brick kiln" and captioned.alt_or_caption("vi") == ""
    with pytest.raises(InputError, match="already in this article"):
        desk.media.upload(ed, doc.id, filename="again.jpg", data=jpeg_with_gps())
    with pytest.raises(InputError, match="not a JPEG"):
        desk.media.upload(ed, doc.id, filename="evil.png", data=b"GIF89a<script>")


def test_alt_text_per_language_and_removal_keeps_other_work(desk, people):
    ed, tr = people["editor"], people["translator"]
    doc = desk.documents.create(ed, source_lang="en", category="arts", title="Title", summary="",
                                body_html="<p>One.</p>")
    first = desk.media.upload(ed, doc.id, filename="a.png", data=png_bytes(), caption="First caption.")
    second = desk.media.upload(ed, doc.id, filename="b.png", data=png_bytes(colour=(9, 9, 9)),
                               caption="Second caption.")
    last = desk.documents.get(ed, doc.id).segments[-1]
    desk.segments.save(tr, last.id, "Chú thích thứ hai.", last.version)
    updated = desk.media.set_alt(tr, second.id, "vi", "  Bình   gốm ")
    assert updated.alt == {"vi": "Bình gốm", "en": ""}
    with pytest.raises(InputError, match="language"):
        desk.media.set_alt(tr, second.id, "fr", "x")
    with pytest.raises(PermissionDenied):
        desk.media.remove(tr, first.id)
    desk.media.remove(ed, first.id)
    doc_now = desk.documents.get(ed, doc.id)
    assert "First caption." not in doc_now.body_html and first.sha256 not in doc_now.body_html
    assert [s.source for s in doc_now.segments] == ["Title", "One.", "Second caption."]
    assert [s.index for s in doc_now.segments] == [0, 1, 2]
    moved = doc_now.segments[-1]
    assert moved.id == last.id and moved.target == "Chú thích thứ hai."  # the work done stays with it
    assert [i.id for i in desk.media.images(ed, doc.id)] == [second.id]
    with pytest.raises(NotFound):
        desk.media.remove(ed, first.id)
    desk.media.file(ed, first.sha256, first.ext)  # still served: a published text may show it


def test_pictures_wait_for_a_running_translation_job(desk, people):
    ed = people["editor"]
    doc = desk.documents.create(ed, source_lang="en", category="arts", title="Title", summary="",
                                body_html="<p>One.</p>")
    desk.jobs.request(ed, doc.id)  # queued, no worker in this test
    with pytest.raises(InvalidState, match="machine-translated"):
        desk.media.upload(ed, doc.id, filename="a.png", data=png_bytes(), caption="Cap.")


PG_URL = __import__("os").environ.get("SONGNGU_TEST_POSTGRES_URL", "").strip()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="SONGNGU_TEST_POSTGRES_URL is not set")
def test_removing_a_picture_moves_later_segments_up_on_postgres(pg_desk):  # noqa: F811 -- the fixture
    """The unique (document, index) holds at every row on PostgreSQL too while segments move up."""
    ed = pg_desk.accounts.create_user("ed", "editor", PASSWORD)
    doc = pg_desk.documents.create(ed, source_lang="en", category="arts", title="Title", summary="",
                                   body_html="<p>One.</p>")
    first = pg_desk.media.upload(ed, doc.id, filename="a.png", data=png_bytes(), caption="First caption.")
    for k in range(3):
        pg_desk.media.upload(ed, doc.id, filename=f"{k}.png", data=png_bytes(colour=(k, k, 9)),
                             caption=f"Caption {k}.")
    pg_desk.media.remove(ed, first.id)
    segs = pg_desk.documents.get(ed, doc.id).segments
    assert [(s.index, s.source) for s in segs] == [(0, "Title"), (1, "One."), (2, "Caption 0."), (3, "Caption 1."),
                                                   (4, "Caption 2.")]
