"""What the desk's pages read from the service: the filtered listing, the overview, progress, the preview."""

from __future__ import annotations

import unicodedata
from contextlib import contextmanager

import pytest
from sqlalchemy import event, select

from translate.desk import InvalidState, PermissionDenied
from translate.desk.article_html import body_html_from_paste, looks_like_html, without_images
from translate.desk.documents import Segment
from translate.errors import InputError

PASSWORD = "correct horse battery"


@pytest.fixture
def people(desk):
    return {
        "editor": desk.accounts.create_user("ed", "editor", PASSWORD),
        "lan": desk.accounts.create_user("lan", "translator", PASSWORD),
        "minh": desk.accounts.create_user("minh", "translator", PASSWORD),
        "admin": desk.accounts.create_user("root", "admin", PASSWORD),
    }


def add(desk, actor, title, *, lang="vi", section="cuisine", body="<p>Câu một. Câu hai.</p>", summary=""):
    return desk.documents.create(actor, source_lang=lang, category=section, title=title, summary=summary,
                                 body_html=body)


def titles(page) -> list[str]:
    return [r.title for r in page.rows]


@contextmanager
def statements(desk):
    seen: list[str] = []

    def count(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(desk.db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", count)


def test_listing_filters_by_state_section_assignee_and_language_newest_first(desk, people):
    ed = people["editor"]
    a = add(desk, ed, "Phở bò Nam Định")
    b = add(desk, ed, "Hanoi's lacquer artists", lang="en", section="Handicrafts")
    c = add(desk, ed, "Triển lãm Không gian sáng tạo", section="Không gian sáng tạo")
    desk.documents.assign(ed, a.id, "lan")
    desk.documents.assign(ed, c.id, "minh")
    desk.jobs.request(ed, b.id)
    desk.jobs.run_queued()

    assert titles(desk.documents.listing(ed)) == [c.title, b.title, a.title]  # newest first
    assert titles(desk.documents.listing(ed, state="post-editing")) == [b.title]
    assert titles(desk.documents.listing(ed, state="draft")) == [c.title, a.title]
    assert titles(desk.documents.listing(ed, category="creative-spaces")) == [c.title]
    assert titles(desk.documents.listing(ed, category="Ẩm thực")) == [a.title]  # a label works like the slug
    assert titles(desk.documents.listing(ed, assignee=people["lan"].id)) == [a.title]
    assert titles(desk.documents.listing(ed, assignee="unassigned")) == [b.title]
    assert titles(desk.documents.listing(ed, source_lang="en")) == [b.title]
    assert titles(desk.documents.listing(ed, source_lang="vi", assignee=people["minh"].id)) == [c.title]
    assert desk.documents.listing(ed, state="published").rows == []

    rows = {r.title: r for r in desk.documents.listing(ed).rows}
    assert rows[a.title].assignee_name == "lan" and rows[c.title].assignee_name == "minh"
    assert rows[b.title].assignee_name is None
    assert (rows[b.title].source_lang, rows[b.title].target_lang, rows[b.title].category) == ("en", "vi",
                                                                                            "handicrafts")


def test_listing_pages_with_a_total_and_past_the_end(desk, people):
    ed = people["editor"]
    made = [add(desk, ed, f"Bài số {i}").title for i in range(7)]
    newest = list(reversed(made))
    first = desk.documents.listing(ed, limit=3)
    second = desk.documents.listing(ed, limit=3, offset=3)
    last = desk.documents.listing(ed, limit=3, offset=6)
    assert (first.total, second.total, last.total) == (7, 7, 7)
    assert titles(first) + titles(second) + titles(last) == newest
    beyond = desk.documents.listing(ed, limit=3, offset=30)
    assert beyond.rows == [] and beyond.total == 7
    assert desk.documents.listing(ed, state="approved", offset=30).total == 0


SEARCHES = [
    ("ha noi", {"Phố cổ Hà Nội", "HÀ NỘI mùa thu"}),       # no diacritics typed: every toned spelling
    ("Hà Nội", {"Phố cổ Hà Nội", "HÀ NỘI mùa thu"}),       # case does not matter
    ("hoà bình", {"Hòa bình và Thuỷ tinh"}),               # either tone placement (hòa / hoà)
    ("thủy", {"Hòa bình và Thuỷ tinh"}),
    ("phố", {"Phố cổ Hà Nội"}),                            # diacritics typed: matched as typed
    ("phở", {"Phở bò"}),
    ("pho", {"Phố cổ Hà Nội", "Phở bò"}),
    ("noi hue", set()),                                    # every word must appear
    ("cổ nội", {"Phố cổ Hà Nội"}),                         # in any order
    ("dang", {"Đặng Thái Sơn plays"}),                     # đ typed as d
    ("lacquer-art", {"Lacquer art of Hà Tây"}),            # hyphen or space alike
]


def test_free_text_search_is_vietnamese_aware(desk, people):
    ed = people["editor"]
    for title in ("Phố cổ Hà Nội", "HÀ NỘI mùa thu", "Hòa bình và Thuỷ tinh", "Phở bò", "Đặng Thái Sơn plays",
                  "Lacquer art of Hà Tây"):
        add(desk, ed, title)
    for query, expected in SEARCHES:
        assert set(titles(desk.documents.listing(ed, text=query))) == expected, query
        nfd = unicodedata.normalize("NFD", query)  # a query typed in decomposed form finds the same
        assert set(titles(desk.documents.listing(ed, text=nfd))) == expected, query


def test_free_text_combines_with_filters_and_paging(desk, people):
    ed = people["editor"]
    for i in range(5):
        add(desk, ed, f"Ẩm thực Huế {i}")
        add(desk, ed, f"Nghề gốm Huế {i}", section="handicrafts")
    page = desk.documents.listing(ed, text="hue", category="handicrafts", limit=2, offset=2)
    assert page.total == 5 and titles(page) == ["Nghề gốm Huế 2", "Nghề gốm Huế 1"]
    assert desk.documents.listing(ed, text="hue", limit=2, offset=10).total == 10


def test_progress_counts_segments_confirmed_and_approved(desk, people):
    ed, lan = people["editor"], people["lan"]
    doc = add(desk, ed, "Bún chả", body="<p>Câu một. Câu hai. Câu ba.</p>")
    other = add(desk, ed, "Chưa dịch")
    desk.jobs.request(ed, doc.id)
    desk.jobs.run_queued()
    segs = desk.documents.get(ed, doc.id).segments
    assert len(segs) == 4
    desk.segments.confirm(lan, segs[0].id)
    desk.segments.confirm(lan, segs[1].id)
    desk.segments.approve(ed, segs[2].id)
    rows = {r.id: r for r in desk.documents.listing(ed).rows}
    counts = rows[doc.id].counts
    assert (counts.total, counts.drafted, counts.confirmed, counts.approved, counts.done) == (4, 4, 2, 1, 3)
    assert rows[other.id].counts.total == 3 and rows[other.id].counts.drafted == 0
    assert desk.documents.progress(ed, doc.id).counts == counts


def test_the_listing_is_one_statement_however_many_articles(desk, people):
    ed = people["editor"]
    for i in range(30):
        add(desk, ed, f"Bài {i}")
    desk.documents.assign(ed, 1, "lan")
    with statements(desk) as few:
        page = desk.documents.listing(ed, limit=25)
    assert len(page.rows) == 25 and page.total == 30
    assert all(r.counts.total == 3 for r in page.rows)
    assert len(few) == 1, few
    with statements(desk) as searched:
        assert desk.documents.listing(ed, text="bài 29").total == 1
    assert len(searched) == 2  # the titles scan, then the page


def test_listing_refuses_bad_filters_and_anonymous_callers(desk, people):
    ed = people["editor"]
    for kwargs, needle in [
        ({"state": "lost"}, "unknown state"),
        ({"category": "sports"}, "unknown category"),
        ({"assignee": "nobody"}, "assignee"),
        ({"assignee": 0}, "assignee"),
        ({"source_lang": "fr"}, "language"),
        ({"limit": 0}, "limit"),
        ({"limit": 1000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"text": "x" * 201}, "too long"),
        ({"text": "a\x00b"}, "search text"),
    ]:
        with pytest.raises(InputError, match=needle):
            desk.documents.listing(ed, **kwargs)
    with pytest.raises(PermissionDenied):
        desk.documents.listing(None)


def test_the_api_search_still_lists_by_state(desk, people):
    ed = people["editor"]
    add(desk, ed, "Một")
    assert [d.title for d in desk.documents.search(ed)] == ["Một"]
    assert desk.documents.search(ed, state="published") == []


def test_translators_are_active_people_who_may_translate(desk, people):
    desk.accounts.set_active(people["admin"], people["minh"].id, False)
    names = [u.name for u in desk.documents.translators(people["lan"])]
    assert names == ["lan", "root"]  # admins may translate too; disabled minh and editor ed may not


def test_overview_names_people_and_keeps_the_publishing_log(desk, people):
    ed = people["editor"]
    doc = add(desk, ed, "Làng gốm Bát Tràng")
    desk.documents.assign(ed, doc.id, "lan")
    desk.jobs.request(ed, doc.id)
    desk.jobs.run_queued()
    with desk.db.transaction() as s:  # a blocking QA flag on one segment
        seg = s.scalars(select(Segment).where(Segment.document_id == doc.id).order_by(Segment.index)).first()
        seg.flags = [{"check": "forbidden_term", "severity": "error", "message": "forbidden term"}]
    desk.documents.approve(ed, doc.id)
    view = desk.documents.overview(ed, doc.id)
    assert view.assignee.name == "lan" and view.created_by == "ed"
    assert view.state == "approved" and view.blocking == 1 and view.publish_log == []
    assert view.progress.job.state == "done" and view.progress.counts.approved == view.progress.counts.total
    with pytest.raises(InvalidState, match="blocking"):
        desk.documents.publish(ed, doc.id)
    desk.documents.publish(ed, doc.id, "Checked with the author: the term is right here.")
    log = desk.documents.overview(ed, doc.id).publish_log
    assert [(e.user_name, e.override_reason, e.blocking) for e in log] == [
        ("ed", "Checked with the author: the term is right here.", 1)]


def test_preview_shows_both_sides_before_approval_sanitised_and_without_outside_images(desk, people):
    ed = people["editor"]
    doc = add(desk, ed, "Tranh sơn mài <b>đẹp</b>", summary="Tóm tắt.",
              body='<p>Câu một <img src="https://site.example/a.jpg" alt="Bức tranh"> hết.</p>'
                   '<p>Câu hai.<script>alert(1)</script></p>')
    before = desk.documents.preview(ed, doc.id)
    assert before["translated"] == 0 and before["total"] == len(desk.documents.get(ed, doc.id).segments)
    assert before["source"]["title"] == "Tranh sơn mài <b>đẹp</b>"  # plain text: the page escapes it
    assert "<img" not in before["source"]["body_html"] and "script" not in before["source"]["body_html"]
    assert '<span class="preview-image">Bức tranh</span>' in before["source"]["body_html"]
    assert before["target"]["lang"] == "en" and before["target"]["title"] == ""
    desk.jobs.request(ed, doc.id)
    desk.jobs.run_queued()
    after = desk.documents.preview(ed, doc.id)
    assert after["translated"] == after["total"] and after["target"]["title"]
    assert after["target"]["body_html"].count("<p>") == 2 and "<img" not in after["target"]["body_html"]
    with pytest.raises(PermissionDenied):
        desk.documents.preview(None, doc.id)


def test_pasted_plain_text_becomes_paragraphs_and_html_stays_html(desk, people):
    assert body_html_from_paste("Một. Hai.\nvẫn đoạn một\n\n  \nĐoạn <hai> & a < b") == (
        "<p>Một. Hai. vẫn đoạn một</p>\n<p>Đoạn &lt;hai&gt; &amp; a &lt; b</p>")
    assert body_html_from_paste("<p>Đã là <em>HTML</em></p>\n\n<p>Hai</p>") == "<p>Đã là <em>HTML</em></p>\n\n<p>Hai</p>"
    assert body_html_from_paste("Có <b>đậm</b>.\n\nHai") == "<p>Có <b>đậm</b>.</p>\n<p>Hai</p>"
    assert looks_like_html("x <script>alert(1)</script>") and looks_like_html("<!-- c --> text")
    assert not looks_like_html("I <3 phở, 2 < 3 > 1, a < b > c, <unknown thing>")
    doc = desk.documents.create_from_paste(people["editor"], source_lang="vi", category="arts", title="Tựa",
                                           summary="", body="Câu một.\r\n\r\nCâu hai <img src=x onerror=alert(1)>")
    assert doc.body_html == '<p>Câu một.</p>\n<p>Câu hai <img src="x"></p>'  # inline tags kept, sanitised
    assert without_images('<p>a <img src="x"> b</p>') == '<p>a <span class="preview-image">x</span> b</p>'
    with pytest.raises(InputError, match="no body"):
        desk.documents.create_from_paste(people["editor"], source_lang="vi", category="arts", title="Tựa",
                                         summary="", body="  \n\n ")
