"""Both backends honour the same contract on the tiny test models."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from models.registry import find_model
from translate.config import load_settings
from translate.engines.base import DecodingSettings, TermConstraint
from translate.engines.select import choose_backend, get_engine, load_engine
from translate.errors import ModelNotFoundError, UnknownPairError

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("backend", ["ctranslate2", "transformers"])
def test_backend_translates_a_batch_with_attention(test_models_dir: Path, backend: str) -> None:
    engine = load_engine(find_model(test_models_dir, "vi", "en"), backend)
    sentences = ["Hà Nội là Thành phố Sáng tạo.", "Làng gốm Bát Tràng nằm bên sông Hồng."]
    hyps = engine.translate_batch(sentences, DecodingSettings(beam_size=2), with_attention=True)
    assert len(hyps) == 2
    for sent, h in zip(sentences, hyps, strict=True):
        assert h.text.strip()
        assert h.source_tokens == engine.tokenize(sent)
        assert len(h.attention) == len(h.target_tokens)
        assert all(len(row) == len(h.source_tokens) for row in h.attention)
    sig = engine.signature()
    assert f"engine:{backend}-" in sig and "model:test-vi-en@random-seed" in sig and "test-model:yes" in sig


def test_forbidden_forms_are_suppressed_by_ctranslate2(test_models_dir: Path) -> None:
    engine = load_engine(find_model(test_models_dir, "vi", "en"), "ctranslate2")
    plain = engine.translate_batch(["Hà Nội"], DecodingSettings(beam_size=2))[0]
    word = next(t for t in plain.target_tokens if t.startswith("▁") and len(t) > 2)[1:]
    assert word in plain.text
    held = engine.translate_batch(
        ["Hà Nội"], DecodingSettings(beam_size=2), [[TermConstraint(0, 6, ("Hanoi",), (word,))]]
    )[0]
    assert word not in held.text


def test_engine_is_loaded_once_per_process(models_env: Path) -> None:
    settings = load_settings()
    assert get_engine(settings, "vi", "en") is get_engine(settings, "vi", "en")


def test_auto_prefers_ctranslate2_and_explicit_choice_is_checked(test_models_dir: Path, tmp_path: Path) -> None:
    model = find_model(test_models_dir, "en", "vi")
    assert choose_backend(model, "auto") == "ctranslate2"
    assert choose_backend(model, "transformers") == "transformers"
    hf_only = replace(model, root=tmp_path)
    with pytest.raises(ModelNotFoundError, match="songngu models convert"):
        choose_backend(hf_only, "ctranslate2")


def test_unknown_pair_is_refused(models_env: Path) -> None:
    with pytest.raises(UnknownPairError, match="vi->fr"):
        get_engine(load_settings(), "vi", "fr")
