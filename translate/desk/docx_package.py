"""The zip package of an Office document, read part by part with every size bounded.

A .docx is a zip of XML parts. Nothing here trusts it: the number of members
and each member's inflated size (from the zip directory, which Python's zipfile
then enforces while inflating) are checked before a byte is inflated, so a zip
bomb costs nothing; each part is fed to lxml's event parser in chunks, so no
tree is built and a reader can stop the parse the moment a limit is passed; and
a DOCTYPE is refused at its first byte, before any entity could be declared --
Word never writes one, and entity-expansion ("billion laughs") and
external-entity attacks both begin with one.
"""

from __future__ import annotations

import io
import lzma
import posixpath
import zipfile
import zlib
from collections.abc import Mapping

from lxml import etree

from translate.errors import InputError, TooLargeError

MAX_MEMBERS = 5_000  # files inside the package (Word writes a dozen, plus one per image)
MAX_PART_BYTES = 32 * 1024 * 1024  # inflated size of the main document part
MAX_AUX_PART_BYTES = 8 * 1024 * 1024  # styles, numbering, relationships, properties
MAX_ELEMENTS = 2_000_000  # XML elements in one part
_CHUNK = 64 * 1024
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, NotImplementedError,
               RuntimeError, ValueError)


def attr_value(attrib: Mapping[str, str], name: str = "val") -> str | None:
    """An attribute by its local name (``w:val`` -> ``val``), whatever namespace the file uses."""
    for key, value in attrib.items():
        if key.rpartition("}")[2] == name:
            return value
    return None


class PartReader:
    """An lxml parser target: refuses a DTD, counts elements, keeps the stack of open local names.

    Subclasses implement ``opened``/``closed``/``data``; ``self.stack`` holds the
    open ancestors (the element itself is pushed after ``opened`` returns).
    """

    def __init__(self, file: str, part: str) -> None:
        self.file, self.part = file, part
        self.elements = 0
        self.stack: list[str] = []
        self._names: dict[str, str] = {}  # "{namespace}local" -> "local"; a part uses a few dozen

    def doctype(self, *_args: object) -> None:
        raise InputError(f"{self.file}: {self.part} declares a DOCTYPE; a Word document never does, so the file "
                         "was refused (DOCTYPE and ENTITY declarations carry entity-expansion attacks)")

    # Called for every element of the part, so kept lean: only the names in ``opens``/``closes`` (all
    # names when None) reach ``opened``/``closed``, and the root always does.
    opens: frozenset[str] | None = None
    closes: frozenset[str] | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise TooLargeError(f"{self.file} is too large: {self.part} has more than {MAX_ELEMENTS:,} XML "
                                f"elements (limit {MAX_ELEMENTS:,})")
        name = self._names.get(tag)
        if name is None:
            name = tag[tag.find("}") + 1:]
            if len(self._names) < 256:
                self._names[tag] = name
        stack = self.stack
        if not stack or self.opens is None or name in self.opens:
            self.opened(name, attrib)
        stack.append(name)

    def end(self, _tag: str) -> None:
        name = self.stack.pop()
        if self.closes is None or name in self.closes:
            self.closed(name)

    def data(self, text: str) -> None:
        pass

    def close(self) -> None:
        return None

    def opened(self, name: str, attrib: dict[str, str]) -> None:
        pass

    def closed(self, name: str) -> None:
        pass


class Relationships(PartReader):
    """A ``.rels`` part: relationship id -> (type, target, target mode)."""

    def __init__(self, file: str, part: str) -> None:
        super().__init__(file, part)
        self.rels: dict[str, tuple[str, str, str]] = {}

    def opened(self, name: str, attrib: dict[str, str]) -> None:
        if name == "Relationship" and attrib.get("Id"):
            self.rels[attrib["Id"]] = (attrib.get("Type", ""), attrib.get("Target", ""),
                                       attrib.get("TargetMode", "Internal"))

    def target(self, kind: str) -> str | None:
        """The internal target of the first relationship whose type ends in ``/kind``."""
        return next((t for typ, t, mode in self.rels.values() if typ.endswith("/" + kind) and mode != "External"),
                    None)

    def targets(self, kind: str) -> dict[str, str]:
        return {rid: t for rid, (typ, t, _mode) in self.rels.items() if typ.endswith("/" + kind)}


class Package:
    """The zip container of an Office document."""

    def __init__(self, data: bytes, file: str) -> None:
        self.file = file
        # zipfile reads the whole directory before anyone can count it (200,000 empty members fit in
        # 17 MB and cost seconds); each directory record starts with this signature, so count those first.
        if data.count(b"PK\x01\x02") > MAX_MEMBERS:
            raise TooLargeError(f"{file} is too large: more than {MAX_MEMBERS:,} files inside "
                                f"(limit {MAX_MEMBERS:,})")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))  # BytesIO shares the bytes, no copy
            infos = self.zip.infolist()
        except _ZIP_ERRORS as exc:
            raise InputError(f"{file} is not a readable .docx file ({type(exc).__name__}: {exc})") from None
        if len(infos) > MAX_MEMBERS:
            raise TooLargeError(f"{file} is too large: {len(infos):,} files inside (limit {MAX_MEMBERS:,})")
        self.names = {info.filename: info for info in infos}
        self._rels: dict[str, Relationships] = {}

    def read(self, name: str, reader: PartReader, limit: int) -> None:
        """Stream member ``name`` through ``reader``; its declared and its actual size are held to ``limit``."""
        info = self.names[name]
        if info.file_size > limit:
            raise TooLargeError(f"{self.file} is too large: {name} inflates to {info.file_size:,} bytes "
                                f"(limit {limit:,})")
        # resolve_entities only decodes &amp; and character references here: the reader refuses a
        # DOCTYPE as it starts, before any entity can be declared, and lxml then stops the parser.
        parser = etree.XMLParser(target=reader, resolve_entities=True, no_network=True, load_dtd=False,
                                 huge_tree=False)
        total = 0
        try:
            stream = self.zip.open(info)
        except _ZIP_ERRORS as exc:
            raise self._unreadable(name, exc) from None
        with stream:
            while True:
                try:
                    chunk = stream.read(_CHUNK)
                except _ZIP_ERRORS as exc:
                    raise self._unreadable(name, exc) from None
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:  # zipfile stops at the declared size; this is belt and braces
                    raise TooLargeError(f"{self.file} is too large: {name} inflates past {limit:,} bytes")
                self._feed(parser, name, chunk)
        self._feed(parser, name, None)

    def _feed(self, parser: etree.XMLParser, name: str, chunk: bytes | None) -> None:
        try:
            if chunk is None:
                parser.close()
            else:
                parser.feed(chunk)
        except etree.XMLSyntaxError as exc:
            raise InputError(f"{self.file}: {name} is not well-formed XML ({exc.msg})") from None

    def _unreadable(self, name: str, exc: BaseException) -> InputError:
        return InputError(f"{self.file}: cannot read {name} from the .docx ({type(exc).__name__}: {exc})")

    def relationships(self, part: str) -> Relationships:
        """The relationships of ``part`` ('' for the package itself); empty when it has none."""
        if part not in self._rels:
            folder, base = posixpath.split(part)
            rels_name = posixpath.join(folder, "_rels", base + ".rels")
            rels = Relationships(self.file, rels_name)
            if rels_name in self.names:
                self.read(rels_name, rels, MAX_AUX_PART_BYTES)
            self._rels[part] = rels
        return self._rels[part]

    def resolve(self, source: str, target: str | None) -> str | None:
        """A relationship target as a member name (relative to the part naming it); None if absent."""
        if not target:
            return None
        if target.startswith("/"):
            name = posixpath.normpath(target.lstrip("/"))
        else:
            name = posixpath.normpath(posixpath.join(posixpath.dirname(source), target))
        return name if name in self.names else None

    def read_bytes(self, name: str, limit: int) -> bytes:
        """The raw bytes of member ``name`` (an embedded picture), its declared and actual size held to ``limit``."""
        info = self.names[name]
        if info.file_size > limit:
            raise TooLargeError(f"{self.file} is too large: {name} inflates to {info.file_size:,} bytes "
                                f"(limit {limit:,} per picture)")
        try:
            with self.zip.open(info) as stream:
                data = stream.read(limit + 1)
        except _ZIP_ERRORS as exc:
            raise self._unreadable(name, exc) from None
        if len(data) > limit:
            raise TooLargeError(f"{self.file} is too large: {name} inflates past {limit:,} bytes")
        return data
