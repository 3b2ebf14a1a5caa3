"""The registry of MT checkpoints and what is installed under the models folder.

A checkpoint folder is ``<models_dir>/<name>/`` with ``hf/`` (the Marian
checkpoint the transformers backend loads), optionally ``ct2-int8/`` (the
CTranslate2 conversion) and ``songngu.json``, the manifest that records where the
weights came from (repo, exact revision) and whether they are a test model.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from translate.errors import ModelNotFoundError, SongnguError

REGISTRY_FILE = Path(__file__).with_name("registry.toml")
MANIFEST = "songngu.json"
HF_DIR = "hf"
CT2_DIR = "ct2-int8"


@dataclass(frozen=True)
class RegistryEntry:
    name: str
    src: str
    tgt: str
    repo: str | None = None
    revision: str = "main"
    path: Path | None = None
    default: bool = False


@dataclass
class InstalledModel:
    """A checkpoint folder found on disk."""

    name: str
    root: Path
    src: str
    tgt: str
    test: bool
    repo: str | None
    revision: str
    manifest: dict = field(default_factory=dict)

    @property
    def hf_path(self) -> Path:
        return self.root / HF_DIR

    @property
    def ct2_path(self) -> Path:
        return self.root / CT2_DIR

    @property
    def has_ct2(self) -> bool:
        return (self.ct2_path / "model.bin").is_file()

    @property
    def has_hf(self) -> bool:
        return (self.hf_path / "config.json").is_file()

    @property
    def backends(self) -> list[str]:
        return [b for b, ok in (("ctranslate2", self.has_ct2), ("transformers", self.has_hf)) if ok]

    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.root.rglob("*") if p.is_file())

    @property
    def model_id(self) -> str:
        return self.repo or self.name


def load_registry(path: Path = REGISTRY_FILE) -> list[RegistryEntry]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SongnguError(f"cannot read model registry {path}: {exc}") from exc
    entries = []
    for i, raw in enumerate(data.get("model", []), start=1):
        try:
            entries.append(
                RegistryEntry(
                    name=raw["name"],
                    src=raw["src"],
                    tgt=raw["tgt"],
                    repo=raw.get("repo"),
                    revision=raw.get("revision", "main"),
                    path=Path(raw["path"]) if raw.get("path") else None,
                    default=bool(raw.get("default", False)),
                )
            )
        except KeyError as exc:
            raise SongnguError(f"{path}: model #{i} lacks {exc.args[0]!r}") from exc
    return entries


def write_manifest(root: Path, **fields: object) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / MANIFEST).write_text(json.dumps(fields, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _read_installed(root: Path) -> InstalledModel | None:
    manifest_path = root / MANIFEST
    if not manifest_path.is_file():
        return None
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        return InstalledModel(
            name=manifest.get("name", root.name),
            root=root,
            src=manifest["src"],
            tgt=manifest["tgt"],
            test=bool(manifest.get("test", False)),
            repo=manifest.get("repo"),
            revision=str(manifest.get("revision", "local")),
            manifest=manifest,
        )
    except (OSError, ValueError, KeyError):
        return None


def installed_models(models_dir: Path) -> list[InstalledModel]:
    """Every checkpoint folder under ``models_dir`` that has a readable manifest."""
    found: list[InstalledModel] = []
    if models_dir.is_dir():
        for child in sorted(models_dir.iterdir()):
            if child.is_dir():
                model = _read_installed(child)
                if model is not None and (model.has_hf or model.has_ct2):
                    found.append(_default_revision(model))
    for entry in load_registry():
        if entry.path is not None:
            model = _read_installed(entry.path)
            if model is not None:
                found.append(model)
    return found


def _default_revision(model: InstalledModel) -> InstalledModel:
    """The revision the folder names as its default (``models.revisions``), else the base checkpoint."""
    from models.revisions import resolve_default

    return resolve_default(model)


def _pick_revision(model: InstalledModel, revision: str) -> InstalledModel:
    from models.revisions import base_root, revision_model

    base = _read_installed(base_root(model))
    if base is not None and base.revision == revision:
        return base
    picked = revision_model(model, revision)
    if picked is None:
        raise ModelNotFoundError(f"model {model.name!r} has no complete revision {revision!r}")
    return picked


def find_model(models_dir: Path, src: str, tgt: str, name: str | None = None) -> InstalledModel:
    """The best installed checkpoint for a direction: a named one, else a real one, else a test one."""
    candidates = [m for m in installed_models(models_dir) if (m.src, m.tgt) == (src, tgt)]
    if name is not None:
        name, _, revision = name.partition("@")  # NAME@REVISION: one revision, default or not
        for m in candidates:
            if m.name == name:
                return _pick_revision(m, revision) if revision else m
        raise ModelNotFoundError(f"model {name!r} for {src}->{tgt} is not installed under {models_dir}")
    if not candidates:
        raise ModelNotFoundError(
            f"no {src}->{tgt} model installed under {models_dir}: run `songngu models fetch` "
            f"(needs the Hugging Face Hub), copy a checkpoint folder there, or run "
            f"`songngu models make-test` for tiny test models"
        )
    defaults = {e.name for e in load_registry() if e.default}
    candidates.sort(key=lambda m: (m.test, m.name not in defaults, not m.has_ct2, m.name))
    return candidates[0]


# -- kept scores ---------------------------------------------------------------
# One JSON object per line in ``<model root>/scores.jsonl``: which set, direction and
# settings were scored, the figures with their sacrebleu signatures, and when. A
# plain file beside the weights survives without a database and travels with them.

SCORES_FILE = "scores.jsonl"


def append_score(root: Path, record: dict) -> None:
    """Add one score record; the line goes out in a single append, so readers never see half of it."""
    import os

    line = (json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(root / SCORES_FILE, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def read_scores(root: Path) -> list[dict]:
    """The kept score records of a model, newest first; a damaged line is skipped, not fatal."""
    path = root / SCORES_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    records = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    records.reverse()  # the later of two lines with the same date first (sort is stable)
    records.sort(key=lambda r: str(r.get("date", "")), reverse=True)
    return records
