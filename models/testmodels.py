"""``songngu models make-test``: tiny random-weight checkpoints for tests and CI.

They exercise every code path of a real checkpoint but translate nonsense, so
their manifest says ``test: true`` and everything that shows their output says so.
"""

from __future__ import annotations

from pathlib import Path

from models.build import TINY, build_marian, convert_ct2
from models.registry import CT2_DIR, HF_DIR, write_manifest

PAIRS = (("vi", "en"), ("en", "vi"))
SEED = 1234


def test_model_name(src: str, tgt: str) -> str:
    return f"test-{src}-{tgt}"


def make_test_models(models_dir: Path, ct2: bool = True) -> list[Path]:
    """Build both directions (deterministic seed) under ``models_dir``; returns their folders."""
    roots = []
    for i, (src, tgt) in enumerate(PAIRS):
        name = test_model_name(src, tgt)
        root = models_dir / name
        build_marian(root / HF_DIR, src, tgt, shape=TINY, seed=SEED + i)
        if ct2:
            convert_ct2(root / HF_DIR, root / CT2_DIR)
        write_manifest(
            root,
            name=name,
            src=src,
            tgt=tgt,
            test=True,
            repo=None,
            revision=f"random-seed{SEED + i}",
            note="random weights: translates nonsense; for tests only",
        )
        roots.append(root)
    return roots
