"""Getting real checkpoints: from the Hugging Face Hub, or from a folder copied in by hand.

Machines without the Hub (like CI) must fail fast with a message that says what
to do instead, never hang or print a stack trace.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from models.build import convert_ct2
from models.registry import CT2_DIR, HF_DIR, MANIFEST, RegistryEntry, load_registry, write_manifest
from translate.errors import ModelFetchError, SongnguError

NEEDED = ("config.json", "source.spm", "target.spm", "vocab.json")
WEIGHTS = ("model.safetensors", "pytorch_model.bin")
PATTERNS = [*NEEDED, *WEIGHTS, "tokenizer_config.json", "generation_config.json", "special_tokens_map.json"]


def copy_hint(entry: RegistryEntry, models_dir: Path) -> str:
    return (
        f"To install it without the Hub: on a machine with network run `songngu models fetch {entry.name}` "
        f"(or `huggingface-cli download {entry.repo}`), copy the checkpoint folder here, then run "
        f"`songngu models add FOLDER --src {entry.src} --tgt {entry.tgt} --name {entry.name}`. "
        f"Models are looked up under SONGNGU_MODELS_DIR (now {models_dir})."
    )


def fetch(entry: RegistryEntry, models_dir: Path, convert: bool = True, timeout: float = 10.0) -> Path:
    """Download ``entry`` at its pinned revision, record the exact commit, convert to CTranslate2."""
    if entry.repo is None:
        raise SongnguError(f"{entry.name} has no Hub repo in the registry (it is a local path)")
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        raise ModelFetchError(f"cannot fetch {entry.repo}: HF_HUB_OFFLINE=1. " + copy_hint(entry, models_dir))
    os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", str(int(timeout)))
    os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", str(int(timeout)))
    from huggingface_hub import HfApi, snapshot_download

    root = models_dir / entry.name
    try:
        info = HfApi().model_info(entry.repo, revision=entry.revision, timeout=timeout)
        sha = info.sha or entry.revision
        snapshot_download(entry.repo, revision=sha, local_dir=str(root / HF_DIR), allow_patterns=PATTERNS)
    except Exception as exc:  # network stacks raise many types; all mean "could not download"
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelFetchError(f"cannot download {entry.repo} from the Hugging Face Hub ({reason}). "
                              + copy_hint(entry, models_dir)) from exc
    write_manifest(root, name=entry.name, src=entry.src, tgt=entry.tgt, test=False, repo=entry.repo, revision=sha)
    if convert:
        convert_model(root)
    return root


def validate_checkpoint(folder: Path) -> None:
    missing = [n for n in NEEDED if not (folder / n).is_file()]
    if not any((folder / w).is_file() for w in WEIGHTS):
        missing.append(" or ".join(WEIGHTS))
    if missing:
        raise SongnguError(f"{folder} is not a Marian checkpoint folder: missing {', '.join(missing)}")


def add_local(folder: Path, models_dir: Path, src: str, tgt: str, name: str | None = None,
              revision: str = "local", convert: bool = True) -> Path:
    """Copy a checkpoint folder (brought from another machine) into the models folder."""
    validate_checkpoint(folder)
    name = name or folder.name
    root = models_dir / name
    if root.resolve() == folder.resolve() or (root / HF_DIR).resolve() == folder.resolve():
        raise SongnguError(f"{folder} is already the installed copy")
    if (root / HF_DIR).exists():
        shutil.rmtree(root / HF_DIR)
    shutil.copytree(folder, root / HF_DIR, ignore=shutil.ignore_patterns(".cache", ".git"))
    repo = next((e.repo for e in load_registry() if e.name == name), None)
    write_manifest(root, name=name, src=src, tgt=tgt, test=False, repo=repo, revision=revision)
    if convert:
        convert_model(root)
    return root


def convert_model(root: Path) -> Path:
    """(Re)build ``ct2-int8`` from ``hf`` and keep the tokenizer files beside it."""
    if not (root / MANIFEST).is_file() or not (root / HF_DIR / "config.json").is_file():
        raise SongnguError(f"{root} is not an installed model with a Marian checkpoint")
    out = convert_ct2(root / HF_DIR, root / CT2_DIR)
    for name in ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json"):
        if (root / HF_DIR / name).is_file():
            shutil.copy2(root / HF_DIR / name, out / name)
    return out
