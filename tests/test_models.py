"""Model registry, test models, fetching without the Hub, adding a copied folder."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from models.fetch import add_local, fetch
from models.registry import find_model, installed_models, load_registry
from translate.errors import ModelFetchError, ModelNotFoundError, SongnguError

pytestmark = pytest.mark.slow


def test_registry_names_the_opus_mt_defaults() -> None:
    defaults = {(e.src, e.tgt): e.repo for e in load_registry() if e.default}
    assert defaults == {("vi", "en"): "Helsinki-NLP/opus-mt-vi-en", ("en", "vi"): "Helsinki-NLP/opus-mt-en-vi"}


def test_make_test_builds_both_directions_labelled_as_test(test_models_dir: Path) -> None:
    found = {(m.src, m.tgt): m for m in installed_models(test_models_dir)}
    assert set(found) == {("vi", "en"), ("en", "vi")}
    for m in found.values():
        assert m.test
        assert m.backends == ["ctranslate2", "transformers"]
        assert m.size_bytes() < 10_000_000  # "a few MB"
        vocab = json.loads((m.hf_path / "vocab.json").read_text(encoding="utf-8"))
        assert vocab["<pad>"] == len(vocab) - 1  # CTranslate2 needs pad last


def test_missing_model_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="songngu models fetch"):
        find_model(tmp_path, "vi", "en")


def test_fetch_without_hub_fails_fast_with_copy_instructions(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    entry = next(e for e in load_registry() if e.name == "opus-mt-vi-en")
    t0 = time.perf_counter()
    with pytest.raises(ModelFetchError) as err:
        fetch(entry, tmp_path)
    assert time.perf_counter() - t0 < 5
    message = str(err.value)
    assert "SONGNGU_MODELS_DIR" in message and "songngu models add" in message
    assert not any(tmp_path.iterdir())


def test_add_refuses_a_folder_that_is_not_a_checkpoint(tmp_path: Path) -> None:
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "config.json").write_text("{}")
    with pytest.raises(SongnguError, match="source.spm"):
        add_local(tmp_path / "junk", tmp_path / "models", "vi", "en")


def test_added_real_model_is_preferred_over_test_model(test_models_dir: Path, tmp_path: Path) -> None:
    models_dir = tmp_path / "models"
    shutil.copytree(test_models_dir / "test-vi-en", models_dir / "test-vi-en")
    copied = tmp_path / "from-elsewhere"
    shutil.copytree(test_models_dir / "test-vi-en" / "hf", copied)
    add_local(copied, models_dir, "vi", "en", name="opus-mt-vi-en", revision="abc123", convert=False)
    chosen = find_model(models_dir, "vi", "en")
    assert (chosen.name, chosen.test, chosen.revision) == ("opus-mt-vi-en", False, "abc123")
    assert chosen.repo == "Helsinki-NLP/opus-mt-vi-en"
    assert find_model(models_dir, "vi", "en", "test-vi-en").test
