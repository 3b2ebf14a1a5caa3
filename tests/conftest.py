"""Shared fixtures. Tests never touch the network: the Hub is forced offline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session")
def test_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny random-weight Marian models for both directions (HF + CTranslate2), built once per run."""
    from models.testmodels import make_test_models

    root = tmp_path_factory.mktemp("models")
    make_test_models(root)
    return root


@pytest.fixture
def models_env(test_models_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point SONGNGU_MODELS_DIR at the test models and SONGNGU_INSTANCE at a fresh folder."""
    monkeypatch.setenv("SONGNGU_MODELS_DIR", str(test_models_dir))
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    return test_models_dir


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED
