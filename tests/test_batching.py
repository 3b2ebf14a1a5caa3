"""Batching: identical sentences translated once, long ones split (never truncated), length-sorted."""

from __future__ import annotations

from translate.batching import Batcher, LRUCache
from translate.engines.base import DecodingSettings, Engine, Hypothesis, TermConstraint


class RecordingEngine(Engine):
    """Echoes its input upper-cased; one piece per word plus </s>; records every batch."""

    name = "fake"
    version = "0"
    device = "cpu"
    compute_type = "none"

    def __init__(self) -> None:
        self.batches: list[list[str]] = []
        self.model = type("M", (), {"model_id": "fake", "revision": "0", "test": True})()

    def tokenize(self, sentence: str) -> list[str]:
        return ["▁" + w for w in sentence.split()] + ["</s>"]

    def translate_batch(self, sentences, settings, constraints=None, with_attention=False, source_tokens=None):
        self.batches.append(list(sentences))
        out = []
        for s in sentences:
            src = self.tokenize(s)
            tgt = ["▁" + w.upper() for w in s.split()]
            att = [[1.0 if j == i else 0.0 for j in range(len(src))] for i in range(len(tgt))]
            out.append(Hypothesis(s.upper(), -1.0, src, tgt, att if with_attention else None))
        return out


def test_identical_sentences_are_translated_once_and_cached() -> None:
    engine = RecordingEngine()
    batcher = Batcher(engine, DecodingSettings(), cache=LRUCache())
    out = batcher.translate(["Ảnh: Minh Đức", "Xin chào.", "Ảnh: Minh Đức"])
    assert [h.text for h, _ in out] == ["ẢNH: MINH ĐỨC", "XIN CHÀO.", "ẢNH: MINH ĐỨC"]
    assert [cached for _, cached in out] == [False, False, True]
    assert sorted(s for b in engine.batches for s in b) == ["Xin chào.", "Ảnh: Minh Đức"]
    again = batcher.translate(["Xin chào."])
    assert again[0][1] is True and len(engine.batches) == 1


def test_over_long_sentence_is_split_at_clauses_not_truncated() -> None:
    engine = RecordingEngine()
    batcher = Batcher(engine, DecodingSettings(), max_source_tokens=12)
    clauses = [" ".join(f"w{c}x{i}" for i in range(8)) for c in range(5)]
    sentence = ", ".join(clauses) + "."
    term_start = sentence.index("w2x6")
    term = TermConstraint(term_start, term_start + len("w2x6 w2x7"), ("T",))
    (hyp, _), = batcher.translate([sentence], [[term]], with_attention=True)
    sent_to_engine = [s for b in engine.batches for s in b]
    assert len(sent_to_engine) > 1 and batcher.splits > 0
    assert all(len(engine.tokenize(s)) <= 12 for s in sent_to_engine)
    assert " ".join(sent_to_engine) == sentence  # every word went through, in order
    assert hyp.text == sentence.upper()
    assert any("w2x6 w2x7" in s for s in sent_to_engine)  # no cut inside a glossary term
    assert len(hyp.attention) == len(hyp.target_tokens)
    assert all(len(row) == len(hyp.source_tokens) for row in hyp.attention)


def test_batches_are_length_sorted_and_bounded() -> None:
    engine = RecordingEngine()
    batcher = Batcher(engine, DecodingSettings(), max_batch_tokens=40, max_batch_size=4)
    sentences = [" ".join(["w"] * n) + f" s{n}" for n in (9, 1, 5, 3, 7, 2, 8, 4, 6, 10)]
    out = batcher.translate(sentences)
    assert [h.text for h, _ in out] == [s.upper() for s in sentences]  # order kept
    lengths = [len(engine.tokenize(s)) for b in engine.batches for s in b]
    assert lengths == sorted(lengths)
    for b in engine.batches:
        assert len(b) <= 4 and len(b) * max(len(engine.tokenize(s)) for s in b) <= 40 or len(b) == 1
