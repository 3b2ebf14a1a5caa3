"""The lean save path (translate/desk/segment_save.py) keeps every rule the slow one had.

Saving reads the segment once, caches what only a new glossary version changes,
and writes in one short transaction; these tests pin what a post-editor would
notice if a shortcut went wrong: QA against the glossary as it is now, the
document's state following its segments, the history row, the lock.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select
from test_postgres import PG_URL, pg_url  # noqa: F401  (the fixture: a schema of its own on the test server)

from translate.desk import Desk, EditConflict, PermissionDenied
from translate.desk.documents import Document, SegmentEdit

PASSWORD = "correct horse battery"
BODY = "<p>Làng chuồn chuồn tre Thạch Xá có từ lâu đời.</p><p>Người làng làm đồ chơi bằng tre.</p>"


def _people(desk: Desk) -> dict:
    return {
        "editor": desk.accounts.create_user("ed", "editor", PASSWORD),
        "translator": desk.accounts.create_user("tran", "translator", PASSWORD),
        "other": desk.accounts.create_user("tran2", "translator", PASSWORD),
        "admin": desk.accounts.create_user("root", "admin", PASSWORD),
    }


def _translated(desk: Desk, editor, title: str):
    doc = desk.documents.create(editor, source_lang="vi", category="handicrafts", title=title, summary="",
                                body_html=BODY)
    desk.jobs.request(editor, doc.id)
    desk.jobs.run_queued()
    return desk.documents.get(editor, doc.id)


def _doc_state(desk: Desk, doc_id: int) -> str:
    with desk.db.session() as s:
        return s.scalar(select(Document.state).where(Document.id == doc_id))


def _check_save_rules(desk: Desk) -> None:
    people = _people(desk)
    ed, tran = people["editor"], people["translator"]
    first = _translated(desk, ed, "Bài một")
    second = _translated(desk, ed, "Bài hai")
    assert _doc_state(desk, first.id) == _doc_state(desk, second.id) == "post-editing"

    # The second article goes to review; the first stays in post-editing. A save in the
    # second must bring *its* state back to post-editing (the state is read per document).
    for seg in second.segments:
        desk.segments.confirm(tran, seg.id)
    assert _doc_state(desk, second.id) == "in review"
    seg = next(s for s in second.segments if "chuồn chuồn tre" in s.source)
    current = desk.documents.get(ed, second.id).segments[seg.index]
    saved = desk.segments.save(tran, seg.id, "Thach Xa village has made toys for centuries.", current.version)
    assert saved.version == current.version + 1 and saved.state == "edited" and saved.origin == "human"
    assert saved.target == "Thach Xa village has made toys for centuries." and saved.source == seg.source
    assert _doc_state(desk, second.id) == "post-editing"
    assert _doc_state(desk, first.id) == "post-editing"

    # QA against the glossary as it is at each save: a new entry is checked from the next save on.
    assert not any(f["check"] == "missing_term" for f in saved.flags)
    desk.glossary.create(people["admin"], vi="chuồn chuồn tre", en="bamboo dragonfly", domain="craft")
    flagged = desk.segments.save(tran, seg.id, "Thach Xa village has made toys for centuries.", saved.version)
    assert any(f["check"] == "missing_term" and "bamboo dragonfly" in f["message"] for f in flagged.flags)
    fixed = desk.segments.save(tran, seg.id, "Thach Xa has made bamboo dragonfly toys for centuries.",
                               flagged.version)
    assert not any(f["check"] == "missing_term" for f in fixed.flags)
    assert desk.segments.check(tran, seg.id, "Thach Xa toys.")[0]["check"] == "missing_term"

    # The history row of every save, with its distance from the machine draft.
    with desk.db.session() as s:
        rows = list(s.scalars(select(SegmentEdit).where(SegmentEdit.segment_id == seg.id,
                                                        SegmentEdit.action == "save").order_by(SegmentEdit.id)))
    assert [r.version for r in rows] == [saved.version, flagged.version, fixed.version]
    assert rows[-1].user_id == tran.id and rows[-1].distance is not None and rows[-1].distance > 0

    # The lock: an old version is refused with both texts, and the refused text is kept.
    with pytest.raises(EditConflict) as conflict:
        desk.segments.save(tran, seg.id, "A stale edit.", saved.version)
    assert conflict.value.current_version == fixed.version
    assert conflict.value.current_target == fixed.target
    assert desk.segments.history(tran, seg.id)[-1]["action"] == "conflict"

    # Assigned to someone else: refused before anything is written, also for a segment this
    # translator saved a moment ago (on PostgreSQL its read is remembered), and allowed again
    # once it is theirs again.
    mine = desk.segments.save(tran, first.segments[1].id, "Mine for now.", first.segments[1].version)
    desk.documents.assign(ed, first.id, "tran2")
    with pytest.raises(PermissionDenied):
        desk.segments.save(tran, first.segments[0].id, "Not mine.", first.segments[0].version)
    with pytest.raises(PermissionDenied):
        desk.segments.save(tran, mine.id, "Not mine any more.", mine.version)
    assert desk.documents.get(ed, first.id).segments[1].target == "Mine for now."
    desk.documents.assign(ed, first.id, "tran")
    assert desk.segments.save(tran, mine.id, "Mine again.", mine.version).version == mine.version + 1


def test_a_save_keeps_every_rule(models_env) -> None:
    desk = Desk()
    try:
        _check_save_rules(desk)
    finally:
        desk.close()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="SONGNGU_TEST_POSTGRES_URL is not set")
def test_a_save_keeps_every_rule_on_postgres(request: pytest.FixtureRequest, models_env, monkeypatch) -> None:
    from translate.config import load_settings

    url = request.getfixturevalue("pg_url")
    monkeypatch.setenv("SONGNGU_DATABASE_URL", url)
    desk = Desk(replace(load_settings(), database_url=url))
    try:
        _check_save_rules(desk)
    finally:
        desk.close()


def test_sqlite_writers_queue_on_a_lock_another_process_sees(tmp_path) -> None:
    """The write queue holds a kernel lock beside the database file while a write runs, and only then."""
    import fcntl
    import os

    from translate.desk.database import Database

    db = Database(f"sqlite:///{tmp_path / 'desk.db'}")
    lock_file = tmp_path / "desk.db-writers"

    def other_process_can_write() -> bool:  # another open file description: what a second process would see
        fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        finally:
            os.close(fd)
        return True

    try:
        with db.write_queue():
            assert not other_process_can_write()
        assert other_process_can_write()
        assert oct(lock_file.stat().st_mode & 0o777) == "0o600"
    finally:
        db.close()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="SONGNGU_TEST_POSTGRES_URL is not set")
def test_on_postgres_a_save_in_post_editing_is_one_statement(request: pytest.FixtureRequest, models_env,
                                                             monkeypatch) -> None:
    """The busiest write: one statement (after the segment's first save, a read too), no BEGIN/COMMIT round
    trips, the history row still there."""
    from sqlalchemy import event

    from translate.config import load_settings

    url = request.getfixturevalue("pg_url")
    monkeypatch.setenv("SONGNGU_DATABASE_URL", url)
    desk = Desk(replace(load_settings(), database_url=url))
    try:
        people = _people(desk)
        doc = _translated(desk, people["editor"], "Bài một")
        seg = doc.segments[1]
        first = desk.segments.save(people["translator"], seg.id, "Thach Xa toys.", seg.version)  # loads the glossary
        statements: list[str] = []
        commits: list[bool] = []
        for engine in (desk.db.engine, desk.db.autocommit_engine):  # the transaction pool and the autocommit one
            event.listen(engine, "before_cursor_execute",
                         lambda _c, _cur, statement, *_a: statements.append(statement.lstrip()))
            event.listen(engine, "commit", lambda _c: commits.append(True))
        saved = desk.segments.save(people["translator"], seg.id, "Thach Xa makes toys.", first.version)
        # The read of the first save is remembered: the next save of the segment is the statement alone.
        assert len(statements) == 1 and statements[0].startswith("WITH") and not commits, [x[:60] for x in statements]
        assert desk.segments.history(people["translator"], seg.id)[-1]["target"] == "Thach Xa makes toys."
        assert saved.version == first.version + 1

        # What the checks were based on moved (a new glossary entry): that statement writes
        # nothing, the save reads afresh and writes with flags from the glossary as it is now.
        desk.glossary.create(people["admin"], vi="chuồn chuồn tre", en="bamboo dragonfly", domain="craft")
        statements.clear()
        again = desk.segments.save(people["translator"], seg.id, "Thach Xa makes toys.", saved.version)
        shapes = [x[:20] for x in statements if x.startswith(("WITH", "SELECT segments.id"))]  # not the glossary's
        assert shapes == ["WITH updated AS \n(UP", "SELECT segments.id, ", "WITH updated AS \n(UP"], shapes
        assert any(f["check"] == "missing_term" for f in again.flags) and again.version == saved.version + 1
        assert [h["version"] for h in desk.segments.history(people["translator"], seg.id)].count(again.version) == 1

        # A new machine draft (as a re-run job writes it) moves the effort measured from it:
        # the remembered draft is not used once the stored one differs.
        from sqlalchemy import update

        from translate.desk.documents import Segment

        with desk.db.transaction() as s:
            s.execute(update(Segment).where(Segment.id == seg.id).values(mt_target="Thach Xa makes toys."))
        redrafted = desk.segments.save(people["translator"], seg.id, "Thach Xa makes toys!", again.version)
        assert desk.segments.history(people["translator"], seg.id)[-1]["distance"] == 1
        assert redrafted.version == again.version + 1

        # A stale version: the single statement is tried once, then the transaction finds the conflict.
        statements.clear()
        with pytest.raises(EditConflict):
            desk.segments.save(people["translator"], seg.id, "A stale edit.", again.version)
        assert sum(x.startswith("WITH") for x in statements) == 1, [x[:40] for x in statements]
    finally:
        desk.close()

