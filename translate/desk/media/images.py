"""An uploaded or embedded picture, checked from its bytes and re-encoded clean.

Every image is untrusted: its name and the type it claims say nothing, so Pillow
identifies it from its bytes, restricted to the four formats a web page shows
everywhere (JPEG, PNG, WebP, GIF). Sizes are checked before any pixel is decoded:
the file's bytes, then the dimensions from the header, so a "decompression bomb"
(a few kilobytes that inflate to gigabytes of pixels) costs nothing. The picture
is then decoded and written again, which is what strips EXIF, XMP, comments and
text chunks -- a phone photo carries the GPS position of whoever took it. The
EXIF orientation is applied first, so a portrait photo stays upright once the tag
that turned it is gone. Only the colour profile is kept: it is not about anyone,
and without it colours shift.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from translate.errors import InputError, TooLargeError

MAX_IMAGE_BYTES = 15 * 1024 * 1024  # one image file, as uploaded or embedded
MAX_PIXELS = 50_000_000  # width x height (x frames for an animation): a 50-megapixel camera's photo
MAX_FRAMES = 500  # an animated GIF or WebP
JPEG_QUALITY = 90

# Pillow's format name -> (MIME type, file extension).
FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/gif", "gif"),
}
EXTENSIONS = frozenset(ext for _mime, ext in FORMATS.values())
MIME_BY_EXT = {ext: mime for mime, ext in FORMATS.values()}
ACCEPTED = "JPEG, PNG, WebP or GIF"


@dataclass(frozen=True)
class CleanImage:
    """The re-encoded picture: what is stored, and what it is named by."""

    data: bytes
    sha256: str
    mime: str
    ext: str
    width: int
    height: int

    @property
    def name(self) -> str:
        """The stored file's name, ``<sha256>.<ext>``."""
        return f"{self.sha256}.{self.ext}"


def clean_image(data: bytes, name: str) -> CleanImage:
    """Check ``data`` is a picture within the limits and return it re-encoded without metadata.

    ``name`` is only used in error messages (the upload's file name or the
    .docx part), so the person who sent it knows which picture was refused.
    """
    if not isinstance(data, bytes | bytearray) or not data:
        raise InputError(f"{name} is empty")
    if len(data) > MAX_IMAGE_BYTES:
        raise TooLargeError(f"{name} is too large: {len(data):,} bytes (limit {MAX_IMAGE_BYTES:,} bytes per image)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(bytes(data)), formats=list(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        found = re.search(r"\((\d+) pixels\)", str(exc))
        what = f"{int(found.group(1)):,} pixels" if found else "its dimensions"
        raise TooLargeError(f"{name} is too large: {what} (limit {MAX_PIXELS:,} pixels per image)") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise InputError(f"{name} is not a {ACCEPTED} image ({_reason(exc)})") from None
    with img:
        width, height = img.size
        frames = getattr(img, "n_frames", 1) or 1
        if width < 1 or height < 1:
            raise InputError(f"{name} is not a usable image: it is {width} x {height} pixels")
        if frames > MAX_FRAMES:
            raise TooLargeError(f"{name} is too large: {frames:,} frames (limit {MAX_FRAMES:,})")
        if width * height * frames > MAX_PIXELS:
            what = f"{width:,} x {height:,} pixels" + (f" x {frames:,} frames" if frames > 1 else "")
            raise TooLargeError(f"{name} is too large: {what} (limit {MAX_PIXELS:,} pixels per image)")
        fmt = img.format or ""
        mime, ext = FORMATS[fmt]
        try:
            out = _reencode(img, fmt, frames)
        except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError) as exc:
            raise InputError(f"{name} is a damaged {fmt} image ({_reason(exc)})") from None
    with Image.open(io.BytesIO(out)) as check:
        width, height = check.size
    return CleanImage(out, hashlib.sha256(out).hexdigest(), mime, ext, width, height)


def _reason(exc: BaseException) -> str:
    text = str(exc).split("\n", 1)[0][:160]
    return text or type(exc).__name__


def _bare(frame: Image.Image, icc: bytes | None) -> Image.Image:
    """A copy of the pixels with no metadata but the colour profile."""
    frame.load()
    copy = frame.copy()
    copy.info = {"icc_profile": icc} if icc else {}
    return copy


def _reencode(img: Image.Image, fmt: str, frames: int) -> bytes:
    icc = img.info.get("icc_profile")
    buf = io.BytesIO()
    if frames > 1:  # animated GIF or WebP: every frame, with its timing
        durations, pictures = [], []
        for frame in ImageSequence.Iterator(img):
            durations.append(int(frame.info.get("duration", 100) or 100))
            pictures.append(_bare(frame.convert("RGBA"), None))
        options = {"save_all": True, "append_images": pictures[1:], "duration": durations,
                   "loop": int(img.info.get("loop", 0) or 0)}
        if fmt == "GIF":
            options["disposal"] = 2
        else:
            options["quality"] = JPEG_QUALITY
        pictures[0].save(buf, fmt, **options)
        return buf.getvalue()
    upright = ImageOps.exif_transpose(img)  # applies and drops the Orientation tag; a copy either way
    if upright is None:  # older Pillow returns None for in-place; we never ask for in-place
        upright = img
    picture = _bare(upright, icc)
    options: dict = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        if picture.mode not in ("RGB", "L", "CMYK"):
            picture = picture.convert("RGB")
        picture.save(buf, "JPEG", quality=JPEG_QUALITY, **options)
    elif fmt == "PNG":
        transparency = img.info.get("transparency")
        if transparency is not None and picture.mode in ("P", "L", "RGB"):
            options["transparency"] = transparency
        picture.save(buf, "PNG", **options)
    elif fmt == "WEBP":
        if picture.mode not in ("RGB", "RGBA"):
            picture = picture.convert("RGBA" if "A" in picture.mode or "transparency" in img.info else "RGB")
        picture.save(buf, "WEBP", quality=JPEG_QUALITY, **options)
    else:  # GIF, one frame
        transparency = img.info.get("transparency")
        if picture.mode not in ("P", "L"):
            picture = picture.convert("P", palette=Image.Palette.ADAPTIVE)
            transparency = None
        if transparency is not None:
            options["transparency"] = transparency
        options.pop("icc_profile", None)
        picture.save(buf, "GIF", **options)
    return buf.getvalue()
