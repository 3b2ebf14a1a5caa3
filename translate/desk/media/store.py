"""The media folder: image files named by the SHA-256 of their bytes.

Content addressing makes a write idempotent (the same picture imported twice is
one file), lets the desk serve a file forever-cacheable (its name changes when
its bytes do), and means nothing ever has to be renamed or overwritten. Files are
written to a temporary name and renamed into place, so a reader never sees half a
picture. A file is only removed by :meth:`MediaStore.discard` when a failed import
created it and no row points at it.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from translate.desk.media.images import EXTENSIONS, CleanImage

_SHA = re.compile(r"\A[0-9a-f]{64}\Z")


def valid_name(sha256: str, ext: str) -> bool:
    """Whether ``<sha256>.<ext>`` can name a stored file (checked before any path is built)."""
    return isinstance(sha256, str) and bool(_SHA.match(sha256)) and ext in EXTENSIONS


class MediaStore:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def path(self, sha256: str, ext: str) -> Path:
        if not valid_name(sha256, ext):
            raise ValueError(f"not a media file name: {sha256!r}.{ext!r}")
        return self.root / f"{sha256}.{ext}"

    def put(self, image: CleanImage) -> bool:
        """Store the image; True when this call created the file (False: it was there already)."""
        target = self.path(image.sha256, image.ext)
        if target.exists():
            return False
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-", suffix="." + image.ext)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(image.data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return True

    def discard(self, sha256: str, ext: str) -> None:
        self.path(sha256, ext).unlink(missing_ok=True)

    def exists(self, sha256: str, ext: str) -> bool:
        return valid_name(sha256, ext) and self.path(sha256, ext).is_file()
