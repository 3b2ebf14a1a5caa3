"""The pictures embedded in a .docx: each relationship's part read (bounded) and cleaned.

A picture in Word is ``<w:drawing>`` ... ``<a:blip r:embed="rIdN">``: the id names a
relationship of the main part whose target is the image part (``word/media/...``).
Each is read once, however often it is shown, within the package's limits, and
checked and re-encoded by :func:`translate.desk.media.images.clean_image`. A part that
is missing or is not a JPEG, PNG, WebP or GIF refuses the whole import, naming the
picture: an article silently missing a photo is worse than a clear error. A picture
only *linked* (a URL, not embedded) is never fetched: it is left out.
"""

from __future__ import annotations

import posixpath
import unicodedata
from dataclasses import dataclass

from translate.desk.docx_package import Package
from translate.desk.media.images import MAX_IMAGE_BYTES, CleanImage, clean_image
from translate.errors import InputError, TooLargeError

MAX_PICTURES = 100  # distinct pictures in one document
MAX_PICTURE_BYTES_TOTAL = 150 * 1024 * 1024  # inflated, all pictures together


@dataclass(frozen=True)
class DocxPicture:
    image: CleanImage
    filename: str  # the part's name, e.g. image1.png
    alt: str  # the picture's description (or title) in Word's Alt Text pane


class Pictures:
    """rId -> cleaned picture, read on first use."""

    def __init__(self, package: Package, main: str, targets: dict[str, str], file: str) -> None:
        self.package, self.main, self.targets, self.file = package, main, targets, file
        self.by_rid: dict[str, CleanImage] = {}
        self.found: list[DocxPicture] = []
        self.total = 0

    def get(self, rid: str, alt: str) -> CleanImage | None:
        """The picture for relationship ``rid``; None when it is not an embedded image (a link)."""
        if rid in self.by_rid:
            return self.by_rid[rid]
        target = self.targets.get(rid)
        if target is None:
            return None
        member = self.package.resolve(self.main, target)
        if member is None:
            raise InputError(f"{self.file}: a picture ({rid}) points at {target}, which is not in the file; "
                             "insert the picture again in Word and save")
        if len(self.by_rid) >= MAX_PICTURES:
            raise TooLargeError(f"{self.file} is too large: more than {MAX_PICTURES} pictures (limit {MAX_PICTURES})")
        data = self.package.read_bytes(member, MAX_IMAGE_BYTES)
        self.total += len(data)
        if self.total > MAX_PICTURE_BYTES_TOTAL:
            raise TooLargeError(f"{self.file} is too large: its pictures pass {MAX_PICTURE_BYTES_TOTAL:,} bytes "
                                f"(limit {MAX_PICTURE_BYTES_TOTAL:,})")
        name = posixpath.basename(member)
        image = clean_image(data, f"{self.file}: picture {name}")
        self.by_rid[rid] = image
        self.found.append(DocxPicture(image, name, " ".join(unicodedata.normalize("NFC", alt).split())))
        return image
