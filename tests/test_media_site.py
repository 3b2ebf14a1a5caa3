"""A .docx with two photos and captions, imported, machine-translated, approved and published: both
language pages show both photos, with captions and alt text in their language, from the site's own folder."""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html
import pytest
from test_media import docx_with_pictures, jpeg_with_gps, png_bytes

from translate.desk import Desk

PASSWORD = "correct horse battery"


@pytest.fixture
def desk(models_env, monkeypatch):
    monkeypatch.setenv("SONGNGU_SITE_URL", "https://culture.example.vn")
    d = Desk()
    yield d
    d.close()


def site_page(desk, url: str) -> tuple[lxml.html.HtmlElement, str]:
    rel = url.removeprefix(desk.publishing.base_url)
    path = desk.publishing.site_dir / rel  # articles are files (vi/am-thuc/slug.html); indexes folders
    if url.endswith("/"):
        path = path / "index.html"
    return lxml.html.fromstring(path.read_bytes()), url


def test_docx_photos_reach_both_language_pages_of_the_site(desk):
    ed = desk.accounts.create_user("ed", "editor", PASSWORD)
    tr = desk.accounts.create_user("tran", "translator", PASSWORD)
    data = docx_with_pictures([(jpeg_with_gps(), "Lò nung gốm", "Lò nung cổ trong làng."),
                               (png_bytes(), "Bình gốm men lam", "Bình gốm men lam.")])
    doc = desk.documents.import_file(ed, filename="bat-trang.docx", data=data, source_lang="vi",
                                     category="handicrafts")
    kiln, vase = desk.media.images(ed, doc.id)

    desk.jobs.request(ed, doc.id)
    desk.jobs.run_queued()  # the tiny test models draft every segment
    segs = {s.source: s for s in desk.documents.get(ed, doc.id).segments}
    assert all(s.target for s in segs.values())
    cap = segs["Lò nung cổ trong làng."]
    desk.segments.save(tr, cap.id, "An old kiln in the village.", cap.version)
    desk.media.set_alt(tr, vase.id, "en", "A blue-glazed vase")
    desk.documents.approve(ed, doc.id)
    desk.publishing.publish(ed, doc.id, "test models write nonsense")

    links = desk.publishing.links(ed, doc.id)
    site = desk.publishing.site_dir.resolve()
    expected_alt = {"vi": {kiln.sha256: "Lò nung gốm", vase.sha256: "Bình gốm men lam"},
                    "en": {kiln.sha256: "An old kiln in the village.", vase.sha256: "A blue-glazed vase"}}
    for lang in ("vi", "en"):
        html, url = site_page(desk, links[lang])
        figures = html.xpath("//figure[img]")
        assert len(figures) == 2, f"{lang} page shows {len(figures)} figures"
        for figure, image in zip(figures, (kiln, vase), strict=True):
            img = figure.xpath("img")[0]
            src = urljoin(url, img.get("src"))
            assert src.startswith(desk.publishing.base_url) and src.endswith(f"media/{image.sha256}.{image.ext}")
            on_disk = site / src.removeprefix(desk.publishing.base_url)
            assert on_disk.is_file()
            assert on_disk.read_bytes() == desk.media.store.path(image.sha256, image.ext).read_bytes()
            assert img.get("alt") == expected_alt[lang][image.sha256]
            assert figure.xpath("figcaption")
        if lang == "vi":
            assert figures[0].xpath("figcaption")[0].text_content().strip() == "Lò nung cổ trong làng."
        else:
            assert figures[0].xpath("figcaption")[0].text_content().strip() == "An old kiln in the village."
    stored = sorted(p.name for p in (site / "media").iterdir())
    assert stored == sorted([kiln.sha256 + "." + kiln.ext, vase.sha256 + "." + vase.ext])
