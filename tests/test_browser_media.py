"""Article pictures in a real browser: the Images panel shows the photos, alt text is saved, an upload
with a hostile caption stays text, a picture is deleted; the preview and the workspace show them."""

from __future__ import annotations

import io
import time

import pytest
from conftest import screenshot, sign_in
from PIL import Image, ImageDraw
from test_media import docx_with_pictures

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)> Lò gốm <script>alert(2)</script>"


ENGLISH = {
    "Làng gốm Bát Tràng": "Bát Tràng pottery village",
    "Làng gốm nằm bên sông Hồng.": "The pottery village lies on the Red River.",
    "Nghề gốm có từ thế kỷ XIV.": "Its craft goes back to the 14th century.",
    "Lò nung cổ trong làng.": "An old kiln in the village.",
    "Bình gốm men lam của nghệ nhân.": "A blue-glazed vase by a master potter.",
    "Du khách có thể tự tay nặn gốm.": "Visitors can shape their own pots.",
}


def photo(kind: str) -> bytes:
    """A small drawn 'photo' (a kiln at dusk, a blue vase) so the screenshots look like an article."""
    img = Image.new("RGB", (480, 320))
    draw = ImageDraw.Draw(img)
    for y in range(320):
        shade = (250 - y // 3, 170 - y // 3, 90 + y // 6) if kind == "kiln" else (235 - y // 6, 232 - y // 6, 220)
        draw.line([(0, y), (480, y)], fill=shade)
    if kind == "kiln":
        draw.rectangle([150, 150, 330, 320], fill=(120, 60, 40))
        draw.ellipse([200, 200, 280, 280], fill=(250, 140, 40))
        draw.rectangle([215, 60, 255, 150], fill=(90, 50, 35))
    else:
        draw.ellipse([170, 90, 310, 300], fill=(40, 80, 170))
        draw.rectangle([215, 40, 265, 110], fill=(40, 80, 170))
        draw.ellipse([195, 150, 285, 240], outline=(230, 236, 250), width=6)
    buf = io.BytesIO()
    img.save(buf, "JPEG" if kind == "kiln" else "PNG")
    return buf.getvalue()


def loaded(page, selector: str) -> None:
    """Every picture matched has loaded (lazy ones are asked for now, as scrolling would)."""
    page.evaluate("(sel) => document.querySelectorAll(sel).forEach(i => { i.loading = 'eager'; })", selector)
    page.wait_for_function("(sel) => [...document.querySelectorAll(sel)].every(i => i.complete && i.naturalWidth > 0)",
                           arg=selector)


def test_images_panel_upload_alt_text_and_delete(live_server, new_page) -> None:
    editor = live_server.create_user("mai", "editor")
    desk = live_server.desk
    data = docx_with_pictures([(photo("kiln"), "Lò nung gốm bằng gạch", "Lò nung cổ trong làng."),
                               (photo("vase"), "Bình gốm men lam", "Bình gốm men lam của nghệ nhân.")])
    doc = desk.documents.import_file(editor, filename="bat-trang.docx", data=data, source_lang="vi",
                                     category="handicrafts")
    job = desk.jobs.request(editor, doc.id)  # the embedded worker drafts it (the test models' nonsense)
    deadline = time.monotonic() + 60
    while desk.jobs.get(editor, job.id).state in ("queued", "running"):
        assert time.monotonic() < deadline, "the worker did not finish the job"
        time.sleep(0.1)
    translator = live_server.create_user("lan", "translator")
    for seg in desk.documents.get(editor, doc.id).segments:  # a human translation, for the screenshots
        desk.segments.save(translator, seg.id, ENGLISH[seg.source], seg.version)
    page = new_page("en-US")
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        if dialog.type == "confirm":  # the "Delete image" confirmation
            dialog.accept()
        else:
            dialogs.append(dialog.message)
            dialog.dismiss()

    page.on("dialog", on_dialog)
    sign_in(page, "mai")
    page.goto(f"/articles/{doc.id}")
    panel = page.get_by_role("region", name="Images")
    thumbs = panel.locator("img.images__thumb")
    assert thumbs.count() == 2
    loaded(page, "img.images__thumb, img.preview-picture")
    # Both sides of the preview show them, served by the desk (not placeholders).
    assert page.locator(".preview__body img.preview-picture").count() == 4
    assert page.get_by_label("Alt text (Vietnamese)").first.input_value() == "Lò nung gốm bằng gạch"

    page.get_by_label("Alt text (English)").first.fill("A brick kiln glowing at dusk")
    page.get_by_role("button", name="Save alt text").first.click()
    page.wait_for_load_state()
    assert page.get_by_label("Alt text (English)").first.input_value() == "A brick kiln glowing at dusk"
    screenshot(page, "media-article-en")

    page.get_by_label("Upload image").set_input_files(
        files=[{"name": "vase-2.png", "mimeType": "image/png", "buffer": photo("vase")[:-40] + b"x" * 40}])
    page.get_by_label("Caption", exact=True).fill(XSS)
    page.get_by_role("button", name="Add picture").click()
    page.wait_for_load_state()
    assert "Not done" in page.get_by_role("alert").first.inner_text()  # a damaged file is refused, said why
    assert panel.locator("img.images__thumb").count() == 2

    buf = io.BytesIO()
    Image.new("RGB", (300, 200), (30, 120, 90)).save(buf, "WEBP")
    page.get_by_label("Upload image").set_input_files(
        files=[{"name": "green.webp", "mimeType": "image/webp", "buffer": buf.getvalue()}])
    page.get_by_label("Caption", exact=True).fill(XSS)
    page.get_by_role("button", name="Add picture").click()
    page.wait_for_load_state()
    assert panel.locator("img.images__thumb").count() == 3
    assert XSS.split(">")[0] in panel.inner_text()  # shown as text
    page.get_by_role("button", name="Delete image").last.click()
    page.wait_for_load_state()
    assert panel.locator("img.images__thumb").count() == 2

    page.goto(f"/articles/{doc.id}/workspace")
    assert page.locator("img.ws-images__thumb").count() == 2
    loaded(page, "img.ws-images__thumb")

    vi = new_page("vi-VN")
    vi.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(vi, "mai")
    vi.goto(f"/articles/{doc.id}#images")
    assert vi.get_by_label("Văn bản thay thế (tiếng Việt)").count() == 2
    screenshot(vi, "media-article-vi")
    assert dialogs == []
