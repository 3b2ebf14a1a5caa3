"""Site releases: each publication builds a fresh folder and the site switches to it in one step.

``SONGNGU_SITE_DIR`` is a symbolic link to ``<site_dir>.releases/<id>/``. A new
release starts as a copy of the current one made of hard links (cheap: no file
data is copied), then only the pages the change affects are written -- each as a
*new* file (the old link is removed first), so the current release's files are
never touched. The switch is ``os.replace`` of a temporary link over the site's
link, which is atomic on POSIX: a reader (or a web server) sees the old site or
the new one, never a mix, and a failure before the switch leaves the old release
as it was, byte for byte. The last few releases are kept; older ones are pruned.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from translate.errors import SongnguError

KEEP = 5
_PROCESS_LOCK = threading.Lock()


class SiteError(SongnguError):
    """The site folder is not ours to write (something else is in its place)."""

    code = "site_conflict"


class SiteWriteError(SongnguError):
    """The disk refused a write (full, read-only): nothing was published, the old site stands."""

    code = "site_unavailable"


class Release:
    """A release folder being written; nothing points at it until :meth:`SiteReleases.switch`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.id = path.name

    def write(self, relpath: str, data: bytes) -> None:
        """Write a page as a new file: the hard-linked original, shared with the live release, stays intact."""
        target = self.path / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        with open(target, "xb") as fh:
            fh.write(data)

    def remove(self, relpath: str) -> None:
        """Drop a page folder (or file) from this release only."""
        target = self.path / relpath
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)

    def copy_in(self, source: Path, relpath: str) -> None:
        """A file from outside the site (a photo), hard-linked when it can be, copied otherwise."""
        target = self.path / relpath
        if target.exists():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:
            shutil.copy2(source, target)


class SiteReleases:
    def __init__(self, site_dir: Path, keep: int = KEEP) -> None:
        self.link = Path(site_dir)
        self.root = self.link.parent / f"{self.link.name}.releases"
        self.keep = keep

    # --- reading ------------------------------------------------------------------------------

    def current(self) -> Path | None:
        """The live release folder, or None when nothing has been published yet."""
        if not self.link.is_symlink():
            return None
        target = (self.link.parent / os.readlink(self.link)).resolve()
        return target if target.is_dir() else None

    def current_id(self) -> str | None:
        current = self.current()
        return current.name if current is not None else None

    def release_ids(self) -> list[str]:
        """Finished release folders, oldest first (ids sort by time)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.is_dir() and not p.name.startswith("."))

    # --- writing ------------------------------------------------------------------------------

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One writer at a time, across threads and processes (the desk, a worker, the CLI)."""
        self.root.mkdir(parents=True, exist_ok=True)
        with _PROCESS_LOCK, open(self.root / ".lock", "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def check_link(self) -> None:
        """The site folder must be our link: a real folder there is refused unless it is empty."""
        if self.link.is_symlink() or not self.link.exists():
            return
        if self.link.is_dir() and not any(self.link.iterdir()):
            self.link.rmdir()
            return
        raise SiteError(f"{self.link} is not the site's link to its current release; move it away "
                        "(SONGNGU_SITE_DIR names where the site goes, and songngu manages it)")

    def new(self, *, copy_current: bool) -> Release:
        """A fresh release folder, empty or a hard-link copy of the live one."""
        self.check_link()
        self.root.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        path = self.root / f"{stamp}-{uuid.uuid4().hex[:8]}"
        current = self.current() if copy_current else None
        try:
            if current is not None:
                link_tree(current, path)
            else:
                path.mkdir()
        except BaseException as exc:
            shutil.rmtree(path, ignore_errors=True)
            if isinstance(exc, OSError):
                raise SiteWriteError(f"a new site release could not be made ({exc}); the site is as it was") from exc
            raise
        return Release(path)

    def switch(self, release_id: str | None) -> None:
        """Point the site at a release (None: at nothing) in one atomic rename."""
        self.check_link()
        if release_id is None:
            self.link.unlink(missing_ok=True)
            return
        tmp = self.link.parent / f".{self.link.name}.{uuid.uuid4().hex[:8]}.tmp"
        os.symlink(os.path.relpath(self.root / release_id, self.link.parent), tmp)
        try:
            os.replace(tmp, self.link)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _fsync_dir(self.link.parent)

    def discard(self, release: Release) -> None:
        shutil.rmtree(release.path, ignore_errors=True)

    def prune(self, committed: set[str]) -> None:
        """Keep the live release and the newest few committed ones; drop the rest (and any left by a failure)."""
        current = self.current_id()
        ids = self.release_ids()
        kept = [i for i in ids if i in committed][-self.keep:]
        for release_id in ids:
            if release_id != current and release_id not in kept:
                shutil.rmtree(self.root / release_id, ignore_errors=True)

    def newest_existing(self, candidates: list[str]) -> str | None:
        """The newest of ``candidates`` (newest first) whose folder still exists."""
        for release_id in candidates:
            if (self.root / release_id).is_dir():
                return release_id
        return None


def _fsync_dir(path: Path) -> None:
    """Make the switch durable where the filesystem allows; best effort, never an error after the rename."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some filesystems refuse fsync on a folder; the rename itself already happened
        pass
    finally:
        os.close(fd)


def link_tree(source: Path, target: Path) -> None:
    """A copy of ``source`` made of hard links: folders are created, files share their data (and inodes)."""
    stack = [(os.fspath(source), os.fspath(target))]
    while stack:
        src, dst = stack.pop()
        os.mkdir(dst)
        with os.scandir(src) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, os.path.join(dst, entry.name)))
                else:
                    os.link(entry.path, os.path.join(dst, entry.name), follow_symlinks=False)
