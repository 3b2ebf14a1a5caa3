"""Build random-weight Marian checkpoints with real SentencePiece vocabularies.

Tests, CI and the benchmark need checkpoints that go through every code path
of a real opus-mt model (two SentencePiece models, a joint vocab.json, Marian
weights, a CTranslate2 conversion) without the Hub. The text they are trained on
ships with the project (``models/data``) together with the seed glossary's
terms, so the vocabularies cover real Vietnamese and English.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")
SEED_GLOSSARY = Path(__file__).resolve().parent.parent / "glossary" / "data" / "seed-glossary.csv"


@dataclass(frozen=True)
class MarianShape:
    d_model: int
    layers: int
    heads: int
    ffn: int
    max_positions: int = 512


TINY = MarianShape(d_model=32, layers=2, heads=4, ffn=64)
OPUS_MT = MarianShape(d_model=512, layers=6, heads=8, ffn=2048)


def corpus_lines(lang: str) -> list[str]:
    """Sentences in ``lang`` shipped with the project, plus the seed glossary's terms."""
    lines = (DATA_DIR / f"corpus.{lang}.txt").read_text(encoding="utf-8").splitlines()
    if SEED_GLOSSARY.is_file():
        with SEED_GLOSSARY.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                lines.append(row[lang])
                lines.extend(v for v in (row.get(f"{lang}_variants") or "").split("|") if v)
    return [line for line in lines if line.strip()]


def train_spm(lines: list[str], prefix: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        num_threads=1,
        normalization_rule_name="identity",
        bos_id=-1,
        eos_id=-1,
        unk_id=0,
        pad_id=-1,
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def joint_vocab(source_spm: Path, target_spm: Path, min_size: int = 0) -> dict[str, int]:
    """opus-mt style vocab.json: </s>=0, <unk>=1, both sides' pieces, <pad> last.

    CTranslate2's converter needs exactly ``vocab_size`` entries with pad last;
    ``min_size`` pads with unused pieces to reach a realistic embedding size.
    """
    import sentencepiece as spm

    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for path in (source_spm, target_spm):
        proc = spm.SentencePieceProcessor(model_file=str(path))
        for i in range(proc.get_piece_size()):
            piece = proc.id_to_piece(i)
            if piece not in vocab:
                vocab[piece] = len(vocab)
    filler = 0
    while len(vocab) < min_size - 1:
        vocab[f"▁<unused{filler}>"] = len(vocab)
        filler += 1
    vocab["<pad>"] = len(vocab)
    return vocab


def build_marian(
    out_dir: Path,
    src: str,
    tgt: str,
    shape: MarianShape = TINY,
    seed: int = 1234,
    spm_vocab_size: int = 1000,
    min_vocab: int = 0,
) -> Path:
    """Write a loadable Marian checkpoint (weights, spm files, vocab.json) into ``out_dir``."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()

    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        src_model = train_spm(corpus_lines(src), tmpdir / "source", spm_vocab_size)
        tgt_model = train_spm(corpus_lines(tgt), tmpdir / "target", spm_vocab_size)
        vocab = joint_vocab(src_model, tgt_model, min_size=min_vocab)
        vocab_file = tmpdir / "vocab.json"
        vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        tokenizer = MarianTokenizer(str(src_model), str(tgt_model), str(vocab_file))
        tokenizer.save_pretrained(str(out_dir))
    pad = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        d_model=shape.d_model,
        encoder_layers=shape.layers,
        decoder_layers=shape.layers,
        encoder_attention_heads=shape.heads,
        decoder_attention_heads=shape.heads,
        encoder_ffn_dim=shape.ffn,
        decoder_ffn_dim=shape.ffn,
        max_position_embeddings=shape.max_positions,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        share_encoder_decoder_embeddings=True,
        scale_embedding=True,
        static_position_embeddings=True,
        activation_function="swish",
        num_beams=4,
        max_length=512,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    model.eval()
    model.save_pretrained(str(out_dir))
    return out_dir


def convert_ct2(hf_dir: Path, out_dir: Path, quantization: str = "int8", force: bool = True) -> Path:
    """Convert a Marian checkpoint to CTranslate2 (int8 by default; CTranslate2 can still run it as float16 on GPU)."""
    import contextlib

    import ctranslate2

    from translate.errors import SongnguError

    converter = ctranslate2.converters.TransformersConverter(str(hf_dir))
    sink = io.StringIO()
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            converter.convert(str(out_dir), quantization=quantization, force=force)
    except Exception as exc:  # the converter raises bare ValueError/RuntimeError
        raise SongnguError(f"CTranslate2 conversion of {hf_dir} failed: {exc}") from exc
    return out_dir
