"""The glossary learns from translators: proposals with evidence, decided by admins only; what MT misses."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from translate.desk import Desk, InvalidState, PermissionDenied, jobs
from translate.desk.term_learning import LearningOptions

PASSWORD = "correct horse battery"
SIGNATURE = "songngu:1|pair:vi-en|engine:ct2-4|model:test/vi-en@r1|compute:int8|beam:4|glossary:v1"
FISHING = {  # source sentence -> (machine draft, what the translator wrote)
    "Làng chài Cửa Vạn đón khách du lịch.": ("Cua Van fishing village welcomes tourists.",
                                            "Cua Van traditional fishing village welcomes tourists."),
    "Người dân làng chài sống trên biển.": ("The people of the fishing village live at sea.",
                                           "The people of the traditional fishing village live at sea."),
    "Du khách thích thăm làng chài vào buổi sáng.": ("Visitors like to visit the fishing village in the morning.",
                                                    "Visitors like to visit the traditional fishing village in "
                                                    "the morning."),
}
MORE_FISHING = {
    "Làng chài Nhơn Lý có bãi biển đẹp.": ("Nhon Ly fishing village has a beautiful beach.",
                                          "Nhon Ly traditional fishing village has a beautiful beach."),
    "Trẻ em làng chài học bơi sớm.": ("Children of the fishing village learn to swim early.",
                                     "Children of the traditional fishing village learn to swim early."),
    "Chợ cá của làng chài họp lúc bình minh.": ("The fish market of the fishing village opens at dawn.",
                                               "The fish market of the traditional fishing village opens at dawn."),
}


class DraftTranslator:
    """Stands in for the model: the drafts are chosen by the test (the test models write nonsense)."""

    def __init__(self, drafts: dict[str, str], signature: str = SIGNATURE) -> None:
        self.drafts, self.signature = drafts, signature

    def translate_segments(self, segments, src, tgt):
        return [SimpleNamespace(target_html=self.drafts.get(seg.text, "Local news."), signature=self.signature,
                                flags=[], terms=[]) for seg in segments]


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("SONGNGU_REDIS_URL", raising=False)
    d = Desk()
    yield d
    d.close()


@pytest.fixture
def people(desk):
    return {key: desk.accounts.create_user(name, role, PASSWORD)
            for key, name, role in (("admin", "boss", "admin"), ("editor", "ed", "editor"),
                                    ("translator", "tran", "translator"), ("other", "khac", "translator"))}


@pytest.fixture
def fishing(desk, people):
    """An approved entry làng chài = fishing village, as an admin wrote it."""
    return desk.glossary.create(people["admin"], vi="làng chài", en="fishing village", domain="heritage")


def post_edit(desk, people, sentences, finals, drafts=None, *, title="Tin địa phương", worker=False):
    """An article drafted by the stand-in model (if ``drafts``; by the desk's own worker and models
    with ``worker``), edited and confirmed by two translators."""
    editor = people["editor"]
    doc = desk.documents.create(editor, source_lang="vi", category="events", title=title, summary="",
                                body_html="".join(f"<p>{s}</p>" for s in sentences))
    if drafts is not None or worker:
        job = desk.jobs.request(editor, doc.id)
        if worker:
            deadline = time.monotonic() + 120
            while desk.jobs.get(editor, job.id).state not in ("done", "failed") and time.monotonic() < deadline:
                time.sleep(0.2)
            assert desk.jobs.get(editor, job.id).state == "done"
        else:
            assert jobs.run_job(desk.db, job.id, translator=DraftTranslator(drafts)) == "done"
        doc = desk.documents.get(editor, doc.id)
    confirmed = []
    for i, seg in enumerate(doc.segments):
        who = people["translator"] if i % 2 else people["other"]
        final = finals.get(seg.source, None if drafts is not None or worker else "Local news.")
        if final is not None:
            seg = desk.segments.save(who, seg.id, final, seg.version)
        confirmed.append(desk.segments.confirm(who, seg.id))
    return confirmed


def test_a_held_term_replaced_the_same_way_gives_one_proposal_and_accepting_adds_the_variant(desk, people, fishing):
    segs = post_edit(desk, people, list(FISHING), {s: f for s, (_, f) in FISHING.items()},
                     {s: d for s, (d, _) in FISHING.items()})
    admin = people["admin"]
    result = desk.term_proposals.learn(admin)
    assert (result["created"], result["open"]) == (1, 1)
    [proposal] = desk.term_proposals.list(admin)
    edited = sorted(s.id for s in segs if s.source in FISHING)
    assert (proposal["kind"], proposal["entry_id"], proposal["form"]) == ("variant", fishing["id"],
                                                                         "traditional fishing village")
    assert proposal["support"] == 3 and proposal["evidence"]["segments"] == edited
    assert proposal["evidence"]["held"] == 3 and proposal["share"] == 1.0
    assert sorted(proposal["translators"]) == ["khac", "tran"]
    example = proposal["examples"][0]
    assert "fishing village" in example["draft"] and "traditional fishing village" in example["final"]
    assert example["source"] in FISHING

    again = desk.term_proposals.learn(admin)  # the same evidence again: refreshed, not duplicated
    assert (again["created"], again["refreshed"], again["open"]) == (0, 1, 1)

    for who in ("editor", "translator"):
        with pytest.raises(PermissionDenied):
            desk.term_proposals.accept(people[who], proposal["id"])
        with pytest.raises(PermissionDenied):
            desk.term_proposals.list(people[who])
    before = desk.glossary.search(admin, limit=1)["version"]
    accepted = desk.term_proposals.accept(admin, proposal["id"], expected_revision=fishing["revision"])
    entry = desk.glossary.get(admin, fishing["id"])
    assert entry["entry"]["en_variants"] == ["traditional fishing village"]
    assert entry["entry"]["en"] == "fishing village"
    after = desk.glossary.search(admin, limit=1)["version"]
    assert after == before + 1 and accepted["glossary_version"] == after
    assert entry["history"][-1]["comment"].startswith(f"accepted proposal {proposal['id']}")
    assert entry["history"][-1]["changed_by"] == "boss"
    assert (accepted["state"], accepted["decided_by"]) == ("accepted", "boss")
    with pytest.raises(InvalidState):
        desk.term_proposals.accept(admin, proposal["id"])
    # The variant is now accepted; the same evidence proposes nothing more.
    assert desk.term_proposals.learn(admin)["created"] == 0
    assert desk.term_proposals.list(admin) == []


def test_rejecting_leaves_the_glossary_alone_and_only_much_more_evidence_brings_it_back(desk, people, fishing):
    admin = people["admin"]
    post_edit(desk, people, list(FISHING), {s: f for s, (_, f) in FISHING.items()},
              {s: d for s, (d, _) in FISHING.items()})
    desk.term_proposals.learn(admin)
    [proposal] = desk.term_proposals.list(admin)
    version = desk.glossary.search(admin, limit=1)["version"]
    with pytest.raises(PermissionDenied):
        desk.term_proposals.reject(people["editor"], proposal["id"])
    rejected = desk.term_proposals.reject(admin, proposal["id"], note="too long for a headline")
    assert (rejected["state"], rejected["decision_note"]) == ("rejected", "too long for a headline")
    assert desk.glossary.search(admin, limit=1)["version"] == version
    assert desk.glossary.get(admin, fishing["id"])["entry"]["en_variants"] == []
    again = desk.term_proposals.learn(admin)
    assert (again["created"], again["held_back"], again["open"]) == (0, 1, 0)
    # Twice the evidence (three more segments) brings it back, pointing at the rejection.
    post_edit(desk, people, list(MORE_FISHING), {s: f for s, (_, f) in MORE_FISHING.items()},
              {s: d for s, (d, _) in MORE_FISHING.items()}, title="Tin biển")
    assert desk.term_proposals.learn(admin)["created"] == 1
    [back] = desk.term_proposals.list(admin)
    assert back["support"] == 6 and back["evidence"]["previous"] == {"id": proposal["id"], "state": "rejected",
                                                                       "count": 3}
    assert [p["id"] for p in desk.term_proposals.list(admin, "rejected")] == [proposal["id"]]


def test_a_variant_translators_always_prefer_puts_the_preferred_form_up_for_review(desk, people):
    admin = people["admin"]
    # Seed entry 45: làng nghề = craft village, with "traditional craft village" already a variant.
    sentences = ["Làng nghề đón 120 khách.", "Sản phẩm của làng nghề bán chạy.", "Họ mở rộng làng nghề năm nay."]
    drafts = {sentences[0]: "The craft village welcomed 120 visitors.",
              sentences[1]: "Products of the craft village sell well.",
              sentences[2]: "They expanded the craft village this year."}
    finals = {s: d.replace("craft village", "traditional craft village") for s, d in drafts.items()}
    post_edit(desk, people, sentences, finals, drafts)
    assert desk.term_proposals.learn(admin)["created"] == 1
    [proposal] = desk.term_proposals.list(admin)
    assert (proposal["kind"], proposal["form"]) == ("preferred", "traditional craft village")
    entry_id = proposal["entry_id"]
    desk.term_proposals.accept(admin, proposal["id"])
    entry = desk.glossary.get(admin, entry_id)["entry"]
    assert entry["en"] == "traditional craft village"
    assert entry["en_variants"][0] == "craft village" and "traditional craft village" not in entry["en_variants"]


TERRACES = {  # source -> what the translator wrote
    "Ruộng bậc thang Mù Cang Chải rất đẹp.": "The terraced fields of Mu Cang Chai are beautiful.",
    "Du khách chụp ảnh ruộng bậc thang vào mùa lúa chín.": "Visitors photograph the terraced fields in the "
                                                           "ripe rice season.",
    "Người Hmông làm ruộng bậc thang từ lâu.": "The Hmong have built terraced fields for a long time.",
}
MORE_TERRACES = {
    "Nông dân cấy lúa trên ruộng bậc thang.": "Farmers plant rice on the terraced fields.",
    "Ruộng bậc thang Hoàng Su Phì vào mùa nước đổ.": "The terraced fields of Hoang Su Phi in the flooding season.",
    "Mùa thu, ruộng bậc thang chuyển màu vàng.": "In autumn, the terraced fields turn yellow.",
}


def test_a_phrase_translated_the_same_way_with_no_entry_becomes_a_new_entry_proposal(desk, people):
    admin = people["admin"]
    # The machine already writes "terraced fields": consistent, but nothing an entry would add.
    post_edit(desk, people, list(TERRACES), TERRACES, dict(TERRACES))
    assert desk.term_proposals.learn(admin)["created"] == 0
    # Drafts that say "ladder fields", corrected every time: now it is worth an entry.
    post_edit(desk, people, list(MORE_TERRACES), MORE_TERRACES,
              {s: f.replace("terraced", "ladder") for s, f in MORE_TERRACES.items()}, title="Tây Bắc")
    result = desk.term_proposals.learn(admin)
    assert result["created"] == 1
    [proposal] = desk.term_proposals.list(admin)
    assert (proposal["kind"], proposal["source_phrase"], proposal["form"]) == ("entry", "ruộng bậc thang",
                                                                               "terraced fields")
    assert (proposal["support"], proposal["evidence"]["fixed"]) == (6, 3)
    assert proposal["suggested"]["vi"] == "ruộng bậc thang" and proposal["suggested"]["en"] == "terraced fields"
    # Stricter thresholds find nothing: three drafts needed the correction.
    assert desk.term_proposals.learn(admin, LearningOptions(min_segments=4))["refreshed"] == 0
    before = desk.glossary.search(admin, limit=1)["version"]
    accepted = desk.term_proposals.accept(admin, proposal["id"], fields={"domain": "heritage"})
    entry = desk.glossary.get(admin, accepted["entry_id"])["entry"]
    assert (entry["vi"], entry["en"], entry["status"], entry["domain"]) == ("ruộng bậc thang", "terraced fields",
                                                                           "approved", "heritage")
    assert desk.glossary.search(admin, limit=1)["version"] == before + 1
    match = desk.glossary.match(admin, "vi", "en", "Ruộng bậc thang ở Sa Pa.")
    assert [m["entry"] for m in match] == [entry["id"]]


def test_bad_options_are_refused_with_the_field_named(desk, people):
    from translate.errors import InputError

    with pytest.raises(InputError, match="min_segments"):
        desk.term_proposals.learn(people["admin"], LearningOptions(min_segments=0))
    with pytest.raises(InputError, match="min_dice"):
        desk.term_proposals.learn(people["admin"], LearningOptions(min_dice=1.5))


def test_most_missed_counts_the_drafts_that_missed_an_entry_per_model(desk, people, fishing):
    admin = people["admin"]
    missed = {s: d.replace("fishing village", "fishermen's hamlet") for s, (d, _) in FISHING.items()}
    post_edit(desk, people, list(FISHING), {}, missed)
    held = ["Làng chài nhỏ nằm ven biển."]
    post_edit(desk, people, held, {}, {held[0]: "The small fishing village lies by the sea."}, title="Biển")
    with pytest.raises(PermissionDenied):
        desk.term_proposals.most_missed(people["editor"])
    [report] = desk.term_proposals.most_missed(admin)
    assert report["model"] == "test/vi-en"
    row = next(e for e in report["entries"] if e["entry_id"] == fishing["id"])
    assert (row["failed"], row["missing"], row["drafts"]) == (3, 3, 4)
    assert len(row["examples"]) == 3 and all("hamlet" in ex["draft"] for ex in row["examples"])
    assert desk.term_proposals.most_missed(admin, model="another/model") == []


def test_the_command_line_finds_proposals_and_lists_what_mt_missed(desk, people, fishing):
    from click.testing import CliRunner

    from cli.main import main

    post_edit(desk, people, list(FISHING), {s: f for s, (_, f) in FISHING.items()},
              {s: d for s, (d, _) in FISHING.items()})
    # Drafts that never held the term: evidence of a miss, not of a replacement.
    post_edit(desk, people, list(MORE_FISHING), {s: f for s, (_, f) in MORE_FISHING.items()},
              {s: d.replace("fishing village", "fishermen's hamlet") for s, (d, _) in MORE_FISHING.items()},
              title="Biển")
    runner = CliRunner()
    out = runner.invoke(main, ["glossary", "learn"])
    assert out.exit_code == 0, out.output
    assert "proposals: 1 new, 0 refreshed" in out.output
    assert f"add variant 'traditional fishing village' to entry {fishing['id']}\t3 segments, 2 translators" \
        in out.output
    missed = runner.invoke(main, ["glossary", "missed", "--model", "test/vi-en"])
    assert missed.exit_code == 0, missed.output
    assert f"entry {fishing['id']}\tlàng chài = fishing village\tfailed in 3 of 6 drafts" in missed.output
    bad = runner.invoke(main, ["glossary", "learn", "--min-segments", "0"])
    assert bad.exit_code == 1 and "min_segments must be" in bad.output
