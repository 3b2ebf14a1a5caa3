"""Post-edit analytics, as the services do them: what a confirm records, and what the figures say."""

from __future__ import annotations

import csv
import io

import pytest
from sacrebleu.metrics import TER
from sqlalchemy import select

from glossary.csv_io import FORMULA_TRIGGERS
from translate.desk import NotFound, PermissionDenied
from translate.desk.postedit.recorder import MAX_ACTIVE_MS, Effort, parse_effort
from translate.desk.postedit.records import PostEditRecord
from translate.desk.rules import plain
from translate.errors import InputError

PASSWORD = "correct horse battery"
BODY = ('<p>Năm 2024, <strong>làng nghề</strong> đón 120 khách.</p>'
        '<p>Sản phẩm gốm sứ được bán tại chợ.</p>')


@pytest.fixture
def people(desk):
    return {
        "admin": desk.accounts.create_user("boss", "admin", PASSWORD),
        "editor": desk.accounts.create_user("ed", "editor", PASSWORD),
        "translator": desk.accounts.create_user("tran", "translator", PASSWORD),
    }


@pytest.fixture
def drafted(desk, people):
    """An article with machine drafts in every segment (the TEST model's output)."""
    doc = desk.documents.create(people["editor"], source_lang="vi", category="handicrafts",
                                title="Làng gốm đón khách", summary="", body_html=BODY)
    desk.jobs.request(people["editor"], doc.id)
    desk.jobs.run_queued()
    doc = desk.documents.get(people["editor"], doc.id)
    assert all(s.state == "machine" for s in doc.segments)
    return doc


def record(desk, segment_id):
    with desk.db.session() as s:
        return s.scalar(select(PostEditRecord).where(PostEditRecord.segment_id == segment_id))


def test_a_confirm_records_hter_time_keystrokes_and_the_draft(desk, people, drafted):
    tr = people["translator"]
    seg = drafted.segments[2]
    draft = plain(seg.target)
    final = "Ceramic products are sold at the Market."
    saved = desk.segments.save(tr, seg.id, final, seg.version)
    desk.segments.confirm(tr, saved.id, Effort(active_ms=42_000, keystrokes=57))
    rec = record(desk, seg.id)
    expected = TER(case_sensitive=True).sentence_score(draft, [final])
    assert rec.hter == pytest.approx(expected.score)  # final text as the reference: HTER
    assert (rec.ter_edits, rec.ref_words) == (expected.num_edits, expected.ref_length)
    assert (rec.draft, rec.final) == (draft, final)
    assert (rec.active_ms, rec.keystrokes, rec.confirms) == (42_000, 57, 1)
    assert rec.unchanged is False and rec.char_distance > 0
    assert (rec.source_lang, rec.target_lang, rec.section, rec.number) == ("vi", "en", "handicrafts", 3)
    assert rec.source_words == 8 and rec.user_id == tr.id
    assert rec.model and rec.model != "memory" and rec.signature == seg.signature


def test_a_draft_accepted_unchanged_counts_as_such(desk, people, drafted):
    tr, ed = people["translator"], people["editor"]
    for seg in drafted.segments:
        desk.segments.confirm(tr, seg.id, Effort(active_ms=3000, keystrokes=0))
    rec = record(desk, drafted.segments[0].id)
    assert rec.hter == 0 and rec.unchanged and rec.char_distance == 0
    board = desk.postedit.dashboard(ed)
    assert board["unchanged"] == {"segments": 3, "unchanged": 3, "share": 1.0}
    assert board["histogram"][0] == {"bin": "0", "segments": 3}
    assert board["heaviest"] == []  # nothing was edited


def test_a_reconfirm_updates_the_record_and_adds_the_time(desk, people, drafted):
    tr = people["translator"]
    seg = drafted.segments[1]
    first = desk.segments.confirm(tr, seg.id, Effort(active_ms=10_000, keystrokes=5))
    again = desk.segments.save(tr, seg.id, "Ceramics are sold at the market.", first.version)
    desk.segments.confirm(tr, again.id, Effort(active_ms=20_000, keystrokes=30))
    with desk.db.session() as s:
        recs = list(s.scalars(select(PostEditRecord).where(PostEditRecord.segment_id == seg.id)))
    assert len(recs) == 1
    rec = recs[0]
    assert (rec.confirms, rec.active_ms, rec.keystrokes) == (2, 30_000, 35)
    assert rec.final == "Ceramics are sold at the market." and not rec.unchanged
    assert rec.first_confirmed_at <= rec.confirmed_at


def test_glossary_terms_held_changed_and_flagged_are_told_apart(desk, people, drafted):
    tr = people["translator"]
    seg = drafted.segments[1]  # "Năm 2024, làng nghề đón 120 khách." -- "làng nghề" is a seed term
    held = "In 2024, the <strong>craft village</strong> welcomed 120 visitors."
    saved = desk.segments.save(tr, seg.id, held, seg.version)
    # Pretend the machine wrote the term right: the draft becomes the held text.
    with desk.db.transaction() as s:
        from translate.desk.documents import Segment
        s.get(Segment, seg.id).mt_target = held
    changed = desk.segments.save(tr, seg.id, "In 2024, the <strong>artisan hamlet</strong> welcomed 120 visitors.",
                                 saved.version)
    desk.segments.confirm(tr, changed.id)
    rec = record(desk, seg.id)
    outcomes = {t["source"]: t["outcome"] for t in rec.terms}
    assert outcomes.get("làng nghề") == "changed", rec.terms
    assert rec.terms_changed == 1 and rec.final_flags >= 1
    assert rec.active_ms is None and rec.keystrokes is None  # nothing measured: not zero


def test_a_memory_match_inserted_is_recorded_with_its_percentage(desk, people, drafted):
    tr = people["translator"]
    seg = drafted.segments[0]
    desk.segments.confirm(tr, seg.id, Effort(active_ms=1000, keystrokes=2, memory_pct=87.5))
    rec = record(desk, seg.id)
    assert rec.memory_used and rec.memory_pct == 87.5


def test_effort_fields_are_validated():
    assert parse_effort(None) == Effort()
    assert parse_effort({"active_ms": 0, "keystrokes": 3}) == Effort(0, 3, None)
    for bad in ({"active_ms": -1}, {"active_ms": MAX_ACTIVE_MS + 1}, {"keystrokes": "12"},
                {"keystrokes": True}, {"active_ms": 1.5}, {"memory_pct": 0}, {"memory_pct": 101},
                {"memory_pct": "90"}):
        with pytest.raises(InputError) as err:
            parse_effort(bad)
        assert next(iter(bad)) in str(err.value)


def test_the_dashboard_groups_by_model_direction_section_month(desk, people, drafted):
    tr, ed, admin = people["translator"], people["editor"], people["admin"]
    seg = drafted.segments[2]
    saved = desk.segments.save(tr, seg.id, "Pottery is sold at the market.", seg.version)
    desk.segments.confirm(tr, saved.id, Effort(active_ms=60_000, keystrokes=40))
    desk.segments.confirm(tr, drafted.segments[0].id, Effort(active_ms=0, keystrokes=0))
    board = desk.postedit.dashboard(ed)
    assert board["records"] == 2
    assert [g["group"] for g in board["by"]["direction"]] == ["vi-en"]
    assert [g["group"] for g in board["by"]["section"]] == ["handicrafts"]
    assert len(board["by"]["month"]) == 1 and board["by"]["model"][0]["segments"] == 2
    assert "translators" not in board["throughput"]  # editors see totals only
    total = board["throughput"]["total"]
    assert total["segments"] == 1 and total["words"] == 8 and total["words_per_hour"] == 480.0
    assert board["heaviest"][0]["segment_id"] == seg.id and board["heaviest"][0]["number"] == 3
    per = desk.postedit.dashboard(admin)["throughput"]["translators"]
    assert per == [{"translator": "tran", "segments": 1, "words": 8, "active_ms": 60_000, "hours": 0.017, "words_per_hour": 480.0,
                    "keystrokes": 40}]
    assert desk.postedit.dashboard(ed, {"direction": "en-vi"})["records"] == 0
    assert desk.postedit.dashboard(ed, {"section": "cuisine"})["records"] == 0
    assert desk.postedit.dashboard(ed, {"from": "2000-01", "to": "2000-12"})["records"] == 0
    month = board["by"]["month"][0]["group"]
    assert desk.postedit.dashboard(ed, {"from": month, "to": month})["records"] == 2
    for bad in ({"direction": "vi-fr"}, {"section": "nope"}, {"from": "2026-13"}, {"from": "2026-05", "to": "2026-01"}):
        with pytest.raises(InputError):
            desk.postedit.dashboard(ed, bad)


def test_translators_cannot_read_the_analytics(desk, people, drafted):
    with pytest.raises(PermissionDenied):
        desk.postedit.dashboard(people["translator"])
    with pytest.raises(PermissionDenied):
        desk.postedit.article_report(people["translator"], drafted.id)
    with pytest.raises(NotFound):
        desk.postedit.article_report(people["editor"], 999_999)


def test_csv_exports_are_formula_safe(desk, people, drafted):
    tr, ed = people["translator"], people["editor"]
    seg = drafted.segments[2]
    evil = "=HYPERLINK(\"http://x\",\"y\") sold at +market"
    saved = desk.segments.save(tr, seg.id, evil, seg.version)
    desk.segments.confirm(tr, saved.id, Effort(active_ms=5000, keystrokes=9))
    text = desk.postedit.export_csv(ed, "heaviest")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["final"] == "'" + evil
    for row in rows:
        for cell in row.values():
            assert cell[:1] not in FORMULA_TRIGGERS or cell[:1] == "-" and cell[1:].replace(".", "").isdigit()
    for chart in ("histogram", "model", "direction", "section", "month", "throughput", "unchanged"):
        assert desk.postedit.export_csv(ed, chart).count("\r\n") >= 2
    with pytest.raises(InputError):
        desk.postedit.export_csv(ed, "pie")


def test_the_article_report_adds_up(desk, people, drafted):
    tr, ed = people["translator"], people["editor"]
    seg = drafted.segments[2]
    saved = desk.segments.save(tr, seg.id, "Ceramic wares are sold at the market.", seg.version)
    desk.segments.confirm(tr, saved.id, Effort(active_ms=30_000, keystrokes=12))
    desk.segments.confirm(tr, drafted.segments[0].id, Effort(active_ms=2_000, keystrokes=0, memory_pct=100))
    report = desk.postedit.article_report(ed, drafted.id)
    assert (report["segments"], report["confirmed"]) == (3, 2)
    assert report["words"] == 4 + 7 + 8 and report["active_ms"] == 32_000 and report["keystrokes"] == 12
    assert report["memory"] == {"segments": 1, "words": 4, "exact": 1}
    assert [line["number"] for line in report["lines"]] == [1, 3]
    assert report["lines"][1]["hter"] == pytest.approx(record(desk, seg.id).hter, abs=0.01)


@pytest.mark.parametrize("month", ["0000-01", "9999-12", "1899-12"])
def test_a_month_outside_the_calendar_is_refused_by_name(month):
    """Found by schemathesis: year 0 and the month after 9999-12 overflowed into a 500."""
    from translate.desk.postedit.queries import parse_filters

    for field in ("from", "to"):
        with pytest.raises(InputError) as err:
            parse_filters({field: month})
        assert field in str(err.value) and month in str(err.value)
