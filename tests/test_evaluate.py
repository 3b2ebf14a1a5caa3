"""`songngu evaluate`: sacrebleu scores equal sacrebleu's own, test sets read by their rules, scores kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main
from models.registry import SCORES_FILE, append_score, read_scores
from translate.errors import InputError
from translate.evaluation.runner import SystemOutput, term_accuracy
from translate.evaluation.testsets import EvalSet, Expected, load_known_set

SACREBLEU = Path(sys.executable).with_name("sacrebleu")


def run(args: list[str]):
    return CliRunner().invoke(main, ["evaluate", *args], catch_exceptions=False)


@pytest.fixture
def flores_files(shared_dir: Path, tmp_path: Path, monkeypatch) -> dict[str, Path]:
    """40 FLORES lines: source, reference, and two imperfect outputs (a word dropped, words swapped)."""
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    eval_dir = shared_dir / "data/eval/flores200"
    src = eval_dir.joinpath("devtest.en").read_text(encoding="utf-8").splitlines()[:40]
    ref = eval_dir.joinpath("devtest.vi").read_text(encoding="utf-8").splitlines()[:40]
    drop = [" ".join(w for i, w in enumerate(line.split()) if i % 5 != 2) for line in ref]
    swap = [" ".join(line.split()[1:] + line.split()[:1]) for line in ref]
    files = {}
    for name, lines in (("src.en", src), ("ref.vi", ref), ("drop.vi", drop), ("swap.vi", swap)):
        files[name] = tmp_path / name
        files[name].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return files


def test_hyp_file_scores_equal_sacrebleu_command_line(flores_files: dict[str, Path]) -> None:
    f = flores_files
    res = run(["--src-file", str(f["src.en"]), "--ref-file", str(f["ref.vi"]), "--hyp-file", str(f["drop.vi"]),
               "--src", "en", "--tgt", "vi", "--json"])
    assert res.exit_code == 0, res.output
    (system,) = json.loads(res.stdout)["evaluations"][0]["systems"]
    cli = subprocess.run([str(SACREBLEU), str(f["ref.vi"]), "-i", str(f["drop.vi"]), "-m", "bleu", "chrf", "ter",
                          "-w", "4", "-f", "json"], capture_output=True, text=True, check=True)
    theirs = {d["name"].lower().rstrip("2"): d for d in json.loads(cli.stdout)}
    for metric in ("bleu", "chrf", "ter"):
        assert system["scores"][metric]["score"] == theirs[metric]["score"], metric
        assert system["scores"][metric]["signature"] == theirs[metric]["signature"], metric
    assert 20 < system["scores"]["bleu"]["score"] < 100  # an imperfect output: the test can tell scores apart


@pytest.mark.slow
def test_two_outputs_get_sacrebleus_paired_bootstrap(flores_files: dict[str, Path]) -> None:
    f = flores_files
    res = run(["--src-file", str(f["src.en"]), "--ref-file", str(f["ref.vi"]), "--src", "en", "--tgt", "vi",
               "--hyp-file", str(f["swap.vi"]), "--hyp-file", str(f["drop.vi"])])
    assert res.exit_code == 0, res.output
    assert "paired bootstrap resampling (sacrebleu), 1000 resamples, baseline: swap.vi" in res.stdout
    assert "significant at 0.05" in res.stdout and "made by:" in res.stdout
    cli = subprocess.run([str(SACREBLEU), str(f["ref.vi"]), "-i", str(f["swap.vi"]), str(f["drop.vi"]), "-m", "bleu",
                          "--paired-bs", "-f", "json"], capture_output=True, text=True, check=True)
    theirs = json.loads(cli.stdout)
    ours = json.loads(run(["--src-file", str(f["src.en"]), "--ref-file", str(f["ref.vi"]), "--src", "en",
                           "--tgt", "vi", "--hyp-file", str(f["swap.vi"]), "--hyp-file", str(f["drop.vi"]),
                           "--json"]).stdout)["evaluations"][0]["comparison"]["metrics"]["bleu"]
    assert ours["systems"][1]["p_value"] == round(theirs[1]["BLEU"]["p_value"], 4)
    assert ours["systems"][1]["ci95"] == round(theirs[1]["BLEU"]["ci"], 2)
    assert "bs:1000|seed:12345" in ours["signature"]


def test_iwslt_is_detokenised_and_unescaped(shared_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("SONGNGU_EVAL_DIR", str(shared_dir / "data/eval"))
    ev = load_known_set("iwslt15-tst2012", "vi", "en")
    assert len(ev) == 1553 and "detokenise" in ev.preparation
    text = "\n".join(ev.references)
    assert "&quot;" not in text and "&apos;" not in text and " ," not in text and " ." not in text
    assert "life's work" in text and ev.references[1] == "This is not a finished story."
    flores = load_known_set("flores200-devtest", "en", "vi")
    assert len(flores) == 1012 and len(flores.head(7)) == 7


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (["--set", "tatoeba", "--src", "en", "--tgt", "vi"], None, "set SONGNGU_EVAL_DIR"),
        (["--set", "tatoeba", "--src", "en", "--tgt", "fr"], "eval", "unsupported language pair en->fr"),
        (["--set", "tatoeba"], "eval", "--src and --tgt"),
        (["--src", "en", "--tgt", "vi"], "eval", "exactly one of --set"),
        (["--set", "tatoeba", "--src", "en", "--tgt", "vi", "--no-glossary", "--hyp-file", "x"], "eval",
         "--hyp-file scores finished outputs"),
    ],
)
def test_bad_options_give_one_line_errors(args, env, message, shared_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("SONGNGU_EVAL_DIR", raising=False)
    if env:
        monkeypatch.setenv("SONGNGU_EVAL_DIR", str(shared_dir / "data/eval"))
    res = run(args)
    assert res.exit_code == 1 and message in res.stderr and res.stderr.count("\n") == 1


def test_misaligned_files_are_refused(flores_files: dict[str, Path], tmp_path: Path) -> None:
    short = tmp_path / "short.vi"
    short.write_text("một dòng\n", encoding="utf-8")
    res = run(["--src-file", str(flores_files["src.en"]), "--ref-file", str(short), "--src", "en", "--tgt", "vi",
               "--hyp-file", str(flores_files["drop.vi"])])
    assert res.exit_code == 1 and "has 1 lines but" in res.stderr and "line-aligned" in res.stderr


def test_term_accuracy_counts_held_flagged_and_unflagged() -> None:
    ev = EvalSet("t", "vi", "en", ["a", "b", "c"], ["x", "y", "z"])
    expected = [[Expected(1, ("Hanoi",))], [Expected(2, ("Creative City",))], [Expected(3, ("heritage",))]]
    hyps = ["I live in Hanoi.", "A city of design.", "Nothing here."]
    made = term_accuracy(ev, expected, SystemOutput("glossary", hyps, [set(), {2}, set()]))
    assert (made["held_without_flag"], made["flagged"], made["unflagged_misses"]) == (1, 1, 1)
    assert made["misses"][0]["line"] == 3 and made["misses"][0]["expected"] == "heritage"
    from_file = term_accuracy(ev, expected, SystemOutput("file", hyps))
    assert not from_file["flags_known"] and from_file["unflagged_misses"] == 2


def test_scores_are_appended_and_read_newest_first(tmp_path: Path) -> None:
    append_score(tmp_path, {"set": "tatoeba", "date": "2026-01-01T00:00:00+00:00", "figures": {"bleu": 1.0}})
    append_score(tmp_path, {"set": "flores200-devtest", "date": "2026-02-01T00:00:00+00:00"})
    with (tmp_path / SCORES_FILE).open("a", encoding="utf-8") as fh:
        fh.write("{half a line\n")
    assert [r["set"] for r in read_scores(tmp_path)] == ["flores200-devtest", "tatoeba"]
    assert read_scores(tmp_path / "nowhere") == []
    with pytest.raises(InputError, match="unknown test set"):
        load_known_set("wmt", "en", "vi")


@pytest.mark.slow
def test_flores_quick_run_end_to_end_on_test_models(models_env: Path, shared_dir: Path, tmp_path: Path,
                                                    monkeypatch) -> None:
    monkeypatch.setenv("SONGNGU_EVAL_DIR", str(shared_dir / "data/eval"))
    report_path = tmp_path / "report.json"
    res = run(["--set", "flores200-devtest", "--limit", "6", "--src", "en", "--tgt", "vi",
               "--report", str(report_path)])
    assert res.exit_code == 0, res.output
    out = res.stdout
    for text in ("flores200-devtest  en->vi  6 lines", "engine alone", "with glossary", "BLEU", "chrF", "TER",
                 "nrefs:1|case:mixed|eff:no|tok:13a", "tok:tercom", "held", "UNFLAGGED",
                 "glossary:none", "glossary:v", "paired bootstrap"):
        assert text in out, text
    (report,) = json.loads(report_path.read_text(encoding="utf-8"))["evaluations"]
    assert [s["glossary"] for s in report["systems"]] == [False, True]
    assert report["terms_expected_from"] == "glossary terms found in the source"
    kept = [r for r in read_scores(models_env / "test-en-vi") if r["set"] == "flores200-devtest" and r["lines"] == 6]
    assert {r["glossary"] for r in kept[:2]} == {False, True}
    assert kept[0]["revision"] and kept[0]["test"] is True and set(kept[0]["figures"]) == {"bleu", "chrf", "ter"}
    assert kept[0]["signatures"]["bleu"].startswith("nrefs:1|") and kept[0]["limit"] == 6
