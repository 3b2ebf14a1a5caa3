"""The two term strategies: repair (written over the aligned words) and decode (placed by the model).

The placement logic is tested with a scripted engine whose behaviour is known (the
random test models never finish a sentence, so with them every missing term falls
back to repair, which the slow tests below check on the dev set with both backends).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from glossary.matcher import find_in_target
from translate.config import load_settings
from translate.engines.base import Engine, Hypothesis
from translate.errors import InputError, SongnguError
from translate.pipeline import Translator

SOURCE = "Năm nay Hà Nội có di sản văn hóa ."
TERMS = {"Hanoi": {"HÀ", "NỘI"}, "cultural heritage": {"DI", "SẢN", "VĂN", "HÓA"}}
TERM_WORDS = {w for t in TERMS for w in t.split()}


def _present(words: list[str]) -> list[str]:
    text = " ".join(words)
    return [t for t in TERMS if find_in_target(text, [t], "en")]


def model_finish(prefix: list[str], draft: list[str]) -> tuple[list[str], bool]:
    """A model that goes on with the draft after the words the prefix covers, not saying a forced term twice."""
    covered = len([w for w in prefix if w not in TERM_WORDS])
    echo = {w for t in _present(prefix) for w in TERMS[t]}
    return prefix + [w for w in draft[covered:] if w not in echo and w not in prefix[covered:]], True


def model_score(words: list[str]) -> float:
    """Shorter is better, echoing a term's source words next to the term is bad, terms late a little better."""
    echo = sum(1 for t in _present(words) for w in words if w in TERMS[t])
    late = sum(words.index(t.split()[0]) for t in _present(words))
    return -0.1 * len(words) - echo + 0.01 * late


class ScriptedEngine(Engine):
    """Drafts are the source upper-cased word by word; a forced prefix is finished by ``finish``."""

    name = "scripted"
    version = "0"
    device = "cpu"
    compute_type = "none"

    def __init__(self, finish: Callable = model_finish, score: Callable = model_score) -> None:
        self.model = SimpleNamespace(model_id="scripted", revision="0", test=True)
        self.finish, self.score = finish, score
        self.calls: list[tuple[str, int]] = []

    def tokenize(self, sentence: str) -> list[str]:
        return ["▁" + w for w in sentence.split()] + ["</s>"]

    def target_pieces(self, text: str) -> list[str]:
        return ["▁" + w for w in text.split()]

    def translate_batch(self, sentences, settings, constraints=None, with_attention=False, source_tokens=None,
                        target_prefix=None):
        self.calls.append(("prefix" if target_prefix is not None else "draft", len(sentences)))
        out = []
        for i, s in enumerate(sentences):
            src = self.tokenize(s)
            draft = [w.upper() for w in s.split()]
            words, finished = self.finish([p[1:] for p in target_prefix[i]], draft) if target_prefix else (draft, True)
            att = [[1.0 if j == min(t, len(src) - 2) else 0.0 for j in range(len(src))] for t in range(len(words))]
            out.append(Hypothesis(" ".join(words), -1.0, src, ["▁" + w for w in words],
                                  att if with_attention else None, extra={"finished": finished}))
        return out

    def score_batch(self, source_tokens, target_pieces):
        self.calls.append(("score", len(target_pieces)))
        return [self.score([p[1:] for p in t]) for t in target_pieces]


class _Glossary:
    version = 3

    def __init__(self, *entries) -> None:
        self.entries = entries

    def matcher(self, src: str, tgt: str):
        from glossary.matcher import Matcher

        return Matcher(list(self.entries), src, tgt, version=self.version)


def _entry(id: int, vi: str, en: str):
    from glossary.entries import TermEntry

    return TermEntry(id=id, vi=vi, en=en, vi_variants=(), en_variants=(), vi_forbidden=(), en_forbidden=(),
                     kind="term", domain="unesco", note="", status="approved")


HANOI = _entry(112, "Hà Nội", "Hanoi")
HERITAGE = _entry(7, "di sản văn hóa", "cultural heritage")


def translate(text: str, strategy: str, engine: ScriptedEngine, monkeypatch, *entries):
    monkeypatch.setattr("translate.pipeline.get_engine", lambda *a, **k: engine)
    translator = Translator(load_settings(), glossary=_Glossary(*(entries or (HANOI,))), term_strategy=strategy)
    return translator.translate_text(text, "vi", "en")


def count(text: str, form: str) -> int:
    return len(find_in_target(text, [form], "en"))


def test_decode_keeps_the_candidate_the_model_scores_best(monkeypatch) -> None:
    engine = ScriptedEngine()
    (seg,) = translate(SOURCE, "decode", engine, monkeypatch).segments
    assert seg.target == "NĂM NAY Hanoi CÓ DI SẢN VĂN HÓA ."
    placement = seg.term_placement
    assert placement["strategy"] == "decode" and placement["placed_by"] == "model" and placement["missing"] == [112]
    assert placement["rounds"] == 1 and 2 <= placement["candidates"] <= 4
    assert placement["score"] > placement["draft_score"]
    assert not [f for f in seg.flags if f["check"] == "missing_term"]
    assert seg.term_strategy == "decode" and seg.signature.endswith("|terms:decode")


def test_repair_writes_over_the_aligned_words_and_says_so(monkeypatch) -> None:
    (seg,) = translate(SOURCE, "repair", ScriptedEngine(), monkeypatch).segments
    assert seg.target == "NĂM NAY Hanoi CÓ DI SẢN VĂN HÓA ."
    assert seg.term_placement == {"strategy": "repair", "missing": [112], "placed_by": "repair"}
    assert seg.signature.endswith("|terms:repair")


def test_all_candidates_of_an_article_go_to_the_engine_in_one_call(monkeypatch) -> None:
    engine = ScriptedEngine()
    text = "\n\n".join(SOURCE.replace("Năm nay", w) for w in ("Năm nay", "Năm ngoái", "Năm sau"))
    result = translate(text, "decode", engine, monkeypatch)
    assert [s.term_placement["placed_by"] for s in result.segments] == ["model"] * 3
    assert [kind for kind, _ in engine.calls] == ["draft", "prefix", "score"]
    assert engine.calls[1][1] == sum(s.term_placement["candidates"] for s in result.segments)


def test_a_candidate_holding_a_term_twice_is_never_kept(monkeypatch) -> None:
    def finish(prefix, draft):
        words, _ = model_finish(prefix, draft)
        return (words + ["Hanoi", "."] if prefix[:2] != ["NĂM", "Hanoi"] else words), True

    (seg,) = translate(SOURCE, "decode", ScriptedEngine(finish=finish), monkeypatch).segments
    assert seg.term_placement["placed_by"] == "model"
    assert seg.target == "NĂM Hanoi NAY CÓ DI SẢN VĂN HÓA ."  # the only candidate with it once
    assert seg.term_placement["rejected"] == {"a term twice": seg.term_placement["candidates"] - 1}

    def always_twice(prefix, draft):
        words, _ = model_finish(prefix, draft)
        return words + ["Hanoi", "."], True

    (seg,) = translate(SOURCE, "decode", ScriptedEngine(finish=always_twice), monkeypatch).segments
    assert count(seg.target, "Hanoi") == 1
    assert seg.term_placement["placed_by"] == "repair"
    assert seg.term_placement["reason"] == "no candidate held every term"


@pytest.mark.parametrize(
    ("finish", "reason"),
    [
        (lambda p, d: (model_finish(p, d)[0], False), "cut at the length limit"),
        (lambda p, d: (p, True), "does not end like a full sentence"),
        (lambda p, d: (p + ["."], True), "shorter than half the draft"),
        (lambda p, d: (model_finish(p, d)[0][:-1] + d + ["."], True), "much longer than the draft"),
    ],
)
def test_a_cut_or_mangled_sentence_falls_back_to_repair_and_is_recorded(monkeypatch, finish, reason) -> None:
    source = "Năm nay Hà Nội có di sản văn hóa và nhiều làng nghề truyền thống lâu đời ."
    (seg,) = translate(source, "decode", ScriptedEngine(finish=finish), monkeypatch).segments
    (repaired,) = translate(source, "repair", ScriptedEngine(), monkeypatch).segments
    placement = seg.term_placement
    assert placement["placed_by"] == "repair" and placement["reason"] == "no candidate held every term"
    assert set(placement["rejected"]) == {reason}
    assert seg.target == repaired.target  # the fallback is exactly the repair strategy
    assert not [f for f in seg.flags if f["check"] == "missing_term"]


def test_two_missing_terms_are_placed_one_after_the_other(monkeypatch) -> None:
    engine = ScriptedEngine()
    (seg,) = translate(SOURCE, "decode", engine, monkeypatch, HANOI, HERITAGE).segments
    placement = seg.term_placement
    assert placement["placed_by"] == "model" and placement["rounds"] == 2, placement
    assert sorted(placement["missing"]) == [7, 112]
    assert count(seg.target, "Hanoi") == 1 and count(seg.target, "cultural heritage") == 1
    assert seg.target.endswith(" .")
    assert seg.target.index("Hanoi") < seg.target.index("cultural heritage")  # the first placed stays put
    assert [kind for kind, _ in engine.calls] == ["draft", "prefix", "score", "prefix", "score"]


def test_a_term_already_in_the_draft_is_left_alone(monkeypatch) -> None:
    engine = ScriptedEngine()
    (seg,) = translate("Hanoi có di sản văn hóa .", "decode", engine, monkeypatch).segments
    assert seg.term_placement is None and seg.target == "HANOI CÓ DI SẢN VĂN HÓA ."
    assert [kind for kind, _ in engine.calls] == ["draft"]


def test_an_engine_that_cannot_score_is_refused_clearly(monkeypatch) -> None:
    from translate.engines.base import Engine as Base
    from translate.errors import EngineError

    engine = ScriptedEngine()
    engine.score_batch = lambda *a: Base.score_batch(engine, *a)
    with pytest.raises(EngineError, match="cannot score"):
        translate(SOURCE, "decode", engine, monkeypatch)


def test_the_strategy_is_a_setting_with_a_clear_error(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("SONGNGU_TERM_STRATEGY", raising=False)
    assert load_settings().term_strategy == "repair"
    monkeypatch.setenv("SONGNGU_TERM_STRATEGY", " Decode ")
    assert load_settings().term_strategy == "decode"
    monkeypatch.setenv("SONGNGU_TERM_STRATEGY", "force")
    with pytest.raises(SongnguError, match="SONGNGU_TERM_STRATEGY must be one of repair, decode; got 'force'"):
        load_settings()
    monkeypatch.delenv("SONGNGU_TERM_STRATEGY")
    with pytest.raises(InputError, match="unknown term strategy 'force'"):
        Translator(load_settings(), term_strategy="force")


# --- the real (tiny, random) models: slow -----------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["ctranslate2", "transformers"])
def test_engines_force_a_prefix_and_score_alike(models_env: Path, backend: str) -> None:
    from translate.engines.base import DecodingSettings
    from translate.engines.select import clear_engines, get_engine

    clear_engines()
    engine = get_engine(replace(load_settings(), engine=backend), "vi", "en")
    other = get_engine(replace(load_settings(), engine="transformers" if backend == "ctranslate2"
                               else "ctranslate2"), "vi", "en")
    sources = ["Hà Nội có di sản văn hóa.", "Làng gốm Bát Tràng."]
    prefix = engine.target_pieces("Hanoi has")
    hyps = engine.translate_batch(sources, DecodingSettings(), with_attention=True, target_prefix=[prefix, []])
    assert hyps[0].target_tokens[:len(prefix)] == prefix and hyps[0].text.startswith("Hanoi")
    assert all(isinstance(h.extra["finished"], bool) for h in hyps)
    assert hyps[0].attention is not None and len(hyps[0].attention) >= len(hyps[0].target_tokens)
    src = [engine.tokenize(s) for s in sources]
    mine = engine.score_batch(src, [h.target_tokens for h in hyps])
    theirs = other.score_batch(src, [h.target_tokens for h in hyps])
    assert all(m < 0 for m in mine)
    assert mine == pytest.approx(theirs, abs=0.05)  # one yardstick whichever backend scores


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["ctranslate2", "transformers"])
def test_dev_set_with_decode_has_no_unflagged_miss_and_records_the_fallback(models_env: Path, shared_dir: Path,
                                                                           backend: str) -> None:
    from translate.desk.database import open_glossary
    from translate.engines.select import clear_engines
    from translate.evaluate import evaluate_terms, read_dev

    clear_engines()
    settings = replace(load_settings(), engine=backend)
    translator = Translator(settings, glossary=open_glossary(settings), term_strategy="decode")
    rows = read_dev(shared_dir / "data/eval/domain-dev.tsv")
    if backend == "transformers":  # the reference backend is slow on random weights
        rows = rows[::3]
    report = evaluate_terms(rows, translator)
    assert report.expected > 40
    assert report.unflagged_misses == 0, report.misses[:3]
    assert all(s.endswith("|terms:decode") for s in report.signatures)
    # The random models never finish a sentence: every missing term falls back to repair, recorded.
    result = translator.translate_text(rows[0].source, rows[0].src, rows[0].tgt)
    records = [s.term_placement for s in result.segments if s.term_placement]
    assert records and all(r["placed_by"] == "repair" and r["reason"] == "no candidate held every term"
                           and r["rejected"] for r in records)


@pytest.mark.slow
def test_evaluate_compares_both_strategies_in_one_report(models_env: Path, shared_dir: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cli.main import main

    report_path = tmp_path / "report.json"
    res = CliRunner().invoke(main, ["evaluate", "--terms", str(shared_dir / "data/eval/domain-dev.tsv"),
                                    "--src", "vi", "--tgt", "en", "--limit", "4", "--term-strategy", "both",
                                    "--no-save", "--report", str(report_path)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    for text in ("glossary, repair", "glossary, decode", "model score", "time s", "terms:repair", "terms:decode"):
        assert text in res.stdout, text
    (report,) = json.loads(report_path.read_text(encoding="utf-8"))["evaluations"]
    systems = report["systems"]
    assert [s["term_strategy"] for s in systems] == ["repair", "decode"]
    assert all(s["model_score"] < 0 and s["seconds"] > 0 and s["terms"]["unflagged_misses"] == 0 for s in systems)
    assert report["comparison"]["baseline"] == "glossary, repair"
    bad = CliRunner().invoke(main, ["evaluate", "--terms", str(shared_dir / "data/eval/domain-dev.tsv"),
                                    "--no-glossary", "--term-strategy", "decode"])
    assert bad.exit_code != 0 and "--term-strategy" in bad.output


@pytest.mark.slow
def test_bench_reports_the_cost_of_decode_per_missing_term(tmp_path: Path, capsys) -> None:
    from cli.bench import run_bench

    report = run_bench(out_dir=tmp_path, quick=True, only={"terms"})
    t = report["terms"]
    assert t["missing_terms"] >= 2 and t["candidates"] >= 1
    assert t["segments_fell_back_to_repair"] + t["segments_placed_by_model"] == t["missing_terms"]
    assert t["repair_seconds"] > 0 and t["decode_seconds"] > 0 and t["placement_seconds"] > 0
    assert t["decode_vs_repair"] == pytest.approx(t["decode_seconds"] / t["repair_seconds"])
    out = capsys.readouterr().out
    for text in ("Term strategies", "decode cost per missing term", "ratio decode / repair", "placement step alone"):
        assert text in out, text
