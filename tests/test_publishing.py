"""Parallel publishing: both languages reach the static site together, or neither; withdrawals fix every listing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import feedparser
import lxml.html
import pytest
from lxml import etree
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from translate.desk import Desk, InvalidState, PermissionDenied
from translate.desk.documents import Document, Segment
from translate.desk.publishing import releases as releases_mod
from translate.desk.publishing import site_render
from translate.desk.publishing.site_bench import approve_directly
from translate.desk.publishing.slugs import base_slug
from translate.desk.publishing.tables import Publication

PASSWORD = "correct horse battery"
ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "articles"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def desk(models_env, monkeypatch):
    monkeypatch.setenv("SONGNGU_SITE_URL", "https://culture.example.vn")
    d = Desk()
    yield d
    d.close()


@pytest.fixture
def people(desk):
    return {"editor": desk.accounts.create_user("ed", "editor", PASSWORD),
            "translator": desk.accounts.create_user("tran", "translator", PASSWORD),
            "admin": desk.accounts.create_user("root", "admin", PASSWORD)}


def make_pair(desk, editor, *, title="Phở bò Hà Nội: đường phố", category="cuisine", reference=None,
              body="<p>Một bát phở nóng buổi sáng.</p><p>Nước dùng ninh xương tám tiếng.</p>"):
    doc = desk.documents.create(editor, source_lang="vi", category=category, title=title,
                                summary="Tóm tắt ngắn.", body_html=body)
    approve_directly(desk, editor, doc.id, reference)
    return doc


def shared_pair(desk, editor, name: str):
    if not ARTICLES.is_dir():
        pytest.skip("../shared is not beside this checkout")
    art = json.loads((ARTICLES / name).read_text(encoding="utf-8"))
    doc = desk.documents.create(editor, **{k: art[k] for k in ("source_lang", "category", "title", "summary",
                                                                  "body_html")})
    approve_directly(desk, editor, doc.id, art.get("reference"))
    return doc


def tree(desk) -> dict[str, str]:
    """Every file of the live site with its hash: 'unchanged' means this dict is equal."""
    root = desk.publishing.site_dir.resolve()
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def page(desk, url: str):
    rel = url.removeprefix(desk.publishing.base_url)
    path = desk.publishing.site_dir / rel / "index.html" if url.endswith("/") else desk.publishing.site_dir / rel
    return lxml.html.fromstring(path.read_bytes()), path


def hrefs(doc) -> set[str]:
    return set(doc.xpath("//a/@href"))


def resolve(from_url: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(from_url, href)


def feed_links(desk, rel: str) -> list[str]:
    parsed = feedparser.parse((desk.publishing.site_dir / rel).read_bytes())
    assert not parsed.bozo, parsed.bozo_exception
    return [e.link for e in parsed.entries]


def sitemap(desk) -> etree._Element:
    return etree.fromstring((desk.publishing.site_dir / "sitemap.xml").read_bytes())


def test_publishing_puts_both_languages_on_the_site_linked_both_ways(desk, people):
    ed = people["editor"]
    doc = shared_pair(desk, ed, "vi-01-am-thuc.json")
    assert desk.publishing.links(ed, doc.id) is None
    assert desk.documents.publish(ed, doc.id).state == "published"  # the old entry point delegates
    links = desk.publishing.links(ed, doc.id)
    assert links["vi"] == ("https://culture.example.vn/vi/am-thuc/"
                           "ra-mat-ban-do-am-thuc-duong-pho-tuong-tac-cho-khu-pho-co-ha-noi.html")
    assert links["en"].startswith("https://culture.example.vn/en/cuisine/interactive-street-food-map")
    for lang, other in (("vi", "en"), ("en", "vi")):
        html, _ = page(desk, links[lang])
        assert html.get("lang") == lang
        alternates = {link.get("hreflang"): link.get("href") for link in html.xpath("//link[@rel='alternate']")
                      if link.get("hreflang")}
        assert alternates == {"vi": links["vi"], "en": links["en"], "x-default": links["vi"]}
        switch = html.xpath("//a[@data-switch]")[0]
        assert switch.get("hreflang") == other
        assert resolve(links[lang], switch.get("href")) == links[other]
        assert html.xpath("//h1")[0].text_content().strip()
    assert "Hà Nội" in page(desk, links["vi"])[0].xpath("//h1")[0].text_content()
    assert "Hanoi" in page(desk, links["en"])[0].xpath("//h1")[0].text_content()
    for lang, section in (("vi", "am-thuc"), ("en", "cuisine")):
        index_url = f"{desk.publishing.base_url}{lang}/{section}/"
        index, _ = page(desk, index_url)
        assert links[lang] in {resolve(index_url, h) for h in hrefs(index)}
        home, _ = page(desk, f"{desk.publishing.base_url}{lang}/")
        assert links[lang] in {resolve(f"{desk.publishing.base_url}{lang}/", h) for h in hrefs(home)}
        assert feed_links(desk, f"{lang}/feed.xml") == [links[lang]]
        assert feed_links(desk, f"{lang}/{section}/feed.xml") == [links[lang]]
    urls = {u.findtext("s:loc", namespaces=NS): {x.get("hreflang"): x.get("href") for x in u.findall("x:link", NS)}
            for u in sitemap(desk).findall("s:url", NS)}
    assert urls[links["vi"]] == urls[links["en"]] == {"vi": links["vi"], "en": links["en"], "x-default": links["vi"]}
    root = (desk.publishing.site_dir / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' in root and "url=vi/" in root
    assert desk.publishing.site_dir.is_symlink()


def test_the_gate_approval_and_a_written_reason_for_blocking_checks(desk, people):
    ed = people["editor"]
    doc = desk.documents.create(ed, source_lang="vi", category="arts", title="Ca trù", summary="",
                                body_html="<p>Một đêm ca trù.</p>")
    with pytest.raises(InvalidState, match="not yet approved"):
        desk.publishing.publish(ed, doc.id)
    assert not desk.publishing.site_dir.exists()
    approve_directly(desk, ed, doc.id)
    with desk.db.transaction() as s:
        seg = s.scalar(select(Segment).where(Segment.document_id == doc.id).limit(1))
        seg.flags = [{"check": "missing_term", "severity": "blocking", "message": "term 'ca trù' missing"}]
    with pytest.raises(InvalidState, match="blocking"):
        desk.publishing.publish(ed, doc.id)
    with pytest.raises(PermissionDenied):
        desk.publishing.publish(people["translator"], doc.id, override_reason="because")
    assert not desk.publishing.site_dir.exists()
    desk.publishing.publish(ed, doc.id, override_reason="Kept on purpose: the name stays in Vietnamese")
    entry = desk.publishing.log(ed, doc.id)[0]
    assert entry["action"] == "published" and entry["user"] == "ed"
    assert entry["override_reason"].startswith("Kept on purpose")
    assert entry["blocking"][0]["check"] == "missing_term"
    assert entry["texts"]["vi"]["title"] == "Ca trù" and entry["texts"]["en"]["title"] == "[EN] Ca trù"
    assert entry["release"] == desk.publishing.releases.current_id()


class Crash(BaseException):
    """A process dying mid-write: not even an Exception."""


def is_article(relpath: str) -> bool:
    return relpath.count("/") == 2 and relpath.endswith(".html") and not relpath.endswith("/index.html")


def _inject_en_article_crash(monkeypatch):
    real = releases_mod.Release.write

    def write(self, relpath, data):
        if relpath.startswith("en/") and is_article(relpath):  # the English article, after the Vietnamese
            assert any(is_article(p) and p.startswith("vi/") for p in written)
            raise Crash("killed between the two languages")
        written.append(relpath)
        return real(self, relpath, data)

    written: list[str] = []
    monkeypatch.setattr(releases_mod.Release, "write", write)


def _inject_disk_full(monkeypatch):
    real = releases_mod.Release.write

    def write(self, relpath, data):
        if relpath == "sitemap.xml":
            raise OSError(28, "No space left on device")
        return real(self, relpath, data)

    monkeypatch.setattr(releases_mod.Release, "write", write)


def _inject_template_error(monkeypatch):
    real = site_render.Site.render

    def render(self, template, **kw):
        if template == "section.html" and kw["lang"] == "en":
            raise RuntimeError("template blew up")
        return real(self, template, **kw)

    monkeypatch.setattr(site_render.Site, "render", render)


def _inject_commit_failure(monkeypatch):
    def refuse(session):
        raise RuntimeError("database went away at commit")

    event.listen(Session, "before_commit", refuse)
    monkeypatch.setattr("tests.test_publishing._cleanup", lambda: event.remove(Session, "before_commit", refuse))


def _cleanup():
    pass


@pytest.mark.parametrize("inject", [_inject_en_article_crash, _inject_disk_full, _inject_template_error,
                                    _inject_commit_failure])
def test_a_failure_anywhere_leaves_the_site_and_the_database_as_they_were(desk, people, monkeypatch, inject):
    ed = people["editor"]
    first = make_pair(desk, ed, title="Làng gốm Bát Tràng")
    desk.publishing.publish(ed, first.id)
    second = make_pair(desk, ed, title="Đêm nhạc Trịnh bên hồ")
    desk.publishing.settle()
    before, link_before = tree(desk), desk.publishing.releases.current_id()
    releases_before = desk.publishing.releases.release_ids()
    inject(monkeypatch)
    try:
        with pytest.raises((Crash, releases_mod.SiteWriteError, RuntimeError)):
            desk.publishing.publish(ed, second.id)
    finally:
        import tests.test_publishing as me

        me._cleanup()
    monkeypatch.undo()
    desk.publishing.settle()
    assert desk.publishing.releases.current_id() == link_before
    assert tree(desk) == before
    assert desk.publishing.releases.release_ids() == releases_before  # the half-built folder is gone
    with desk.db.session() as s:
        assert s.get(Document, second.id).state == "approved"
        assert s.scalar(select(func.count()).select_from(Publication)
                        .where(Publication.document_id == second.id)) == 0
    assert desk.publishing.links(ed, second.id) is None
    desk.publishing.publish(ed, second.id)  # and it works once the fault is gone
    assert desk.publishing.links(ed, second.id) is not None


def test_a_release_left_by_a_crash_after_the_switch_is_switched_back(desk, people):
    ed = people["editor"]
    desk.publishing.publish(ed, make_pair(desk, ed).id)
    committed, before = desk.publishing.releases.current_id(), tree(desk)
    orphan = desk.publishing.releases.new(copy_current=True)
    orphan.write("vi/index.html", b"half a site")
    desk.publishing.releases.switch(orphan.id)  # the switch happened, the commit never did
    desk.publishing.recover()
    assert desk.publishing.releases.current_id() == committed and tree(desk) == before


def test_unpublishing_removes_both_pages_and_every_listing(desk, people):
    ed = people["editor"]
    gone = make_pair(desk, ed, title="Phở gánh phố cổ")
    stays = make_pair(desk, ed, title="Bún chả Hàng Mành")
    desk.publishing.publish(ed, gone.id)
    desk.publishing.publish(ed, stays.id)
    gone_links, stay_links = desk.publishing.links(ed, gone.id), desk.publishing.links(ed, stays.id)
    desk.publishing.unpublish(ed, gone.id, reason="Wrong opening hours")
    assert desk.publishing.links(ed, gone.id) is None
    for lang, section in (("vi", "am-thuc"), ("en", "cuisine")):
        assert not page_exists(desk, gone_links[lang]) and page_exists(desk, stay_links[lang])
        for listing in (f"{lang}/", f"{lang}/{section}/"):
            html, _ = page(desk, desk.publishing.base_url + listing)
            found = {resolve(desk.publishing.base_url + listing, h) for h in hrefs(html)}
            assert gone_links[lang] not in found and stay_links[lang] in found
        for feed in (f"{lang}/feed.xml", f"{lang}/{section}/feed.xml"):
            assert feed_links(desk, feed) == [stay_links[lang]]
    locs = {u.findtext("s:loc", namespaces=NS) for u in sitemap(desk).findall("s:url", NS)}
    assert not {gone_links["vi"], gone_links["en"]} & locs and stay_links["en"] in locs
    entry = desk.publishing.log(ed, gone.id)[0]
    assert (entry["action"], entry["reason"], entry["user"]) == ("unpublished", "Wrong opening hours", "ed")
    assert desk.documents.get(ed, gone.id).state == "approved"
    with pytest.raises(InvalidState, match="not on the site"):
        desk.publishing.unpublish(ed, gone.id)
    desk.publishing.publish(ed, gone.id)  # published again: the same addresses
    assert desk.publishing.links(ed, gone.id) == gone_links


def page_exists(desk, url: str) -> bool:
    return (desk.publishing.site_dir / url.removeprefix(desk.publishing.base_url)).exists()


def test_republishing_an_edited_article_updates_both_pages_and_keeps_its_address(desk, people):
    ed, admin = people["editor"], people["admin"]
    doc = make_pair(desk, ed, title="Hồ Gươm mùa thu")
    desk.publishing.publish(ed, doc.id)
    links = desk.publishing.links(ed, doc.id)
    title_seg = desk.documents.get(ed, doc.id).segments[0]
    desk.segments.save(admin, title_seg.id, "Hoan Kiem Lake in autumn", title_seg.version)
    assert desk.documents.get(ed, doc.id).state == "post-editing"
    html, _ = page(desk, links["en"])
    assert "Hoan Kiem" not in html.xpath("//h1")[0].text_content()  # the site keeps what was published
    with pytest.raises(InvalidState, match="not yet approved"):
        desk.publishing.publish(ed, doc.id)
    desk.documents.approve(ed, doc.id)
    desk.publishing.publish(ed, doc.id)
    assert desk.publishing.links(ed, doc.id) == links
    html, _ = page(desk, links["en"])
    assert html.xpath("//h1")[0].text_content() == "Hoan Kiem Lake in autumn"
    parsed = feedparser.parse((desk.publishing.site_dir / "en/feed.xml").read_bytes())
    assert [e.title for e in parsed.entries] == ["Hoan Kiem Lake in autumn"]
    log = desk.publishing.log(ed, doc.id)
    assert [e["texts"]["en"]["title"] for e in log] == ["Hoan Kiem Lake in autumn", "[EN] Hồ Gươm mùa thu"]


def test_slugs_lose_diacritics_and_never_collide(desk, people):
    ed = people["editor"]
    assert base_slug("Đường Đê La Thành: đặc sản", "vi") == "duong-de-la-thanh-dac-san"
    a, b = make_pair(desk, ed, title="Phố đi bộ"), make_pair(desk, ed, title="Phố đi bộ")
    desk.publishing.publish(ed, a.id)
    desk.publishing.publish(ed, b.id)
    assert desk.publishing.links(ed, a.id)["vi"].endswith("/pho-di-bo.html")
    assert desk.publishing.links(ed, b.id)["vi"].endswith("/pho-di-bo-2.html")


def test_sections_paginate_newest_first(desk, people, monkeypatch):
    monkeypatch.setattr(site_render, "PAGE_SIZE", 2)
    ed = people["editor"]
    docs = [make_pair(desk, ed, title=f"Triển lãm số {n}", category="arts") for n in range(3)]
    for doc in docs:
        desk.publishing.publish(ed, doc.id)
    first, _ = page(desk, desk.publishing.base_url + "en/arts/")
    second, _ = page(desk, desk.publishing.base_url + "en/arts/page/2.html")
    titles = lambda html: [a.text_content() for a in html.xpath("//h3/a")]  # noqa: E731
    assert titles(first) == ["[EN] Triển lãm số 2", "[EN] Triển lãm số 1"]
    assert titles(second) == ["[EN] Triển lãm số 0"]
    assert [resolve(desk.publishing.base_url + "en/arts/", h) for h in first.xpath("//a[@rel='next']/@href")] == [
        desk.publishing.base_url + "en/arts/page/2.html"]
    desk.publishing.unpublish(ed, docs[0].id)
    assert not (desk.publishing.site_dir / "en/arts/page/2.html").exists()


def test_a_full_build_gives_the_same_bytes_as_the_publications_did(desk, people, monkeypatch):
    ed = people["editor"]
    for n, cat in enumerate(("cuisine", "arts", "cuisine", "events")):
        desk.publishing.publish(ed, make_pair(desk, ed, title=f"Bài {n}", category=cat).id)
    desk.publishing.unpublish(ed, 3)
    incremental = tree(desk)
    report = desk.publishing.build_site(ed)
    assert report["articles"] == 3 and tree(desk) == incremental
    assert len(desk.publishing.releases.release_ids()) <= releases_mod.KEEP


def test_listeners_run_after_the_commit_and_cannot_undo_it(desk, people, caplog):
    ed = people["editor"]
    seen = []
    desk.publishing.listeners.append(lambda event, payload: seen.append((event, payload)))

    def broken(event, payload):
        raise RuntimeError("webhook down")

    desk.publishing.listeners.append(broken)
    doc = make_pair(desk, ed)
    desk.publishing.publish(ed, doc.id)
    desk.publishing.unpublish(ed, doc.id, reason="Withdrawn")
    assert [e for e, _ in seen] == ["published", "unpublished"]
    payload = seen[0][1]
    assert payload["document_id"] == doc.id and payload["who"] == "ed"
    assert payload["vi"]["title"].startswith("Phở bò") and payload["en"]["url"].startswith("https://culture.")
    assert payload["section"] == {"slug": "cuisine", "vi": "Ẩm thực", "en": "Cuisine"}
    assert seen[1][1]["reason"] == "Withdrawn" and seen[1][1]["live"] is False
    assert "webhook down" in caplog.text


def test_a_real_folder_in_the_sites_place_is_refused_not_overwritten(desk, people):
    ed = people["editor"]
    desk.publishing.site_dir.mkdir(parents=True)
    (desk.publishing.site_dir / "precious.html").write_text("mine")
    with pytest.raises(releases_mod.SiteError, match="not the site's link"):
        desk.publishing.publish(ed, make_pair(desk, ed).id)
    assert (desk.publishing.site_dir / "precious.html").read_text() == "mine"


def test_markup_in_a_title_is_text_on_every_page_and_feed(desk, people):
    ed = people["editor"]
    doc = make_pair(desk, ed, title='<script>alert(1)</script> Phở <img src=x onerror=alert(2)>',
                    body='<p>Bát phở <img src="x" onerror="alert(3)"> nóng.</p>')
    desk.publishing.publish(ed, doc.id)
    links = desk.publishing.links(ed, doc.id)
    for lang in ("vi", "en"):
        html, path = page(desk, links[lang])
        assert not html.xpath("//script") and not html.xpath("//*[@onerror]")
        home = lxml.html.fromstring((desk.publishing.site_dir / lang / "index.html").read_bytes())
        assert not home.xpath("//script") and not home.xpath("//*[@onerror]")
        entry = feedparser.parse((desk.publishing.site_dir / lang / "feed.xml").read_bytes()).entries[0]
        content = lxml.html.fragment_fromstring(entry.content[0].value, create_parent="div")
        assert not content.xpath("//script") and not content.xpath("//*[@onerror]")
    vi, _ = page(desk, links["vi"])  # the Vietnamese title is the one typed, shown as text
    assert "<script>alert(1)</script>" in vi.xpath("//h1")[0].text_content()
    assert "&lt;script&gt;" in (desk.publishing.site_dir / "vi" / "index.html").read_text(encoding="utf-8")


def test_the_site_benchmark_builds_publishes_and_withdraws(desk, people):
    from translate.desk.publishing.site_bench import bench_site

    result = bench_site(desk, people["editor"], pairs=3)
    assert result["articles_built"] == 3 and result["build_s"] > 0 and result["publish_one_s"] > 0
    assert len(feed_links(desk, "vi/feed.xml")) == 3  # the one published then withdrawn is gone again


def test_the_command_line_publishes_builds_and_withdraws(desk, people):
    from click.testing import CliRunner

    from cli.main import main

    ed = people["editor"]
    draft = desk.documents.create(ed, source_lang="vi", category="events", title="Lễ hội", summary="",
                                  body_html="<p>Sắp diễn ra.</p>")
    runner = CliRunner()
    refused = runner.invoke(main, ["publish", str(draft.id)])
    assert refused.exit_code == 1 and "not yet approved" in refused.output and "Traceback" not in refused.output
    doc = make_pair(desk, ed, title="Hội sách mùa thu", category="events")
    done = runner.invoke(main, ["publish", str(doc.id)])
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["vi"].endswith("/vi/su-kien/hoi-sach-mua-thu.html")
    assert desk.publishing.log(ed, doc.id)[0]["user"] == "cli"
    built = runner.invoke(main, ["site", "build"])
    assert built.exit_code == 0 and "built 1 article(s)" in built.output
    assert runner.invoke(main, ["unpublish", str(doc.id), "--reason", "hoãn"]).exit_code == 0
    assert desk.publishing.links(ed, doc.id) is None
    serve = runner.invoke(main, ["site", "serve", "--host", "0.0.0.0"])
    assert serve.exit_code == 1 and "loopback only" in serve.output
