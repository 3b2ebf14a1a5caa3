"""Translation memory: exact, then fuzzy with a match %, Vietnamese-normalised, best first, fast."""

from __future__ import annotations

import pytest

from translate.desk import memory
from translate.desk.database import Database
from translate.errors import InputError


@pytest.fixture
def db(tmp_path):
    d = Database(f"sqlite:///{tmp_path / 'tm.db'}")
    d.upgrade()
    memory.forget_indexes()
    yield d
    d.close()
    memory.forget_indexes()


def _add(db, source, target, **kw):
    with db.transaction() as s:
        return memory.add_unit(s, src=kw.pop("src", "vi"), tgt=kw.pop("tgt", "en"), source=source, target=target,
                               **kw).id


def _lookup(db, text, **kw):
    with db.session() as s:
        return memory.lookup(s, kw.pop("src", "vi"), kw.pop("tgt", "en"), text, **kw)


def test_exact_match_is_100_and_reusable(db):
    _add(db, "Hà Nội gia nhập Mạng lưới các Thành phố Sáng tạo năm 2019.",
         "Hanoi joined the Creative Cities Network in 2019.")
    hits = _lookup(db, "Hà Nội gia nhập Mạng lưới các Thành phố Sáng tạo năm 2019.")
    assert hits[0].pct == 100.0 and hits[0].exact
    assert hits[0].target == "Hanoi joined the Creative Cities Network in 2019."
    with db.session() as s:
        assert memory.best_exact(s, "vi", "en", hits[0].source, hits[0].source) is not None
        # Direction matters.
        assert memory.lookup(s, "en", "vi", hits[0].source, min_pct=50) == []


def test_tone_mark_placement_nfd_and_case_meet_but_are_not_blindly_reused(db):
    _add(db, "Hòa bình là khát vọng của Thủ đô.", "Peace is the capital's aspiration.")
    import unicodedata

    variants = ["Hoà bình là khát vọng của Thủ đô.",  # new-style tone placement
                unicodedata.normalize("NFD", "Hòa bình là khát vọng của Thủ đô."),  # decomposed
                "HÒA BÌNH LÀ KHÁT VỌNG CỦA THỦ ĐÔ."]
    for text in variants:
        hits = _lookup(db, text)
        assert hits, text
        assert hits[0].target == "Peace is the capital's aspiration."
        if unicodedata.normalize("NFC", text) == "Hòa bình là khát vọng của Thủ đô.":
            assert hits[0].pct == 100.0
        else:
            assert hits[0].pct == 99.0 and not hits[0].exact
    with db.session() as s:
        assert memory.best_exact(s, "vi", "en", variants[0], variants[0]) is None


def test_different_inline_tags_are_not_a_100_percent_match(db):
    _add(db, "Phố cổ rất đẹp.", "The <strong>Old Quarter</strong> is lovely.",
         source_html="<strong>Phố cổ</strong> rất đẹp.")
    hits = _lookup(db, "Phố cổ rất đẹp.", source_html='<a href="https://x">Phố cổ</a> rất đẹp.')
    assert hits[0].pct == 99.0
    hits = _lookup(db, "Phố cổ rất đẹp.", source_html="<strong>Phố cổ</strong> rất đẹp.")
    assert hits[0].pct == 100.0


def test_fuzzy_matches_come_best_first_with_percentages(db):
    _add(db, "Lễ hội thiết kế Hà Nội diễn ra tại phố cổ vào tháng mười.", "A")
    _add(db, "Lễ hội thiết kế sáng tạo Hà Nội diễn ra tại phố cổ vào tháng mười.", "B")
    _add(db, "Làng gốm Bát Tràng đón nhiều du khách quốc tế.", "C")
    hits = _lookup(db, "Lễ hội thiết kế sáng tạo Hà Nội diễn ra tại phố cổ vào tháng mười hai.")
    assert [h.target for h in hits] == ["B", "A"]
    assert 80 < hits[1].pct < hits[0].pct < 100
    assert all(not h.exact for h in hits)
    assert _lookup(db, "Một câu hoàn toàn khác không liên quan gì cả.") == []


def test_limit_and_min_pct(db):
    for i in range(8):
        _add(db, f"Triển lãm gốm sứ số {i} mở cửa tại bảo tàng.", f"T{i}")
    assert len(_lookup(db, "Triển lãm gốm sứ số 9 mở cửa tại bảo tàng.", limit=3)) == 3
    assert _lookup(db, "Triển lãm gốm sứ số 9 mở cửa tại bảo tàng.", min_pct=99.5) == []
    with pytest.raises(InputError, match="limit"):
        _lookup(db, "x", limit=0)
    with pytest.raises(InputError, match="empty"):
        _lookup(db, "   ")
    with pytest.raises(InputError, match="'vi' or 'en'"):
        _lookup(db, "x", src="fr")


def test_units_added_after_the_index_was_built_are_found(db):
    _add(db, "Bảo tàng Phụ nữ Việt Nam mở cửa lại.", "Reopened.")
    assert _lookup(db, "Bảo tàng Phụ nữ Việt Nam mở cửa lại vào tuần tới.")  # builds the index
    # Written through another Database object, as another process would.
    other = Database(db.url)
    with other.transaction() as s:
        memory.add_unit(s, src="vi", tgt="en", source="Nhà hát Lớn Hà Nội biểu diễn nhạc giao hưởng.",
                        target="Symphony.")
    other.close()
    hits = _lookup(db, "Nhà hát Lớn Hà Nội biểu diễn nhạc giao hưởng mỗi tối.")
    assert hits and hits[0].target == "Symphony."


def test_reconfirming_a_segment_updates_its_unit(db):
    from translate.desk.documents import Document, Segment

    with db.transaction() as s:
        doc = Document(source_lang="vi", target_lang="en", category="arts", title="t")
        s.add(doc)
        s.flush()
        seg = Segment(document_id=doc.id, index=0, field="title", source="Nghệ thuật.", source_html="Nghệ thuật.")
        s.add(seg)
        s.flush()
        seg_id = seg.id
    _add(db, "Nghệ thuật.", "Art.", segment_id=seg_id)
    _add(db, "Nghệ thuật.", "Arts.", segment_id=seg_id)
    hits = _lookup(db, "Nghệ thuật.")
    assert [h.target for h in hits] == ["Arts."]


def test_bad_units_are_refused(db):
    with db.transaction() as s:
        with pytest.raises(InputError, match="both a source and a target"):
            memory.add_unit(s, src="vi", tgt="en", source="x", target="  ")
        with pytest.raises(InputError, match="differ"):
            memory.add_unit(s, src="vi", tgt="vi", source="x", target="y")


def test_import_pairs(db):
    with db.transaction() as s:
        n = memory.import_pairs(s, [("Xin chào.", "Hello."), ("", "skipped"), ("Cảm ơn.", "Thanks.")], "vi", "en")
    assert n == 2
    assert _lookup(db, "Cảm ơn.")[0].origin == "import"


@pytest.mark.slow
def test_lookup_stays_fast_at_20k_units_and_agrees_with_a_full_scan():
    report = memory.tm_benchmark(quick=True)
    assert report["p50_ms_10k"] < 25 and report["p95_ms_10k"] < 60
    assert report["fuzzy_top1_agreement_10k"] >= 0.95
    assert "growth_p50" in report
