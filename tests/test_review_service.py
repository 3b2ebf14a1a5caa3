"""Post-editing helpers and review, as the services do them (no browser): checks, grid, send back, comments."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from translate.desk import EditConflict, InvalidState, NotFound, PermissionDenied
from translate.desk.documents import derive_state
from translate.desk.memory import TMUnit
from translate.desk.tag_pairs import tag_pair_flags
from translate.desk.workspace_service import source_pieces, word_diff
from translate.errors import InputError

PASSWORD = "correct horse battery"
BODY = ('<p>Năm 2024, <strong>làng nghề</strong> đón 120 khách.</p>'
        '<p>Sản phẩm gốm sứ được bán tại <a href="https://example.org/cho">chợ</a>.</p>')


@pytest.fixture
def people(desk):
    return {
        "editor": desk.accounts.create_user("ed", "editor", PASSWORD),
        "translator": desk.accounts.create_user("tran", "translator", PASSWORD),
        "other": desk.accounts.create_user("khac", "translator", PASSWORD),
    }


@pytest.fixture
def doc(desk, people):
    return desk.documents.create(people["editor"], source_lang="vi", category="handicrafts",
                                 title="Làng gốm đón khách", summary="", body_html=BODY)


def translate_all(desk, who, doc, texts=None):
    """Save and confirm every segment (as a translator would), returning the confirmed views."""
    texts = texts or ["Pottery village welcomes visitors",
                      'In 2024, the <strong>craft village</strong> welcomed 120 visitors.',
                      'Ceramics are sold at the <a href="https://example.org/cho">market</a>.']
    out = []
    for seg, text in zip(doc.segments, texts, strict=True):
        saved = desk.segments.save(who, seg.id, text, seg.version)
        out.append(desk.segments.confirm(who, saved.id))
    return out


# --- checking as one types -----------------------------------------------------------------------

def test_check_reports_flags_without_saving(desk, people, doc):
    tr = people["translator"]
    seg = doc.segments[1]
    flags = desk.segments.check(tr, seg.id, "In 2024, the craft village welcomed visitors.")
    assert [f["check"] for f in flags] == ["numbers", "tags"]  # 120 left out, <strong> left out
    assert "120" in flags[0]["message"] and flags[0]["severity"] == "warning"
    assert desk.segments.check(tr, seg.id, "In 2024, the trade village welcomed 120 visitors.")[0]["check"] \
        in ("missing_term", "forbidden_term")
    good = "In 2024, the <strong>craft village</strong> welcomed 120 visitors."
    assert desk.segments.check(tr, seg.id, good) == []
    after = desk.documents.get(tr, doc.id).segments[1]
    assert (after.target, after.version, after.state) == ("", seg.version, "new")  # nothing was saved


def test_a_broken_tag_pair_is_reported_and_the_saved_text_is_mended(desk, people, doc):
    tr = people["translator"]
    seg = doc.segments[1]
    typed = "In 2024, the <strong>craft village welcomed 120 visitors."
    flags = desk.segments.check(tr, seg.id, typed)
    assert flags[0]["check"] == "tags" and flags[0]["severity"] == "blocking"
    assert "<strong> is opened but never closed" in flags[0]["message"]
    saved = desk.segments.save_as_typed(tr, seg.id, typed, seg.version)
    assert saved.target.endswith("visitors.</strong>")  # valid HTML is stored
    assert "never closed" in saved.flags[0]["message"]  # and the post-editor is told
    stored = desk.documents.get(tr, doc.id).segments[1]
    assert all("never closed" not in f["message"] for f in stored.flags)


@pytest.mark.parametrize(("html", "messages"), [
    ("<strong>a</strong> <em>b</em>", []),
    ("a<br>b", []),
    ("a</em> b", ["</em> closes a tag that was never opened"]),
    ("<strong>a <em>b</strong>", ["<em> is not closed before </strong>"]),
    ("<a href='x'>a <b>b</b>", ["<a> is opened but never closed"]),
    ("text < 3 and > 2", []),
])
def test_tag_pairs(html, messages):
    assert [f["message"].removeprefix("inline tag ") for f in tag_pair_flags(html)] == messages


def test_check_refuses_what_save_would_refuse(desk, people, doc):
    with pytest.raises(InputError, match="target is required"):
        desk.segments.check(people["translator"], doc.segments[0].id, "   ")
    with pytest.raises(NotFound):
        desk.segments.check(people["translator"], 10**6, "x")
    desk.documents.assign(people["editor"], doc.id, "khac")
    with pytest.raises(PermissionDenied):
        desk.segments.check(people["translator"], doc.segments[0].id, "x")


# --- the grid ------------------------------------------------------------------------------------

def test_grid_numbers_segments_cuts_sources_and_explains_terms(desk, people, doc):
    grid = desk.workspace.grid(people["translator"], doc.id)
    assert [r.number for r in grid.rows] == [1, 2, 3] and grid.can_edit and not grid.can_review
    row = grid.rows[1]
    shown = [(p.text, p.tag, p.term) for p in row.pieces]
    assert shown == [("Năm 2024, ", False, None), ("{1}", True, None), ("làng nghề", False, 0),
                     ("{/1}", True, None), (" đón 120 khách.", False, None)]
    term = row.terms[0]
    assert (term.source, term.target) == ("làng nghề", "craft village")
    assert "trade village" in term.forbidden and "craft villages" in term.variants and term.note
    link = grid.rows[2]
    assert [p.text for p in link.pieces if p.tag] == ["{1}", "{/1}"]
    assert "gốm sứ" in [p.text for p in link.pieces if p.term is not None]
    assert grid.counts == {"total": 3, "done": 0, "approved": 0, "confirmed": 0, "rejected": 0, "flagged": 0}
    assert desk.workspace.grid(people["editor"], doc.id).can_review
    assert not desk.workspace.grid(people["editor"], doc.id).can_edit
    desk.documents.assign(people["editor"], doc.id, "khac")
    assert not desk.workspace.grid(people["translator"], doc.id).can_edit
    with pytest.raises(NotFound):
        desk.workspace.grid(people["editor"], 999)


def test_source_pieces_with_a_line_break_and_a_term_across_a_tag():
    pieces = source_pieces("a b c", "a<br>b <em>c</em>", [(2, 5)])
    assert [(p.text, p.term) for p in pieces] == [("a", None), ("{1/}", None), (" ", None), ("b ", 0),
                                                    ("{2}", None), ("c", 0), ("{/2}", None)]
    # A fragment that does not read as the plain source is shown as plain text.
    assert [p.text for p in source_pieces("other", "<em>text</em>", [])] == ["other"]


def test_segment_helpers_glossary_memory_concordance(desk, people, doc):
    ed, tr = people["editor"], people["translator"]
    assert [e["target"] for e in desk.workspace.glossary(tr, doc.segments[1].id)] == ["craft village"]
    translate_all(desk, tr, doc)
    other = desk.documents.create(ed, source_lang="vi", category="handicrafts", title="Làng gốm mới",
                                  summary="", body_html='<p>Năm 2024, <strong>làng nghề</strong> đón 12 khách.</p>')
    hits = desk.workspace.memory(tr, other.segments[1].id)
    assert hits and hits[0]["target"].startswith("In 2024, the <strong>craft village</strong>")
    assert 70 <= hits[0]["match_pct"] < 100
    # A confirmed segment's own unit is not offered back to it.
    assert all(h["target"] != "In 2024, the <strong>craft village</strong> welcomed 120 visitors."
               for h in desk.workspace.memory(tr, doc.segments[1].id))
    found = desk.workspace.concordance(tr, other.id, "LÀNG NGHỀ")
    assert [(h["side"], h["match_pct"]) for h in found] == [("source", 100.0)]
    assert desk.workspace.concordance(tr, other.id, "market")[0]["side"] == "target"
    assert desk.workspace.concordance(tr, other.id, "làng nghệ")[0]["match_pct"] < 100  # a near form
    assert desk.workspace.concordance(tr, other.id, "không có đâu") == []
    with pytest.raises(InputError, match="at least"):
        desk.workspace.concordance(tr, other.id, "a")


def test_history_has_diffs_against_the_draft_and_refused_saves(desk, people, doc, monkeypatch):
    tr, other = people["translator"], people["other"]
    seg = doc.segments[0]
    first = desk.segments.save(tr, seg.id, "Pottery village greets visitors", seg.version)
    desk.segments.save(other, seg.id, "Village of potters", first.version)
    with pytest.raises(EditConflict) as conflict:
        desk.segments.save(tr, seg.id, "My late version", first.version)
    assert conflict.value.current_target == "Village of potters"
    hist = desk.workspace.history(tr, seg.id)
    assert [(e["action"], e["target"]) for e in hist["entries"]][:2] == [
        ("conflict", "My late version"), ("save", "Village of potters")]
    assert hist["current"] == "Village of potters"
    assert word_diff("the old pottery", "the new pottery") == [["=", "the "], ["-", "old"], ["+", "new"],
                                                              ["=", " pottery"]]


# --- send back, comments, approve --------------------------------------------------------------

def test_send_back_fix_approve_and_publish(desk, people, doc):
    ed, tr = people["editor"], people["translator"]
    confirmed = translate_all(desk, tr, doc)
    assert desk.documents.get(ed, doc.id).state == "in review"
    seg = confirmed[1]
    with pytest.raises(PermissionDenied):
        desk.review.send_back(tr, seg.id, "no")
    with pytest.raises(InputError, match="comment is required"):
        desk.review.send_back(ed, seg.id, "  ")
    back = desk.review.send_back(ed, seg.id, "Say 'welcomed 120 visitors' <b>exactly</b>")
    assert (back.state, back.version) == ("rejected", seg.version + 1)
    assert desk.documents.get(ed, doc.id).state == "post-editing"
    with desk.db.session() as s:  # a refused translation is no longer offered as a match
        assert s.scalar(select(TMUnit).where(TMUnit.segment_id == seg.id)) is None
    with pytest.raises(InvalidState, match="only a confirmed or approved"):
        desk.review.send_back(ed, seg.id, "again")
    threads = desk.review.comments(tr, doc.id)  # the translator reads why
    assert [(t["kind"], t["segment"], t["body"], t["user"]) for t in threads] == [
        ("send_back", 2, "Say 'welcomed 120 visitors' <b>exactly</b>", "ed")]
    grid = desk.workspace.grid(tr, doc.id)
    assert grid.rows[1].sent_back.startswith("Say") and grid.rows[1].open_comments == 1
    assert grid.counts["rejected"] == 1
    reply = desk.review.comment(tr, doc.id, "Fixed.", parent_id=threads[0]["id"])
    assert reply["parent_id"] == threads[0]["id"] and reply["segment_id"] == seg.id

    fixed = desk.segments.save(tr, seg.id, "In 2024, the <strong>craft village</strong> welcomed 120 visitors!",
                               back.version)
    desk.segments.confirm(tr, fixed.id)
    assert [h["action"] for h in desk.segments.history(ed, seg.id)][-4:] == ["confirm", "send_back", "save",
                                                                            "confirm"]
    for s in confirmed:
        desk.review.approve(ed, s.id)
    assert desk.review.comments(ed, doc.id)[0]["resolved_at"] is not None  # approving settled it
    assert desk.documents.get(ed, doc.id).state == "approved"
    assert desk.documents.publish(ed, doc.id).state == "published"
    # Sending back a published article's segment puts the article back into the flow.
    desk.review.send_back(ed, seg.id, "One more thing")
    assert desk.documents.get(ed, doc.id).state == "post-editing"


def test_send_the_whole_article_back(desk, people, doc):
    ed, tr = people["editor"], people["translator"]
    confirmed = translate_all(desk, tr, doc)
    desk.review.approve(ed, confirmed[0].id)
    result = desk.review.send_back_document(ed, doc.id, "Too literal overall")
    assert result == {"document_id": doc.id, "sent_back": 2, "state": "post-editing"}
    states = [s.state for s in desk.documents.get(ed, doc.id).segments]
    assert states == ["approved", "rejected", "rejected"]
    grid = desk.workspace.grid(tr, doc.id)
    assert [n["body"] for n in grid.article_notes] == ["Too literal overall"]
    with pytest.raises(InvalidState, match="no confirmed segment"):
        desk.review.send_back_document(ed, doc.id, "again")
    with pytest.raises(PermissionDenied):
        desk.review.send_back_document(tr, doc.id, "x")


def test_comment_threads_stay_one_level_deep_and_follow_assignment(desk, people, doc):
    ed, tr, other = people["editor"], people["translator"], people["other"]
    seg = doc.segments[2]
    root = desk.review.comment(ed, doc.id, "Is 'market' right?", segment_id=seg.id)
    reply = desk.review.comment(tr, doc.id, "Yes, it is a market.", parent_id=root["id"])
    deeper = desk.review.comment(ed, doc.id, "OK", parent_id=reply["id"])
    assert deeper["parent_id"] == root["id"]
    resolved = desk.review.resolve(tr, deeper["id"])  # resolving any reply resolves the thread
    assert resolved["id"] == root["id"] and resolved["resolved_by"] == "tran"
    desk.review.comment(tr, doc.id, "Actually, no.", parent_id=root["id"])
    [thread] = desk.review.comments(ed, doc.id, segment_id=seg.id)
    assert thread["resolved_at"] is None  # a reply reopens the thread
    assert [r["body"] for r in thread["replies"]] == ["Yes, it is a market.", "OK", "Actually, no."]
    desk.documents.assign(ed, doc.id, "tran")
    with pytest.raises(PermissionDenied):
        desk.review.comment(other, doc.id, "me too", segment_id=seg.id)
    with pytest.raises(NotFound):
        desk.review.comment(ed, doc.id, "x", segment_id=10**6)
    with pytest.raises(InputError, match="too long"):
        desk.review.comment(ed, doc.id, "x" * 3000, segment_id=seg.id)


def test_a_rejected_segment_keeps_its_article_in_post_editing():
    assert derive_state("in review", ["confirmed", "rejected"], False) == "post-editing"
    assert derive_state("published", ["approved", "rejected"], False) == "post-editing"
