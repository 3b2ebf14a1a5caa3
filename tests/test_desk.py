"""The desk as editors, translators and a CMS use it: articles in, drafts, post-editing, the pair out."""

from __future__ import annotations

import json
import threading

import pytest
from sqlalchemy import func, select

from translate.desk import EditConflict, InvalidState, PermissionDenied, UserView
from translate.desk.documents import Document, PublishLog, SegmentEdit
from translate.errors import InputError

PASSWORD = "correct horse battery"


@pytest.fixture
def people(desk):
    return {
        "editor": desk.accounts.create_user("ed", "editor", PASSWORD),
        "translator": desk.accounts.create_user("tran", "translator", PASSWORD),
        "admin": desk.accounts.create_user("root", "admin", PASSWORD),
    }


@pytest.fixture
def article(shared_dir):
    return json.loads((shared_dir / "data/articles/vi-01-am-thuc.json").read_text(encoding="utf-8"))


def _create(desk, actor, art, **over):
    fields = {k: art[k] for k in ("source_lang", "category", "title", "summary", "body_html")}
    fields.update(over)
    return desk.documents.create(actor, **fields)


def _translated(desk, actor, art, **over):
    doc = _create(desk, actor, art, **over)
    job = desk.jobs.request(actor, doc.id)
    desk.jobs.run_queued()
    assert desk.jobs.get(actor, job.id).state == "done"
    return desk.documents.get(actor, doc.id)


def test_article_is_cut_into_title_summary_and_body_segments(desk, people, article):
    doc = _create(desk, people["editor"], article)
    assert doc.state == "draft"
    assert doc.source_lang == "vi" and doc.target_lang == "en"
    assert doc.category == "cuisine"  # the Vietnamese label "Ẩm thực" resolved to its slug
    fields = [s.field for s in doc.segments]
    assert fields[0] == "title" and "summary" in fields and fields[-1] == "body"
    assert fields == sorted(fields, key=["title", "summary", "body"].index)
    assert all(s.state == "new" and s.target == "" for s in doc.segments)
    # Inline markup travels with the sentence.
    assert any("<strong>" in s.source_html for s in doc.segments)


def test_body_html_is_sanitised_on_entry(desk, people, article):
    doc = _create(desk, people["editor"], article,
                  body_html='<p onclick="steal()">Phố cổ Hà Nội rất đẹp.<script>alert(1)</script></p>')
    assert "onclick" not in doc.body_html and "script" not in doc.body_html
    assert "Phố cổ Hà Nội rất đẹp." in doc.body_html


@pytest.mark.parametrize(
    ("over", "needle"),
    [({"category": "Thể thao"}, "unknown category"), ({"source_lang": "fr"}, "source_lang"),
     ({"title": "   "}, "title is required"), ({"body_html": "", "summary": ""}, "no body text")],
)
def test_bad_article_input_is_refused_and_nothing_is_stored(desk, people, article, over, needle):
    with pytest.raises(InputError, match=needle):
        _create(desk, people["editor"], article, **over)
    assert desk.documents.search(people["editor"]) == []


@pytest.mark.slow
def test_full_flow_drafts_post_edit_approve_and_pair(desk, people, article):
    ed, tr = people["editor"], people["translator"]
    doc = _create(desk, ed, article)
    with pytest.raises(InvalidState):
        desk.documents.pair(ed, doc.id)
    job = desk.jobs.request(ed, doc.id)
    assert job.state == "queued" and job.total == len(doc.segments)
    assert desk.documents.get(ed, doc.id).state == "translating"
    desk.jobs.run_queued()
    job = desk.jobs.get(ed, job.id)
    assert (job.state, job.done, job.total) == ("done", len(doc.segments), len(doc.segments))

    doc = desk.documents.get(ed, doc.id)
    assert doc.state == "post-editing"
    assert all(s.state == "machine" and s.origin == "mt" and s.target for s in doc.segments)
    assert all("test-model:yes" in s.signature and "glossary:v" in s.signature for s in doc.segments)

    first = doc.segments[0]
    saved = desk.segments.save(tr, first.id, "Ra mắt street food map for Hanoi Old Quarter", first.version)
    assert (saved.state, saved.origin, saved.version) == ("edited", "human", first.version + 1)
    for seg in doc.segments:
        desk.segments.confirm(tr, seg.id)
    assert desk.documents.get(ed, doc.id).state == "in review"
    with pytest.raises(PermissionDenied):
        desk.segments.approve(tr, first.id)
    desk.documents.approve(ed, doc.id)
    assert desk.documents.get(ed, doc.id).state == "approved"

    pair = desk.documents.pair(ed, doc.id)
    assert pair["vi"]["title"] == article["title"]
    assert pair["en"]["title"] == "Ra mắt street food map for Hanoi Old Quarter"
    assert pair["en"]["body_html"].startswith("<") and "<strong>" in pair["en"]["body_html"]

    # A second article sharing sentences gets them from memory, without MT.
    doc2 = _translated(desk, ed, article, summary="Một bản tóm tắt hoàn toàn khác cho bài thứ hai.")
    from_memory = [s for s in doc2.segments if s.origin == "memory"]
    assert len(from_memory) >= len(doc2.segments) - 2
    assert all(s.state == "memory" and s.match_pct == 100.0 for s in from_memory)
    title2 = doc2.segments[0]
    assert title2.origin == "memory" and title2.target == "Ra mắt street food map for Hanoi Old Quarter"


@pytest.mark.slow
def test_edit_history_records_who_what_and_distance_from_machine_draft(desk, people, article):
    ed, tr = people["editor"], people["translator"]
    doc = _translated(desk, ed, article)
    seg = doc.segments[0]
    desk.segments.save(tr, seg.id, seg.target + " extra", seg.version)
    history = desk.segments.history(ed, seg.id)
    assert [h["action"] for h in history] == ["machine", "save"]
    assert history[1]["user"] == "tran" and history[1]["distance"] == len(" extra")
    assert history[0]["user"] is None


@pytest.mark.slow
def test_human_edit_runs_glossary_checks_and_publish_needs_a_reason_to_override(desk, people, article):
    ed, tr = people["editor"], people["translator"]
    doc = _translated(desk, ed, article)
    title = doc.segments[0]  # contains "ẩm thực đường phố" -> "street food"
    bad = desk.segments.save(tr, title.id, "Launch of an interactive map", title.version)
    assert any(f["check"] == "missing_term" and f["severity"] == "blocking" for f in bad.flags)
    good = desk.segments.save(tr, title.id, "Interactive street food map for the Hanoi Old Quarter", bad.version)
    assert not any(f["check"] == "missing_term" for f in good.flags)
    desk.segments.save(tr, title.id, "Launch of an interactive map", good.version)

    with pytest.raises(InvalidState, match="not yet approved"):
        desk.documents.publish(ed, doc.id)
    desk.documents.approve(ed, doc.id)
    with pytest.raises(InvalidState, match="blocking"):
        desk.documents.publish(ed, doc.id)
    with pytest.raises(PermissionDenied):
        desk.documents.publish(people["translator"], doc.id, override_reason="because")
    published = desk.documents.publish(ed, doc.id, override_reason="Headline shortened on purpose by the editor-in-chief")
    assert published.state == "published"
    log = desk.documents.publish_log(ed, doc.id)
    assert log[-1]["override_reason"].startswith("Headline shortened")
    assert any(b["check"] == "missing_term" for b in log[-1]["blocking"])
    with desk.db.session() as s:
        assert s.scalar(select(func.count()).select_from(PublishLog)) == 1
        assert s.get(Document, doc.id).published_at is not None


@pytest.mark.slow
def test_second_save_with_stale_version_is_a_conflict_with_both_texts(desk, people, article):
    ed, tr = people["editor"], people["translator"]
    doc = _translated(desk, ed, article)
    seg = doc.segments[1]
    desk.segments.save(tr, seg.id, "First translator's text.", seg.version)
    with pytest.raises(EditConflict) as info:
        desk.segments.save(people["admin"], seg.id, "Second translator's text.", seg.version)
    assert info.value.current_target == "First translator's text."
    assert info.value.your_target == "Second translator's text."
    assert info.value.current_version == seg.version + 1
    assert desk.documents.get(ed, doc.id).segments[1].target == "First translator's text."


def _race(desk, actor, seg) -> list:
    barrier = threading.Barrier(2)
    results: list = []

    def save(text):
        barrier.wait()
        try:
            results.append(desk.segments.save(actor, seg.id, text, seg.version))
        except EditConflict as exc:
            results.append(exc)

    threads = [threading.Thread(target=save, args=(t,)) for t in ("Version A.", "Version B.")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.mark.slow
def test_concurrent_saves_give_one_success_and_one_conflict(desk, people, article):
    doc = _translated(desk, people["editor"], article)
    seg = doc.segments[2]
    results = _race(desk, people["translator"], seg)
    wins = [r for r in results if not isinstance(r, EditConflict)]
    conflicts = [r for r in results if isinstance(r, EditConflict)]
    assert len(wins) == 1 and len(conflicts) == 1
    assert conflicts[0].current_target == wins[0].target
    with desk.db.session() as s:
        saves = s.scalar(select(func.count()).select_from(SegmentEdit)
                         .where(SegmentEdit.segment_id == seg.id, SegmentEdit.action == "save"))
    assert saves == 1


def test_roles(desk, people, article):
    ed, tr = people["editor"], people["translator"]
    with pytest.raises(PermissionDenied):
        _create(desk, tr, article)
    doc = _create(desk, ed, article)
    with pytest.raises(PermissionDenied):
        desk.jobs.request(tr, doc.id)
    with pytest.raises(PermissionDenied):
        desk.documents.approve(tr, doc.id)
    with pytest.raises(PermissionDenied):
        desk.segments.save(ed, doc.segments[0].id, "x", 1)  # editors review; translators write
    with pytest.raises(PermissionDenied):
        desk.documents.get(None, doc.id)
    # An article assigned to one translator is closed to the others.
    other = desk.accounts.create_user("other", "translator", PASSWORD)
    desk.documents.assign(ed, doc.id, "tran")
    with pytest.raises(PermissionDenied, match="assigned to another"):
        desk.segments.save(other, doc.segments[0].id, "x", 1)
    assert desk.segments.save(tr, doc.segments[0].id, "Title by hand.", 1).state == "edited"


def test_untranslated_document_cannot_be_approved(desk, people, article):
    doc = _create(desk, people["editor"], article)
    with pytest.raises(InvalidState, match="untranslated"):
        desk.documents.approve(people["editor"], doc.id)
    with pytest.raises(InvalidState, match="no translation yet"):
        desk.segments.confirm(people["translator"], doc.segments[0].id)


@pytest.mark.slow
def test_synchronous_translate_returns_segments_with_terms_flags_and_signature(desk, people):
    out = desk.translation.translate(people["translator"], "vi", "en",
                         html="<p>Hà Nội là <strong>Thành phố Sáng tạo</strong>. Phố cổ rất đẹp.</p>")
    assert len(out["segments"]) == 2
    seg = out["segments"][0]
    assert {"source", "target", "terms", "flags", "signature"} <= set(seg)
    assert any(t["targets"][0] == "Creative City" for t in seg["terms"])
    assert out["html"].startswith("<p>")
    with pytest.raises(InputError, match="synchronous limit"):
        desk.translation.translate(people["translator"], "vi", "en", text="x" * 5001)
    with pytest.raises(InputError, match="exactly one"):
        desk.translation.translate(people["translator"], "vi", "en", text="a", html="<p>a</p>")


def test_tm_lookup_through_the_desk(desk, people):
    from translate.desk import memory

    with desk.db.transaction() as s:
        memory.add_unit(s, src="vi", tgt="en", source="Phố cổ Hà Nội rất đẹp.", target="The Old Quarter is lovely.")
    hits = desk.translation.lookup_memory(people["translator"], "vi", "en", "Phố cổ Hà Nội rất đẹp!")
    assert hits and hits[0]["target"] == "The Old Quarter is lovely." and 70 <= hits[0]["match_pct"] < 100
    with pytest.raises(PermissionDenied):
        desk.translation.lookup_memory(None, "vi", "en", "x")


def test_views_serialise_to_json(desk, people, article):
    doc = _create(desk, people["editor"], article)
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["segments"][0]["field"] == "title"
    assert set(UserView(1, "a", "editor").to_dict()) == {"id", "name", "role", "locale"}


@pytest.mark.slow
def test_an_edit_brings_a_reviewed_or_approved_article_back_to_post_editing(desk, people, article):
    ed, tr = people["editor"], people["translator"]
    doc = _translated(desk, ed, article)
    first, second = doc.segments[0], doc.segments[1]
    # Already in post-editing: a save keeps it there.
    first = desk.segments.save(tr, first.id, first.target + " (1)", first.version)
    assert desk.documents.get(ed, doc.id).state == "post-editing"
    for seg in doc.segments:
        desk.segments.confirm(tr, seg.id)
    assert desk.documents.get(ed, doc.id).state == "in review"
    seg = next(s for s in desk.documents.get(ed, doc.id).segments if s.id == second.id)
    desk.segments.save(tr, seg.id, seg.target + " (2)", seg.version)
    assert desk.documents.get(ed, doc.id).state == "post-editing"
    for seg in desk.documents.get(ed, doc.id).segments:
        if seg.state != "confirmed":
            desk.segments.confirm(tr, seg.id)
    desk.documents.approve(ed, doc.id)
    assert desk.documents.get(ed, doc.id).state == "approved"
    seg = next(s for s in desk.documents.get(ed, doc.id).segments if s.id == first.id)
    desk.segments.save(tr, seg.id, seg.target + " (3)", seg.version)
    assert desk.documents.get(ed, doc.id).state == "post-editing"
