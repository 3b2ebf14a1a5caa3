"""Which engine serves a direction: by setting, by what is installed, loaded once per process."""

from __future__ import annotations

import threading

from models.registry import InstalledModel, find_model
from translate.config import Settings
from translate.engines.base import Engine
from translate.errors import ModelNotFoundError, UnknownPairError

PAIRS = {("vi", "en"), ("en", "vi")}

_cache: dict[tuple, Engine] = {}
_lock = threading.Lock()


def check_pair(src: str, tgt: str) -> None:
    if (src, tgt) not in PAIRS:
        supported = ", ".join(f"{a}->{b}" for a, b in sorted(PAIRS))
        raise UnknownPairError(f"unsupported language pair {src}->{tgt}; supported: {supported}")


def choose_backend(model: InstalledModel, setting: str) -> str:
    if setting == "auto":
        return "ctranslate2" if model.has_ct2 else "transformers"
    if setting == "ctranslate2" and not model.has_ct2:
        raise ModelNotFoundError(
            f"SONGNGU_ENGINE=ctranslate2 but {model.name} has no CTranslate2 conversion: "
            f"run `songngu models convert {model.name}`"
        )
    if setting == "transformers" and not model.has_hf:
        raise ModelNotFoundError(f"SONGNGU_ENGINE=transformers but {model.name} has no Marian checkpoint folder")
    return setting


def get_engine(settings: Settings, src: str, tgt: str, model_name: str | None = None) -> Engine:
    """The process-wide engine for a direction; loading a model happens once."""
    check_pair(src, tgt)
    model = find_model(settings.models_dir, src, tgt, model_name)
    backend = choose_backend(model, settings.engine)
    key = (str(model.root), backend, settings.device, settings.threads)
    with _lock:
        engine = _cache.get(key)
        if engine is None:
            engine = load_engine(model, backend, settings.device, settings.threads)
            _cache[key] = engine
    return engine


def load_engine(model: InstalledModel, backend: str, device: str = "auto", threads: int = 0) -> Engine:
    if backend == "ctranslate2":
        from translate.engines.ct2 import CTranslate2Engine

        return CTranslate2Engine(model, device=device, threads=threads)
    from translate.engines.hf import TransformersEngine

    return TransformersEngine(model, device=device, threads=threads)


def clear_engines() -> None:
    with _lock:
        _cache.clear()
