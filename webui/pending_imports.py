"""Glossary files waiting between their preview and the curator's "Import": kept on the server, not re-sent.

A preview must be followed by an import of exactly the file that was shown, so
the upload is kept in the instance folder under a random id and its SHA-256;
the preview page sends back only the id and the hash, and the import reads the
bytes again and checks both (and that the same user asks). Files are small
(the upload limit) and short-lived: anything older than ``MAX_AGE`` is removed
on the next save. Several web processes on one machine share the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

MAX_AGE_S = 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


@dataclass(frozen=True)
class PendingImport:
    id: str
    user_id: int
    filename: str
    fmt: str
    status: str
    sha256: str
    data: bytes


class PendingImports:
    """Uploads kept for one hour between preview and import, one file per upload, owner-bound."""

    def __init__(self, folder: Path, max_age_s: float = MAX_AGE_S) -> None:
        self.folder = folder
        self.max_age_s = max_age_s

    def save(self, *, user_id: int, filename: str, fmt: str, status: str, data: bytes) -> PendingImport:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._expire()
        pending = PendingImport(id=secrets.token_urlsafe(18), user_id=user_id, filename=filename, fmt=fmt,
                                status=status, sha256=hashlib.sha256(data).hexdigest(), data=data)
        self._write(self._path(pending.id, ".bin"), data)
        meta = {"user_id": user_id, "filename": filename, "fmt": fmt, "status": status, "sha256": pending.sha256}
        self._write(self._path(pending.id, ".json"), json.dumps(meta).encode("utf-8"))
        return pending

    def load(self, pending_id: str, *, user_id: int, sha256: str) -> PendingImport | None:
        """The upload, if it exists, is young enough, belongs to ``user_id`` and still hashes to ``sha256``."""
        if not isinstance(pending_id, str) or not _ID.match(pending_id):
            return None
        meta_path, data_path = self._path(pending_id, ".json"), self._path(pending_id, ".bin")
        try:
            if time.time() - meta_path.stat().st_mtime > self.max_age_s:
                return None
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            data = data_path.read_bytes()
        except (OSError, ValueError):
            return None
        digest = hashlib.sha256(data).hexdigest()
        if meta.get("user_id") != user_id or digest != meta.get("sha256") or digest != sha256:
            return None
        return PendingImport(id=pending_id, user_id=user_id, filename=str(meta.get("filename", "")),
                             fmt=str(meta.get("fmt", "")), status=str(meta.get("status", "")), sha256=digest,
                             data=data)

    def discard(self, pending_id: str) -> None:
        if isinstance(pending_id, str) and _ID.match(pending_id):
            for suffix in (".bin", ".json"):
                self._path(pending_id, suffix).unlink(missing_ok=True)

    def _path(self, pending_id: str, suffix: str) -> Path:
        return self.folder / f"{pending_id}{suffix}"

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)

    def _expire(self) -> None:
        cutoff = time.time() - self.max_age_s
        for path in self.folder.glob("*.*"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink(missing_ok=True)
            except OSError:
                continue
