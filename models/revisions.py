"""Model revisions: adapted checkpoints installed beside the base one, and which of them is the default.

Layout inside a model folder (``<models_dir>/<name>/``)::

    songngu.json, hf/, ct2-int8/      the base checkpoint (as fetched, added or built)
    revisions/<id>/                   a complete adapted revision: songngu.json, hf/, ct2-int8/
    revisions/.staging-<id>/          a revision being written: never read by anything
    default.json                      {"revision": <id> | null, "history": [...]}

A revision is written into its staging folder and renamed into place with one
``os.replace`` only when everything is in it (weights, conversion, evaluation,
manifest with ``complete: true``), so a run killed half-way leaves a staging folder
that no loader looks at. ``default.json`` is also replaced atomically; a default
naming a revision that is missing or incomplete falls back to the base checkpoint.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from models.registry import CT2_DIR, HF_DIR, MANIFEST, InstalledModel
from translate.errors import ModelNotFoundError, SongnguError

log = logging.getLogger("songngu.models")

REVISIONS_DIR = "revisions"
DEFAULT_FILE = "default.json"
STAGING_PREFIX = ".staging-"
REVISION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,79}$")


class RevisionError(SongnguError):
    code = "revision_error"


def new_revision_id(now: datetime | None = None) -> str:
    """A revision id that sorts by time and names what it is: ``adapt-20261203T110300``."""
    now = now or datetime.now(UTC)
    return "adapt-" + now.strftime("%Y%m%dT%H%M%S")


def base_root(model: InstalledModel) -> Path:
    """The model folder a (base or adapted) installed model belongs to."""
    root = model.root
    if root.parent.name == REVISIONS_DIR:
        return root.parent.parent
    return root


def write_json_atomic(path: Path, data: dict) -> None:
    """Write JSON to a temporary file beside ``path`` and rename it over: readers see old or new, never half."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _read_json(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None


def is_complete(folder: Path) -> bool:
    """A revision folder that was renamed into place with everything in it."""
    if folder.name.startswith(".") or not REVISION_RE.match(folder.name):
        return False
    manifest = _read_json(folder / MANIFEST)
    if not manifest or manifest.get("complete") is not True:
        return False
    return (folder / CT2_DIR / "model.bin").is_file() or (folder / HF_DIR / "config.json").is_file()


def revision_model(base: InstalledModel, revision: str) -> InstalledModel | None:
    """The installed model for one complete revision of ``base``; None when it is not complete."""
    folder = base_root(base) / REVISIONS_DIR / revision
    if not is_complete(folder):
        return None
    manifest = _read_json(folder / MANIFEST) or {}
    return replace(base, root=folder, revision=revision, manifest=manifest)


def read_default(root: Path) -> dict:
    data = _read_json(root / DEFAULT_FILE) or {}
    history = data.get("history") if isinstance(data.get("history"), list) else []
    revision = data.get("revision") if isinstance(data.get("revision"), str) else None
    return {"revision": revision, "history": history}


def resolve_default(base: InstalledModel) -> InstalledModel:
    """The revision a model folder's ``default.json`` names, when it is complete; else the base itself."""
    revision = read_default(base.root)["revision"]
    if not revision:
        return base
    model = revision_model(base, revision)
    if model is None:
        log.warning("%s: default revision %s is missing or incomplete; using the base checkpoint",
                     base.root, revision)
        return base
    return model


def list_revisions(base: InstalledModel) -> list[dict]:
    """The base and every complete revision, oldest first, with which is the default."""
    root = base_root(base)
    base_manifest = _read_json(root / MANIFEST) or {}
    default = read_default(root)["revision"]
    current = default if default and is_complete(root / REVISIONS_DIR / default) else None
    rows = [{"revision": str(base_manifest.get("revision", "local")), "base": True, "default": current is None,
             "manifest": base_manifest, "root": str(root)}]
    folder = root / REVISIONS_DIR
    if folder.is_dir():
        for child in sorted(folder.iterdir()):
            if child.is_dir() and is_complete(child):
                rows.append({"revision": child.name, "base": False, "default": child.name == current,
                             "manifest": _read_json(child / MANIFEST) or {}, "root": str(child)})
    return rows


def staging_folder(base: InstalledModel, revision: str) -> Path:
    if not REVISION_RE.match(revision):
        raise RevisionError(f"bad revision id {revision!r}")
    folder = base_root(base) / REVISIONS_DIR / f"{STAGING_PREFIX}{revision}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def publish_staging(staging: Path, manifest: dict) -> Path:
    """Write the manifest (``complete: true``) last, then rename the folder into place in one step."""
    revision = staging.name.removeprefix(STAGING_PREFIX)
    final = staging.parent / revision
    if final.exists():
        raise RevisionError(f"revision {revision} already exists in {staging.parent}")
    write_json_atomic(staging / MANIFEST, {**manifest, "revision": revision, "complete": True})
    os.replace(staging, final)
    return final


def discard_staging(base: InstalledModel, keep: str | None = None) -> list[Path]:
    """Remove staging folders left by runs that stopped (crashed, killed, cancelled); ``keep`` one in use."""
    folder = base_root(base) / REVISIONS_DIR
    removed = []
    if folder.is_dir():
        for child in folder.iterdir():
            if child.name.startswith(STAGING_PREFIX) and child.name != f"{STAGING_PREFIX}{keep}":
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child)
    return removed


def accept(base: InstalledModel, revision: str, by: str | None = None) -> dict:
    """Make ``revision`` the default, but only one whose held-out evaluation found it better.

    The previous default goes onto the history, so :func:`rollback` can restore it.
    """
    root = base_root(base)
    model = revision_model(base, revision)
    if model is None:
        raise ModelNotFoundError(f"{root.name} has no complete revision {revision!r}: see `songngu models "
                                 f"revisions {root.name}`")
    evaluation = model.manifest.get("evaluation") or {}
    if evaluation.get("better") is not True:
        raise RevisionError(f"revision {revision} did not score better than the model it was compared with "
                            f"on the held-out articles; it cannot become the default")
    state = read_default(root)
    if state["revision"] == revision:
        raise RevisionError(f"revision {revision} is already the default of {root.name}")
    history = [*state["history"], {"revision": state["revision"], "until": _now(), "by": by}]
    write_json_atomic(root / DEFAULT_FILE, {"revision": revision, "since": _now(), "by": by, "history": history})
    return {"name": root.name, "revision": revision, "previous": state["revision"]}


def rollback(base: InstalledModel, by: str | None = None) -> dict:
    """Restore the default before the current one (the base checkpoint when the history is empty)."""
    root = base_root(base)
    state = read_default(root)
    if not state["revision"]:
        raise RevisionError(f"{root.name} already uses its base checkpoint: nothing to roll back")
    history = list(state["history"])
    previous = None
    while history:
        candidate = history.pop().get("revision")
        if candidate is None or revision_model(base, candidate) is not None:
            previous = candidate
            break
    write_json_atomic(root / DEFAULT_FILE, {"revision": previous, "since": _now(), "by": by, "history": history})
    return {"name": root.name, "revision": previous, "previous": state["revision"]}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
