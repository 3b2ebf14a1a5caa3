"""Adapting a model from approved post-edits: the data, the training, the revision, accept and roll back.

Training runs on the tiny random-weight models with a high learning rate (they
learn fast; real models use the small default) and a bounded number of steps.
Each test works on its own copy of the test models, so a revision accepted here
never changes the models other tests translate with.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest
import sacrebleu

from models.registry import find_model
from models.revisions import DEFAULT_FILE, REVISIONS_DIR, STAGING_PREFIX, accept, list_revisions, rollback
from translate.adaptation.data import Pair, prepare
from translate.errors import SongnguError

TEST_STEPS = 200
TEST_LR = 5e-3  # the tiny models learn their 200 pairs in a few hundred steps at this rate
CRAFTS = [("gốm", "pottery"), ("lụa", "silk"), ("mây tre", "bamboo"), ("sơn mài", "lacquer"),
          ("tranh", "painting"), ("nón", "hat"), ("đúc đồng", "bronze"), ("chiếu", "mat")]
PLACES = [("Bát Tràng", "Bat Trang"), ("Vạn Phúc", "Van Phuc"), ("Đông Hồ", "Dong Ho"), ("Phù Lãng", "Phu Lang"),
          ("Chuông", "Chuong"), ("Hạ Thái", "Ha Thai"), ("Ý Yên", "Y Yen")]
CITIES = [("Hà Nội", "Hanoi"), ("Huế", "Hue"), ("Hội An", "Hoi An"), ("Đà Nẵng", "Da Nang")]
TEMPLATES = [("Làng {cv} {pv} đón {n} du khách.", "{pe} {ce} village welcomed {n} visitors."),
             ("Nghệ nhân làng {cv} {pv} giới thiệu sản phẩm mới.", "Artisans of {pe} {ce} village present new products."),
             ("Triển lãm {cv} mở cửa tại {yv} năm {n}.", "The {ce} exhibition opened in {ye} in {n}.")]


def site_pairs(n: int = 200, per_article: int = 10, seed: int = 7) -> list[Pair]:
    """In-domain pairs in the house style, ``per_article`` to an article."""
    rng = random.Random(seed)
    out: list[Pair] = []
    seen = set()
    while len(out) < n:
        (cv, ce), (pv, pe), (yv, ye) = rng.choice(CRAFTS), rng.choice(PLACES), rng.choice(CITIES)
        tv, te = rng.choice(TEMPLATES)
        num = rng.choice(["2019", "2020", "2021", "2022", "300", "500", "1000"])
        pair = (tv.format(cv=cv, pv=pv, yv=yv, n=num), te.format(ce=ce, pe=pe, ye=ye, n=num))
        if pair not in seen:
            seen.add(pair)
            out.append(Pair(*pair, group=f"doc{len(out) // per_article}"))
    return out


@pytest.fixture
def own_models(test_models_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "models"
    shutil.copytree(test_models_dir, root)
    monkeypatch.setenv("SONGNGU_MODELS_DIR", str(root))
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    return root


def fake_revision(models_dir: Path, name: str, revision: str, *, complete: bool = True,
                  better: bool = True, staging: bool = False) -> Path:
    """A revision folder made of the base weights (what matters here is how it is found, not what it says)."""
    base = models_dir / name
    folder = base / REVISIONS_DIR / (f"{STAGING_PREFIX}{revision}" if staging else revision)
    shutil.copytree(base / "hf", folder / "hf")
    shutil.copytree(base / "ct2-int8", folder / "ct2-int8")
    manifest = json.loads((base / "songngu.json").read_text())
    manifest.update(revision=revision, evaluation={"better": better})
    if complete:
        manifest["complete"] = True
    (folder / "songngu.json").write_text(json.dumps(manifest))
    return folder


def bleu_of(settings, model_name: str, pairs: list[Pair]) -> float:
    from translate.pipeline import Translator

    tr = Translator(settings, model_name=model_name)
    doc = tr.translate_text("\n".join(p.source for p in pairs), "vi", "en")
    hyps = [s.target for s in doc.segments]
    assert len(hyps) == len(pairs)
    return sacrebleu.corpus_bleu(hyps, [[p.target for p in pairs]]).score


# -- the data ---------------------------------------------------------------------------------

def test_pairs_are_deduplicated_filtered_and_held_out_by_whole_article():
    pairs = site_pairs(200)
    pairs += [pairs[0], Pair("  " + pairs[1].source + " ", pairs[1].target, "doc99"),
              Pair("Câu rất dài. " * 60, "A very long sentence. " * 60, "doc5"), Pair("", "x", "doc5")]
    ds = prepare(pairs)
    assert ds.dropped_long == 1 and ds.dropped_empty == 1 and ds.dropped_duplicates >= 2
    assert len(ds.train) + len(ds.heldout) <= 200
    assert 10 <= len(ds.heldout) <= 40
    train_groups, held_groups = {p.group for p in ds.train}, {p.group for p in ds.heldout}
    assert not train_groups & held_groups  # an article is wholly on one side
    assert not {p.source for p in ds.train} & {p.source for p in ds.heldout}  # nothing leaks
    assert ds.describe()["heldout_articles"] == len(held_groups)


# -- revisions on disk ------------------------------------------------------------------------

def test_a_half_written_revision_is_never_used(own_models):
    fake_revision(own_models, "test-vi-en", "adapt-1", staging=True)  # a run killed before the rename
    fake_revision(own_models, "test-vi-en", "adapt-2", complete=False)  # renamed without its marker
    (own_models / "test-vi-en" / REVISIONS_DIR / "adapt-3").mkdir()  # an empty folder
    for rev in ("adapt-1", "adapt-2", "adapt-3"):
        (own_models / "test-vi-en" / DEFAULT_FILE).write_text(json.dumps({"revision": rev}))
        model = find_model(own_models, "vi", "en")
        assert model.revision == "random-seed1234" and model.root == own_models / "test-vi-en"
        with pytest.raises(SongnguError):
            find_model(own_models, "vi", "en", f"test-vi-en@{rev}")
    (own_models / "test-vi-en" / DEFAULT_FILE).write_text("{not json")
    assert find_model(own_models, "vi", "en").revision == "random-seed1234"
    assert [r["revision"] for r in list_revisions(find_model(own_models, "vi", "en"))] == ["random-seed1234"]


def test_accept_changes_the_signature_and_rollback_restores_it(own_models):
    from translate.config import load_settings
    from translate.pipeline import Translator

    fake_revision(own_models, "test-vi-en", "adapt-20261203T100000")
    fake_revision(own_models, "test-vi-en", "adapt-20261203T110000", better=False)
    base = find_model(own_models, "vi", "en")

    def signature() -> str:
        return Translator(load_settings()).translate_text("Làng gốm Bát Tràng.", "vi", "en").segments[0].signature

    assert "@random-seed1234" in signature()
    with pytest.raises(SongnguError, match="did not score better"):
        accept(base, "adapt-20261203T110000")
    accept(base, "adapt-20261203T100000", by="root")
    assert find_model(own_models, "vi", "en").revision == "adapt-20261203T100000"
    assert "model:test-vi-en@adapt-20261203T100000" in signature()
    assert find_model(own_models, "en", "vi").revision == "random-seed1235"  # the other direction untouched
    result = rollback(find_model(own_models, "vi", "en"), by="root")
    assert result == {"name": "test-vi-en", "revision": None, "previous": "adapt-20261203T100000"}
    assert "@random-seed1234" in signature()
    with pytest.raises(SongnguError, match="nothing to roll back"):
        rollback(find_model(own_models, "vi", "en"))


# -- training and installing ------------------------------------------------------------------

@pytest.mark.slow
def test_adapting_learns_the_pairs_and_installs_a_scored_revision(own_models):
    from translate.adaptation.revision import adapt_model
    from translate.adaptation.train import TrainConfig
    from translate.config import load_settings

    settings = load_settings()
    ds = prepare(site_pairs(200))
    current = find_model(own_models, "vi", "en")
    before = bleu_of(settings, "test-vi-en", ds.train)
    stages = []
    manifest = adapt_model(current, ds, TrainConfig(steps=TEST_STEPS, learning_rate=TEST_LR, eval_every=50),
                           settings, report=lambda stage, done, total, info: stages.append(stage))
    revision = manifest["revision"]
    after = bleu_of(settings, f"test-vi-en@{revision}", ds.train)
    assert before < 5 and after > 25, (before, after)
    assert stages[0] == "training" and stages[-3:] == ["converting", "evaluating", "installing"]
    # installed beside the base, complete, with its provenance; not the default until accepted
    folder = own_models / "test-vi-en" / REVISIONS_DIR / revision
    saved = json.loads((folder / "songngu.json").read_text())
    assert saved["complete"] is True and (folder / "ct2-int8" / "model.bin").is_file()
    assert saved["base"]["revision"] == "random-seed1234"
    assert saved["adaptation"]["data"]["train_pairs"] == len(ds.train)
    assert saved["adaptation"]["training"]["curve"][-1]["heldout_loss"] < saved["adaptation"]["training"]["curve"][0]["heldout_loss"]
    ev = saved["evaluation"]
    assert ev["lines"] == len(ds.heldout) and set(ev["p_values"]) == {"bleu", "chrf", "ter"}
    assert ev["scores"]["adapted"]["chrf"] > ev["scores"]["current"]["chrf"] and ev["better"] is True
    assert find_model(own_models, "vi", "en").revision == "random-seed1234"
    assert not list((own_models / "test-vi-en" / REVISIONS_DIR).glob(STAGING_PREFIX + "*"))


# -- the desk: a background run in its own process --------------------------------------------

@pytest.fixture
def desk(own_models):
    from translate.desk import Desk

    d = Desk()
    yield d
    d.close()


@pytest.fixture
def admin(desk):
    return desk.accounts.create_user("root", "admin", "correct horse battery")


def approve_articles(desk, pairs: list[Pair]) -> None:
    """Articles whose every segment was approved, as the desk stores them after review."""
    from translate.desk.documents import Document, Segment

    groups: dict[str, list[Pair]] = {}
    for p in pairs:
        groups.setdefault(p.group, []).append(p)
    with desk.db.transaction() as s:
        for group in groups.values():
            doc = Document(source_lang="vi", target_lang="en", category="handicrafts", title=group[0].source,
                           summary="", body_html="", state="approved")
            s.add(doc)
            s.flush()
            for i, p in enumerate(group):
                s.add(Segment(document_id=doc.id, index=i, field="body", block=i, kind="p", source=p.source,
                              source_html=p.source, target=f"<b>{p.target}</b>" if i == 0 else p.target,
                              state="approved" if i % 2 else "confirmed"))


def wait_for(desk, admin, run_id: int, until, timeout: float = 240.0):
    deadline = time.monotonic() + timeout
    while True:
        run = desk.adaptation.get(admin, run_id)
        if until(run) or time.monotonic() > deadline:
            return run
        time.sleep(0.3)


def test_a_request_needs_enough_pairs_and_an_admin(desk, admin):
    from translate.desk.errors import InvalidState, PermissionDenied

    editor = desk.accounts.create_user("ed", "editor", "correct horse battery")
    with pytest.raises(PermissionDenied):
        desk.adaptation.request(editor, "vi", "en")
    approve_articles(desk, site_pairs(40))
    with pytest.raises(InvalidState, match="only 40 approved or confirmed"):
        desk.adaptation.request(admin, "vi", "en", min_pairs=200)
    run = desk.adaptation.request(admin, "vi", "en", min_pairs=40, enqueue=False)
    assert run.state == "queued" and run.train_pairs + run.heldout_pairs == 40
    with pytest.raises(InvalidState, match="already adapting"):
        desk.adaptation.request(admin, "vi", "en", min_pairs=40, enqueue=False)
    assert desk.adaptation.cancel(admin, run.id).state == "cancelled"


@pytest.mark.slow
def test_a_background_run_adapts_without_blocking_the_desk_then_accept_and_rollback(desk, admin, own_models):
    approve_articles(desk, site_pairs(200))
    run = desk.adaptation.request(admin, "vi", "en", steps=TEST_STEPS, learning_rate=TEST_LR)
    desk.jobs.run_queued()  # the queue's task starts the run's own process and returns at once
    # the desk goes on: an article is drafted while the model trains
    doc = desk.documents.create(admin, source_lang="vi", category="handicrafts", title="Làng gốm Bát Tràng.",
                                summary="", body_html="<p>Nghệ nhân làng lụa Vạn Phúc.</p>")
    job = desk.jobs.request(admin, doc.id)
    desk.jobs.run_queued()
    assert desk.jobs.get(admin, job.id).state == "done"
    assert desk.adaptation.get(admin, run.id).active  # still training after the draft was done
    seen = wait_for(desk, admin, run.id, lambda r: r.step > 0 or not r.active)
    assert seen.stage in ("training", "converting", "evaluating", "installing", "finished") and seen.percent > 0
    run = wait_for(desk, admin, run.id, lambda r: not r.active)
    assert run.state == "done", run.error
    assert run.better is True and run.evaluation["scores"]["adapted"]["bleu"] > run.evaluation["scores"]["current"]["bleu"]
    assert run.train_loss is not None and run.heldout_loss is not None
    revisions = desk.adaptation.revisions(admin, "test-vi-en")
    assert [r["default"] for r in revisions] == [True, False] and revisions[1]["revision"] == run.revision
    desk.adaptation.accept(admin, "test-vi-en", run.revision)
    doc2 = desk.documents.create(admin, source_lang="vi", category="handicrafts", title="Làng lụa Vạn Phúc.",
                                 summary="", body_html="<p>Triển lãm gốm mở cửa tại Huế.</p>")
    desk.jobs.request(admin, doc2.id)
    desk.jobs.run_queued()
    signature = desk.documents.get(admin, doc2.id).segments[0].signature
    assert f"model:test-vi-en@{run.revision}" in signature
    desk.adaptation.rollback(admin, "test-vi-en")
    assert find_model(own_models, "vi", "en").revision == "random-seed1234"


@pytest.mark.slow
def test_cancel_and_kill_leave_the_current_model_in_place(desk, admin, own_models):
    approve_articles(desk, site_pairs(200))
    revisions = own_models / "test-vi-en" / REVISIONS_DIR
    # cancel: the run stops before its next step and installs nothing
    run = desk.adaptation.request(admin, "vi", "en", steps=20_000, learning_rate=TEST_LR)
    desk.jobs.run_queued()
    wait_for(desk, admin, run.id, lambda r: r.step > 0 or not r.active)
    assert desk.adaptation.cancel(admin, run.id).cancel_requested
    run = wait_for(desk, admin, run.id, lambda r: not r.active, timeout=60)
    assert run.state == "cancelled" and run.revision is None
    assert not any(revisions.iterdir())  # the staging folder went with it
    # kill: the process dies mid-training; its half-written folder is never used, the run says why
    run = desk.adaptation.request(admin, "vi", "en", steps=20_000, learning_rate=TEST_LR)
    desk.jobs.run_queued()
    seen = wait_for(desk, admin, run.id, lambda r: r.step > 0 or not r.active)
    assert seen.state == "running"
    from sqlalchemy import select

    from translate.desk.adaptation.runs import AdaptationRun

    with desk.db.session() as s:
        owner = s.scalar(select(AdaptationRun.owner).where(AdaptationRun.id == run.id))
    assert list(revisions.glob(STAGING_PREFIX + "*"))  # half-written
    os.kill(int(owner.rpartition(":")[2]), signal.SIGKILL)
    run = wait_for(desk, admin, run.id, lambda r: not r.active, timeout=30)
    assert run.state == "failed" and "stopped before finishing" in run.error
    assert find_model(own_models, "vi", "en").revision == "random-seed1234"
    assert not list(revisions.glob(STAGING_PREFIX + "*"))
    assert [r["revision"] for r in desk.adaptation.revisions(admin, "test-vi-en")] == ["random-seed1234"]


# -- the models page --------------------------------------------------------------------------

def test_the_models_page_adapts_shows_progress_accepts_and_rolls_back(own_models, tmp_path):
    import re

    from conftest import BROWSER_PASSWORD, client_sign_in
    from test_webui_pages import inline_code

    from translate.desk import Desk
    from webui.app import create_app

    desk = Desk()
    try:
        app = create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)
        admin = desk.accounts.create_user("ada", "admin", BROWSER_PASSWORD)
        client = app.test_client()
        client_sign_in(client, "ada")
        en = {"Accept-Language": "en"}

        def page() -> str:
            resp = client.get("/admin/models", headers=en)
            assert resp.status_code == 200
            return resp.get_data(as_text=True)

        html = page()
        assert "Adapt model" in html and 'for="adapt-steps">Steps' in html and not inline_code(html)
        token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
        resp = client.post("/admin/models/adapt", data={"direction": "vi-en", "steps": "50", "csrf_token": token},
                           headers=en, follow_redirects=True)
        assert "at least 200 are needed" in resp.get_data(as_text=True)  # nothing approved yet
        approve_articles(desk, site_pairs(40))
        run = desk.adaptation.request(admin, "vi", "en", min_pairs=40, steps=50, enqueue=False)
        html = page()
        assert re.search(r'<progress max="100" value="0" aria-label="Progress of run \d+"', html)
        assert 'http-equiv="refresh"' in html
        resp = client.post(f"/admin/models/runs/{run.id}/cancel", data={"csrf_token": token}, headers=en,
                           follow_redirects=True)
        assert "stops before its next step" in resp.get_data(as_text=True)
        assert desk.adaptation.get(admin, run.id).state == "cancelled"
        fake_revision(own_models, "test-vi-en", "adapt-20261203T100000")
        html = page()
        assert "Accept revision" in html and "adapt-20261203T100000" in html
        resp = client.post("/admin/models/test-vi-en/accept", data={"revision": "adapt-20261203T100000",
                                                                    "csrf_token": token}, headers=en,
                           follow_redirects=True)
        assert "now drafts with revision adapt-20261203T100000" in resp.get_data(as_text=True)
        assert find_model(own_models, "vi", "en").revision == "adapt-20261203T100000"
        assert "Roll back" in page()
        resp = client.post("/admin/models/test-vi-en/rollback", data={"csrf_token": token}, headers=en,
                           follow_redirects=True)
        assert "drafts with revision the base checkpoint again" in resp.get_data(as_text=True)
        assert find_model(own_models, "vi", "en").revision == "random-seed1234"
    finally:
        desk.close()


def test_the_command_line_lists_accepts_and_rolls_back_revisions(own_models):
    from click.testing import CliRunner

    from cli.models import models

    fake_revision(own_models, "test-vi-en", "adapt-20261203T100000")
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(models, list(args))

    out = run("revisions", "test-vi-en")
    assert out.exit_code == 0 and out.output.splitlines()[0].startswith("* random-seed1234")
    out = run("accept", "test-vi-en", "adapt-20261203T100000")
    assert out.exit_code == 0 and "now adapt-20261203T100000" in out.output
    assert "* adapt-20261203T100000" in run("revisions", "test-vi-en").output
    assert "rev adapt-202612" in run("list").output
    out = run("rollback", "test-vi-en")
    assert out.exit_code == 0 and "now the base checkpoint" in out.output
    out = run("adapt", "--src", "vi", "--tgt", "en")
    assert out.exit_code != 0 and "at least 200 are needed" in str(out.exception)
    assert "no adaptation runs yet" in run("runs").output
